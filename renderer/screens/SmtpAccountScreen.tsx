import { useLayoutEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parseEmailAddress } from '../../shared/address';
import type { PasswordChange } from '../../shared/contract';
import {
  applyPresetChanges,
  findPresetForAddress,
  presetChanges,
  presetsForAddress,
  type Preset,
  type PresetChange,
} from '../../shared/providers';
import { MAX_LENGTH, SECURITY_MODES, type SmtpAccount } from '../../shared/settings';
import type { BridgeError } from '../bridge';
import { ChoiceGroup } from '../components/ChoiceGroup';
import { EditableRow } from '../components/EditableRow';
import { PasswordUnusedWarning } from '../components/PasswordUnusedWarning';
import { PresetDetail, PresetList, usePresetTitle } from '../components/ProviderPresets';
import { SaveError } from '../components/SaveError';
import {
  addressMessage,
  passwordMessage,
  plainTextMessage,
  saveFailureMessage,
  serverMessage,
  type Translate,
} from '../keyboard/field-checks';
import { KeyboardDialog } from '../keyboard/KeyboardDialog';
import { useNavigationStore } from '../stores/navigation-store';
import { useSettingsStore } from '../stores/settings-store';
import { AddressNotes } from './RecipientsScreen';

const SECURITY_LABEL_KEYS = { none: 'smtp.securityNone', ssl: 'smtp.securitySsl', starttls: 'smtp.securityStarttls' } as const;

type TextField = 'senderAddress' | 'senderName' | 'server' | 'userName' | 'password';

/** Help shown in the dialog under the value, for the fields that have one. */
const FIELD_HINT_KEYS: Partial<Record<TextField, string>> = { server: 'smtp.serverHint', password: 'editing.passwordHint' };

type View = { kind: 'fields' } | { kind: 'presetList' } | { kind: 'presetDetail'; preset: Preset; fromList: boolean };

/** The field's label key, maximum length, check, and the stored form of a valid typed value. */
const TEXT_FIELDS: Record<
  TextField,
  { labelKey: string; maxLength: number; check(value: string, label: string, t: Translate): string | null; stored(value: string): string }
> = {
  senderAddress: {
    labelKey: 'smtp.senderAddress',
    maxLength: MAX_LENGTH.address,
    check: (value, _label, t) => addressMessage(value, t),
    stored: (value) => {
      const parsed = parseEmailAddress(value);
      return parsed.ok ? parsed.address : value.trim();
    },
  },
  senderName: {
    labelKey: 'smtp.senderName',
    maxLength: MAX_LENGTH.senderName,
    check: (value, label, t) => plainTextMessage(value, label, MAX_LENGTH.senderName, t),
    stored: (value) => value.trim(),
  },
  server: {
    labelKey: 'smtp.server',
    maxLength: MAX_LENGTH.server,
    check: (value, _label, t) => serverMessage(value, t),
    stored: (value) => value.trim(),
  },
  userName: {
    labelKey: 'smtp.userName',
    maxLength: MAX_LENGTH.userName,
    check: (value, label, t) => plainTextMessage(value, label, MAX_LENGTH.userName, t),
    stored: (value) => value.trim(),
  },
  // The password is sent exactly as typed, spaces included.
  password: {
    labelKey: 'smtp.password',
    maxLength: MAX_LENGTH.password,
    check: (value, _label, t) => passwordMessage(value, MAX_LENGTH.password, t),
    stored: (value) => value,
  },
};

/**
 * "Compte pour envoi e-mails (SMTP)": the six fields in the manual's order, each edited in the
 * keyboard dialog and saved on OK, then the test e-mail. Provider presets are offered from a
 * list or proposed from the sender address, and applied only after the user confirms the changes.
 */
export function SmtpAccountScreen() {
  const { t } = useTranslation();
  const translate: Translate = (key, values) => t(key, values ?? {});
  const presetTitle = usePresetTitle();
  const smtp = useSettingsStore((state) => state.settings?.smtp);
  const save = useSettingsStore((state) => state.save);
  const openScreen = useNavigationStore((state) => state.open);
  const [editing, setEditing] = useState<TextField | null>(null);
  const [view, setView] = useState<View>({ kind: 'fields' });
  const [saveError, setSaveError] = useState<BridgeError | null>(null);
  const [presetError, setPresetError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [confirmingClear, setConfirmingClear] = useState(false);
  const [appliedPreset, setAppliedPreset] = useState<string | null>(null);
  const [dismissedFor, setDismissedFor] = useState<string | null>(null);

  // The list, a preset and the fields each start at the top, wherever the previous view was scrolled to.
  useLayoutEffect(() => {
    document.querySelector('.kiosk__content')?.scrollTo?.(0, 0);
  }, [view]);

  if (!smtp) return null;

  // Reads the store at call time, so that a save never sends an account older than the last one saved.
  const storedAccount = (): SmtpAccount => {
    const { passwordSet: _passwordSet, ...account } = useSettingsStore.getState().settings?.smtp ?? smtp;
    return account;
  };
  const saveAccount = (patch: Partial<SmtpAccount>, password?: PasswordChange) =>
    save({ section: 'smtp', value: { ...storedAccount(), ...patch }, ...(password ? { password } : {}) });

  const submitField = async (field: TextField, typed: string): Promise<string | null> => {
    const value = TEXT_FIELDS[field].stored(typed);
    const failure = field === 'password' ? await saveAccount({}, { set: value }) : await saveAccount({ [field]: value });
    if (failure) return saveFailureMessage(failure, translate);
    setEditing(null);
    setAppliedPreset(null);
    return null;
  };

  const runSave = async (patch: Partial<SmtpAccount>, password?: PasswordChange) => {
    setSaving(true);
    const failure = await saveAccount(patch, password);
    setSaveError(failure);
    setSaving(false);
    return failure;
  };

  const applyPreset = async (preset: Preset, changes: PresetChange[]) => {
    setSaving(true);
    const failure = await saveAccount(applyPresetChanges(storedAccount(), changes));
    setSaving(false);
    if (failure) {
      setPresetError(saveFailureMessage(failure, translate));
      return;
    }
    setPresetError(null);
    setAppliedPreset(presetTitle(preset));
    setView({ kind: 'fields' });
  };

  if (view.kind === 'presetList') {
    return (
      <PresetList
        senderAddress={smtp.senderAddress}
        onSelect={(preset) => setView({ kind: 'presetDetail', preset, fromList: true })}
        onClose={() => setView({ kind: 'fields' })}
      />
    );
  }
  if (view.kind === 'presetDetail') {
    const back = () => {
      setPresetError(null);
      setView(view.fromList ? { kind: 'presetList' } : { kind: 'fields' });
    };
    return (
      <PresetDetail
        preset={view.preset}
        account={smtp}
        senderAddress={smtp.senderAddress}
        backLabel={view.fromList ? t('presets.backToList') : t('presets.close')}
        busy={saving}
        error={presetError}
        onApply={(changes) => void applyPreset(view.preset, changes)}
        onBack={back}
      />
    );
  }

  const proposal = proposedPreset(smtp);
  const editingField = editing === null ? null : TEXT_FIELDS[editing];
  const fieldRow = (field: Exclude<TextField, 'password'>, emptyText: string) => (
    <EditableRow
      label={t(TEXT_FIELDS[field].labelKey)}
      value={smtp[field] || emptyText}
      empty={smtp[field] === ''}
      notes={
        field === 'senderAddress' ? (
          <AddressNotes address={smtp.senderAddress} translate={translate} />
        ) : field === 'server' ? (
          <span className="editable-row__note">{t('smtp.serverHint')}</span>
        ) : null
      }
      onEdit={() => setEditing(field)}
    />
  );

  return (
    <div className="settings-list">
      {appliedPreset ? (
        <p role="status" className="preset-banner preset-banner--done">
          {t('presets.applied', { provider: appliedPreset })}
        </p>
      ) : null}
      {proposal && dismissedFor !== smtp.senderAddress ? (
        <div role="status" className="preset-banner">
          <p className="preset-banner__text">
            {proposal.support === 'incompatible'
              ? t('presets.proposalIncompatible', { provider: presetTitle(proposal) })
              : t('providers:proposal', { provider: presetTitle(proposal) })}
          </p>
          <button type="button" className="button" onClick={() => setDismissedFor(smtp.senderAddress)}>
            {t('presets.dismiss')}
          </button>
          <button
            type="button"
            className="button button--primary"
            onClick={() => setView({ kind: 'presetDetail', preset: proposal, fromList: false })}
          >
            {proposal.support === 'incompatible' ? t('presets.showNotes') : t('presets.review')}
          </button>
        </div>
      ) : null}
      <button type="button" className="menu-list__entry" onClick={() => setView({ kind: 'presetList' })}>
        {t('presets.choose')}
      </button>

      {fieldRow('senderAddress', t('common.notSet'))}
      {fieldRow('senderName', t('common.notSet'))}
      {fieldRow('server', t('common.notSet'))}
      <ChoiceGroup
        label={t('smtp.security')}
        value={smtp.security}
        choices={SECURITY_MODES.map((mode) => ({ value: mode, label: t(SECURITY_LABEL_KEYS[mode]) }))}
        disabled={saving}
        onChange={(security) => void runSave({ security })}
      />
      {fieldRow('userName', t('smtp.userNameEmpty'))}
      <div className="password-row">
        <EditableRow
          label={t('smtp.password')}
          value={smtp.passwordSet ? t('smtp.passwordSet') : t('smtp.passwordNotSet')}
          empty={!smtp.passwordSet}
          notes={<span className="editable-row__note">{t('editing.passwordHint')}</span>}
          onEdit={() => setEditing('password')}
        />
        {smtp.passwordSet && !confirmingClear ? (
          <button type="button" className="button" disabled={saving} onClick={() => setConfirmingClear(true)}>
            {t('editing.passwordClear')}
          </button>
        ) : null}
      </div>
      <PasswordUnusedWarning smtp={smtp} />
      {confirmingClear ? (
        <div role="alertdialog" aria-label={t('editing.passwordClearConfirm')} className="confirm-row">
          <p className="confirm-row__text">{t('editing.passwordClearConfirm')}</p>
          <button type="button" className="button" onClick={() => setConfirmingClear(false)}>
            {t('common.cancel')}
          </button>
          <button
            type="button"
            className="button button--danger"
            disabled={saving}
            onClick={() => {
              void runSave({}, { clear: true }).then((failure) => {
                if (!failure) setConfirmingClear(false);
              });
            }}
          >
            {t('editing.confirmDelete')}
          </button>
        </div>
      ) : null}
      <SaveError error={saveError} />

      <button type="button" className="menu-list__entry" onClick={() => openScreen(['communication', 'email', 'test-email'])}>
        {t('menu.sendTestEmail')}
      </button>
      <p className="settings-list__intro">{t('editing.testEmailHint')}</p>

      {editing !== null && editingField ? (
        <KeyboardDialog
          label={t(editingField.labelKey)}
          initialValue={editing === 'password' ? '' : smtp[editing]}
          maxLength={editingField.maxLength}
          password={editing === 'password'}
          hint={FIELD_HINT_KEYS[editing] === undefined ? undefined : t(FIELD_HINT_KEYS[editing])}
          validate={(value) => editingField.check(value, t(editingField.labelKey), translate)}
          onSubmit={(value) => submitField(editing, value)}
          onCancel={() => setEditing(null)}
        />
      ) : null}
    </div>
  );
}

/**
 * Returns the preset to propose for the sender address: its provider's main preset, unless the
 * account already matches one of that provider's presets. An incompatible provider is proposed
 * too, so that its note is one touch away.
 */
function proposedPreset(account: SmtpAccount): Preset | undefined {
  const preset = findPresetForAddress(account.senderAddress);
  if (!preset) return undefined;
  if (preset.support === 'incompatible') return preset;
  const alreadyApplied = presetsForAddress(account.senderAddress).some(
    (candidate) => presetChanges(candidate, account, account.senderAddress).length === 0,
  );
  return alreadyApplied ? undefined : preset;
}
