import { codePointLabel, parseDomainName, type DomainNameError } from './address';
import { MAX_LENGTH } from './settings';

/**
 * The "Serveur SMTP" field: `host` or `host:port`, where host is a host name, an IPv4 address or
 * an IPv6 address in brackets. No port means 25, the original SMTP port.
 */

/** Port used when the field gives none. */
export const DEFAULT_SMTP_PORT = 25;

export type SmtpServerError =
  | 'empty'
  | 'tooLong'
  | 'controlCharacter'
  | 'scheme'
  | 'userInfo'
  | 'path'
  | 'innerSpace'
  | 'multipleColons'
  | 'ipv6WithoutBrackets'
  | 'bracketNotClosed'
  | 'textAfterBracket'
  | 'ipv6Invalid'
  | 'hostMissing'
  | 'portMissing'
  | 'portNotNumber'
  | 'portOutOfRange'
  | 'ipv4Invalid'
  | 'numericTopLevel'
  | 'dotAtEdge'
  | 'consecutiveDots'
  | 'invalidCharacter'
  | 'labelTooLong'
  | 'labelHyphen'
  | 'invalidInternationalName';

export const SMTP_SERVER_ERRORS: readonly SmtpServerError[] = [
  'empty',
  'tooLong',
  'controlCharacter',
  'scheme',
  'userInfo',
  'path',
  'innerSpace',
  'multipleColons',
  'ipv6WithoutBrackets',
  'bracketNotClosed',
  'textAfterBracket',
  'ipv6Invalid',
  'hostMissing',
  'portMissing',
  'portNotNumber',
  'portOutOfRange',
  'ipv4Invalid',
  'numericTopLevel',
  'dotAtEdge',
  'consecutiveDots',
  'invalidCharacter',
  'labelTooLong',
  'labelHyphen',
  'invalidInternationalName',
];

export type SmtpHostKind = 'name' | 'ipv4' | 'ipv6';

export interface SmtpServerParseSuccess {
  ok: true;
  /** Host to connect to: lower-case ASCII name (punycode), dotted IPv4, or IPv6 without brackets. */
  host: string;
  port: number;
  /** False when the field had no port and `port` is the default 25. */
  portGiven: boolean;
  hostKind: SmtpHostKind;
}

export interface SmtpServerParseFailure {
  ok: false;
  error: SmtpServerError;
  /** The trimmed input, for the message. */
  value: string;
  /** The offending part (scheme, port, label, character), for the message's {{detail}}. */
  detail?: string;
}

export type SmtpServerParse = SmtpServerParseSuccess | SmtpServerParseFailure;

const CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
const WHITESPACE = /\s/u;
const SCHEME = /^([a-z][a-z0-9+.-]*):\/\//i;
const PATH_CHARACTER = /[/\\?#]/;
const IPV6_CHARACTERS = /^[0-9a-f:.]+$/i;
const DIGITS_AND_DOTS = /^[0-9.]+$/;
const DIGITS = /^[0-9]+$/;
const IPV4_OCTET = /^(0|[1-9][0-9]{0,2})$/;

/** Returns the i18next key, with its `validation` namespace, of a server error message that interpolates `value` and `detail`. */
export function smtpServerErrorKey(error: SmtpServerError): string {
  return `validation:server.${error}`;
}

/** Parses the SMTP server field into host, port and host kind. */
export function parseSmtpServer(input: string): SmtpServerParse {
  const value = input.trim();
  const fail = (error: SmtpServerError, detail?: string): SmtpServerParseFailure =>
    detail === undefined ? { ok: false, error, value } : { ok: false, error, value, detail };

  if (value === '') return fail('empty');
  if (value.length > MAX_LENGTH.server) return fail('tooLong', String(value.length));
  const control = CONTROL_CHARACTER.exec(value);
  if (control) return fail('controlCharacter', codePointLabel(control[0]));

  const scheme = SCHEME.exec(value);
  if (scheme) return fail('scheme', scheme[1]);
  if (value.includes('@')) return fail('userInfo');
  const pathCharacter = PATH_CHARACTER.exec(value);
  if (pathCharacter) return fail('path', pathCharacter[0]);

  let hostPart: string;
  let portPart: string | undefined;
  if (value.startsWith('[')) {
    const close = value.indexOf(']');
    if (close < 0) return fail('bracketNotClosed');
    hostPart = value.slice(0, close + 1);
    const rest = value.slice(close + 1).trimStart();
    if (rest !== '') {
      if (!rest.startsWith(':')) return fail('textAfterBracket', rest);
      portPart = rest.slice(1).trim();
    }
  } else {
    const colons = value.split(':').length - 1;
    if (colons > 1) {
      return IPV6_CHARACTERS.test(value.replace(/\s/gu, '')) ? fail('ipv6WithoutBrackets') : fail('multipleColons');
    }
    const colon = value.indexOf(':');
    if (colon < 0) {
      hostPart = value;
    } else {
      hostPart = value.slice(0, colon).trim();
      portPart = value.slice(colon + 1).trim();
    }
  }

  if (hostPart === '') return fail('hostMissing');
  if (portPart === '') return fail('portMissing');
  if (WHITESPACE.test(hostPart) || (portPart !== undefined && WHITESPACE.test(portPart))) return fail('innerSpace');

  let port = DEFAULT_SMTP_PORT;
  if (portPart !== undefined) {
    if (!DIGITS.test(portPart)) return fail('portNotNumber', portPart);
    const significant = portPart.replace(/^0+(?=.)/, '');
    port = significant.length > 5 ? Number.POSITIVE_INFINITY : Number(significant);
    if (port < 1 || port > 65535) return fail('portOutOfRange', portPart);
  }
  const portGiven = portPart !== undefined;

  if (hostPart.startsWith('[')) {
    const host = parseIpv6(hostPart.slice(1, -1));
    if (host === undefined) return fail('ipv6Invalid', hostPart);
    return { ok: true, host, port, portGiven, hostKind: 'ipv6' };
  }

  if (DIGITS_AND_DOTS.test(hostPart)) {
    if (!isIpv4(hostPart)) return fail('ipv4Invalid', hostPart);
    return { ok: true, host: hostPart, port, portGiven, hostKind: 'ipv4' };
  }

  const name = parseDomainName(hostPart);
  if (!name.ok) return fail(DOMAIN_TO_SERVER_ERROR[name.error], name.detail);
  const labels = name.ascii.split('.');
  const lastLabel = labels[labels.length - 1] ?? '';
  if (DIGITS.test(lastLabel)) return fail('numericTopLevel', lastLabel);
  return { ok: true, host: name.ascii, port, portGiven, hostKind: 'name' };
}

/** Writes host and port in the field's form, with brackets around an IPv6 address. */
export function formatSmtpServer(host: string, port: number): string {
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return `${shownHost}:${port}`;
}

const DOMAIN_TO_SERVER_ERROR: Record<DomainNameError, SmtpServerError> = {
  dotAtEdge: 'dotAtEdge',
  consecutiveDots: 'consecutiveDots',
  invalidCharacter: 'invalidCharacter',
  labelTooLong: 'labelTooLong',
  labelHyphen: 'labelHyphen',
  invalidInternationalName: 'invalidInternationalName',
  domainTooLong: 'tooLong',
};

/** Four decimal octets 0-255 without leading zeros, which some resolvers would read as octal. */
function isIpv4(text: string): boolean {
  const octets = text.split('.');
  return octets.length === 4 && octets.every((octet) => IPV4_OCTET.test(octet) && Number(octet) <= 255);
}

/** Returns the IPv6 address in its canonical compressed form, or undefined if invalid (zone ids are rejected). */
function parseIpv6(text: string): string | undefined {
  if (!IPV6_CHARACTERS.test(text) || !text.includes(':')) return undefined;
  try {
    return new URL(`http://[${text}]/`).hostname.slice(1, -1);
  } catch {
    return undefined;
  }
}
