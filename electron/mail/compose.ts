import MailComposer from 'nodemailer/lib/mail-composer';

/** A plain-text e-mail as the device sends it. */
export interface PlainTextEmail {
  from: { name: string; address: string };
  to: string[];
  subject: string;
  text: string;
  /** Message-ID, with or without angle brackets. */
  messageId: string;
  date: Date;
}

const MESSAGE_ID = /^<?[^\s<>@]+@[^\s<>@]+>?$/;

/**
 * Encodes an e-mail as RFC 5322 text with nodemailer's MailComposer. The sender goes in as a
 * {name, address} object, so MailComposer quotes and encodes the name; it is never pasted into a
 * header by hand.
 */
export async function composePlainTextEmail(email: PlainTextEmail): Promise<Buffer> {
  if (!MESSAGE_ID.test(email.messageId)) {
    throw new TypeError(`Invalid Message-ID "${email.messageId}": expected the form local@domain without spaces.`);
  }
  if (Number.isNaN(email.date.getTime())) throw new TypeError('Invalid message date: expected a valid Date.');
  const composer = new MailComposer({
    from: { name: email.from.name, address: email.from.address },
    to: email.to,
    subject: email.subject,
    text: email.text,
    messageId: `<${email.messageId.replace(/^<|>$/g, '')}>`,
    date: email.date,
  });
  return composer.compile().build();
}
