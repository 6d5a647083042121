import { useTranslation } from 'react-i18next';
import { useSettingsStore } from '../stores/settings-store';

/** Tells the user once about settings that were kept aside, until dismissed. */
export function NoticeBanner() {
  const { t } = useTranslation();
  const notices = useSettingsStore((state) => state.notices);
  const dismiss = useSettingsStore((state) => state.dismissNotice);
  if (notices.length === 0) return null;
  return (
    <div className="notice-banner">
      {notices.map((notice) => (
        <div key={notice.id} role="alert" className="notice-banner__notice">
          <p>{t(`notices.${notice.kind}`, { file: notice.backupFile, detail: notice.detail })}</p>
          <button type="button" className="button" onClick={() => void dismiss(notice.id)}>
            {t('notices.dismiss')}
          </button>
        </div>
      ))}
    </div>
  );
}
