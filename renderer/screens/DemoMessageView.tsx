import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InboxAddress, InboxMessage } from '../../shared/demo-inbox';
import { bridge, BridgeError } from '../bridge';

const LOCALES: Record<string, string> = { fr: 'fr-FR', en: 'en-GB', de: 'de-DE' };

const DATE_FORMATS: Record<'time' | 'dayTime' | 'full', Intl.DateTimeFormatOptions> = {
  time: { hour: '2-digit', minute: '2-digit', second: '2-digit' },
  dayTime: { day: '2-digit', month: '2-digit', hour: '2-digit', minute: '2-digit' },
  full: { weekday: 'short', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit' },
};

/** Formats an ISO 8601 time in the kiosk's language and local time zone. */
export function formatDateTime(iso: string, language: string, format: keyof typeof DATE_FORMATS): string {
  return new Intl.DateTimeFormat(LOCALES[language] ?? language, DATE_FORMATS[format]).format(new Date(iso));
}

function formatMailbox(mailbox: InboxAddress): string {
  return mailbox.name ? `${mailbox.name} <${mailbox.address}>` : mailbox.address;
}

type Loaded = { state: 'loading' } | { state: 'loaded'; message: InboxMessage } | { state: 'failed'; notFound: boolean; reason: string };

/** Shows one received e-mail as its recipient would read it: the From, To, Subject and Date headers, then the text body. */
export function DemoMessageView({ id, onBack }: { id: string; onBack: () => void }) {
  const { t, i18n } = useTranslation('demo');
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });

  useEffect(() => {
    let current = true;
    bridge.getDemoMessage({ id }).then(
      (message) => {
        if (current) setLoaded({ state: 'loaded', message });
      },
      (error: unknown) => {
        const notFound = error instanceof BridgeError && error.error.kind === 'rejected' && error.error.field === 'id';
        if (current) setLoaded({ state: 'failed', notFound, reason: (error as Error).message });
      },
    );
    return () => {
      current = false;
    };
  }, [id]);

  return (
    <div className="demo-message">
      <div className="demo-message__toolbar">
        <button type="button" className="button demo-message__back" onClick={onBack}>
          {t('message.backToList')}
        </button>
      </div>
      {loaded.state === 'failed' ? (
        <p role="alert" className="field-error">
          {loaded.notFound ? t('message.notFound') : t('message.loadFailed', { message: loaded.reason })}
        </p>
      ) : null}
      {loaded.state === 'loaded' ? <MessageContent message={loaded.message} language={i18n.language} /> : null}
    </div>
  );
}

function MessageContent({ message, language }: { message: InboxMessage; language: string }) {
  const { t } = useTranslation('demo');
  const recipients = message.to.length > 0 ? message.to.map(formatMailbox) : message.envelope.rcptTo;

  return (
    <article className="demo-message__article" aria-label={message.subject || t('inbox.noSubject')}>
      <dl className="demo-message__headers">
        <dt>{t('message.from')}</dt>
        <dd>{message.from === null ? t('inbox.noSender') : formatMailbox(message.from)}</dd>
        <dt>{t('message.to')}</dt>
        <dd>{recipients.join(', ')}</dd>
        <dt>{t('message.subject')}</dt>
        <dd className="demo-message__subject">{message.subject || t('inbox.noSubject')}</dd>
        <dt>{t('message.date')}</dt>
        <dd>{message.date === null ? t('message.noDate') : formatDateTime(message.date, language, 'full')}</dd>
      </dl>
      {message.hasHtml ? <p className="demo-message__note">{t('message.htmlNote')}</p> : null}
      {message.textTruncated ? <p className="demo-message__note">{t('message.truncated')}</p> : null}
      <pre className="demo-message__body" tabIndex={0}>
        {message.text}
      </pre>
    </article>
  );
}
