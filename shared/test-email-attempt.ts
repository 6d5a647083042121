import { z } from 'zod';
import type { SmtpStep, TestEmailResult } from './mail-result';
import { SECURITY_MODES, trustedCertificateSchema, type SecurityMode } from './settings';

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

/** The settings an attempt uses, copied when it starts; the password is never part of it. */
export interface TestEmailSetup {
  server: string;
  security: SecurityMode;
  senderAddress: string;
  senderName: string;
  userName: string;
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
