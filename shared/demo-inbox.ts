import { z } from 'zod';

/** Number of messages the demo inbox keeps. The oldest one is dropped when a new one arrives. */
export const DEMO_INBOX_MAX_MESSAGES = 100;

/** Number of characters of a message's text body that the demo inbox stores. The rest is cut off. */
export const DEMO_INBOX_MAX_TEXT_LENGTH = 100_000;

/** A mailbox from a message header. The `name` is empty when the header gives none. */
export const inboxAddressSchema = z.object({
  name: z.string(),
  address: z.string(),
});
export type InboxAddress = z.infer<typeof inboxAddressSchema>;

/** The SMTP envelope, as the client sent it in MAIL FROM and RCPT TO. The `mailFrom` is empty for a null sender (`<>`). */
export const inboxEnvelopeSchema = z.object({
  mailFrom: z.string(),
  rcptTo: z.array(z.string()),
});
export type InboxEnvelope = z.infer<typeof inboxEnvelopeSchema>;

/** One message received by the embedded demo SMTP server, parsed. */
export const inboxMessageSchema = z.object({
  id: z.string().min(1),
  /** Time the server accepted the message, ISO 8601 in UTC. */
  receivedAt: z.iso.datetime(),
  envelope: inboxEnvelopeSchema,
  /** First mailbox of the From header, or null when the header is missing. */
  from: inboxAddressSchema.nullable(),
  to: z.array(inboxAddressSchema),
  subject: z.string(),
  /** Date header, ISO 8601 in UTC, or null when missing or invalid. */
  date: z.iso.datetime().nullable(),
  messageId: z.string().nullable(),
  /** Text body, which the parser converts from the HTML part when the message has no text part. */
  text: z.string(),
  /** True when `text` was cut at DEMO_INBOX_MAX_TEXT_LENGTH characters. */
  textTruncated: z.boolean(),
  hasHtml: z.boolean(),
  /** Size of the raw message in bytes. */
  size: z.number().int().nonnegative(),
});
export type InboxMessage = z.infer<typeof inboxMessageSchema>;

/** One line of the inbox list. */
export interface InboxSummary {
  id: string;
  receivedAt: string;
  from: InboxAddress | null;
  subject: string;
}

/** Returns the list line of a message. */
export function toInboxSummary(message: InboxMessage): InboxSummary {
  return {
    id: message.id,
    receivedAt: message.receivedAt,
    from: message.from === null ? null : { ...message.from },
    subject: message.subject,
  };
}

/** State of the embedded demo SMTP server, as the demo inbox screen shows it. */
export interface DemoServerStatus {
  running: boolean;
  /** Loopback address the server listens on. */
  host: string;
  /** Port the server listens on, or null while it is stopped. */
  port: number | null;
  /** First port the server tries, DEMO_SMTP_PORT unless the host was started with another one. 0 lets the system choose. */
  configuredPort: number;
  /** Error message of the last failed start, or null when the last start succeeded. */
  failure: string | null;
}
