import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parseEmailAddress } from '../../shared/address';
import { MAX_LENGTH, type Recipient } from '../../shared/settings';
import type { BridgeError } from '../bridge';
import { EditableRow } from '../components/EditableRow';
import { SaveError } from '../components/SaveError';
import { addressMessage, recipientAddressMessage, saveFailureMessage, type Translate } from '../keyboard/field-checks';
import { KeyboardDialog } from '../keyboard/KeyboardDialog';
import { useSettingsStore } from '../stores/settings-store';

/**
 * "Configuration des adresses e-mail de destinataires": three addresses, each Actif or Inactif.
 * An address is edited in the keyboard dialog and saved on OK; a switch is saved when touched.
 */
export function RecipientsScreen() {
  const { t } = useTranslation();
  const translate: Translate = (key, values) => t(key, values ?? {});
  const recipients = useSettingsStore((state) => state.settings?.recipients);
  const save = useSettingsStore((state) => state.save);
  const [editing, setEditing] = useState<number | null>(null);
  const [switchError, setSwitchError] = useState<{ index: number; message: string } | null>(null);
  const [saveError, setSaveError] = useState<BridgeError | null>(null);
  const [saving, setSaving] = useState(false);
  if (!recipients) return null;

  // Reads the store at call time, so that a save never sends a list older than the last one saved.
  const storedRecipients = (): Recipient[] => useSettingsStore.getState().settings?.recipients ?? recipients;
  const withChange = (index: number, change: Partial<Recipient>) =>
    storedRecipients().map((recipient, position) => (position === index ? { ...recipient, ...change } : recipient));

  const submitAddress = async (index: number, typed: string): Promise<string | null> => {
    const failure = await save({ section: 'recipients', value: withChange(index, { address: storedAddress(typed) }) });
    if (failure) return saveFailureMessage(failure, translate);
    setEditing(null);
    setSwitchError(null);
    return null;
  };

  const setActive = async (index: number, active: boolean) => {
    const recipient = storedRecipients()[index];
    if (active && recipient?.address.trim() === '') {
      setSwitchError({ index, message: translate('editing.errors.activeWithoutAddress', { index: index + 1 }) });
      return;
    }
    setSwitchError(null);
    setSaving(true);
    setSaveError(await save({ section: 'recipients', value: withChange(index, { active }) }));
    setSaving(false);
  };

  const editingRecipient = editing === null ? undefined : recipients[editing];

  return (
    <div className="settings-list">
      {recipients.map((recipient, index) => {
        const label = t('recipients.label', { index: index + 1 });
        return (
          <div key={index} className="recipient-row">
            <div className="recipient-row__line">
              <EditableRow
                label={label}
                value={recipient.address || t('recipients.noAddress')}
                empty={recipient.address === ''}
                notes={<AddressNotes address={recipient.address} translate={translate} />}
                onEdit={() => setEditing(index)}
              />
              <div role="radiogroup" aria-label={label} className="choice-group recipient-row__switch">
                {[true, false].map((value) => (
                  <button
                    key={String(value)}
                    type="button"
                    role="radio"
                    aria-checked={recipient.active === value}
                    disabled={saving}
                    className={`choice-group__choice${recipient.active === value ? ' choice-group__choice--selected' : ''}`}
                    onClick={() => {
                      if (recipient.active !== value) void setActive(index, value);
                    }}
                  >
                    {value ? t('common.active') : t('common.inactive')}
                  </button>
                ))}
              </div>
            </div>
            {switchError?.index === index ? (
              <p role="alert" className="field-error">
                {switchError.message}
              </p>
            ) : null}
          </div>
        );
      })}
      <p className="settings-list__intro">{t('recipients.hint')}</p>
      <SaveError error={saveError} />
      {editing !== null && editingRecipient ? (
        <KeyboardDialog
          label={t('recipients.label', { index: editing + 1 })}
          initialValue={editingRecipient.address}
          maxLength={MAX_LENGTH.address}
          validate={(value) => recipientAddressMessage(value, storedRecipients()[editing]?.active ?? false, editing, translate)}
          onSubmit={(value) => submitAddress(editing, value)}
          onCancel={() => setEditing(null)}
        />
      ) : null}
    </div>
  );
}

/** Returns the form of a typed address to store: trimmed, with the domain in lower case; empty stays empty. */
function storedAddress(typed: string): string {
  const parsed = parseEmailAddress(typed);
  return parsed.ok ? parsed.address : typed.trim();
}

/**
 * Lines under a stored address: the ASCII form used for sending when it differs, a warning for a
 * non-ASCII local part, and the problem of an address that no longer parses (a hand-edited file).
 */
export function AddressNotes({ address, translate }: { address: string; translate: Translate }) {
  if (address.trim() === '') return null;
  const parsed = parseEmailAddress(address);
  if (!parsed.ok) {
    return <span className="editable-row__note editable-row__note--error">{addressMessage(address, translate)}</span>;
  }
  return (
    <>
      {parsed.asciiAddress !== address ? (
        <span className="editable-row__note">{translate('editing.usedAddress', { address: parsed.asciiAddress })}</span>
      ) : null}
      {parsed.localPartIsAscii ? null : <span className="editable-row__note">{translate('editing.nonAsciiLocalPart')}</span>}
    </>
  );
}
