import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEVICE_TYPES, FLOW_ACKNOWLEDGEMENTS, LANGUAGES, MAX_LENGTH, type DeviceSettings } from '../../shared/settings';
import type { BridgeError } from '../bridge';
import { AccessCodeChange } from '../components/AccessCodeChange';
import { ChoiceGroup } from '../components/ChoiceGroup';
import { EditableRow } from '../components/EditableRow';
import { SaveError } from '../components/SaveError';
import { plainTextMessage, saveFailureMessage, type Translate } from '../keyboard/field-checks';
import { KeyboardDialog } from '../keyboard/KeyboardDialog';
import { useSettingsStore } from '../stores/settings-store';

const SERIAL_NUMBER = /^[0-9A-F]{12}$/;

/** Fields of "Réglages de l'appareil" edited in the keyboard dialog or the type list. */
type EditedField = 'name' | 'serialNumber' | 'type';

/** "Réglages de l'appareil": identity of the simulated device, language, flow-alarm acknowledgement and demo mode. */
export function DeviceSettingsScreen() {
  const { t } = useTranslation();
  const device = useSettingsStore((state) => state.settings?.device);
  const save = useSettingsStore((state) => state.save);
  const translate: Translate = (key, values) => t(key, values ?? {});
  const [error, setError] = useState<BridgeError | null>(null);
  const [editing, setEditing] = useState<EditedField | null>(null);
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

  // Reads the store at call time, so that a save never sends settings older than the last one saved.
  const withPatch = (patch: Partial<DeviceSettings>) => {
    const { softwareVersion: _readOnly, ...editable } = { ...(useSettingsStore.getState().settings?.device ?? device), ...patch };
    return editable;
  };
  const change = async (patch: Partial<DeviceSettings>) => {
    setError(await save({ section: 'device', value: withPatch(patch) }));
  };
  /** Saves a field edited in the keyboard dialog; resolves to the message shown in the dialog when saving failed. */
  const submitText = async (patch: Partial<DeviceSettings>): Promise<string | null> => {
    const failure = await save({ section: 'device', value: withPatch(patch) });
    if (failure) return saveFailureMessage(failure, translate);
    setEditing(null);
    return null;
  };

  return (
    <div className="settings-list">
      <EditableRow label={t('device.name')} value={device.name} onEdit={() => setEditing('name')} />
      <EditableRow label={t('device.type')} value={t(`device.types.${device.type}`)} onEdit={() => setEditing(editing === 'type' ? null : 'type')} />
      {editing === 'type' ? (
        <div role="radiogroup" aria-label={t('device.type')} className="type-choices">
          {DEVICE_TYPES.map((type) => (
            <button
              key={type}
              type="button"
              role="radio"
              aria-checked={device.type === type}
              className={`choice-group__choice type-choices__choice${device.type === type ? ' choice-group__choice--selected' : ''}`}
              onClick={() => {
                setEditing(null);
                if (type !== device.type) void change({ type });
              }}
            >
              {t(`device.types.${type}`)}
            </button>
          ))}
        </div>
      ) : null}
      <EditableRow label={t('device.serialNumber')} value={device.serialNumber} onEdit={() => setEditing('serialNumber')} />
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
      {editing === 'name' ? (
        <KeyboardDialog
          label={t('device.name')}
          initialValue={device.name}
          maxLength={MAX_LENGTH.deviceName}
          validate={(value) =>
            value.trim() === '' ? t('device.errors.nameEmpty') : plainTextMessage(value, t('device.name'), MAX_LENGTH.deviceName, translate)
          }
          onSubmit={(value) => submitText({ name: value.trim() })}
          onCancel={() => setEditing(null)}
        />
      ) : null}
      {editing === 'serialNumber' ? (
        <KeyboardDialog
          label={t('device.serialNumber')}
          initialValue={device.serialNumber}
          maxLength={12}
          hint={t('device.serialHint')}
          validate={(value) => (SERIAL_NUMBER.test(value.trim().toUpperCase()) ? null : t('device.errors.serialFormat', { value: value.trim() }))}
          onSubmit={(value) => submitText({ serialNumber: value.trim().toUpperCase() })}
          onCancel={() => setEditing(null)}
        />
      ) : null}
    </div>
  );
}
