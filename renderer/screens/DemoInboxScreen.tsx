import type { TFunction } from 'i18next';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEMO_INBOX_MAX_MESSAGES, type DemoServerStatus, type InboxSummary } from '../../shared/demo-inbox';
import type { BridgeError } from '../bridge';
import { subscribeToDemoInboxEvents, useDemoInboxStore } from '../stores/demo-inbox-store';
import { useSettingsStore } from '../stores/settings-store';
import { DemoMessageView, formatDateTime } from './DemoMessageView';

/**
 * "Boîte de réception démo": the e-mails that the embedded demo SMTP server received, newest
 * first, updated live. Tapping one shows it as its recipient would read it.
 */
export function DemoInboxScreen() {
  const { t } = useTranslation('demo');
  const summaries = useDemoInboxStore((state) => state.summaries);
  const loadError = useDemoInboxStore((state) => state.loadError);
  const [openId, setOpenId] = useState<string | null>(null);

  useEffect(() => {
    const unsubscribe = subscribeToDemoInboxEvents();
    void useDemoInboxStore.getState().load();
    return unsubscribe;
  }, []);

  if (openId !== null) return <DemoMessageView id={openId} onBack={() => setOpenId(null)} />;

  return (
    <div className="demo-inbox">
      <ServerStatusLine />
      {loadError ? (
        <p role="alert" className="field-error">
          {t('inbox.loadFailed', { message: loadError })}
        </p>
      ) : null}
      {summaries === null ? null : <InboxList summaries={summaries} onOpen={setOpenId} />}
    </div>
  );
}

function InboxList({ summaries, onOpen }: { summaries: InboxSummary[]; onOpen: (id: string) => void }) {
  const { t, i18n } = useTranslation('demo');
  const [confirming, setConfirming] = useState(false);

  return (
    <>
      <div className="demo-inbox__toolbar">
        {summaries.length > 0 ? <span className="demo-inbox__count">{t('inbox.count', { count: summaries.length })}</span> : null}
        {summaries.length >= DEMO_INBOX_MAX_MESSAGES ? (
          <span className="demo-inbox__limit">{t('inbox.limit', { max: DEMO_INBOX_MAX_MESSAGES })}</span>
        ) : null}
        <button
          type="button"
          className="button button--danger"
          disabled={summaries.length === 0}
          onClick={() => setConfirming(true)}
        >
          {t('inbox.clear')}
        </button>
      </div>

      {summaries.length === 0 ? (
        <p className="demo-inbox__empty">{t('inbox.empty')}</p>
      ) : (
        <>
          <div className="demo-inbox__row demo-inbox__row--header" aria-hidden="true">
            <span>{t('inbox.columns.time')}</span>
            <span>{t('inbox.columns.sender')}</span>
            <span>{t('inbox.columns.subject')}</span>
          </div>
          <ul className="demo-inbox__list" aria-label={t('inbox.title')}>
            {summaries.map((summary) => (
              <li key={summary.id}>
                <button type="button" className="demo-inbox__row" onClick={() => onOpen(summary.id)}>
                  <time className="demo-inbox__time" dateTime={summary.receivedAt}>
                    {formatDateTime(summary.receivedAt, i18n.language, isToday(summary.receivedAt) ? 'time' : 'dayTime')}
                  </time>
                  <span className="demo-inbox__sender">
                    {summary.from === null ? t('inbox.noSender') : summary.from.name || summary.from.address}
                  </span>
                  <span className="demo-inbox__subject">{summary.subject || t('inbox.noSubject')}</span>
                </button>
              </li>
            ))}
          </ul>
        </>
      )}

      {confirming ? <ClearConfirmation count={summaries.length} onClose={() => setConfirming(false)} /> : null}
    </>
  );
}

function ClearConfirmation({ count, onClose }: { count: number; onClose: () => void }) {
  const { t } = useTranslation('demo');
  const clear = useDemoInboxStore((state) => state.clear);
  const [error, setError] = useState<BridgeError | null>(null);
  const [clearing, setClearing] = useState(false);

  const confirm = async () => {
    setClearing(true);
    const failure = await clear();
    setClearing(false);
    if (failure === null) onClose();
    else setError(failure);
  };

  return (
    <div className="demo-inbox__overlay">
      <div className="demo-inbox__dialog" role="alertdialog" aria-modal="true" aria-labelledby="demo-inbox-clear-question">
        <p id="demo-inbox-clear-question" className="demo-inbox__question">
          {t('inbox.clearConfirm', { count })}
        </p>
        {error ? (
          <p role="alert" className="field-error">
            {t('inbox.clearFailed', { message: error.message })}
          </p>
        ) : null}
        <div className="demo-inbox__dialog-buttons">
          <button type="button" className="button" disabled={clearing} onClick={onClose}>
            {t('ui:common.cancel')}
          </button>
          <button type="button" className="button button--danger" disabled={clearing} onClick={() => void confirm()}>
            {t('inbox.clearConfirmButton')}
          </button>
        </div>
      </div>
    </div>
  );
}

/** Says where the demo server listens, that it moved to another port, that it is stopped, or why it failed. */
function ServerStatusLine() {
  const { t } = useTranslation('demo');
  const status = useDemoInboxStore((state) => state.status);
  const smtpServer = useSettingsStore((state) => state.settings?.smtp.server);
  if (status === null) return null;

  const message = serverStatusMessage(status, smtpServer, t);
  return (
    <p className={`demo-inbox__status${status.failure !== null ? ' demo-inbox__status--failed' : ''}`} role="status">
      {message}
    </p>
  );
}

function serverStatusMessage(
  status: DemoServerStatus,
  smtpServer: string | undefined,
  t: TFunction<'demo'>,
): string {
  if (!status.running || status.port === null) {
    return status.failure !== null ? t('server.failed', { reason: status.failure }) : t('server.stopped');
  }
  const address = `${status.host}:${status.port}`;
  const moved = status.configuredPort !== 0 && status.port !== status.configuredPort;
  if (moved && smtpServer !== address) {
    return t('server.portChanged', { configured: status.configuredPort, port: status.port, host: status.host });
  }
  return t('server.listening', { host: status.host, port: status.port });
}

function isToday(iso: string): boolean {
  return new Date(iso).toDateString() === new Date().toDateString();
}
