import { z } from 'zod';
import { parseEmailAddress } from './address';
import type { OneTapFix, SmtpStep, TestEmailResult } from './mail-result';
import {
  SECURITY_MODES,
  trustedCertificateSchema,
  type Recipient,
  type SecurityMode,
  type SmtpAccount,
} from './settings';
import { parseSmtpServer } from './smtp-server-address';

/**
 * "Envoyer un e-mail test" as the main side runs it: one attempt at a time, kept after it ends so
 * that the screen shows the last result after navigating away and back.
 */

const portSchema = z.number().int().min(1).max(65535);

/** Input schema of a one-tap fix; its output type is `OneTapFix` of shared/mail-result.ts. */
export const oneTapFixSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('setSecurity'), security: z.enum(SECURITY_MODES), port: portSchema.optional() }).strict(),
  z.object({ kind: z.literal('setPort'), port: portSchema }).strict(),
  trustedCertificateSchema.extend({ kind: z.literal('trustCertificate') }).strict(),
]);

/** The settings an attempt uses, copied when it starts; the password itself is never part of it. */
export interface TestEmailSetup {
  server: string;
  security: SecurityMode;
  senderAddress: string;
  senderName: string;
  userName: string;
  /** Whether an SMTP password was saved. */
  passwordSet: boolean;
  /** Active recipients as sent in the envelope: trimmed, domains in ASCII (punycode) form. */
  recipients: string[];
}

export interface TestEmailAttempt {
  attemptId: string;
  state: 'running' | 'done';
  /** ISO date and time the attempt started. */
  startedAt: string;
  /** Step running now, or the step the attempt ended in. */
  step: SmtpStep;
  /** Recipient whose RCPT TO is running, during the step `recipient`. */
  recipient?: string;
  /** Milliseconds since the start, as of the latest progress report or the end. */
  elapsedMs: number;
  /** Time limit of the whole attempt in milliseconds; it ends with a timeout failure at the latest then. */
  limitMs: number;
  /** True once a cancel was requested; the attempt is `done` shortly after. */
  cancelRequested: boolean;
  setup: TestEmailSetup;
  /** Present once the attempt is `done`. */
  result?: TestEmailResult;
}

/**
 * Returns the active, non-empty recipient addresses in their envelope form (ASCII domain), without
 * duplicates. An invalid address is kept as typed, trimmed, because the start request rejects it.
 */
export function activeEnvelopeRecipients(recipients: readonly Recipient[]): string[] {
  const addresses: string[] = [];
  for (const recipient of recipients) {
    if (!recipient.active || recipient.address.trim() === '') continue;
    const parsed = parseEmailAddress(recipient.address);
    const address = parsed.ok ? parsed.asciiAddress : recipient.address.trim();
    if (!addresses.includes(address)) addresses.push(address);
  }
  return addresses;
}

/** Returns the setup that a test e-mail started now with these saved settings would use. */
export function testEmailSetupOf(smtp: SmtpAccount, passwordSet: boolean, recipients: readonly Recipient[]): TestEmailSetup {
  return {
    server: smtp.server,
    security: smtp.security,
    senderAddress: smtp.senderAddress,
    senderName: smtp.senderName,
    userName: smtp.userName,
    passwordSet,
    recipients: activeEnvelopeRecipients(recipients),
  };
}

/**
 * Tests whether two setups would send the same test e-mail: same server, security, sender, user
 * name, password presence and recipients in the same order. Trusted certificates are not compared,
 * so that trusting a certificate keeps the failure that offered it on screen.
 */
export function sameTestEmailSetup(a: TestEmailSetup, b: TestEmailSetup): boolean {
  return (
    a.server === b.server &&
    a.security === b.security &&
    a.senderAddress === b.senderAddress &&
    a.senderName === b.senderName &&
    a.userName === b.userName &&
    a.passwordSet === b.passwordSet &&
    a.recipients.length === b.recipients.length &&
    a.recipients.every((address, index) => address === b.recipients[index])
  );
}

/**
 * Tests whether the SMTP account already has what a one-tap fix would set, so that the fix is not
 * offered again. A port fix counts as not applied while the server field does not parse.
 */
export function isOneTapFixApplied(fix: OneTapFix, account: SmtpAccount): boolean {
  const server = parseSmtpServer(account.server);
  const port = server.ok ? server.port : null;
  switch (fix.kind) {
    case 'setSecurity':
      return account.security === fix.security && (fix.port === undefined || port === fix.port);
    case 'setPort':
      return port === fix.port;
    case 'trustCertificate':
      return account.trustedCertificates.some(
        (pin) =>
          pin.port === fix.port &&
          normalizedHost(pin.host) === normalizedHost(fix.host) &&
          pin.fingerprint256.toUpperCase() === fix.fingerprint256.toUpperCase(),
      );
  }
}

/** Host in the form certificate pins compare it: lower case, without IPv6 brackets or a final dot. */
function normalizedHost(host: string): string {
  return host.trim().replace(/^\[|\]$/g, '').replace(/\.$/, '').toLowerCase();
}
