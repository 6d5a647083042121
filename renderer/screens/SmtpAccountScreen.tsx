import { useTranslation } from 'react-i18next';
import { useSettingsStore } from '../stores/settings-store';

const SECURITY_LABEL_KEYS = { none: 'smtp.securityNone', ssl: 'smtp.securitySsl', starttls: 'smtp.securityStarttls' } as const;

/** "Compte pour envoi e-mails (SMTP)": the six fields in the manual's order. */
export function SmtpAccountScreen() {
  const { t } = useTranslation();
  const smtp = useSettingsStore((state) => state.settings?.smtp);
  if (!smtp) return null;
  const rows: [string, string][] = [
    [t('smtp.senderAddress'), smtp.senderAddress || t('common.notSet')],
    [t('smtp.senderName'), smtp.senderName || t('common.notSet')],
    [t('smtp.server'), smtp.server || t('common.notSet')],
    [t('smtp.security'), t(SECURITY_LABEL_KEYS[smtp.security])],
    [t('smtp.userName'), smtp.userName || t('smtp.userNameEmpty')],
    [t('smtp.password'), smtp.passwordSet ? t('smtp.passwordSet') : t('smtp.passwordNotSet')],
  ];
  return (
    <div className="settings-list">
      {rows.map(([label, value]) => (
        <div key={label} className="setting-row">
          <div className="setting-row__text">
            <span className="setting-row__label">{label}</span>
            <span className="setting-row__value">{value}</span>
          </div>
        </div>
      ))}
    </div>
  );
}
