import { isIPv4, isIPv6 } from 'node:net';

// NOTE: a shared parser with this signature is planned in shared/smtp-server-address.ts; this
// private copy exists until it lands and should then be replaced by an import of it.

export type ServerHostKind = 'name' | 'ipv4' | 'ipv6';

export type ParsedSmtpServer =
  | { ok: true; host: string; port: number; portGiven: boolean; hostKind: ServerHostKind }
  | { ok: false; error: string; value: string };

/** Port used when the field gives none, as on the device. */
export const DEFAULT_SMTP_PORT = 25;

const HOST_NAME = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*\.?$/i;

/** Parses the "Serveur SMTP" field: `host`, `host:port`, IPv4, or `[IPv6]` with an optional `:port`. */
export function parseSmtpServer(input: string): ParsedSmtpServer {
  const value = input.trim();
  if (value === '') return { ok: false, error: 'empty', value: input };

  let hostPart: string;
  let portPart: string | undefined;
  const bracketed = /^\[([^\]]*)\](?:\s*:\s*(.*))?$/.exec(value);
  if (bracketed) {
    hostPart = bracketed[1] ?? '';
    portPart = bracketed[2];
    if (!isIPv6(hostPart)) return { ok: false, error: 'invalidIpv6', value: input };
  } else {
    const colon = value.indexOf(':');
    if (colon !== value.lastIndexOf(':')) return { ok: false, error: 'ipv6NeedsBrackets', value: input };
    hostPart = (colon < 0 ? value : value.slice(0, colon)).trim();
    portPart = colon < 0 ? undefined : value.slice(colon + 1).trim();
  }

  let port = DEFAULT_SMTP_PORT;
  if (portPart !== undefined) {
    if (!/^\d{1,5}$/.test(portPart)) return { ok: false, error: 'invalidPort', value: input };
    port = Number(portPart);
    if (port < 1 || port > 65535) return { ok: false, error: 'portOutOfRange', value: input };
  }

  if (bracketed) return { ok: true, host: hostPart, port, portGiven: portPart !== undefined, hostKind: 'ipv6' };
  if (isIPv4(hostPart)) return { ok: true, host: hostPart, port, portGiven: portPart !== undefined, hostKind: 'ipv4' };
  if (!HOST_NAME.test(hostPart)) return { ok: false, error: 'invalidHost', value: input };
  return {
    ok: true,
    host: hostPart.toLowerCase().replace(/\.$/, ''),
    port,
    portGiven: portPart !== undefined,
    hostKind: 'name',
  };
}
