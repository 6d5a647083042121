import type { SmtpAccount } from '../../shared/settings';
import { deviceCodeOf, isTemporaryFailure, type SmtpFailure } from '../../shared/mail-result';
import type { SmtpLimits } from './limits';
import type { Logger } from '../logger';
import type { LookupFunction } from './resolve';
import { composePlainTextEmail } from './compose';
import { runSmtpSession } from './session';

/** One e-mail ready to go: plain text, addresses with ASCII domains. */
export interface OutgoingMessage {
  /** Message-ID (with or without angle brackets), kept across retries so that receivers can spot duplicates. */
  messageId: string;
  date: Date;
  subject: string;
  text: string;
  to: string[];
}

export type DeliveryOutcome =
  | { status: 'accepted'; accepted: string[]; rejected: { address: string; reply: string }[]; response: string }
  | { status: 'temporary' | 'permanent'; failure: SmtpFailure };

export interface SmtpConfig {
  account: SmtpAccount;
  /** Decrypted SMTP password, or null when none is stored. */
  password: string | null;
}

export interface DeliverOptions {
  /** Aborting ends the attempt at once; the outcome is then `temporary` with the diagnosis `cancelled`. */
  signal?: AbortSignal;
  limits?: Partial<SmtpLimits>;
  /** DNS lookup; `dns.promises.lookup` when absent. */
  lookup?: LookupFunction;
  /** Receives one line when the attempt starts and one when it ends; never the password. */
  logger?: Logger;
}

/**
 * Sends one message over one SMTP session. `accepted` means the server took the message for at
 * least one recipient (the others are listed in `rejected`); it does not prove delivery.
 * `temporary` failures are worth retrying unchanged: no connection, timeouts, DNS failures and
 * 4xx replies. `permanent` ones need a change of settings: 5xx replies and configuration mismatches.
 * Throws a TypeError only for a malformed message (Message-ID or date), never for network failures.
 */
export async function deliverMessage(
  config: SmtpConfig,
  message: OutgoingMessage,
  options: DeliverOptions = {},
): Promise<DeliveryOutcome> {
  const { account, password } = config;
  const encoded = await composePlainTextEmail({
    from: { name: account.senderName, address: account.senderAddress.trim() },
    to: message.to,
    subject: message.subject,
    text: message.text,
    messageId: message.messageId,
    date: message.date,
  });

  const result = await runSmtpSession({ account, password, recipients: message.to, message: encoded }, options);

  switch (result.status) {
    case 'sent':
      return {
        status: 'accepted',
        accepted: result.accepted.map((recipient) => recipient.address),
        rejected: result.rejected.map(({ address, reply }) => ({ address, reply })),
        response: result.response,
      };
    case 'cancelled': {
      const failure: SmtpFailure = {
        step: result.step,
        deviceCode: deviceCodeOf('cancelled'),
        diagnosis: 'cancelled',
        elapsedMs: result.elapsedMs,
      };
      return { status: 'temporary', failure };
    }
    case 'failed':
      return { status: isTemporaryFailure(result.failure) ? 'temporary' : 'permanent', failure: result.failure };
  }
}
