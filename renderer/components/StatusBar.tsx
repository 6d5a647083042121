import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { onConnectionChange } from '../bridge';
import { useSettingsStore } from '../stores/settings-store';
import { useStatusIndicators } from '../stores/status-indicators';

function formatClock(date: Date): string {
  return `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
}

/** Device name, clock, demo badge, alarm count and waiting e-mails, on every screen. */
export function StatusBar() {
  const { t } = useTranslation();
  const settings = useSettingsStore((state) => state.settings);
  const { alarmCount, outboxCount } = useStatusIndicators();
  const [now, setNow] = useState(() => new Date());
  const [connected, setConnected] = useState(true);

  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 10_000);
    return () => clearInterval(timer);
  }, []);
  useEffect(() => onConnectionChange(setConnected), []);

  return (
    <footer className="status-bar">
      <span className="status-bar__device">{settings?.device.name ?? ''}</span>
      {settings?.device.demoMode ? <span className="status-bar__badge">{t('status.demoMode')}</span> : null}
      {!connected ? (
        <span className="status-bar__badge status-bar__badge--alarm" role="status">
          {t('status.disconnected')}
        </span>
      ) : null}
      <span className="status-bar__spacer" />
      {outboxCount > 0 ? (
        <span className="status-bar__badge" role="status">
          ✉ {t('status.outbox', { count: outboxCount })}
        </span>
      ) : null}
      {alarmCount > 0 ? (
        <span className="status-bar__badge status-bar__badge--alarm" role="status">
          ⚠ {t('status.alarms', { count: alarmCount })}
        </span>
      ) : null}
      <time className="status-bar__clock" dateTime={now.toISOString()}>
        {formatClock(now)}
      </time>
    </footer>
  );
}
