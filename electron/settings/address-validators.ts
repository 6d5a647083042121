import { addressErrorKey, parseEmailAddress } from '../../shared/address';
import type { SettingsUpdate } from '../../shared/contract';
import type { SettingsFile } from '../../shared/settings';
import { parseSmtpServer, smtpServerErrorKey } from '../../shared/smtp-server-address';
import { SettingsValidationError, type UpdateValidator } from './settings-store';

/**
 * Rejects recipient addresses, the sender address and the SMTP server that do not parse, and
 * active recipients without an address, with the same messages as the keyboard dialog.
 *
 * Only values that the update changes are checked, so a value that was already stored (by an
 * older version or a hand-edited file) does not block saving another field. An empty sender
 * address or server is accepted: it means "not configured yet", and sending reports it.
 */
export const validateAddressFields: UpdateValidator = (update: SettingsUpdate, current: SettingsFile) => {
  if (update.section === 'recipients') validateRecipients(update.value, current.recipients);
  if (update.section === 'smtp') validateSmtpAccount(update.value, current.smtp);
};

function validateRecipients(recipients: SettingsFile['recipients'], stored: SettingsFile['recipients']): void {
  recipients.forEach((recipient, index) => {
    const before = stored[index];
    if (before && before.address === recipient.address && before.active === recipient.active) return;

    const number = String(index + 1);
    const field = `value.${index}.address`;
    if (recipient.address.trim() === '') {
      if (recipient.active) {
        throw new SettingsValidationError(
          `E-mail recipient ${number} is active but has no address. Enter an address or set the recipient to inactive.`,
          field,
          'ui:editing.errors.activeWithoutAddress',
          { index: number },
        );
      }
      return;
    }
    checkAddress(recipient.address, field, `E-mail recipient ${number}`);
  });
}

function validateSmtpAccount(account: SettingsFile['smtp'], stored: SettingsFile['smtp']): void {
  if (account.senderAddress !== stored.senderAddress && account.senderAddress.trim() !== '') {
    checkAddress(account.senderAddress, 'value.senderAddress', 'The sender address');
  }

  if (account.server !== stored.server && account.server.trim() !== '') {
    const parsed = parseSmtpServer(account.server);
    if (!parsed.ok) {
      throw new SettingsValidationError(
        `The SMTP server "${parsed.value}" is invalid (${parsed.error}). Enter a host name or address, optionally followed by ":port".`,
        'value.server',
        smtpServerErrorKey(parsed.error),
        messageValues(parsed.value, parsed.detail),
      );
    }
  }
}

function checkAddress(address: string, field: string, subject: string): void {
  const parsed = parseEmailAddress(address);
  if (parsed.ok) return;
  throw new SettingsValidationError(
    `${subject} "${parsed.value}" is not a valid e-mail address (${parsed.error}). Enter an address such as name@provider.com.`,
    field,
    addressErrorKey(parsed.error),
    messageValues(parsed.value, parsed.detail),
  );
}

function messageValues(value: string, detail: string | undefined): Record<string, string> {
  return detail === undefined ? { value } : { value, detail };
}
