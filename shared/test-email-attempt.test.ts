import { describe, expect, it } from 'vitest';
import type { OneTapFix } from './mail-result';
import { defaultSettings, type Recipient, type SmtpAccount } from './settings';
import { activeEnvelopeRecipients, isOneTapFixApplied, sameTestEmailSetup, testEmailSetupOf } from './test-email-attempt';

const FINGERPRINT = Array.from({ length: 32 }, (_, index) => (index * 7).toString(16).padStart(2, '0').toUpperCase()).join(':');

function account(change: Partial<SmtpAccount> = {}): SmtpAccount {
  return { ...defaultSettings().smtp, server: 'smtp.example.com:465', security: 'ssl', ...change };
}

const RECIPIENTS: Recipient[] = [
  { address: ' technik@Bücher.example ', active: true },
  { address: 'bureau@example.com', active: false },
  { address: 'technik@bücher.example', active: true },
];

describe('activeEnvelopeRecipients', () => {
  it('keeps active addresses in ASCII form once', () => {
    expect(activeEnvelopeRecipients(RECIPIENTS)).toEqual(['technik@xn--bcher-kva.example']);
  });

  it('keeps an invalid address as typed', () => {
    const recipients: Recipient[] = [
      { address: ' pas-une-adresse ', active: true },
      { address: '', active: true },
      { address: 'bureau@example.com', active: true },
    ];
    expect(activeEnvelopeRecipients(recipients)).toEqual(['pas-une-adresse', 'bureau@example.com']);
  });
});

describe('sameTestEmailSetup', () => {
  const base = testEmailSetupOf(account(), false, RECIPIENTS);

  it('matches the same saved settings', () => {
    expect(sameTestEmailSetup(base, testEmailSetupOf(account(), false, RECIPIENTS))).toBe(true);
  });

  it('ignores trusted certificates', () => {
    const trusting = account({ trustedCertificates: [{ host: 'smtp.example.com', port: 465, fingerprint256: FINGERPRINT, validTo: 'x' }] });
    expect(sameTestEmailSetup(base, testEmailSetupOf(trusting, false, RECIPIENTS))).toBe(true);
  });

  const changes: [string, Partial<SmtpAccount>][] = [
    ['server', { server: '127.0.0.1:1' }],
    ['security', { security: 'none' }],
    ['sender address', { senderAddress: 'autre@example.com' }],
    ['sender name', { senderName: 'Autre' }],
    ['user name', { userName: 'pm5@example.com' }],
  ];
  for (const [field, change] of changes) {
    it(`differs on ${field}`, () => {
      expect(sameTestEmailSetup(base, testEmailSetupOf(account(change), false, RECIPIENTS))).toBe(false);
    });
  }

  it('differs on password presence', () => {
    expect(sameTestEmailSetup(base, testEmailSetupOf(account(), true, RECIPIENTS))).toBe(false);
  });

  it('differs on recipients', () => {
    const fewer: Recipient[] = RECIPIENTS.map((recipient) => ({ ...recipient, active: false }));
    const more: Recipient[] = RECIPIENTS.map((recipient) => ({ ...recipient, active: true }));
    expect(sameTestEmailSetup(base, testEmailSetupOf(account(), false, fewer))).toBe(false);
    expect(sameTestEmailSetup(base, testEmailSetupOf(account(), false, more))).toBe(false);
  });
});

describe('isOneTapFixApplied', () => {
  it('sees the security already set', () => {
    const fix: OneTapFix = { kind: 'setSecurity', security: 'none' };
    expect(isOneTapFixApplied(fix, account({ security: 'none' }))).toBe(true);
    expect(isOneTapFixApplied(fix, account({ security: 'ssl' }))).toBe(false);
  });

  it('compares the port of a security fix', () => {
    const fix: OneTapFix = { kind: 'setSecurity', security: 'starttls', port: 587 };
    expect(isOneTapFixApplied(fix, account({ security: 'starttls', server: 'smtp.example.com:587' }))).toBe(true);
    expect(isOneTapFixApplied(fix, account({ security: 'starttls', server: 'smtp.example.com:465' }))).toBe(false);
  });

  it('compares the port, default 25 included', () => {
    expect(isOneTapFixApplied({ kind: 'setPort', port: 25 }, account({ server: 'smtp.example.com' }))).toBe(true);
    expect(isOneTapFixApplied({ kind: 'setPort', port: 587 }, account({ server: 'smtp.example.com' }))).toBe(false);
    expect(isOneTapFixApplied({ kind: 'setPort', port: 587 }, account({ server: 'http://smtp.example.com:587' }))).toBe(false);
  });

  it('finds a trusted certificate pin', () => {
    const fix: OneTapFix = { kind: 'trustCertificate', host: '127.0.0.1', port: 2465, fingerprint256: FINGERPRINT.toLowerCase(), validTo: 'x' };
    const pinned = account({ trustedCertificates: [{ host: '127.0.0.1', port: 2465, fingerprint256: FINGERPRINT, validTo: 'x' }] });
    const otherPort = account({ trustedCertificates: [{ host: '127.0.0.1', port: 465, fingerprint256: FINGERPRINT, validTo: 'x' }] });
    expect(isOneTapFixApplied(fix, pinned)).toBe(true);
    expect(isOneTapFixApplied(fix, otherPort)).toBe(false);
    expect(isOneTapFixApplied(fix, account())).toBe(false);
  });
});
