import type { SmtpAccount } from '../../shared/settings';
import type { RecipientReply, SmtpFailure } from '../../shared/mail-result';
import type { SmtpLimits } from './limits';
import type { LookupFunction } from './resolve';

/** One e-mail ready to go: plain text, addresses with ASCII domains. */
export interface OutgoingMessage {
  /** Message-ID header value, without angle brackets; kept across retries so that receivers can spot duplicates. */
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
  signal?: AbortSignal;
  limits?: Partial<SmtpLimits>;
  lookup?: LookupFunction;
}

export type { RecipientReply };

// TODO: the implementation lands in the next commit; this one fixes the interface for the outbox.
export async function deliverMessage(
  _config: SmtpConfig,
  _message: OutgoingMessage,
  _options: DeliverOptions = {},
): Promise<DeliveryOutcome> {
  throw new Error('deliverMessage is not implemented yet');
}
