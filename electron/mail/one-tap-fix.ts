import type { OneTapFix } from '../../shared/mail-result';
import type { SmtpAccount, TrustedCertificate } from '../../shared/settings';
import { formatSmtpServer, parseSmtpServer } from '../../shared/smtp-server-address';
import { RejectedRequestError } from '../requests/types';
import { sameHost } from './certificate';

/** Maximum number of trusted certificates, the limit of `smtpAccountSchema`. */
export const MAX_TRUSTED_CERTIFICATES = 16;

/**
 * Returns the SMTP account with a one-tap fix of the test e-mail result applied:
 * - setSecurity: the security mode, and the port in the server field when the fix names one;
 * - setPort: the port in the server field;
 * - trustCertificate: the certificate pinned for its host and port, replacing an older pin of the
 *   same host and port. When the list is full, the oldest pin is dropped.
 * Throws RejectedRequestError when the stored server field does not parse, or when a certificate
 * belongs to another server than the one now configured.
 */
export function applyOneTapFix(account: SmtpAccount, fix: OneTapFix): SmtpAccount {
  switch (fix.kind) {
    case 'setSecurity': {
      const server = fix.port === undefined ? account.server : withPort(account.server, fix.port);
      return { ...account, security: fix.security, server };
    }
    case 'setPort':
      return { ...account, server: withPort(account.server, fix.port) };
    case 'trustCertificate':
      return { ...account, trustedCertificates: withTrustedCertificate(account, fix) };
  }
}

function parseStoredServer(server: string) {
  const parsed = parseSmtpServer(server);
  if (!parsed.ok) {
    throw new RejectedRequestError(
      `The stored SMTP server "${parsed.value}" is invalid (${parsed.error}). Correct it in the SMTP account, then send the test e-mail again.`,
      'fix',
      'mail:request.serverInvalid',
      { server: parsed.value },
    );
  }
  return parsed;
}

/** Sets the port of the server field and keeps the host as it was typed (a Unicode name stays Unicode). */
function withPort(server: string, port: number): string {
  const parsed = parseStoredServer(server);
  const typedHost = server.trim().replace(/\s*:\s*\d+$/, '');
  const candidate = `${typedHost}:${port}`;
  const reparsed = parseSmtpServer(candidate);
  return reparsed.ok && reparsed.host === parsed.host ? candidate : formatSmtpServer(parsed.host, port);
}

function withTrustedCertificate(
  account: SmtpAccount,
  fix: Extract<OneTapFix, { kind: 'trustCertificate' }>,
): TrustedCertificate[] {
  const server = parseStoredServer(account.server);
  if (server.port !== fix.port || !sameHost(server.host, fix.host)) {
    throw new RejectedRequestError(
      `The certificate was presented by ${fix.host}:${fix.port}, but the SMTP server is now "${account.server}". Send the test e-mail again to check the new server.`,
      'fix',
      'mail:request.certificateForOtherServer',
      { host: fix.host, port: String(fix.port), server: account.server },
    );
  }
  const pin: TrustedCertificate = {
    host: server.host,
    port: fix.port,
    fingerprint256: fix.fingerprint256.toUpperCase(),
    validTo: fix.validTo,
  };
  const others = account.trustedCertificates.filter((entry) => !(entry.port === pin.port && sameHost(entry.host, pin.host)));
  return [...others.slice(Math.max(0, others.length - (MAX_TRUSTED_CERTIFICATES - 1))), pin];
}
