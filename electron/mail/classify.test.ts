import { describe, expect, it } from 'vitest';
import { classifyAuthReply, classifyRecipientReply, classifySenderReply, isPlaintextReplyToTls, needsSmtputf8 } from './classify';

describe('classifyAuthReply', () => {
  it.each([
    ['535-5.7.8 Username and Password not accepted.\n535 5.7.8 https://support.google.com/mail/?p=BadCredentials', 'smtp.example.com', 'appPasswordRequired'],
    ['534-5.7.9 Application-specific password required.', 'smtp.example.com', 'appPasswordRequired'],
    ['535 Authentication failed', 'smtp.mail.yahoo.com', 'appPasswordRequired'],
    ['535 5.7.139 Authentication unsuccessful, basic authentication is disabled.', 'smtp-mail.outlook.com', 'basicAuthDisabled'],
    ['535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant.', 'smtp.office365.com', 'basicAuthDisabled'],
    ['538 5.7.11 Error: Must issue a STARTTLS command first', 'smtp.example.com', 'encryptionRequired'],
    ['503 5.5.1 Error: authentication not enabled', 'smtp.example.com', 'authNotOffered'],
    ['503 AUTH command used when not advertised', 'smtp.example.com', 'authNotOffered'],
    ['535 5.7.0 Authentication credentials invalid', 'smtp.orange.fr', 'authFailed'],
  ])('%s', (reply, host, expected) => {
    expect(classifyAuthReply(reply, host)).toBe(expected);
  });
});

describe('classifySenderReply', () => {
  it.each([
    ['550 5.7.1 Client does not have permissions to send as this sender', 'senderNotAllowedForLogin'],
    ['554 5.2.0 STOREDRV.Submission.Exception:SendAsDeniedException.MapiExceptionSendAsDenied', 'senderNotAllowedForLogin'],
    ['501 mail from address must be same as authorization user', 'senderNotAllowedForLogin'],
    ['530 5.7.0 Authentication required', 'authRequired'],
    ['553 5.1.8 Sender address domain does not exist', 'senderRefused'],
  ])('%s', (reply, expected) => {
    expect(classifySenderReply(reply)).toBe(expected);
  });
});

describe('classifyRecipientReply', () => {
  it('reads a relay refusal without login as login required', () => {
    expect(classifyRecipientReply('554 5.7.1 <x@example.org>: Relay access denied', false)).toBe('authRequired');
  });

  it('keeps a relay refusal after login as a recipient refusal', () => {
    expect(classifyRecipientReply('554 5.7.1 <x@example.org>: Relay access denied', true)).toBe('recipientRefused');
  });

  it('reads unknown users as recipient refusals', () => {
    expect(classifyRecipientReply('550 5.1.1 User unknown', false)).toBe('recipientRefused');
  });
});

describe('needsSmtputf8', () => {
  it('flags non-ASCII addresses only', () => {
    expect(needsSmtputf8('jürgen@example.com')).toBe(true);
    expect(needsSmtputf8('juergen@xn--mller-kva.de')).toBe(false);
  });
});

describe('isPlaintextReplyToTls', () => {
  it('recognises OpenSSL errors for plain text', () => {
    expect(isPlaintextReplyToTls({ code: 'ERR_SSL_WRONG_VERSION_NUMBER' })).toBe(true);
    expect(isPlaintextReplyToTls({ message: 'error:0A00010B:SSL routines::wrong version number' })).toBe(true);
    expect(isPlaintextReplyToTls({ code: 'ECONNRESET', message: 'socket hang up' })).toBe(false);
  });
});
