import { MAX_LENGTH } from './settings';

/**
 * E-mail address and domain name checks, shared by the settings dialogs and the sending side.
 *
 * Decisions beyond RFC 5321/5322:
 * - Quoted local parts ("john doe"@example.com) are rejected: providers do not hand them out,
 *   and an address with spaces or quotes typed on a pool controller is almost always a typo.
 * - Address literals (name@[192.0.2.1]) are rejected: a domain name is required.
 * - The domain needs at least one dot, and its last label (the top-level domain) is letters only,
 *   at least two of them, or an internationalised "xn--" label.
 * - A local part may contain non-ASCII letters (RFC 6531, SMTPUTF8). `localPartIsAscii` reports
 *   them, because only servers that announce SMTPUTF8 accept such an address.
 */

export type AddressError =
  | 'empty'
  | 'controlCharacter'
  | 'innerSpace'
  | 'quotedLocalPart'
  | 'missingAt'
  | 'multipleAt'
  | 'emptyLocalPart'
  | 'emptyDomain'
  | 'dotAtEdge'
  | 'consecutiveDots'
  | 'invalidCharacter'
  | 'localPartTooLong'
  | 'addressLiteral'
  | 'domainWithoutDot'
  | 'domainLabelTooLong'
  | 'domainLabelHyphen'
  | 'topLevelDomain'
  | 'internationalDomain'
  | 'tooLong';

export const ADDRESS_ERRORS: readonly AddressError[] = [
  'empty',
  'controlCharacter',
  'innerSpace',
  'quotedLocalPart',
  'missingAt',
  'multipleAt',
  'emptyLocalPart',
  'emptyDomain',
  'dotAtEdge',
  'consecutiveDots',
  'invalidCharacter',
  'localPartTooLong',
  'addressLiteral',
  'domainWithoutDot',
  'domainLabelTooLong',
  'domainLabelHyphen',
  'topLevelDomain',
  'internationalDomain',
  'tooLong',
];

export interface AddressParseSuccess {
  ok: true;
  /** Form to store and show: trimmed, domain lower-cased (Unicode if it was typed so), local part as typed. */
  address: string;
  /** Form used in the SMTP envelope and headers: the domain in its ASCII (punycode) form. */
  asciiAddress: string;
  /** True when `asciiAddress` differs from the trimmed input, so the UI shows the address that will be used. */
  differsFromInput: boolean;
  /** False when the local part has non-ASCII characters, which only SMTPUTF8 servers accept. */
  localPartIsAscii: boolean;
}

export interface AddressParseFailure {
  ok: false;
  error: AddressError;
  /** The trimmed input, for the message. */
  value: string;
  /** The offending character, part, label or length, for the message's {{detail}}. */
  detail?: string;
}

export type AddressParse = AddressParseSuccess | AddressParseFailure;

/** Maximum length of a local part in octets (RFC 5321, 4.5.3.1.1). */
export const MAX_LOCAL_PART_OCTETS = 64;

/** Maximum length of a domain name in its ASCII form (RFC 1035, without the final dot). */
export const MAX_DOMAIN_LENGTH = 253;

/** Maximum length of one domain label (RFC 1035). */
export const MAX_LABEL_LENGTH = 63;

const CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
const WHITESPACE = /\s/u;
const INVISIBLE_FORMAT_CHARACTER = /\p{Cf}/u;
/** atext of RFC 5322, 3.2.3, plus the dot that separates atoms. */
const LOCAL_PART_ASCII = /^[A-Za-z0-9!#$%&'*+\-/=?^_`{|}~.]$/;
const HOST_NAME_ASCII = /^[a-z0-9-]$/;
const LETTERS_ONLY = /^[a-z]{2,}$/;
const ALL_DIGITS = /^[0-9]+$/;

/** Returns the i18next key, with its `validation` namespace, of an address error message that interpolates `value` and `detail`. */
export function addressErrorKey(error: AddressError): string {
  return `validation:address.${error}`;
}

/** Parses and normalises an e-mail address as typed by the user. */
export function parseEmailAddress(input: string): AddressParse {
  const value = input.trim();
  const fail = (error: AddressError, detail?: string): AddressParseFailure =>
    detail === undefined ? { ok: false, error, value } : { ok: false, error, value, detail };

  if (value === '') return fail('empty');

  const control = CONTROL_CHARACTER.exec(value);
  if (control) return fail('controlCharacter', codePointLabel(control[0]));
  if (value.startsWith('"')) return fail('quotedLocalPart');
  if (WHITESPACE.test(value)) return fail('innerSpace');

  const atCount = value.split('@').length - 1;
  if (atCount === 0) return fail('missingAt');
  if (atCount > 1) return fail('multipleAt');

  const at = value.indexOf('@');
  const localPart = value.slice(0, at);
  const domain = value.slice(at + 1);
  if (localPart === '') return fail('emptyLocalPart');
  if (domain === '') return fail('emptyDomain');

  const localError = checkLocalPart(localPart);
  if (localError) return fail(localError.error, localError.detail);

  if (domain.startsWith('[')) return fail('addressLiteral');
  const parsedDomain = parseDomainName(domain);
  if (!parsedDomain.ok) {
    if (parsedDomain.error === 'domainTooLong') {
      return fail('tooLong', String(utf8Length(localPart) + 1 + Number(parsedDomain.detail)));
    }
    return fail(DOMAIN_TO_ADDRESS_ERROR[parsedDomain.error], parsedDomain.detail);
  }

  const labels = parsedDomain.ascii.split('.');
  if (labels.length < 2) return fail('domainWithoutDot', parsedDomain.unicode);
  const topLevel = labels[labels.length - 1] ?? '';
  if (!LETTERS_ONLY.test(topLevel) && !topLevel.startsWith('xn--')) return fail('topLevelDomain', topLevel);

  // Lengths count UTF-8 octets, as SMTP does, so a non-ASCII letter of the local part counts 2 to 4.
  const asciiAddress = `${localPart}@${parsedDomain.ascii}`;
  const octets = utf8Length(asciiAddress);
  if (octets > MAX_LENGTH.address) return fail('tooLong', String(octets));

  return {
    ok: true,
    address: `${localPart}@${parsedDomain.unicode}`,
    asciiAddress,
    differsFromInput: asciiAddress !== value,
    localPartIsAscii: isAscii(localPart),
  };
}

function checkLocalPart(localPart: string): { error: AddressError; detail?: string } | undefined {
  if (localPart.startsWith('.') || localPart.endsWith('.')) return { error: 'dotAtEdge', detail: localPart };
  if (localPart.includes('..')) return { error: 'consecutiveDots' };

  for (const character of localPart) {
    const allowed = isAscii(character) ? LOCAL_PART_ASCII.test(character) : !INVISIBLE_FORMAT_CHARACTER.test(character);
    if (!allowed) {
      const reported = INVISIBLE_FORMAT_CHARACTER.test(character) ? codePointLabel(character) : character;
      return { error: 'invalidCharacter', detail: reported };
    }
  }

  const octets = utf8Length(localPart);
  if (octets > MAX_LOCAL_PART_OCTETS) return { error: 'localPartTooLong', detail: String(octets) };
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Domain names, shared with the SMTP server field.

export type DomainNameError =
  | 'dotAtEdge'
  | 'consecutiveDots'
  | 'invalidCharacter'
  | 'labelTooLong'
  | 'labelHyphen'
  | 'invalidInternationalName'
  | 'domainTooLong';

export type DomainNameParse =
  | {
      ok: true;
      /** Lower-case ASCII form, internationalised labels in punycode ("xn--mller-kva.de"). */
      ascii: string;
      /** Lower-case form for display: Unicode when the input had non-ASCII characters, else `ascii`. */
      unicode: string;
    }
  | { ok: false; error: DomainNameError; detail?: string };

const DOMAIN_TO_ADDRESS_ERROR: Record<DomainNameError, AddressError> = {
  dotAtEdge: 'dotAtEdge',
  consecutiveDots: 'consecutiveDots',
  invalidCharacter: 'invalidCharacter',
  labelTooLong: 'domainLabelTooLong',
  labelHyphen: 'domainLabelHyphen',
  invalidInternationalName: 'internationalDomain',
  domainTooLong: 'tooLong',
};

/**
 * Checks a host or domain name (letters, digits and hyphens per label, RFC 1123) and converts an
 * internationalised name to ASCII with the IDNA mapping of the WHATWG URL parser (UTS #46, the one
 * browsers use). Accepts single-label names, so callers that need a dot check for it.
 */
export function parseDomainName(input: string): DomainNameParse {
  const typedAscii = isAscii(input);

  const edgeError = checkDots(input);
  if (edgeError) return edgeError;

  for (const character of input) {
    if (isAscii(character) && character !== '.' && !HOST_NAME_ASCII.test(character.toLowerCase())) {
      return { ok: false, error: 'invalidCharacter', detail: character };
    }
  }

  const lowerCase = input.toLowerCase();
  const needsIdna = !typedAscii || lowerCase.split('.').some((label) => label.startsWith('xn--'));
  let ascii = lowerCase;
  if (needsIdna) {
    const converted = hostNameToAscii(lowerCase);
    if (converted === undefined) return { ok: false, error: 'invalidInternationalName' };
    ascii = converted;
  }

  // The IDNA mapping can turn characters such as the ideographic full stop into dots, so the
  // ASCII form is checked again.
  const asciiEdgeError = checkDots(ascii);
  if (asciiEdgeError) return asciiEdgeError;

  for (const label of ascii.split('.')) {
    for (const character of label) {
      if (!HOST_NAME_ASCII.test(character)) return { ok: false, error: 'invalidCharacter', detail: character };
    }
    if (label.length > MAX_LABEL_LENGTH) return { ok: false, error: 'labelTooLong', detail: label };
    if (label.startsWith('-') || label.endsWith('-')) return { ok: false, error: 'labelHyphen', detail: label };
  }
  if (ascii.length > MAX_DOMAIN_LENGTH) return { ok: false, error: 'domainTooLong', detail: String(ascii.length) };

  return { ok: true, ascii, unicode: typedAscii ? ascii : asciiDomainToUnicode(ascii) };
}

function checkDots(name: string): DomainNameParse | undefined {
  if (name.startsWith('.') || name.endsWith('.')) return { ok: false, error: 'dotAtEdge', detail: name };
  if (name.includes('..')) return { ok: false, error: 'consecutiveDots' };
  return undefined;
}

/**
 * Converts a host name to ASCII with the URL parser's host processing (UTS #46 mapping, punycode).
 * Returns undefined when the parser rejects it, or when it read the name as an IPv4 address.
 */
function hostNameToAscii(name: string): string | undefined {
  let hostname: string;
  try {
    hostname = new URL(`http://${name}/`).hostname;
  } catch {
    return undefined;
  }
  const labels = hostname.split('.');
  if (labels.every((label) => ALL_DIGITS.test(label))) return undefined;
  return hostname;
}

/** Converts the "xn--" labels of an ASCII domain back to Unicode for display. */
export function asciiDomainToUnicode(ascii: string): string {
  return ascii
    .split('.')
    .map((label) => (label.startsWith('xn--') ? (decodePunycode(label.slice(4)) ?? label) : label))
    .join('.');
}

// Punycode decoding, RFC 3492 section 6.2, with the parameters of section 5.
const PUNYCODE_BASE = 36;
const PUNYCODE_T_MIN = 1;
const PUNYCODE_T_MAX = 26;
const PUNYCODE_SKEW = 38;
const PUNYCODE_DAMP = 700;
const PUNYCODE_INITIAL_BIAS = 72;
const PUNYCODE_INITIAL_N = 0x80;
const MAX_CODE_POINT = 0x10ffff;

/** Decodes one punycode label given without "xn--", or returns undefined when it is not valid punycode. */
export function decodePunycode(input: string): string | undefined {
  const output: number[] = [];
  const delimiter = input.lastIndexOf('-');
  for (let index = 0; index < Math.max(delimiter, 0); index++) {
    const code = input.charCodeAt(index);
    if (code >= 0x80) return undefined;
    output.push(code);
  }

  let n = PUNYCODE_INITIAL_N;
  let bias = PUNYCODE_INITIAL_BIAS;
  let i = 0;
  let index = delimiter > 0 ? delimiter + 1 : 0;
  while (index < input.length) {
    const previousI = i;
    let weight = 1;
    for (let k = PUNYCODE_BASE; ; k += PUNYCODE_BASE) {
      if (index >= input.length) return undefined;
      const digit = punycodeDigit(input.charCodeAt(index++));
      if (digit === undefined) return undefined;
      i += digit * weight;
      if (i > MAX_CODE_POINT * (output.length + 1)) return undefined;
      const threshold = Math.min(Math.max(k - bias, PUNYCODE_T_MIN), PUNYCODE_T_MAX);
      if (digit < threshold) break;
      weight *= PUNYCODE_BASE - threshold;
    }
    const length = output.length + 1;
    bias = adaptBias(i - previousI, length, previousI === 0);
    n += Math.floor(i / length);
    i %= length;
    if (n > MAX_CODE_POINT) return undefined;
    output.splice(i, 0, n);
    i++;
  }
  return String.fromCodePoint(...output);
}

function punycodeDigit(code: number): number | undefined {
  if (code >= 0x61 && code <= 0x7a) return code - 0x61; // a-z
  if (code >= 0x41 && code <= 0x5a) return code - 0x41; // A-Z
  if (code >= 0x30 && code <= 0x39) return code - 0x30 + 26; // 0-9
  return undefined;
}

function adaptBias(delta: number, length: number, firstTime: boolean): number {
  let scaled = firstTime ? Math.floor(delta / PUNYCODE_DAMP) : Math.floor(delta / 2);
  scaled += Math.floor(scaled / length);
  let k = 0;
  while (scaled > ((PUNYCODE_BASE - PUNYCODE_T_MIN) * PUNYCODE_T_MAX) / 2) {
    scaled = Math.floor(scaled / (PUNYCODE_BASE - PUNYCODE_T_MIN));
    k += PUNYCODE_BASE;
  }
  return k + Math.floor(((PUNYCODE_BASE - PUNYCODE_T_MIN + 1) * scaled) / (scaled + PUNYCODE_SKEW));
}

// ---------------------------------------------------------------------------------------------

function isAscii(text: string): boolean {
  return /^[\u0000-\u007f]*$/.test(text);
}

const utf8 = new TextEncoder();

function utf8Length(text: string): number {
  return utf8.encode(text).length;
}

/** Writes a character as "U+XXXX", for characters that cannot be shown in a message. */
export function codePointLabel(character: string): string {
  const codePoint = character.codePointAt(0) ?? 0;
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
}
