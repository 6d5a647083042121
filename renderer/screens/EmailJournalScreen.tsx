import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { upcomingAttemptTimes, type JournalEntry } from '../../shared/alarm-email';
import { bridge } from '../bridge';
import { useDeviceStore } from '../stores/device-store';
import { clockTime, dateTimeWithSeconds, useAlarmText } from './alarm-text';

/**
 * "Journal des e-mails": the latest delivery attempts of alarm e-mails, newest first, each with
 * its time, event, recipients, result and the device's code. The bar above counts the e-mails
 * waiting in the outbox and sends them at once on request.
 */
export function EmailJournalScreen() {
  const { t } = useTranslation('alarms');
  const journal = useDeviceStore((state) => state.journal);
  const outbox = useDeviceStore((state) => state.outbox);
  const [retrying, setRetrying] = useState(false);
  if (!journal) return null;
  const upcoming = upcomingAttemptTimes(journal);

  const retry = async () => {
    setRetrying(true);
    try {
      useDeviceStore.setState({ outbox: await bridge.retryOutboxNow({}) });
    } finally {
      setRetrying(false);
    }
  };

  return (
    <div className="journal">
      {outbox && (outbox.pending > 0 || outbox.failed > 0) ? (
        <div className="journal__bar" role="status">
          {outbox.pending > 0 ? <span>{t('journal.waiting', { count: outbox.pending })}</span> : null}
          {outbox.failed > 0 ? <span className="journal__failed">{t('journal.failed', { count: outbox.failed })}</span> : null}
          {outbox.pending > 0 ? (
            <button type="button" className="button button--primary" disabled={retrying} onClick={() => void retry()}>
              {t('journal.retryNow')}
            </button>
          ) : null}
        </div>
      ) : null}
      {journal.length === 0 ? (
        <p className="home__empty">{t('journal.empty')}</p>
      ) : (
        <ol className="journal__list" aria-label={t('ui:menu.emailJournal')}>
          {journal.map((entry, index) => (
            <JournalLine key={`${entry.outboxId}:${entry.attempt}:${entry.at}`} entry={entry} nextAttemptAt={upcoming[index] ?? null} />
          ))}
        </ol>
      )}
    </div>
  );
}

/** Shows one attempt, with the next-attempt time only while its e-mail still waits for that retry (`nextAttemptAt`). */
function JournalLine({ entry, nextAttemptAt }: { entry: JournalEntry; nextAttemptAt: number | null }) {
  const { t } = useTranslation('alarms');
  const text = useAlarmText();
  const { result } = entry;
  const event = entry.alarm && entry.event ? text.eventDesignation(entry.alarm, entry.event) : t('email.summary.designation');
  return (
    <li className={`journal__entry journal__entry--${result.outcome}`}>
      <div className="journal__line">
        <time className="journal__time" dateTime={new Date(entry.at).toISOString()}>
          {dateTimeWithSeconds(entry.at)}
        </time>
        <span className="journal__event">{event}</span>
        <span className="journal__result">{t(`journal.outcome.${result.outcome}`)}</span>
      </div>
      <div className="journal__line journal__line--details">
        <span className="journal__field">
          <span className="journal__label">{t('journal.recipients')}</span>
          {entry.recipients.length > 0 ? entry.recipients.join(', ') : t('journal.noRecipient')}
        </span>
        {result.deviceCode !== null ? (
          <span className="journal__field">
            <span className="journal__label">{t('journal.code')}</span>
            <code className="journal__code">{result.deviceCode}</code>
          </span>
        ) : null}
        <span className="journal__field">{t('journal.attempt', { attempt: entry.attempt })}</span>
        {nextAttemptAt !== null ? <span className="journal__field">{t('journal.nextAttempt', { time: clockTime(nextAttemptAt) })}</span> : null}
      </div>
      {result.rejected.length > 0 ? (
        <div className="journal__line journal__line--details">
          {result.rejected.map((rejected) => (
            <span key={rejected.address} className="journal__field journal__failed">
              {t('journal.rejected', { address: rejected.address })}
            </span>
          ))}
        </div>
      ) : null}
      {result.outcome !== 'accepted' && result.serverReply ? <p className="journal__note journal__reply">{result.serverReply}</p> : null}
      {result.outcome === 'interrupted' ? <p className="journal__note">{t('journal.interruptedDetail')}</p> : null}
    </li>
  );
}
