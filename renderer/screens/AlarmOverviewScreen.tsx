import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { bridge, type BridgeError } from '../bridge';
import { CommandError } from '../components/CommandError';
import { useDeviceStore } from '../stores/device-store';
import { clockTime, useAlarmText } from './alarm-text';

/**
 * "Aperçu des alarmes": the alarm queue, oldest first. An alarm is active and acknowledged,
 * active and not acknowledged, or ended and not acknowledged (in square brackets, as in the
 * e-mails). "Valider" acknowledges one alarm and "Tout valider" all of them.
 */
export function AlarmOverviewScreen() {
  const { t } = useTranslation('alarms');
  const text = useAlarmText();
  const queue = useDeviceStore((state) => state.device?.queue);
  const command = useDeviceStore((state) => state.command);
  const [error, setError] = useState<BridgeError | null>(null);
  const [busy, setBusy] = useState(false);
  if (!queue) return null;

  const run = async (request: () => ReturnType<typeof bridge.acknowledgeAllAlarms>) => {
    setBusy(true);
    setError(await command(request));
    setBusy(false);
  };
  const unacknowledged = queue.filter((entry) => entry.status !== 'acknowledged').length;

  return (
    <div className="alarm-overview">
      <div className="alarm-overview__bar">
        <p className="alarm-overview__legend">{t('overview.legend')}</p>
        <button
          type="button"
          className="button button--primary"
          disabled={busy || unacknowledged === 0}
          onClick={() => void run(() => bridge.acknowledgeAllAlarms({}))}
        >
          {t('overview.acknowledgeAll')}
        </button>
      </div>
      <CommandError error={error} />
      {queue.length === 0 ? (
        <p className="home__empty">{t('overview.empty')}</p>
      ) : (
        <ul className="alarm-list" aria-label={t('ui:menu.alarmOverview')}>
          {queue.map((entry) => (
            <li key={entry.key} className={`alarm-list__entry alarm-list__entry--${entry.status}`}>
              <span className="alarm-list__text">
                <span className="alarm-list__designation">{text.queueDesignation(entry)}</span>
                <span className="alarm-list__detail">
                  {t(`status.${entry.status}`)}
                  {' · '}
                  {entry.endedAt !== null
                    ? t('overview.period', { start: clockTime(entry.raisedAt), end: clockTime(entry.endedAt) })
                    : t('overview.since', { time: clockTime(entry.raisedAt) })}
                </span>
              </span>
              {entry.status !== 'acknowledged' ? (
                <button type="button" className="button" disabled={busy} onClick={() => void run(() => bridge.acknowledgeAlarm({ key: entry.key }))}>
                  {t('overview.acknowledge')}
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
