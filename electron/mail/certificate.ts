import type { PeerCertificate, TLSSocket } from 'node:tls';
import type { TrustedCertificate } from '../../shared/settings';
import type { DiagnosisId, OneTapFix, PresentedCertificate } from '../../shared/mail-result';

/** Outcome of checking the certificate of one TLS session. */
export type CertificateCheck =
  | { ok: true; trustedBy: 'authority' | 'fingerprint' }
  | { ok: false; diagnosis: DiagnosisId; certificate?: PresentedCertificate; fix?: OneTapFix; detail: string };

const EXPIRY_ERRORS = new Set(['CERT_HAS_EXPIRED', 'CERT_NOT_YET_VALID']);
const HOST_ERRORS = new Set(['ERR_TLS_CERT_ALTNAME_INVALID']);

/** Host names compare case-insensitively; IPv6 literals compare without brackets. */
export function sameHost(a: string, b: string): boolean {
  const normalize = (host: string) => host.trim().replace(/^\[|\]$/g, '').replace(/\.$/, '').toLowerCase();
  return normalize(a) === normalize(b);
}

function formatName(name: PeerCertificate['subject'] | undefined): string {
  if (!name) return '';
  return Object.entries(name)
    .map(([key, value]) => `${key}=${Array.isArray(value) ? value.join('+') : String(value)}`)
    .join(', ');
}

export function describeCertificate(certificate: PeerCertificate, verificationError: string): PresentedCertificate {
  const subject = formatName(certificate.subject);
  const issuer = formatName(certificate.issuer);
  return {
    fingerprint256: certificate.fingerprint256,
    subject,
    issuer,
    validFrom: certificate.valid_from,
    validTo: certificate.valid_to,
    selfSigned: subject === issuer,
    verificationError,
  };
}

function isWithinValidity(certificate: PeerCertificate, now: Date): boolean {
  const from = Date.parse(certificate.valid_from);
  const to = Date.parse(certificate.valid_to);
  return Number.isFinite(from) && Number.isFinite(to) && from <= now.getTime() && now.getTime() <= to;
}

/**
 * Checks the server certificate of an established TLS session. The session is opened with
 * `rejectUnauthorized: false` so that the presented certificate can be reported, which makes this
 * check the gate: the caller sends nothing that matters (no login, no envelope) before it passes.
 *
 * A certificate passes when Node verified it against the system authorities and the host name, or
 * when its leaf SHA-256 fingerprint equals one the technician trusted for this exact host and port
 * and it is inside its validity period. A trusted fingerprint replaces the authority and host-name
 * checks only; it never makes an expired certificate acceptable.
 */
export function checkServerCertificate(
  socket: TLSSocket,
  target: { host: string; port: number },
  trusted: readonly TrustedCertificate[],
  now: Date = new Date(),
): CertificateCheck {
  if (socket.authorized) return { ok: true, trustedBy: 'authority' };

  const leaf = socket.getPeerCertificate();
  const verificationError = String(socket.authorizationError ?? 'UNKNOWN');
  if (!leaf || !leaf.fingerprint256) {
    return { ok: false, diagnosis: 'tlsHandshakeFailed', detail: `server presented no certificate (${verificationError})` };
  }

  const certificate = describeCertificate(leaf, verificationError);
  const pins = trusted.filter((pin) => pin.port === target.port && sameHost(pin.host, target.host));
  const pinned = pins.some((pin) => pin.fingerprint256.toUpperCase() === leaf.fingerprint256.toUpperCase());
  const current = isWithinValidity(leaf, now);

  if (pinned && current) return { ok: true, trustedBy: 'fingerprint' };
  if (!current || EXPIRY_ERRORS.has(verificationError)) {
    return { ok: false, diagnosis: 'certificateExpired', certificate, detail: verificationError };
  }

  const fix: OneTapFix = {
    kind: 'trustCertificate',
    host: target.host,
    port: target.port,
    fingerprint256: leaf.fingerprint256,
    validTo: leaf.valid_to,
  };
  if (pins.length > 0) return { ok: false, diagnosis: 'certificateChanged', certificate, fix, detail: verificationError };
  if (HOST_ERRORS.has(verificationError)) {
    return { ok: false, diagnosis: 'certificateHostMismatch', certificate, fix, detail: verificationError };
  }
  return { ok: false, diagnosis: 'certificateUntrusted', certificate, fix, detail: verificationError };
}
