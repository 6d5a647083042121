import { createInstance } from 'i18next';
import { describe, expect, it } from 'vitest';
import {
  ADDRESS_ERRORS,
  addressErrorKey,
  asciiDomainToUnicode,
  decodePunycode,
  parseDomainName,
  parseEmailAddress,
  type AddressError,
} from './address';
import { i18nResources } from './i18n';
import { LANGUAGES } from './settings';

interface Accepted {
  input: string;
  address: string;
  ascii: string;
  differs: boolean;
  localPartIsAscii?: boolean;
}

const accepted: Accepted[] = [
  { input: 'nom@fournisseur.fr', address: 'nom@fournisseur.fr', ascii: 'nom@fournisseur.fr', differs: false },
  { input: '  nom@fournisseur.fr  ', address: 'nom@fournisseur.fr', ascii: 'nom@fournisseur.fr', differs: false },
  { input: '\tnom@fournisseur.fr\n', address: 'nom@fournisseur.fr', ascii: 'nom@fournisseur.fr', differs: false },
  { input: 'Jean.Dupont@Orange.FR', address: 'Jean.Dupont@orange.fr', ascii: 'Jean.Dupont@orange.fr', differs: true },
  { input: 'name+pool@gmail.com', address: 'name+pool@gmail.com', ascii: 'name+pool@gmail.com', differs: false },
  { input: 'first.last@sub.example.co.uk', address: 'first.last@sub.example.co.uk', ascii: 'first.last@sub.example.co.uk', differs: false },
  { input: "o'brien@example.ie", address: "o'brien@example.ie", ascii: "o'brien@example.ie", differs: false },
  { input: 'a_b-c@my-provider.de', address: 'a_b-c@my-provider.de', ascii: 'a_b-c@my-provider.de', differs: false },
  { input: '!#$%&*+-/=?^_`{|}~@example.com', address: '!#$%&*+-/=?^_`{|}~@example.com', ascii: '!#$%&*+-/=?^_`{|}~@example.com', differs: false },
  { input: 'x@a.io', address: 'x@a.io', ascii: 'x@a.io', differs: false },
  { input: 'name1@t-online.de', address: 'name1@t-online.de', ascii: 'name1@t-online.de', differs: false },
  { input: 'info@müller.de', address: 'info@müller.de', ascii: 'info@xn--mller-kva.de', differs: true },
  { input: 'info@MÜLLER.DE', address: 'info@müller.de', ascii: 'info@xn--mller-kva.de', differs: true },
  { input: 'info@xn--mller-kva.de', address: 'info@xn--mller-kva.de', ascii: 'info@xn--mller-kva.de', differs: false },
  { input: 'info@straße.de', address: 'info@straße.de', ascii: 'info@xn--strae-oqa.de', differs: true },
  { input: 'contact@café.fr', address: 'contact@café.fr', ascii: 'contact@xn--caf-dma.fr', differs: true },
  { input: 'info@日本。jp', address: 'info@日本.jp', ascii: 'info@xn--wgv71a.jp', differs: true },
  { input: 'x@ｅxample.com', address: 'x@example.com', ascii: 'x@example.com', differs: true },
  { input: 'x@example.xn--p1ai', address: 'x@example.xn--p1ai', ascii: 'x@example.xn--p1ai', differs: false },
  { input: 'x@пример.рф', address: 'x@пример.рф', ascii: 'x@xn--e1afmkfd.xn--p1ai', differs: true },
  { input: 'josé@example.es', address: 'josé@example.es', ascii: 'josé@example.es', differs: false, localPartIsAscii: false },
  { input: `${'a'.repeat(64)}@example.com`, address: `${'a'.repeat(64)}@example.com`, ascii: `${'a'.repeat(64)}@example.com`, differs: false },
  { input: `x@${'a'.repeat(63)}.com`, address: `x@${'a'.repeat(63)}.com`, ascii: `x@${'a'.repeat(63)}.com`, differs: false },
];

interface Rejected {
  input: string;
  error: AddressError;
  detail?: string;
}

const longDomain = `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(60)}.com`; // 256 characters

const rejected: Rejected[] = [
  { input: '', error: 'empty' },
  { input: '   ', error: 'empty' },
  { input: 'jean dupont@orange.fr', error: 'innerSpace' },
  { input: 'jean@orange .fr', error: 'innerSpace' },
  { input: 'jean@orange\u00a0.fr', error: 'innerSpace' },
  { input: 'jean\t@orange.fr', error: 'controlCharacter', detail: 'U+0009' },
  { input: 'jean@orange.fr\r\nBcc: x@y.fr', error: 'controlCharacter', detail: 'U+000D' },
  { input: '"john doe"@example.com', error: 'quotedLocalPart' },
  { input: '"john"@example.com', error: 'quotedLocalPart' },
  { input: 'jean.orange.fr', error: 'missingAt' },
  { input: 'jean＠orange.fr', error: 'missingAt' },
  { input: 'jean@@orange.fr', error: 'multipleAt' },
  { input: 'a@b@orange.fr', error: 'multipleAt' },
  { input: '@orange.fr', error: 'emptyLocalPart' },
  { input: 'jean@', error: 'emptyDomain' },
  { input: '.jean@orange.fr', error: 'dotAtEdge', detail: '.jean' },
  { input: 'jean.@orange.fr', error: 'dotAtEdge', detail: 'jean.' },
  { input: 'jean@.orange.fr', error: 'dotAtEdge', detail: '.orange.fr' },
  { input: 'jean@orange.fr.', error: 'dotAtEdge', detail: 'orange.fr.' },
  { input: 'jean..dupont@orange.fr', error: 'consecutiveDots' },
  { input: 'jean@orange..fr', error: 'consecutiveDots' },
  { input: 'jean(pool)@orange.fr', error: 'invalidCharacter', detail: '(' },
  { input: 'jean,dupont@orange.fr', error: 'invalidCharacter', detail: ',' },
  { input: 'je"an@orange.fr', error: 'invalidCharacter', detail: '"' },
  { input: 'je\u200ban@orange.fr', error: 'invalidCharacter', detail: 'U+200B' },
  { input: 'jean@orange_fr.com', error: 'invalidCharacter', detail: '_' },
  { input: 'jean@orange!.fr', error: 'invalidCharacter', detail: '!' },
  { input: 'jean@ex_ämple.de', error: 'invalidCharacter', detail: '_' },
  { input: `${'a'.repeat(65)}@example.com`, error: 'localPartTooLong', detail: '65' },
  { input: `${'é'.repeat(33)}@example.com`, error: 'localPartTooLong', detail: '66' },
  { input: 'jean@[192.0.2.1]', error: 'addressLiteral' },
  { input: 'jean@localhost', error: 'domainWithoutDot', detail: 'localhost' },
  { input: 'jean@müller', error: 'domainWithoutDot', detail: 'müller' },
  { input: `jean@${'a'.repeat(64)}.com`, error: 'domainLabelTooLong', detail: 'a'.repeat(64) },
  { input: 'jean@-orange.fr', error: 'domainLabelHyphen', detail: '-orange' },
  { input: 'jean@orange-.fr', error: 'domainLabelHyphen', detail: 'orange-' },
  { input: 'jean@192.168.1.10', error: 'topLevelDomain', detail: '10' },
  { input: 'jean@gmail.c0m', error: 'topLevelDomain', detail: 'c0m' },
  { input: 'jean@gmail.c', error: 'topLevelDomain', detail: 'c' },
  { input: 'jean@xn--zz.de', error: 'internationalDomain' },
  { input: 'jean@a\u200db.de', error: 'internationalDomain' },
  { input: `abcd@${longDomain}`, error: 'tooLong', detail: '261' },
  { input: `${'a'.repeat(10)}@${'b'.repeat(60)}.${'c'.repeat(60)}.${'d'.repeat(60)}.${'e'.repeat(60)}.fr`, error: 'tooLong', detail: '257' },
];

describe('parseEmailAddress', () => {
  it.each(accepted)('accepts $input', ({ input, address, ascii, differs, localPartIsAscii }) => {
    const result = parseEmailAddress(input);
    expect(result).toEqual({ ok: true, address, asciiAddress: ascii, differsFromInput: differs, localPartIsAscii: localPartIsAscii ?? true });
  });

  it.each(rejected)('rejects $input as $error', ({ input, error, detail }) => {
    const result = parseEmailAddress(input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toBe(error);
    expect(result.value).toBe(input.trim());
    if (detail !== undefined) expect(result.detail).toBe(detail);
  });

  it('table covers every error', () => {
    const covered = new Set(rejected.map((row) => row.error));
    for (const error of ADDRESS_ERRORS) expect(covered, error).toContain(error);
  });

  it('accepts the longest allowed address', () => {
    const longest = `${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(58)}.fr`;
    expect(longest).toHaveLength(254);
    expect(parseEmailAddress(longest).ok).toBe(true);

    const oneTooMany = `${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(59)}.fr`;
    expect(parseEmailAddress(oneTooMany)).toMatchObject({ ok: false, error: 'tooLong', detail: '255' });
  });

  it('stored form parses to itself', () => {
    for (const { input } of accepted) {
      const first = parseEmailAddress(input);
      if (!first.ok) throw new Error(`expected ${input} to parse`);
      const second = parseEmailAddress(first.address);
      expect(second).toMatchObject({ ok: true, address: first.address, asciiAddress: first.asciiAddress });
    }
  });
});

describe('parseDomainName', () => {
  it('accepts single-label names', () => {
    expect(parseDomainName('localhost')).toEqual({ ok: true, ascii: 'localhost', unicode: 'localhost' });
  });

  it('lower-cases and converts to punycode', () => {
    expect(parseDomainName('SMTP.Müller.DE')).toEqual({ ok: true, ascii: 'smtp.xn--mller-kva.de', unicode: 'smtp.müller.de' });
  });

  it('rejects a name over 253 characters', () => {
    const name = `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(62)}`;
    expect(name).toHaveLength(254);
    expect(parseDomainName(name)).toEqual({ ok: false, error: 'domainTooLong', detail: '254' });
    expect(parseDomainName(name.slice(1)).ok).toBe(true);
  });
});

describe('punycode decoding', () => {
  const labels = ['müller', 'straße', '日本', 'пример', 'café', '👍', 'a-b-ü', 'ü-ö-ä'];

  it.each(labels)('decodes what the URL parser encodes for %s', (label) => {
    const ascii = new URL(`http://${label}.de/`).hostname;
    expect(ascii).toMatch(/^xn--[a-z0-9-]+\.de$/);
    expect(decodePunycode(ascii.slice(4, -3))).toBe(label);
    expect(asciiDomainToUnicode(ascii)).toBe(`${label}.de`);
  });

  it('rejects invalid punycode', () => {
    expect(decodePunycode('zz')).toBeUndefined();
    expect(decodePunycode('a-!')).toBeUndefined();
    expect(decodePunycode('99999999999')).toBeUndefined();
  });
});

describe('address error messages', () => {
  it('exist in every language and name the value', async () => {
    const i18n = createInstance();
    await i18n.init({ resources: i18nResources(), lng: 'fr', ns: ['validation'], interpolation: { escapeValue: false } });
    for (const language of LANGUAGES) {
      const t = i18n.getFixedT(language);
      for (const error of ADDRESS_ERRORS) {
        const key = addressErrorKey(error);
        expect(i18n.exists(key, { lng: language }), `${language} ${key}`).toBe(true);
        const message = t(key, { value: 'VALUE@EXAMPLE', detail: 'DETAIL' });
        expect(message, `${language} ${key}`).not.toMatch(/\{\{|\}\}/);
        if (error !== 'empty') expect(message, `${language} ${key}`).toContain('VALUE@EXAMPLE');
      }
    }
  });

  it('missing @ message matches the French wording', async () => {
    const i18n = createInstance();
    await i18n.init({ resources: i18nResources(), lng: 'fr', interpolation: { escapeValue: false } });
    expect(i18n.t(addressErrorKey('missingAt'), { value: 'jean.orange.fr' })).toContain(
      "L'adresse « jean.orange.fr » ne contient pas de « @ ». Exemple : nom@fournisseur.fr",
    );
  });
});
