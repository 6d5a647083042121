import type { DiagnosisId } from '../../shared/mail-result';

// Reply texts below are the ones providers are publicly reported to send; the patterns match
// their stable parts (enhanced status codes, keywords), not whole sentences.

/** Hosts of providers that accept only an app password for SMTP once two-step login is on. */
const APP_PASSWORD_HOSTS = /(^|\.)(gmail\.com|googlemail\.com|google\.com|yahoo\.com|yahoo\.[a-z.]+|aol\.com)$/i;

/** Diagnoses a refused AUTH command from the server's reply and the SMTP host name. */
export function classifyAuthReply(reply: string, host: string): DiagnosisId {
  if (/5\.7\.139|basic authentication is disabled|SmtpClientAuthentication is disabled/i.test(reply)) {
    return 'basicAuthDisabled';
  }
  if (/application-specific password|app password|5\.7\.9\b/i.test(reply)) return 'appPasswordRequired';
  // Gmail replies "535-5.7.8 Username and Password not accepted" both to a wrong password and to
  // the normal account password where an app password is required.
  if (/^535/.test(reply) && (/5\.7\.8\b/.test(reply) || APP_PASSWORD_HOSTS.test(host))) return 'appPasswordRequired';
  if (/^538|STARTTLS/i.test(reply)) return 'encryptionRequired';
  if (/^503/.test(reply) && /not (enabled|advertised)|not available/i.test(reply)) return 'authNotOffered';
  return 'authFailed';
}

const SEND_AS_DENIED =
  /SendAsDenied|permissions? to send as this sender|must be same as authorization user|not owned by (auth(enticated)? )?user|sender address rejected: not owned/i;

/** Diagnoses a refused MAIL FROM. */
export function classifySenderReply(reply: string): DiagnosisId {
  if (SEND_AS_DENIED.test(reply)) return 'senderNotAllowedForLogin';
  if (/^530|authentication required|must authenticate|auth(entication)? is required/i.test(reply)) return 'authRequired';
  if (/^538|issue a STARTTLS/i.test(reply)) return 'encryptionRequired';
  return 'senderRefused';
}

/** Diagnoses a refused RCPT TO; a relay refusal without login usually means that login is needed. */
export function classifyRecipientReply(reply: string, loggedIn: boolean): DiagnosisId {
  if (/^530|authentication required|must authenticate/i.test(reply)) return 'authRequired';
  if (!loggedIn && /relay/i.test(reply)) return 'authRequired';
  if (SEND_AS_DENIED.test(reply)) return 'senderNotAllowedForLogin';
  return 'recipientRefused';
}

/** Tests whether an address contains non-ASCII characters, which SMTP carries only with SMTPUTF8 (RFC 6531). */
export function needsSmtputf8(address: string): boolean {
  return /[^\x00-\x7f]/.test(address);
}

/** OpenSSL errors of a TLS client that received plain SMTP ("220 ...") instead of a TLS record. */
export function isPlaintextReplyToTls(error: { code?: unknown; message?: unknown }): boolean {
  const code = String(error.code ?? '');
  const message = String(error.message ?? '');
  return (
    code === 'ERR_SSL_WRONG_VERSION_NUMBER' ||
    code === 'ERR_SSL_PACKET_LENGTH_TOO_LONG' ||
    /wrong version number|packet length too long|unknown protocol/i.test(message)
  );
}
