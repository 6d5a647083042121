import type { SecurityMode } from './settings';

/** Steps of one SMTP attempt, in the order they happen. */
export const SMTP_STEPS = [
  'dns',
  'connect',
  'tls',
  'greeting',
  'ehlo',
  'starttls',
  'auth',
  'sender',
  'recipient',
  'data',
] as const;
export type SmtpStep = (typeof SMTP_STEPS)[number];

/** Error codes the device shows on the last line of a failed test e-mail, spelled exactly as the device does. */
export const DEVICE_CODES = [
  "can't connect to server!",
  'SMTP_helo fail',
  'SMTP_meet fail',
  'SMTP_from fail',
  'SMTP_rcpt fail',
] as const;
export type DeviceCode = (typeof DEVICE_CODES)[number];

interface DiagnosisEntry {
  /** Device code that ends the error message. */
  deviceCode: DeviceCode;
  /** Whether the same attempt may succeed later without a change of settings (an outbox retries these). */
  temporary: boolean;
}

/**
 * Every diagnosis with its device code. This is the only place that maps a diagnosis to a code.
 * `temporary` is the default retry class; a 4xx or 5xx server reply overrides it (see `isTemporaryFailure`).
 */
export const DIAGNOSES = {
  // Before any connection: the settings cannot work as they are.
  serverAddressInvalid: { deviceCode: "can't connect to server!", temporary: false },
  senderAddressInvalid: { deviceCode: 'SMTP_from fail', temporary: false },
  passwordMissing: { deviceCode: 'SMTP_from fail', temporary: false },
  noRecipient: { deviceCode: 'SMTP_rcpt fail', temporary: false },

  // Name resolution, connection, TLS and greeting.
  hostNotFound: { deviceCode: "can't connect to server!", temporary: false },
  dnsFailed: { deviceCode: "can't connect to server!", temporary: true },
  connectionRefused: { deviceCode: "can't connect to server!", temporary: true },
  connectionTimedOut: { deviceCode: "can't connect to server!", temporary: true },
  networkUnreachable: { deviceCode: "can't connect to server!", temporary: true },
  connectionFailed: { deviceCode: "can't connect to server!", temporary: true },
  tlsOnPlainPort: { deviceCode: "can't connect to server!", temporary: false },
  plainOnTlsPort: { deviceCode: "can't connect to server!", temporary: false },
  tlsHandshakeFailed: { deviceCode: "can't connect to server!", temporary: true },
  certificateUntrusted: { deviceCode: "can't connect to server!", temporary: false },
  certificateHostMismatch: { deviceCode: "can't connect to server!", temporary: false },
  certificateExpired: { deviceCode: "can't connect to server!", temporary: false },
  certificateChanged: { deviceCode: "can't connect to server!", temporary: false },
  noGreeting: { deviceCode: "can't connect to server!", temporary: true },
  connectionLost: { deviceCode: "can't connect to server!", temporary: true },
  responseTimedOut: { deviceCode: "can't connect to server!", temporary: true },
  attemptTimedOut: { deviceCode: "can't connect to server!", temporary: true },
  cancelled: { deviceCode: "can't connect to server!", temporary: true },

  // Greeting and EHLO/HELO.
  greetingRefused: { deviceCode: 'SMTP_helo fail', temporary: false },
  ehloRefused: { deviceCode: 'SMTP_helo fail', temporary: false },
  unexpectedReply: { deviceCode: 'SMTP_helo fail', temporary: true },

  // No common ground on security or login.
  starttlsNotOffered: { deviceCode: 'SMTP_meet fail', temporary: false },
  starttlsRefused: { deviceCode: 'SMTP_meet fail', temporary: false },
  encryptionRequired: { deviceCode: 'SMTP_meet fail', temporary: false },
  authNotOffered: { deviceCode: 'SMTP_meet fail', temporary: false },
  authMethodsUnsupported: { deviceCode: 'SMTP_meet fail', temporary: false },

  // Login and sender.
  authFailed: { deviceCode: 'SMTP_from fail', temporary: false },
  appPasswordRequired: { deviceCode: 'SMTP_from fail', temporary: false },
  basicAuthDisabled: { deviceCode: 'SMTP_from fail', temporary: false },
  authRequired: { deviceCode: 'SMTP_from fail', temporary: false },
  senderRefused: { deviceCode: 'SMTP_from fail', temporary: false },
  senderNotAllowedForLogin: { deviceCode: 'SMTP_from fail', temporary: false },
  senderNeedsSmtputf8: { deviceCode: 'SMTP_from fail', temporary: false },

  // Recipients and message. The device has no code for a message refused after DATA, so it is
  // reported with the recipient code: no recipient was given the message.
  recipientRefused: { deviceCode: 'SMTP_rcpt fail', temporary: false },
  recipientNeedsSmtputf8: { deviceCode: 'SMTP_rcpt fail', temporary: false },
  messageRefused: { deviceCode: 'SMTP_rcpt fail', temporary: false },
} as const satisfies Record<string, DiagnosisEntry>;

export type DiagnosisId = keyof typeof DIAGNOSES;
export const DIAGNOSIS_IDS = Object.keys(DIAGNOSES) as DiagnosisId[];

export function deviceCodeOf(diagnosis: DiagnosisId): DeviceCode {
  return DIAGNOSES[diagnosis].deviceCode;
}

/** A settings change that the result screen offers as one button. */
export type OneTapFix =
  | { kind: 'setSecurity'; security: SecurityMode; port?: number }
  | { kind: 'setPort'; port: number }
  | { kind: 'trustCertificate'; host: string; port: number; fingerprint256: string; validTo: string };

/** The certificate a server presented when it failed verification, for the "trust this certificate" choice. */
export interface PresentedCertificate {
  /** SHA-256 fingerprint, upper-case hex pairs separated by ':' (the form `TrustedCertificate` stores). */
  fingerprint256: string;
  subject: string;
  issuer: string;
  /** Dates as OpenSSL prints them, e.g. "Jan  1 00:00:00 2030 GMT". */
  validFrom: string;
  validTo: string;
  selfSigned: boolean;
  /** Verification error as OpenSSL or Node names it, e.g. DEPTH_ZERO_SELF_SIGNED_CERT. */
  verificationError: string;
}

/** One recipient and the server's reply to its RCPT TO (or the reason it was not sent). */
export interface RecipientReply {
  address: string;
  reply: string;
}

export interface RejectedRecipient extends RecipientReply {
  diagnosis: DiagnosisId;
  deviceCode: DeviceCode;
}

/** The time limits of an SMTP attempt (see `SmtpLimits`): DNS, TCP connection, TLS handshake, greeting, each reply, whole attempt. */
export const TIME_LIMITS = ['dns', 'connect', 'tls', 'greeting', 'reply', 'attempt'] as const;
export type TimeLimit = (typeof TIME_LIMITS)[number];

export interface SmtpFailure {
  step: SmtpStep;
  deviceCode: DeviceCode;
  diagnosis: DiagnosisId;
  /** The server's reply that ended the attempt, as received (multi-line replies joined with "\n"). */
  serverReply?: string;
  /** Technical detail for the technician, in English: a system or OpenSSL error, the offered AUTH methods, a timeout. */
  detail?: string;
  /** The attempt's own time limit that ran out, so that the screen can state it in the user's language. */
  timeout?: { limit: TimeLimit; ms: number };
  fix?: OneTapFix;
  certificate?: PresentedCertificate;
  /** Recipients refused by the server or skipped, when the failure is about recipients. */
  rejected?: RejectedRecipient[];
  elapsedMs: number;
}

export interface MailSent {
  status: 'sent';
  ok: true;
  accepted: RecipientReply[];
  /** Recipients refused while the others accepted the message; each carries the code `SMTP_rcpt fail`. */
  rejected: RejectedRecipient[];
  /** Server reply to the end of the message data. */
  response: string;
  checkCode: string;
  elapsedMs: number;
}

export interface MailFailed {
  status: 'failed';
  ok: false;
  failure: SmtpFailure;
}

export interface MailCancelled {
  status: 'cancelled';
  ok: false;
  /** Step in progress when the attempt was cancelled. */
  step: SmtpStep;
  elapsedMs: number;
}

export type TestEmailResult = MailSent | MailFailed | MailCancelled;

/** Progress of an attempt: the step that is now running. */
export interface TestEmailProgress {
  step: SmtpStep;
  /** The recipient whose RCPT TO is being sent, for the step `recipient`. */
  recipient?: string;
  elapsedMs: number;
}

/**
 * Tests whether a failure may go away without a change of settings. A 4xx reply is temporary and a
 * 5xx reply permanent (RFC 5321, section 4.2.1). Without a reply the diagnosis decides.
 */
export function isTemporaryFailure(failure: Pick<SmtpFailure, 'diagnosis' | 'serverReply'>): boolean {
  const replyClass = failure.serverReply?.match(/^([245])\d\d/)?.[1];
  if (replyClass === '4') return true;
  if (replyClass === '5') return false;
  return DIAGNOSES[failure.diagnosis].temporary;
}

/** An OpenSSL error as Node reports it: "<hex>:error:<code>:<library>:<function>:<reason>:<source file>:<line>:". */
const OPENSSL_ERROR = /(?:^|\s)[0-9A-F]+:error:[0-9A-F]+:[^:]*:[^:]*:([^:]+):/;

/**
 * Shortens a technical detail for the screen: its first line and, for an OpenSSL error, only the
 * error code before it (such as ERR_SSL_WRONG_VERSION_NUMBER) or else its reason, without the
 * source file and line of OpenSSL.
 */
export function conciseDetail(detail: string): string {
  const firstLine = (detail.split(/\r?\n/)[0] ?? '').trim();
  const openssl = OPENSSL_ERROR.exec(firstLine);
  if (!openssl) return firstLine;
  const code = firstLine.slice(0, openssl.index).trim();
  return code !== '' ? code : (openssl[1] ?? '').trim();
}
