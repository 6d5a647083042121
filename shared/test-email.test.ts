import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { i18nResources } from './i18n';
import { defaultSettings, type Language } from './settings';
import {
  CHECK_CODE_ALPHABET,
  CHECK_CODE_LENGTH,
  composeTestEmail,
  generateCheckCode,
  isCheckCode,
  type TestEmailTranslate,
} from './test-email';

const i18n = i18next.createInstance();
const t: TestEmailTranslate = (key, options) => i18n.t(key, options);

beforeAll(async () => {
  await i18n.init({ resources: i18nResources(), lng: 'fr', fallbackLng: false, defaultNS: 'ui' });
});

function compose(language: Language, senderName = 'PM5 (démo)') {
  const device = { ...defaultSettings().device, language };
  return composeTestEmail({ device, senderName, date: new Date(2026, 2, 1, 9, 41), checkCode: 'K7PX3M', t });
}

describe('composeTestEmail', () => {
  it('writes the French test e-mail', () => {
    const email = compose('fr');

    expect(email.subject).toBe('PM5-démo (PM5 (démo)) : E-mail test K7PX3M');
    expect(email.text).toBe(
      [
        '01.03.2026, 09:41 :',
        'E-mail test',
        '',
        'Cet e-mail test a été envoyé par PM5-démo (PM5 (démo)) pour vérifier la configuration e-mail.',
        'Code de contrôle : K7PX3M',
        "Le même code s'affiche sur l'appareil après l'envoi. S'il correspond, les e-mails de l'appareil arrivent à cette adresse.",
        '',
        'BAYROL PoolManager chlore (Cl)',
        'PM5-démo (PM5 (démo))',
        "N° de série de l'appareil : ADDA01234F12",
        'PM5 version du logiciel : v140325-M1 (5.3.0)',
      ].join('\n'),
    );
  });

  it.each(['en', 'de'] as const)('writes the %s test e-mail', (language) => {
    const email = compose(language);
    const french = compose('fr');

    expect(email.subject).toContain('K7PX3M');
    expect(email.subject).toContain('PM5-démo (PM5 (démo))');
    expect(email.text).toContain('K7PX3M');
    expect(email.text).toContain('01.03.2026');
    expect(email.text).toContain('ADDA01234F12');
    expect(email.text.split('\n')).toHaveLength(french.text.split('\n').length);
    expect(email.text).not.toBe(french.text);
  });

  it('keeps the sender name as typed', () => {
    const email = compose('fr', 'Piscine <Nord> & "Sud"');

    expect(email.subject).toContain('(Piscine <Nord> & "Sud")');
    expect(email.text).not.toContain('&amp;');
  });

  it('rejects a malformed check code', () => {
    const device = defaultSettings().device;
    expect(() => composeTestEmail({ device, senderName: 'x', date: new Date(), checkCode: 'K7PX3O', t })).toThrow(
      /Invalid check code "K7PX3O"/,
    );
  });
});

describe('generateCheckCode', () => {
  it('uses the unambiguous alphabet', () => {
    for (let index = 0; index < 200; index++) {
      const code = generateCheckCode();
      expect(code).toHaveLength(CHECK_CODE_LENGTH);
      expect(isCheckCode(code)).toBe(true);
    }
    expect(CHECK_CODE_ALPHABET).toHaveLength(32);
    expect(CHECK_CODE_ALPHABET).not.toMatch(/[01OI]/);
  });

  it('maps each byte value evenly', () => {
    const counts = new Map<string, number>();
    for (let byte = 0; byte < 256; byte++) {
      const code = generateCheckCode((bytes) => bytes.fill(byte));
      const symbol = code[0] ?? '';
      counts.set(symbol, (counts.get(symbol) ?? 0) + 1);
    }
    expect(counts.size).toBe(32);
    expect(new Set(counts.values())).toEqual(new Set([8]));
  });
});
