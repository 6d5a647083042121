import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { simpleParser } from 'mailparser';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { EventName, EventPayloads, RequestError } from '../../shared/contract';
import type { OneTapFix } from '../../shared/mail-result';
import { defaultSettings, type SettingsFile, type SettingsView } from '../../shared/settings';
import type { TestEmailAttempt } from '../../shared/test-email-attempt';
import { createApp, type App } from '../app-core';
import { createMemoryLogger } from '../logger';
import type { SmtpLimits } from '../mail/limits';
import {
  generateTestCertificate,
  startRawTestServer,
  startSmtpTestServer,
  type SmtpTestServer,
  type TestCertificate,
} from '../mail/test-support';
import { createKeyFileCipher } from '../settings/secret-cipher';
import { SETTINGS_FILE } from '../settings/settings-store';

/** Short limits so that a silent server fails in about a second; cancel tests assert far less. */
const LIMITS: SmtpLimits = {
  dnsMs: 500,
  connectMs: 1000,
  tlsMs: 1000,
  greetingMs: 2000,
  socketMs: 1500,
  attemptMs: 6000,
  probeMs: 500,
};
const USER = { name: 'pm5@example.com', password: 'Secret-Pa55-xyz' };

let certificate: TestCertificate;
beforeAll(async () => {
  certificate = await generateTestCertificate('127.0.0.1');
});

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function smtpServer(config: Parameters<typeof startSmtpTestServer>[0]): Promise<SmtpTestServer> {
  const server = await startSmtpTestServer(config);
  cleanups.push(server.close);
  return server;
}

/** Starts a TCP server on 127.0.0.1 that accepts connections and never sends a greeting. */
async function silentServer() {
  const server = await startRawTestServer(() => undefined);
  cleanups.push(server.close);
  return server;
}

/** Settings for a local server: demo mode and alarm e-mails off, so that only the test e-mail is sent. */
function localSettings(port: number, change: (settings: SettingsFile) => void = () => undefined): SettingsFile {
  const settings = defaultSettings();
  settings.device.demoMode = false;
  settings.activeEmails = { alarms: false, noFlowSignal: false };
  settings.smtp = {
    senderAddress: 'pm5@example.com',
    senderName: 'PM5 (Meier/Munich)',
    server: `127.0.0.1:${port}`,
    security: 'none',
    userName: '',
    trustedCertificates: [],
  };
  settings.recipients = [
    { address: 'technicien@example.com', active: true },
    { address: 'bureau@example.com', active: true },
    { address: 'ancien@example.com', active: false },
  ];
  change(settings);
  return settings;
}

async function startApp(settings: SettingsFile, password?: string) {
  const dataDir = await mkdtemp(join(tmpdir(), 'test-email-requests-'));
  cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
  await writeFile(join(dataDir, SETTINGS_FILE), JSON.stringify(settings));
  const logger = createMemoryLogger();
  const app: App = await createApp({
    dataDir,
    cipher: createKeyFileCipher(dataDir),
    logger,
    testEmailLimits: LIMITS,
  });
  cleanups.push(() => app.stop());
  const published: { event: EventName; payload: unknown }[] = [];
  app.services.events.subscribe((event, payload) => published.push({ event, payload }));

  async function call<T>(name: string, input: unknown = {}): Promise<T> {
    const reply = await app.dispatch(name, input);
    if (!reply.ok) throw new Error(`${name} failed: ${reply.error.kind}: ${reply.error.message}`);
    return reply.value as T;
  }
  async function rejection(name: string, input: unknown = {}): Promise<RequestError> {
    const reply = await app.dispatch(name, input);
    if (reply.ok) throw new Error(`${name} was served, expected a rejection`);
    return reply.error;
  }
  function eventsOf<Name extends EventName>(name: Name): EventPayloads[Name][] {
    return published.filter((entry) => entry.event === name).map((entry) => entry.payload as EventPayloads[Name]);
  }
  if (password !== undefined) {
    await call('updateSettings', { section: 'smtp', value: settings.smtp, password: { set: password } });
  }
  /** Starts a test e-mail and returns the attempt once it has ended. */
  async function sendAndWait(): Promise<TestEmailAttempt> {
    const { attemptId } = await call<{ attemptId: string }>('startTestEmail');
    await app.services.testEmail.whenIdle();
    const status = await call<TestEmailAttempt | null>('getTestEmailStatus');
    expect(status?.attemptId).toBe(attemptId);
    return status!;
  }
  return { app, dataDir, logger, call, rejection, eventsOf, sendAndWait };
}

describe('startTestEmail', () => {
  it('sends with the saved account and password', async () => {
    const server = await smtpServer({ mode: 'plain', user: USER });
    const settings = localSettings(server.port, (s) => {
      s.smtp.userName = USER.name;
    });
    const { call, eventsOf, logger, sendAndWait } = await startApp(settings, USER.password);
    expect(await call('getTestEmailStatus')).toBeNull();

    const attempt = await sendAndWait();

    expect(attempt.state).toBe('done');
    expect(attempt.result?.status).toBe('sent');
    expect(attempt.setup.recipients).toEqual(['technicien@example.com', 'bureau@example.com']);
    expect(attempt.setup.passwordSet).toBe(true);
    expect(server.authAttempts.map((auth) => [auth.username, auth.password])).toEqual([[USER.name, USER.password]]);
    expect(server.messages).toHaveLength(1);
    const message = server.messages[0]!;
    expect(message.from).toBe('pm5@example.com');
    expect(message.to).toEqual(['technicien@example.com', 'bureau@example.com']);
    const parsed = await simpleParser(message.raw);
    expect(parsed.from?.value).toEqual([{ name: 'PM5 (Meier/Munich)', address: 'pm5@example.com' }]);
    expect(parsed.subject).toContain('E-mail test');
    if (attempt.result?.status === 'sent') expect(parsed.text).toContain(attempt.result.checkCode);

    const steps = eventsOf('testEmailProgress').map((event) => event.step);
    expect(steps[0]).toBe('dns');
    expect(steps).toContain('auth');
    expect(steps).toContain('recipient');
    const finished = eventsOf('testEmailFinished');
    expect(finished).toHaveLength(1);
    expect(finished[0]?.result?.status).toBe('sent');

    const log = logger.lines.join('\n');
    expect(log).toContain('test e-mail started');
    expect(log).toContain('test e-mail finished');
    expect(log).not.toContain(USER.password);
  });

  it('converts recipient domains to ASCII', async () => {
    const server = await smtpServer({ mode: 'plain', authMethods: [] });
    const settings = localSettings(server.port, (s) => {
      s.recipients = [
        { address: ' technik@Bücher.example ', active: true },
        { address: '', active: false },
        { address: '', active: false },
      ];
    });
    const { sendAndWait } = await startApp(settings);
    const attempt = await sendAndWait();
    expect(attempt.result?.status).toBe('sent');
    expect(attempt.setup.recipients).toEqual(['technik@xn--bcher-kva.example']);
    expect(attempt.setup.passwordSet).toBe(false);
    // smtp-server decodes punycode in RCPT TO, so the sent form shows in the To header.
    expect(server.messages[0]?.raw).toMatch(/^To: technik@xn--bcher-kva\.example\r$/m);
  });

  it('rejects without an active recipient', async () => {
    const settings = localSettings(2525, (s) => {
      s.recipients = [
        { address: 'technicien@example.com', active: false },
        { address: '', active: false },
        { address: '', active: false },
      ];
    });
    const { rejection, call } = await startApp(settings);
    const error = await rejection('startTestEmail');
    expect(error.kind).toBe('rejected');
    expect(error.i18nKey).toBe('mail:request.noRecipient');
    expect(error.field).toBe('recipients');
    expect(await call('getTestEmailStatus')).toBeNull();
  });

  it('rejects an invalid active address by position', async () => {
    const settings = localSettings(2525, (s) => {
      s.recipients[1] = { address: 'bureau@@example.com', active: true };
    });
    const { rejection } = await startApp(settings);
    const error = await rejection('startTestEmail');
    expect(error.i18nKey).toBe('mail:request.recipientInvalid');
    expect(error.i18nValues).toEqual({ index: '2', address: 'bureau@@example.com' });
    expect(error.field).toBe('recipients.1.address');
  });

  it('rejects a second start while one runs', async () => {
    const silent = await silentServer();
    const { call, rejection, app } = await startApp(localSettings(silent.port));
    const { attemptId } = await call<{ attemptId: string }>('startTestEmail');

    const error = await rejection('startTestEmail');
    expect(error.kind).toBe('rejected');
    expect(error.i18nKey).toBe('mail:request.alreadyRunning');
    const status = await call<TestEmailAttempt>('getTestEmailStatus');
    expect(status.attemptId).toBe(attemptId);
    expect(status.state).toBe('running');

    await call('cancelTestEmail', { attemptId });
    await app.services.testEmail.whenIdle();
  });
});

describe('cancelTestEmail', () => {
  it('ends a silent attempt at once', async () => {
    const silent = await silentServer();
    const { call, eventsOf, logger } = await startApp(localSettings(silent.port));
    const { attemptId } = await call<{ attemptId: string }>('startTestEmail');
    await expect.poll(() => silent.connections).toBe(1);

    const before = performance.now();
    const cancelled = await call<TestEmailAttempt>('cancelTestEmail', { attemptId });
    const tookMs = performance.now() - before;

    expect(cancelled.state).toBe('done');
    expect(cancelled.cancelRequested).toBe(true);
    expect(cancelled.result?.status).toBe('cancelled');
    expect(cancelled.step).toBe('greeting');
    expect(tookMs).toBeLessThan(1000);
    expect(eventsOf('testEmailFinished').map((event) => event.result?.status)).toEqual(['cancelled']);
    expect(logger.lines.some((line) => line.includes('test e-mail cancel requested'))).toBe(true);

    const again = await call<TestEmailAttempt>('cancelTestEmail', { attemptId });
    expect(again.result?.status).toBe('cancelled');
  });

  it('rejects an unknown attempt id', async () => {
    const { rejection } = await startApp(localSettings(2525));
    const error = await rejection('cancelTestEmail', { attemptId: 'no-such-attempt' });
    expect(error.kind).toBe('rejected');
    expect(error.i18nKey).toBe('mail:request.attemptNotFound');
  });

  it('stopping the app cancels a running attempt', async () => {
    const silent = await silentServer();
    const { call, app } = await startApp(localSettings(silent.port));
    await call('startTestEmail');
    const before = performance.now();
    await app.stop();
    expect(performance.now() - before).toBeLessThan(LIMITS.greetingMs);
    expect(app.services.testEmail.status()?.result?.status).toBe('cancelled');
  });
});

describe('failures and one-tap fixes', () => {
  it('SSL/TLS on a plain port offers "Aucune" and the resend works', async () => {
    const server = await smtpServer({ mode: 'plain', authMethods: [] });
    const settings = localSettings(server.port, (s) => {
      s.smtp.security = 'ssl';
    });
    const { call, sendAndWait, app } = await startApp(settings);

    const failed = await sendAndWait();
    expect(failed.result?.status).toBe('failed');
    if (failed.result?.status !== 'failed') return;
    expect(failed.result.failure.diagnosis).toBe('tlsOnPlainPort');
    expect(failed.result.failure.deviceCode).toBe("can't connect to server!");
    expect(failed.result.failure.fix).toEqual({ kind: 'setSecurity', security: 'none' });

    const view = await call<SettingsView>('applyTestEmailFix', { fix: failed.result.failure.fix });
    expect(view.smtp.security).toBe('none');
    expect(view.smtp.server).toBe(`127.0.0.1:${server.port}`);
    expect(app.services.settings.current().smtp.security).toBe('none');

    const resent = await sendAndWait();
    expect(resent.result?.status).toBe('sent');
    expect(server.messages).toHaveLength(1);
  });

  it('wrong password ends with SMTP_from fail', async () => {
    const server = await smtpServer({ mode: 'plain', user: USER });
    const settings = localSettings(server.port, (s) => {
      s.smtp.userName = USER.name;
    });
    const { sendAndWait, logger } = await startApp(settings, 'wrong-password');
    const attempt = await sendAndWait();
    expect(attempt.result?.status).toBe('failed');
    if (attempt.result?.status !== 'failed') return;
    expect(attempt.result.failure.step).toBe('auth');
    expect(attempt.result.failure.deviceCode).toBe('SMTP_from fail');
    expect(attempt.result.failure.serverReply).toMatch(/^535/);
    expect(server.messages).toHaveLength(0);
    expect(logger.lines.join('\n')).not.toContain('wrong-password');
  });

  it('a refused recipient does not stop the others', async () => {
    const server = await smtpServer({
      mode: 'plain',
      authMethods: [],
      recipientReply: (address) => (address === 'bureau@example.com' ? { code: 550, message: 'No such user here' } : undefined),
    });
    const { sendAndWait } = await startApp(localSettings(server.port));
    const attempt = await sendAndWait();
    expect(attempt.result?.status).toBe('sent');
    if (attempt.result?.status !== 'sent') return;
    expect(attempt.result.accepted.map((recipient) => recipient.address)).toEqual(['technicien@example.com']);
    expect(attempt.result.rejected).toHaveLength(1);
    expect(attempt.result.rejected[0]?.address).toBe('bureau@example.com');
    expect(attempt.result.rejected[0]?.deviceCode).toBe('SMTP_rcpt fail');
    expect(attempt.result.rejected[0]?.reply).toContain('550');
    expect(server.messages[0]?.to).toEqual(['technicien@example.com']);
  });

  it('trusting a self-signed certificate lets the resend pass', async () => {
    const server = await smtpServer({ mode: 'implicitTls', certificate, authMethods: [] });
    const settings = localSettings(server.port, (s) => {
      s.smtp.security = 'ssl';
    });
    const { call, sendAndWait, app } = await startApp(settings);

    const failed = await sendAndWait();
    if (failed.result?.status !== 'failed') throw new Error(`expected a failure, got ${failed.result?.status}`);
    const { failure } = failed.result;
    expect(failure.diagnosis).toBe('certificateUntrusted');
    expect(failure.certificate?.fingerprint256).toBe(certificate.fingerprint256);
    expect(failure.fix?.kind).toBe('trustCertificate');

    await call('applyTestEmailFix', { fix: failure.fix });
    expect(app.services.settings.current().smtp.trustedCertificates).toEqual([
      { host: '127.0.0.1', port: server.port, fingerprint256: certificate.fingerprint256, validTo: certificate.validTo },
    ]);

    const resent = await sendAndWait();
    expect(resent.result?.status).toBe('sent');
    expect(server.messages[0]?.secure).toBe(true);
  });
});

describe('applyTestEmailFix', () => {
  const fingerprint = (byte: string) => Array.from({ length: 32 }, () => byte).join(':');

  it('sets security and port, keeps the password', async () => {
    const settings = localSettings(2525, (s) => {
      s.smtp.server = 'smtp.Bücher.example';
      s.smtp.userName = USER.name;
    });
    const { call, app } = await startApp(settings, USER.password);

    let view = await call<SettingsView>('applyTestEmailFix', { fix: { kind: 'setSecurity', security: 'ssl', port: 465 } });
    expect(view.smtp.security).toBe('ssl');
    expect(view.smtp.server).toBe('smtp.Bücher.example:465');
    expect(view.smtp.passwordSet).toBe(true);
    expect(app.services.settings.smtpPassword()).toBe(USER.password);

    view = await call<SettingsView>('applyTestEmailFix', { fix: { kind: 'setPort', port: 587 } });
    expect(view.smtp.server).toBe('smtp.Bücher.example:587');
    expect(view.smtp.security).toBe('ssl');

    view = await call<SettingsView>('applyTestEmailFix', { fix: { kind: 'setSecurity', security: 'starttls' } });
    expect(view.smtp.security).toBe('starttls');
    expect(view.smtp.server).toBe('smtp.Bücher.example:587');
  });

  it('replaces a pin of the same host and port', async () => {
    const settings = localSettings(2525, (s) => {
      s.smtp.server = 'mail.example.com:465';
      s.smtp.trustedCertificates = [
        { host: 'MAIL.example.com', port: 465, fingerprint256: fingerprint('AA'), validTo: 'Jan  1 00:00:00 2030 GMT' },
        { host: 'mail.example.com', port: 587, fingerprint256: fingerprint('BB'), validTo: 'Jan  1 00:00:00 2030 GMT' },
      ];
    });
    const { call } = await startApp(settings);
    const fix: OneTapFix = {
      kind: 'trustCertificate',
      host: 'mail.example.com',
      port: 465,
      fingerprint256: fingerprint('CC'),
      validTo: 'Feb  2 00:00:00 2031 GMT',
    };
    const view = await call<SettingsView>('applyTestEmailFix', { fix });
    expect(view.smtp.trustedCertificates).toEqual([
      { host: 'mail.example.com', port: 587, fingerprint256: fingerprint('BB'), validTo: 'Jan  1 00:00:00 2030 GMT' },
      { host: 'mail.example.com', port: 465, fingerprint256: fingerprint('CC'), validTo: 'Feb  2 00:00:00 2031 GMT' },
    ]);
  });

  it('rejects a certificate of another server', async () => {
    const settings = localSettings(2525, (s) => {
      s.smtp.server = 'mail.example.com:465';
    });
    const { rejection, app } = await startApp(settings);
    const error = await rejection('applyTestEmailFix', {
      fix: { kind: 'trustCertificate', host: 'other.example.com', port: 465, fingerprint256: fingerprint('DD'), validTo: 'x' },
    });
    expect(error.kind).toBe('rejected');
    expect(error.i18nKey).toBe('mail:request.certificateForOtherServer');
    expect(app.services.settings.current().smtp.trustedCertificates).toEqual([]);
  });

  it('rejects a malformed fix by its schema', async () => {
    const { rejection } = await startApp(localSettings(2525));
    const badFingerprint = await rejection('applyTestEmailFix', {
      fix: { kind: 'trustCertificate', host: '127.0.0.1', port: 2525, fingerprint256: 'not-a-fingerprint', validTo: 'x' },
    });
    expect(badFingerprint.kind).toBe('invalidRequest');
    expect(badFingerprint.field).toBe('fix.fingerprint256');
    const badPort = await rejection('applyTestEmailFix', { fix: { kind: 'setPort', port: 70000 } });
    expect(badPort.kind).toBe('invalidRequest');
    const unknownKind = await rejection('applyTestEmailFix', { fix: { kind: 'formatDisk' } });
    expect(unknownKind.kind).toBe('invalidRequest');
  });
});
