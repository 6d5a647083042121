import { addressErrorKey, codePointLabel, parseEmailAddress } from '../../shared/address';
import { parseSmtpServer, smtpServerErrorKey } from '../../shared/smtp-server-address';
import type { BridgeError } from '../bridge';

/**
 * Checks of the e-mail configuration fields as the keyboard dialog runs them on OK. Each returns
 * the translated message of the first problem, or null when the value may be saved.
 */

/** The i18next `t` function, narrowed to what these checks use. */
export type Translate = (key: string, values?: Record<string, string | number>) => string;

const CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

/** Checks an e-mail address with the same rules as the sending side. */
export function addressMessage(value: string, t: Translate): string | null {
  const parsed = parseEmailAddress(value);
  if (parsed.ok) return null;
  return t(addressErrorKey(parsed.error), withDetail(parsed.value, parsed.detail));
}

/** Checks recipient `index` (0-based): empty is allowed only while the recipient is inactive. */
export function recipientAddressMessage(value: string, active: boolean, index: number, t: Translate): string | null {
  if (value.trim() === '') return active ? t('editing.errors.activeWithoutAddress', { index: index + 1 }) : null;
  return addressMessage(value, t);
}

/** Checks the "Serveur SMTP" field: host or host:port. */
export function serverMessage(value: string, t: Translate): string | null {
  const parsed = parseSmtpServer(value);
  if (parsed.ok) return null;
  return t(smtpServerErrorKey(parsed.error), withDetail(parsed.value, parsed.detail));
}

/** Checks a free-text field such as the sender name: no line break or control character, at most `max` code units. */
export function plainTextMessage(value: string, fieldLabel: string, max: number, t: Translate): string | null {
  const control = CONTROL_CHARACTER.exec(value);
  if (control) return t('editing.errors.controlCharacter', { field: fieldLabel, detail: codePointLabel(control[0]) });
  if (value.length > max) return t('editing.errors.tooLong', { field: fieldLabel, length: value.length, max });
  return null;
}

/** Checks a new SMTP password: it must not be empty, because deleting it has its own button. */
export function passwordMessage(value: string, max: number, t: Translate): string | null {
  if (value === '') return t('editing.errors.passwordEmpty');
  return plainTextMessage(value, t('smtp.password'), max, t);
}

/** Builds the message of a failed save, translated when the main side sent a translation key. */
export function saveFailureMessage(error: BridgeError, t: Translate): string {
  const message = error.error.i18nKey ? t(error.error.i18nKey, error.error.i18nValues ?? {}) : error.message;
  return t('errors.saveFailed', { message });
}

function withDetail(value: string, detail: string | undefined): Record<string, string> {
  return detail === undefined ? { value } : { value, detail };
}
