import { useTranslation } from 'react-i18next';
import { useSettingsStore } from '../stores/settings-store';

/** "Configuration des adresses e-mail de destinataires": three addresses, each Actif or Inactif. */
export function RecipientsScreen() {
  const { t } = useTranslation();
  const recipients = useSettingsStore((state) => state.settings?.recipients);
  if (!recipients) return null;
  return (
    <div className="settings-list">
      {recipients.map((recipient, index) => (
        <div key={index} className="setting-row">
          <div className="setting-row__text">
            <span className="setting-row__label">{t('recipients.label', { index: index + 1 })}</span>
            <span className="setting-row__value">{recipient.address || t('recipients.noAddress')}</span>
          </div>
          <span className="setting-row__state">{recipient.active ? t('common.active') : t('common.inactive')}</span>
        </div>
      ))}
      <p className="settings-list__intro">{t('recipients.hint')}</p>
    </div>
  );
}
