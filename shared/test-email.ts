import { DEVICE_PROFILES, deviceTypeLine, translateAlarms } from './alarms';
import { formatDate, formatTime, type ComposedEmail, type EmailDevice } from './alarm-email';
import type { DeviceSettings, Language } from './settings';

/**
 * Translation function for the test e-mail. i18next's `t` fits: the test e-mail takes its own
 * lines from the `mail` namespace and the date line, subject form and device lines from the
 * `alarms` namespace, so that it reads like the device's alarm e-mails. HTML escaping is off
 * because e-mails are plain text.
 */
export type TestEmailTranslate = (
  key: string,
  options: { lng: Language; ns: 'mail' | 'alarms'; interpolation: { escapeValue: false }; [value: string]: unknown },
) => string;

/**
 * Check code alphabet: capital letters and digits without the look-alikes 0/O and 1/I, so that a
 * code read aloud or typed back is unambiguous. 32 symbols, so one random byte masked to 5 bits
 * picks each symbol without bias.
 */
export const CHECK_CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const CHECK_CODE_LENGTH = 6;

/** Returns a random check code; `fillRandom` defaults to the Web Crypto API. */
export function generateCheckCode(
  fillRandom: (bytes: Uint8Array<ArrayBuffer>) => void = (bytes) => {
    globalThis.crypto.getRandomValues(bytes);
  },
): string {
  const bytes = new Uint8Array(CHECK_CODE_LENGTH);
  fillRandom(bytes);
  return Array.from(bytes, (byte) => CHECK_CODE_ALPHABET[byte & 31]).join('');
}

export function isCheckCode(value: string): boolean {
  return value.length === CHECK_CODE_LENGTH && [...value].every((character) => CHECK_CODE_ALPHABET.includes(character));
}

export interface TestEmailInput {
  /** Device settings; `language` chooses the e-mail's language. */
  device: EmailDevice & Pick<DeviceSettings, 'language'>;
  senderName: string;
  /** When the test e-mail is sent, shown in the device's local time. */
  date: Date;
  checkCode: string;
  t: TestEmailTranslate;
}

/**
 * Composes the test e-mail in the device language, in the layout of the alarm e-mails:
 *
 *   01.03.2026, 09:41 :
 *   E-mail test
 *
 *   Cet e-mail test a été envoyé par PM5-démo (PM5 (démo)) pour vérifier la configuration e-mail.
 *   Code de contrôle : K7PX3M
 *   <how to use the code>
 *
 *   BAYROL PoolManager chlore (Cl)
 *   PM5-démo (PM5 (démo))
 *   N° de série de l'appareil : ADDA01234F12
 *   PM5 version du logiciel : v140325-M1 (5.3.0)
 *
 * The subject is "<device name> (<sender name>) : E-mail test <check code>".
 */
export function composeTestEmail(input: TestEmailInput): ComposedEmail {
  const { device, senderName, date, checkCode, t } = input;
  if (!isCheckCode(checkCode)) {
    throw new RangeError(
      `Invalid check code "${checkCode}": expected ${CHECK_CODE_LENGTH} characters from ${CHECK_CODE_ALPHABET}.`,
    );
  }
  const language = device.language;
  const mail = (key: string, values: Record<string, unknown> = {}) =>
    t(key, { ...values, lng: language, ns: 'mail', interpolation: { escapeValue: false } });
  const alarms = (key: string, values: Record<string, unknown> = {}) => translateAlarms(t, language, key, values);

  const designation = mail('testEmail.designation');
  const lines = [
    alarms('email.dateTime', { date: formatDate(date), time: formatTime(date) }),
    designation,
    '',
    mail('testEmail.purpose', { deviceName: device.name, senderName }),
    mail('testEmail.checkCode', { checkCode }),
    mail('testEmail.checkCodeHint'),
    '',
    deviceTypeLine(device.type, t, language),
    alarms('email.device', { deviceName: device.name, senderName }),
    alarms('email.serialNumber', { serialNumber: device.serialNumber }),
    alarms('email.softwareVersion', { product: DEVICE_PROFILES[device.type].product, version: device.softwareVersion }),
  ];
  const subject = alarms('email.subject', {
    deviceName: device.name,
    senderName,
    designation: mail('testEmail.subjectDesignation', { checkCode }),
  });
  return { subject, text: lines.join('\n') };
}
