import { describe, expect, it } from 'vitest';
import { parseEhloReply, SmtpTranscript, type SmtpExchange } from './transcript';

function feed(transcript: SmtpTranscript, tnx: 'client' | 'server', line: string): void {
  transcript.logger.debug({ tnx }, line);
}

describe('SmtpTranscript', () => {
  it('pairs pipelined replies with their commands', () => {
    const events: [string, SmtpExchange['verb']][] = [];
    const transcript = new SmtpTranscript((event, exchange) => events.push([event, exchange.verb]));
    feed(transcript, 'server', '220 mail.example.com ESMTP');
    feed(transcript, 'client', 'EHLO [127.0.0.1]');
    feed(transcript, 'server', '250-mail.example.com\n250 PIPELINING');
    feed(transcript, 'client', 'MAIL FROM:<pm5@example.com>');
    feed(transcript, 'client', 'RCPT TO:<a@example.com>');
    feed(transcript, 'client', 'RCPT TO:<b@example.com> NOTIFY=FAILURE');
    feed(transcript, 'client', 'DATA');
    feed(transcript, 'server', '250 2.1.0 Ok');
    feed(transcript, 'server', '550 5.1.1 User unknown');
    feed(transcript, 'server', '250 2.1.5 Ok');
    feed(transcript, 'server', '354 End data with <CR><LF>.<CR><LF>');
    feed(transcript, 'server', '250 2.0.0 Ok: queued as 12345');

    expect(transcript.recipientReplies()).toEqual(
      new Map([
        ['a@example.com', '550 5.1.1 User unknown'],
        ['b@example.com', '250 2.1.5 Ok'],
      ]),
    );
    expect(transcript.lastReply('MAIL')).toBe('250 2.1.0 Ok');
    expect(transcript.lastReply('MESSAGE')).toBe('250 2.0.0 Ok: queued as 12345');
    expect(transcript.lastReply('GREETING')).toBe('220 mail.example.com ESMTP');
    expect(events.filter(([event]) => event === 'command').map(([, verb]) => verb)).toEqual(['EHLO', 'MAIL', 'RCPT', 'RCPT', 'DATA']);
  });

  it('counts AUTH LOGIN lines as AUTH responses', () => {
    const transcript = new SmtpTranscript(() => undefined);
    feed(transcript, 'server', '220 ready');
    feed(transcript, 'client', 'AUTH LOGIN');
    feed(transcript, 'server', '334 VXNlcm5hbWU6');
    feed(transcript, 'client', 'cG01QGV4YW1wbGUuY29t');
    feed(transcript, 'server', '334 UGFzc3dvcmQ6');
    feed(transcript, 'client', 'Lyogc2VjcmV0ICov');
    feed(transcript, 'server', '535 5.7.8 Error: authentication failed');

    expect(transcript.exchanges.map((exchange) => exchange.verb)).toEqual(['GREETING', 'AUTH', 'AUTH-RESPONSE', 'AUTH-RESPONSE']);
    expect(transcript.lastReply('AUTH', 'AUTH-RESPONSE')).toBe('535 5.7.8 Error: authentication failed');
  });
});

describe('parseEhloReply', () => {
  it('reads extensions and AUTH mechanisms', () => {
    const capabilities = parseEhloReply(
      '250-smtp.example.com Hello\n250-PIPELINING\n250-SIZE 35882577\n250-AUTH LOGIN PLAIN XOAUTH2\n250-AUTH=LOGIN\n250 SMTPUTF8',
    );
    expect([...capabilities.extensions].sort()).toEqual(['AUTH', 'PIPELINING', 'SIZE', 'SMTPUTF8']);
    expect(capabilities.authMechanisms).toEqual(['LOGIN', 'PLAIN', 'XOAUTH2']);
    expect(capabilities.advertisesAuth).toBe(true);
  });

  it('ignores the greeting line of the EHLO reply', () => {
    const capabilities = parseEhloReply('250-STARTTLS.example.com\n250 8BITMIME');
    expect(capabilities.extensions.has('STARTTLS')).toBe(false);
    expect(capabilities.advertisesAuth).toBe(false);
  });

  it('reads nothing from a missing reply', () => {
    expect(parseEhloReply(undefined)).toEqual({ extensions: new Set(), authMechanisms: [], advertisesAuth: false });
  });
});
