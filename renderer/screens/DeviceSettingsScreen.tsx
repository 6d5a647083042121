import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FLOW_ACKNOWLEDGEMENTS, LANGUAGES, type DeviceSettings } from '../../shared/settings';
import type { BridgeError } from '../bridge';
import { AccessCodeChange } from '../components/AccessCodeChange';
import { ChoiceGroup } from '../components/ChoiceGroup';
import { SaveError } from '../components/SaveError';
import { useSettingsStore } from '../stores/settings-store';

/** "Réglages de l'appareil": identity of the simulated device, language, flow-alarm acknowledgement and demo mode. */
export function DeviceSettingsScreen() {
  const { t } = useTranslation();
  const device = useSettingsStore((state) => state.settings?.device);
  const save = useSettingsStore((state) => state.save);
  const [error, setError] = useState<BridgeError | null>(null);
  const [changingCode, setChangingCode] = useState(false);
  const [codeChanged, setCodeChanged] = useState(false);
  if (!device) return null;
  if (changingCode) {
    return (
      <AccessCodeChange
        onDone={(changed) => {
          setChangingCode(false);
          setCodeChanged(changed);
        }}
      />
    );
  }

  const change = async (patch: Partial<DeviceSettings>) => {
    const { softwareVersion: _readOnly, ...editable } = { ...device, ...patch };
    setError(await save({ section: 'device', value: editable }));
  };

  return (
    <div className="settings-list">
      <div className="setting-row">
        <div className="setting-row__text">
          <span className="setting-row__label">{t('device.name')}</span>
          <span className="setting-row__value">{device.name}</span>
        </div>
      </div>
      <div className="setting-row">
        <div className="setting-row__text">
          <span className="setting-row__label">{t('device.type')}</span>
          <span className="setting-row__value">{t(`device.types.${device.type}`)}</span>
        </div>
      </div>
      <div className="setting-row">
        <div className="setting-row__text">
          <span className="setting-row__label">{t('device.serialNumber')}</span>
          <span className="setting-row__value">{device.serialNumber}</span>
        </div>
      </div>
      <div className="setting-row">
        <div className="setting-row__text">
          <span className="setting-row__label">{t('device.softwareVersion')}</span>
          <span className="setting-row__value">{device.softwareVersion}</span>
        </div>
      </div>
      <ChoiceGroup
        label={t('device.language')}
        value={device.language}
        choices={LANGUAGES.map((language) => ({ value: language, label: t(`device.languages.${language}`) }))}
        onChange={(language) => void change({ language })}
      />
      <ChoiceGroup
        label={t('device.flowAcknowledgement')}
        value={device.flowAcknowledgement}
        choices={FLOW_ACKNOWLEDGEMENTS.map((value) => ({
          value,
          label: t(value === 'automatic' ? 'device.flowAutomatic' : 'device.flowManual'),
        }))}
        onChange={(flowAcknowledgement) => void change({ flowAcknowledgement })}
      />
      <ChoiceGroup
        label={t('device.demoMode')}
        value={device.demoMode}
        choices={[
          { value: true, label: t('common.active') },
          { value: false, label: t('common.inactive') },
        ]}
        onChange={(demoMode) => void change({ demoMode })}
      />
      <div className="setting-row">
        <div className="setting-row__text">
          <span className="setting-row__label">{t('access.code')}</span>
          {codeChanged ? (
            <span role="status" className="setting-row__value">
              {t('access.changed')}
            </span>
          ) : null}
        </div>
        <button type="button" className="button" onClick={() => setChangingCode(true)}>
          {t('access.change')}
        </button>
      </div>
      <SaveError error={error} />
    </div>
  );
}
