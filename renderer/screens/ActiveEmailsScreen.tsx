import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActiveEmails } from '../../shared/settings';
import type { BridgeError } from '../bridge';
import { ChoiceGroup } from '../components/ChoiceGroup';
import { SaveError } from '../components/SaveError';
import { useSettingsStore } from '../stores/settings-store';

/** "E-mails actifs": which events send an e-mail, each Actif or Inactif, saved at once. */
export function ActiveEmailsScreen() {
  const { t } = useTranslation();
  const activeEmails = useSettingsStore((state) => state.settings?.activeEmails);
  const save = useSettingsStore((state) => state.save);
  const [error, setError] = useState<BridgeError | null>(null);
  const [saving, setSaving] = useState(false);
  if (!activeEmails) return null;

  const change = async (key: keyof ActiveEmails, value: boolean) => {
    setSaving(true);
    setError(await save({ section: 'activeEmails', value: { ...activeEmails, [key]: value } }));
    setSaving(false);
  };
  const choices = [
    { value: true, label: t('common.active') },
    { value: false, label: t('common.inactive') },
  ];

  return (
    <div className="settings-list">
      <p className="settings-list__intro">{t('activeEmails.intro')}</p>
      <ChoiceGroup
        label={t('activeEmails.noFlowSignal')}
        help={t('activeEmails.noFlowSignalHelp')}
        value={activeEmails.noFlowSignal}
        choices={choices}
        disabled={saving}
        onChange={(value) => void change('noFlowSignal', value)}
      />
      <ChoiceGroup
        label={t('activeEmails.alarms')}
        help={t('activeEmails.alarmsHelp')}
        value={activeEmails.alarms}
        choices={choices}
        disabled={saving}
        onChange={(value) => void change('alarms', value)}
      />
      <SaveError error={error} />
    </div>
  );
}
