import { createInstance } from 'i18next';
import { describe, expect, it } from 'vitest';
import { i18nResources } from './i18n';
import { LANGUAGES } from './settings';
import {
  DEFAULT_SMTP_PORT,
  SMTP_SERVER_ERRORS,
  formatSmtpServer,
  parseSmtpServer,
  smtpServerErrorKey,
  type SmtpHostKind,
  type SmtpServerError,
} from './smtp-server-address';

interface Accepted {
  input: string;
  host: string;
  port: number;
  portGiven: boolean;
  hostKind: SmtpHostKind;
}

const accepted: Accepted[] = [
  { input: 'smtp.gmail.com:465', host: 'smtp.gmail.com', port: 465, portGiven: true, hostKind: 'name' },
  { input: 'smtp.mail.yahoo.com:587', host: 'smtp.mail.yahoo.com', port: 587, portGiven: true, hostKind: 'name' },
  { input: 'smtp.aol.com', host: 'smtp.aol.com', port: 25, portGiven: false, hostKind: 'name' },
  { input: '  SMTP.Orange.FR:465  ', host: 'smtp.orange.fr', port: 465, portGiven: true, hostKind: 'name' },
  { input: 'smtp.web.de : 587', host: 'smtp.web.de', port: 587, portGiven: true, hostKind: 'name' },
  { input: 'smtp.web.de:\u00a0587', host: 'smtp.web.de', port: 587, portGiven: true, hostKind: 'name' },
  { input: 'localhost:2525', host: 'localhost', port: 2525, portGiven: true, hostKind: 'name' },
  { input: 'mailserver', host: 'mailserver', port: 25, portGiven: false, hostKind: 'name' },
  { input: 'smtp.müller.de:587', host: 'smtp.xn--mller-kva.de', port: 587, portGiven: true, hostKind: 'name' },
  { input: 'smtp.xn--mller-kva.de', host: 'smtp.xn--mller-kva.de', port: 25, portGiven: false, hostKind: 'name' },
  { input: 'securesmtp.t-online.de:465', host: 'securesmtp.t-online.de', port: 465, portGiven: true, hostKind: 'name' },
  { input: '127.0.0.1:2525', host: '127.0.0.1', port: 2525, portGiven: true, hostKind: 'ipv4' },
  { input: '192.168.1.10', host: '192.168.1.10', port: 25, portGiven: false, hostKind: 'ipv4' },
  { input: '0.0.0.0:1', host: '0.0.0.0', port: 1, portGiven: true, hostKind: 'ipv4' },
  { input: '255.255.255.255:65535', host: '255.255.255.255', port: 65535, portGiven: true, hostKind: 'ipv4' },
  { input: '[::1]:587', host: '::1', port: 587, portGiven: true, hostKind: 'ipv6' },
  { input: '[::1]', host: '::1', port: 25, portGiven: false, hostKind: 'ipv6' },
  { input: '[2001:DB8:0:0:0:0:0:1] : 465', host: '2001:db8::1', port: 465, portGiven: true, hostKind: 'ipv6' },
  { input: '[::ffff:192.0.2.1]:25', host: '::ffff:c000:201', port: 25, portGiven: true, hostKind: 'ipv6' },
  { input: 'smtp.gmail.com:0465', host: 'smtp.gmail.com', port: 465, portGiven: true, hostKind: 'name' },
];

interface Rejected {
  input: string;
  error: SmtpServerError;
  detail?: string;
}

const rejected: Rejected[] = [
  { input: '', error: 'empty' },
  { input: '   ', error: 'empty' },
  { input: `${'a'.repeat(261)}`, error: 'tooLong', detail: '261' },
  { input: `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(63)}`, error: 'tooLong', detail: '255' },
  { input: 'smtp.gmail.com\n:465', error: 'controlCharacter', detail: 'U+000A' },
  { input: 'smtp://smtp.gmail.com:465', error: 'scheme', detail: 'smtp' },
  { input: 'SMTPS://smtp.gmail.com', error: 'scheme', detail: 'SMTPS' },
  { input: 'user@smtp.gmail.com:465', error: 'userInfo' },
  { input: 'smtp.gmail.com/submit', error: 'path', detail: '/' },
  { input: 'smtp.gmail.com:465/', error: 'path', detail: '/' },
  { input: 'smtp.gmail.com?port=465', error: 'path', detail: '?' },
  { input: 'smtp.gmail.com 465', error: 'innerSpace' },
  { input: 'smtp. gmail.com', error: 'innerSpace' },
  { input: 'smtp.gmail.com:4 65', error: 'innerSpace' },
  { input: '::1', error: 'ipv6WithoutBrackets' },
  { input: '2001:db8::1:587', error: 'ipv6WithoutBrackets' },
  { input: 'smtp.gmail.com:465:587', error: 'multipleColons' },
  { input: '[::1:587', error: 'bracketNotClosed' },
  { input: '[::1]587', error: 'textAfterBracket', detail: '587' },
  { input: '[::1] x', error: 'textAfterBracket', detail: 'x' },
  { input: '[1::2::3]:25', error: 'ipv6Invalid', detail: '[1::2::3]' },
  { input: '[192.0.2.1]:25', error: 'ipv6Invalid', detail: '[192.0.2.1]' },
  { input: '[fe80::1%eth0]:25', error: 'ipv6Invalid' },
  { input: '[]:25', error: 'ipv6Invalid' },
  { input: ':465', error: 'hostMissing' },
  { input: 'smtp.gmail.com:', error: 'portMissing' },
  { input: '[::1]:', error: 'portMissing' },
  { input: 'smtp.gmail.com:abc', error: 'portNotNumber', detail: 'abc' },
  { input: 'smtp.gmail.com:+25', error: 'portNotNumber', detail: '+25' },
  { input: 'smtp.gmail.com:-1', error: 'portNotNumber', detail: '-1' },
  { input: 'smtp.gmail.com:46５', error: 'portNotNumber', detail: '46５' },
  { input: 'smtp.gmail.com:0', error: 'portOutOfRange', detail: '0' },
  { input: 'smtp.gmail.com:65536', error: 'portOutOfRange', detail: '65536' },
  { input: 'smtp.gmail.com:99999999999999999999', error: 'portOutOfRange', detail: '99999999999999999999' },
  { input: '999.1.1.1', error: 'ipv4Invalid', detail: '999.1.1.1' },
  { input: '1.2.3', error: 'ipv4Invalid', detail: '1.2.3' },
  { input: '1.2.3.4.5:25', error: 'ipv4Invalid', detail: '1.2.3.4.5' },
  { input: '010.0.0.1', error: 'ipv4Invalid', detail: '010.0.0.1' },
  { input: 'smtp.123', error: 'numericTopLevel', detail: '123' },
  { input: '0x7f.0.0.1', error: 'numericTopLevel', detail: '1' },
  { input: '.smtp.gmail.com', error: 'dotAtEdge' },
  { input: 'smtp.gmail.com.:465', error: 'dotAtEdge' },
  { input: 'smtp..gmail.com', error: 'consecutiveDots' },
  { input: 'smtp_relay.example.com', error: 'invalidCharacter', detail: '_' },
  { input: 'smtp.gmail,com', error: 'invalidCharacter', detail: ',' },
  { input: `smtp.${'a'.repeat(64)}.com`, error: 'labelTooLong', detail: 'a'.repeat(64) },
  { input: 'smtp.-gmail.com', error: 'labelHyphen', detail: '-gmail' },
  { input: 'smtp.xn--zz.de', error: 'invalidInternationalName' },
];

describe('parseSmtpServer', () => {
  it.each(accepted)('accepts $input', ({ input, host, port, portGiven, hostKind }) => {
    expect(parseSmtpServer(input)).toEqual({ ok: true, host, port, portGiven, hostKind });
  });

  it.each(rejected)('rejects $input as $error', ({ input, error, detail }) => {
    const result = parseSmtpServer(input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toBe(error);
    expect(result.value).toBe(input.trim());
    if (detail !== undefined) expect(result.detail).toBe(detail);
  });

  it('table covers every error', () => {
    const covered = new Set(rejected.map((row) => row.error));
    for (const error of SMTP_SERVER_ERRORS) expect(covered, error).toContain(error);
  });

  it('uses port 25 without a port', () => {
    expect(DEFAULT_SMTP_PORT).toBe(25);
    expect(parseSmtpServer('smtp.example.com')).toMatchObject({ ok: true, port: 25, portGiven: false });
  });
});

describe('formatSmtpServer', () => {
  it('writes host and port', () => {
    expect(formatSmtpServer('smtp.gmail.com', 465)).toBe('smtp.gmail.com:465');
    expect(formatSmtpServer('192.168.1.10', 25)).toBe('192.168.1.10:25');
  });

  it('brackets an IPv6 address', () => {
    expect(formatSmtpServer('2001:db8::1', 587)).toBe('[2001:db8::1]:587');
  });

  it.each(accepted)('round-trips $input', ({ input }) => {
    const first = parseSmtpServer(input);
    if (!first.ok) throw new Error(`expected ${input} to parse`);
    expect(parseSmtpServer(formatSmtpServer(first.host, first.port))).toEqual({ ...first, portGiven: true });
  });
});

describe('server error messages', () => {
  it('exist in every language and name the value', async () => {
    const i18n = createInstance();
    await i18n.init({ resources: i18nResources(), lng: 'fr', interpolation: { escapeValue: false } });
    for (const language of LANGUAGES) {
      const t = i18n.getFixedT(language);
      for (const error of SMTP_SERVER_ERRORS) {
        const key = smtpServerErrorKey(error);
        expect(i18n.exists(key, { lng: language }), `${language} ${key}`).toBe(true);
        const message = t(key, { value: 'VALUE.EXAMPLE', detail: 'DETAIL' });
        expect(message, `${language} ${key}`).not.toMatch(/\{\{|\}\}/);
        if (error !== 'empty') expect(message, `${language} ${key}`).toContain('VALUE.EXAMPLE');
      }
    }
  });
});
