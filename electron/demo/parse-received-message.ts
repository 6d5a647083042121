import { randomUUID } from 'node:crypto';
import { simpleParser, type AddressObject, type EmailAddress, type ParsedMail } from 'mailparser';
import {
  DEMO_INBOX_MAX_TEXT_LENGTH,
  type InboxAddress,
  type InboxEnvelope,
  type InboxMessage,
} from '../../shared/demo-inbox';

/** A message as the SMTP server accepted it: the raw RFC 5322 bytes and the envelope. */
export interface ReceivedMessage {
  raw: Buffer;
  envelope: InboxEnvelope;
  receivedAt: Date;
}

/** Parses a received message with mailparser into what the demo inbox stores, under a new random id. */
export async function parseReceivedMessage(received: ReceivedMessage): Promise<InboxMessage> {
  const parsed = await simpleParser(received.raw, {
    skipImageLinks: true,
    skipTextToHtml: true,
    skipTextLinks: true,
  });

  const text = parsed.text ?? '';
  const textTruncated = text.length > DEMO_INBOX_MAX_TEXT_LENGTH;

  return {
    id: randomUUID(),
    receivedAt: received.receivedAt.toISOString(),
    envelope: { mailFrom: received.envelope.mailFrom, rcptTo: [...received.envelope.rcptTo] },
    from: toMailboxes(parsed.from)[0] ?? null,
    to: toMailboxes(parsed.to),
    subject: parsed.subject ?? '',
    date: readDateHeader(parsed),
    messageId: parsed.messageId ?? null,
    text: textTruncated ? text.slice(0, DEMO_INBOX_MAX_TEXT_LENGTH) : text,
    textTruncated,
    hasHtml: typeof parsed.html === 'string' && parsed.html.length > 0,
    size: received.raw.length,
  };
}

/** Flattens an address header, groups included, into its mailboxes. */
function toMailboxes(header: AddressObject | AddressObject[] | undefined): InboxAddress[] {
  if (header === undefined) {
    return [];
  }
  const headers = Array.isArray(header) ? header : [header];
  return headers.flatMap((object) => object.value.flatMap(flattenGroup));
}

function flattenGroup(entry: EmailAddress): InboxAddress[] {
  if (entry.group !== undefined) {
    return entry.group.flatMap(flattenGroup);
  }
  if (entry.address === undefined || entry.address === '') {
    return [];
  }
  return [{ name: entry.name, address: entry.address }];
}

/**
 * Reads the Date header, or returns null when it is missing or not a date. mailparser 3.14 replaces
 * an unreadable date with the current time, so the raw header line is read again here.
 */
function readDateHeader(parsed: ParsedMail): string | null {
  const line = parsed.headerLines.find((header) => header.key === 'date');
  if (line === undefined) {
    return null;
  }
  const unfolded = line.line.replace(/\r?\n[ \t]+/g, ' ');
  const value = unfolded.slice(unfolded.indexOf(':') + 1).trim();
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}
