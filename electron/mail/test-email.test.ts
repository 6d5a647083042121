import net from 'node:net';
import { performance } from 'node:perf_hooks';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { simpleParser } from 'mailparser';
import { defaultSettings, type SmtpAccount } from '../../shared/settings';
import type {
  DeviceCode,
  DiagnosisId,
  MailFailed,
  OneTapFix,
  SmtpStep,
  TestEmailProgress,
  TestEmailResult,
} from '../../shared/mail-result';
import { isCheckCode } from '../../shared/test-email';
import { sendTestEmail } from './test-email';
import type { SmtpLimits } from './limits';
import type { LookupFunction } from './resolve';
import {
  generateTestCertificate,
  loopbackLookup,
  scriptedSmtp,
  startRawTestServer,
  startSmtpTestServer,
  testAccount,
  type RawTestServer,
  type SmtpTestServer,
  type TestCertificate,
} from './test-support';

/** Short limits so that the fault matrix stays fast; each row asserts it ended within its own limit. */
const LIMITS: SmtpLimits = {
  dnsMs: 500,
  connectMs: 1000,
  tlsMs: 1000,
  greetingMs: 800,
  socketMs: 1000,
  attemptMs: 5000,
  probeMs: 500,
};
/** Scheduling slack on a loaded 2-core machine. */
const SLACK_MS = 1500;
const HOST = 'mail.test.invalid';
const USER = { name: 'pm5@example.com', password: 'Secret-Pa55' };

let certificate: TestCertificate;
let otherCertificate: TestCertificate;
let expiredCertificate: TestCertificate;

beforeAll(async () => {
  const day = 86_400_000;
  [certificate, otherCertificate, expiredCertificate] = await Promise.all([
    generateTestCertificate(HOST),
    generateTestCertificate(HOST),
    generateTestCertificate(HOST, { notBefore: new Date(Date.now() - 60 * day), notAfter: new Date(Date.now() - day) }),
  ]);
});

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

async function smtpServer(config: Parameters<typeof startSmtpTestServer>[0]): Promise<SmtpTestServer> {
  const server = await startSmtpTestServer(config);
  cleanups.push(server.close);
  return server;
}

async function rawServer(...args: Parameters<typeof startRawTestServer>): Promise<RawTestServer> {
  const server = await startRawTestServer(...args);
  cleanups.push(server.close);
  return server;
}

/** Returns a port on 127.0.0.1 with nothing listening: bound once, then released. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

interface Arrangement {
  account: SmtpAccount;
  password?: string | null;
  recipients?: string[];
  lookup?: LookupFunction;
  limits?: Partial<SmtpLimits>;
  signal?: AbortSignal;
  smtp?: SmtpTestServer;
  raw?: RawTestServer;
}

interface Run {
  result: TestEmailResult;
  wallMs: number;
  progress: TestEmailProgress[];
}

async function run(arrangement: Arrangement): Promise<Run> {
  const device = defaultSettings().device;
  const progress: TestEmailProgress[] = [];
  const started = performance.now();
  const result = await sendTestEmail(
    {
      config: { account: arrangement.account, password: arrangement.password ?? null },
      recipients: arrangement.recipients ?? ['tech@example.com'],
      device,
      language: 'fr',
    },
    {
      limits: { ...LIMITS, ...arrangement.limits },
      lookup: arrangement.lookup ?? loopbackLookup(HOST),
      onProgress: (entry) => progress.push(entry),
      ...(arrangement.signal ? { signal: arrangement.signal } : {}),
    },
  );
  return { result, wallMs: performance.now() - started, progress };
}

function failureOf(result: TestEmailResult): MailFailed['failure'] {
  if (result.status !== 'failed') throw new Error(`expected a failure, got ${JSON.stringify(result)}`);
  return result.failure;
}

interface FaultRow {
  name: string;
  arrange: () => Promise<Arrangement>;
  step: SmtpStep;
  deviceCode: DeviceCode;
  diagnosis: DiagnosisId;
  /** The one-tap fix offered, or null when none may be offered. */
  fix?: OneTapFix | null;
  /** The limit the failure must end within (before slack). */
  limitMs: number;
  check?: (failure: MailFailed['failure'], arrangement: Arrangement) => void;
}

const greetThenAnswer = (answers: Record<string, string>) =>
  scriptedSmtp('220 mail.test.invalid ESMTP\r\n', (line) => {
    const verb = line.split(/[ :]/)[0]?.toUpperCase() ?? '';
    return answers[verb] ?? '250 OK\r\n';
  });

const FAULTS: FaultRow[] = [
  {
    name: 'refused port',
    arrange: async () => ({ account: testAccount({ server: `127.0.0.1:${await closedPort()}` }) }),
    step: 'connect',
    deviceCode: "can't connect to server!",
    diagnosis: 'connectionRefused',
    limitMs: LIMITS.connectMs,
  },
  {
    name: 'DNS name not found',
    arrange: async () => ({ account: testAccount({ server: 'smtp.nowhere.invalid:587' }) }),
    step: 'dns',
    deviceCode: "can't connect to server!",
    diagnosis: 'hostNotFound',
    limitMs: LIMITS.dnsMs,
    check: (failure) => expect(failure.detail).toContain('ENOTFOUND'),
  },
  {
    name: 'DNS temporary failure',
    arrange: async () => ({
      account: testAccount({ server: `${HOST}:25` }),
      lookup: async () => {
        throw Object.assign(new Error('getaddrinfo EAI_AGAIN'), { code: 'EAI_AGAIN' });
      },
    }),
    step: 'dns',
    deviceCode: "can't connect to server!",
    diagnosis: 'dnsFailed',
    limitMs: LIMITS.dnsMs,
  },
  {
    name: 'DNS never answers',
    arrange: async () => ({
      account: testAccount({ server: `${HOST}:25` }),
      lookup: () => new Promise(() => undefined),
    }),
    step: 'dns',
    deviceCode: "can't connect to server!",
    diagnosis: 'dnsFailed',
    limitMs: LIMITS.dnsMs,
    check: (failure) => expect(failure.timeout).toEqual({ limit: 'dns', ms: LIMITS.dnsMs }),
  },
  {
    name: 'silent server without greeting',
    arrange: async () => {
      const raw = await rawServer(() => undefined);
      return { account: testAccount({ server: `127.0.0.1:${raw.port}` }), raw };
    },
    step: 'greeting',
    deviceCode: "can't connect to server!",
    diagnosis: 'noGreeting',
    fix: null,
    limitMs: LIMITS.greetingMs + LIMITS.probeMs,
    check: (failure) => expect(failure.timeout).toEqual({ limit: 'greeting', ms: LIMITS.greetingMs }),
  },
  {
    name: 'greeting 554',
    arrange: async () => {
      const raw = await rawServer(scriptedSmtp('554 5.7.1 Service unavailable; client host blocked\r\n', () => undefined));
      return { account: testAccount({ server: `127.0.0.1:${raw.port}` }), raw };
    },
    step: 'greeting',
    deviceCode: 'SMTP_helo fail',
    diagnosis: 'greetingRefused',
    limitMs: LIMITS.greetingMs,
    check: (failure) => {
      expect(failure.serverReply).toBe('554 5.7.1 Service unavailable; client host blocked');
      expect(failure.timeout).toBeUndefined();
    },
  },
  {
    name: 'EHLO and HELO refused',
    arrange: async () => {
      const raw = await rawServer(
        greetThenAnswer({ EHLO: '502 5.5.2 Error: command not recognized\r\n', HELO: '502 5.5.2 Error: command not recognized\r\n' }),
      );
      return { account: testAccount({ server: `127.0.0.1:${raw.port}` }), raw };
    },
    step: 'ehlo',
    deviceCode: 'SMTP_helo fail',
    diagnosis: 'ehloRefused',
    limitMs: LIMITS.greetingMs + LIMITS.socketMs,
    check: (failure) => expect(failure.serverReply).toMatch(/^502/),
  },
  {
    name: 'no reply to EHLO',
    arrange: async () => {
      const raw = await rawServer(scriptedSmtp('220 mail.test.invalid ESMTP\r\n', () => undefined));
      return { account: testAccount({ server: `127.0.0.1:${raw.port}` }), raw };
    },
    step: 'ehlo',
    deviceCode: "can't connect to server!",
    diagnosis: 'responseTimedOut',
    limitMs: LIMITS.greetingMs + LIMITS.socketMs,
    check: (failure) => expect(failure.timeout).toEqual({ limit: 'reply', ms: LIMITS.socketMs }),
  },
  {
    name: 'server closes after EHLO',
    arrange: async () => {
      const raw = await rawServer((socket) => {
        socket.write('220 mail.test.invalid ESMTP\r\n');
        socket.once('data', () => socket.end());
      });
      return { account: testAccount({ server: `127.0.0.1:${raw.port}` }), raw };
    },
    step: 'ehlo',
    deviceCode: "can't connect to server!",
    diagnosis: 'connectionLost',
    limitMs: LIMITS.greetingMs + LIMITS.socketMs,
  },
  {
    name: 'SSL/TLS against plain port',
    arrange: async () => {
      const smtp = await smtpServer({ mode: 'plain', authMethods: [] });
      return { account: testAccount({ server: `127.0.0.1:${smtp.port}`, security: 'ssl' }), smtp };
    },
    step: 'tls',
    deviceCode: "can't connect to server!",
    diagnosis: 'tlsOnPlainPort',
    fix: { kind: 'setSecurity', security: 'none' },
    limitMs: LIMITS.connectMs + LIMITS.tlsMs + LIMITS.probeMs,
  },
  {
    name: 'SSL/TLS against STARTTLS port',
    arrange: async () => {
      const smtp = await smtpServer({ mode: 'starttls', certificate, user: USER });
      return {
        account: testAccount({ server: `${HOST}:${smtp.port}`, security: 'ssl', userName: USER.name }),
        password: USER.password,
        smtp,
      };
    },
    step: 'tls',
    deviceCode: "can't connect to server!",
    diagnosis: 'tlsOnPlainPort',
    fix: { kind: 'setSecurity', security: 'starttls' },
    limitMs: LIMITS.connectMs + LIMITS.tlsMs + LIMITS.probeMs,
    check: (_failure, arrangement) => expect(arrangement.smtp?.authAttempts).toEqual([]),
  },
  {
    name: 'Aucune against implicit-TLS port',
    arrange: async () => {
      const smtp = await smtpServer({ mode: 'implicitTls', certificate, authMethods: [] });
      return { account: testAccount({ server: `${HOST}:${smtp.port}`, security: 'none' }), smtp };
    },
    step: 'greeting',
    deviceCode: "can't connect to server!",
    diagnosis: 'plainOnTlsPort',
    fix: { kind: 'setSecurity', security: 'ssl' },
    limitMs: LIMITS.greetingMs + LIMITS.probeMs,
    check: (failure) => expect(failure.timeout).toEqual({ limit: 'greeting', ms: LIMITS.greetingMs }),
  },
  {
    name: 'StartTLS against implicit-TLS port',
    arrange: async () => {
      const smtp = await smtpServer({ mode: 'implicitTls', certificate, user: USER });
      return {
        account: testAccount({ server: `${HOST}:${smtp.port}`, security: 'starttls', userName: USER.name }),
        password: USER.password,
        smtp,
      };
    },
    step: 'greeting',
    deviceCode: "can't connect to server!",
    diagnosis: 'plainOnTlsPort',
    fix: { kind: 'setSecurity', security: 'ssl' },
    limitMs: LIMITS.greetingMs + LIMITS.probeMs,
    check: (_failure, arrangement) => expect(arrangement.smtp?.authAttempts).toEqual([]),
  },
  {
    name: 'STARTTLS not offered',
    arrange: async () => {
      const smtp = await smtpServer({ mode: 'plain', user: USER });
      return {
        account: testAccount({ server: `127.0.0.1:${smtp.port}`, security: 'starttls', userName: USER.name }),
        password: USER.password,
        smtp,
      };
    },
    step: 'starttls',
    deviceCode: 'SMTP_meet fail',
    diagnosis: 'starttlsNotOffered',
    fix: null,
    limitMs: LIMITS.greetingMs + 2 * LIMITS.socketMs,
    check: (_failure, arrangement) => expect(arrangement.smtp?.authAttempts).toEqual([]),
  },
  {
    name: 'STARTTLS self-signed certificate untrusted',
    arrange: async () => {
      const smtp = await smtpServer({ mode: 'starttls', certificate, user: USER });
      return {
        account: testAccount({ server: `${HOST}:${smtp.port}`, security: 'starttls', userName: USER.name }),
        password: USER.password,
        smtp,
      };
    },
    step: 'starttls',
    deviceCode: "can't connect to server!",
    diagnosis: 'certificateUntrusted',
    limitMs: LIMITS.greetingMs + LIMITS.socketMs + LIMITS.tlsMs,
    check: (failure, arrangement) => {
      expect(failure.certificate?.fingerprint256).toBe(certificate.fingerprint256);
      expect(failure.certificate?.subject).toContain(`CN=${HOST}`);
      expect(failure.certificate?.selfSigned).toBe(true);
      expect(failure.certificate?.validTo).toBe(certificate.validTo);
      expect(failure.fix).toEqual({
        kind: 'trustCertificate',
        host: HOST,
        port: arrangement.smtp?.port,
        fingerprint256: certificate.fingerprint256,
        validTo: certificate.validTo,
      });
      expect(arrangement.smtp?.authAttempts).toEqual([]);
    },
  },
  {
    name: 'SSL/TLS self-signed certificate untrusted',
    arrange: async () => {
      const smtp = await smtpServer({ mode: 'implicitTls', certificate, user: USER });
      return {
        account: testAccount({ server: `${HOST}:${smtp.port}`, security: 'ssl', userName: USER.name }),
        password: USER.password,
        smtp,
      };
    },
    step: 'tls',
    deviceCode: "can't connect to server!",
    diagnosis: 'certificateUntrusted',
    limitMs: LIMITS.connectMs + LIMITS.tlsMs,
    check: (failure, arrangement) => {
      expect(failure.certificate?.fingerprint256).toBe(certificate.fingerprint256);
      expect(failure.fix).toMatchObject({ kind: 'trustCertificate', fingerprint256: certificate.fingerprint256 });
      expect(arrangement.smtp?.authAttempts).toEqual([]);
    },
  },
  {
    name: 'trusted fingerprint of another certificate',
    arrange: async () => {
      const smtp = await smtpServer({ mode: 'implicitTls', certificate, user: USER });
      return {
        account: testAccount({
          server: `${HOST}:${smtp.port}`,
          security: 'ssl',
          userName: USER.name,
          trustedCertificates: [
            { host: HOST, port: smtp.port, fingerprint256: otherCertificate.fingerprint256, validTo: otherCertificate.validTo },
          ],
        }),
        password: USER.password,
        smtp,
      };
    },
    step: 'tls',
    deviceCode: "can't connect to server!",
    diagnosis: 'certificateChanged',
    limitMs: LIMITS.connectMs + LIMITS.tlsMs,
    check: (failure, arrangement) => {
      expect(failure.certificate?.fingerprint256).toBe(certificate.fingerprint256);
      expect(arrangement.smtp?.authAttempts).toEqual([]);
    },
  },
  {
    name: 'trusted certificate expired',
    arrange: async () => {
      const smtp = await smtpServer({ mode: 'implicitTls', certificate: expiredCertificate, authMethods: [] });
      return {
        account: testAccount({
          server: `${HOST}:${smtp.port}`,
          security: 'ssl',
          trustedCertificates: [
            { host: HOST, port: smtp.port, fingerprint256: expiredCertificate.fingerprint256, validTo: expiredCertificate.validTo },
          ],
        }),
        smtp,
      };
    },
    step: 'tls',
    deviceCode: "can't connect to server!",
    diagnosis: 'certificateExpired',
    fix: null,
    limitMs: LIMITS.connectMs + LIMITS.tlsMs,
    check: (failure, arrangement) => {
      expect(failure.certificate?.fingerprint256).toBe(expiredCertificate.fingerprint256);
      expect(arrangement.smtp?.messages).toEqual([]);
    },
  },
  {
    name: 'trusted fingerprint for another port',
    arrange: async () => {
      const smtp = await smtpServer({ mode: 'starttls', certificate, user: USER });
      return {
        account: testAccount({
          server: `${HOST}:${smtp.port}`,
          security: 'starttls',
          userName: USER.name,
          trustedCertificates: [
            { host: HOST, port: smtp.port === 1 ? 2 : smtp.port - 1, fingerprint256: certificate.fingerprint256, validTo: certificate.validTo },
          ],
        }),
        password: USER.password,
        smtp,
      };
    },
    step: 'starttls',
    deviceCode: "can't connect to server!",
    diagnosis: 'certificateUntrusted',
    limitMs: LIMITS.greetingMs + LIMITS.socketMs + LIMITS.tlsMs,
    check: (_failure, arrangement) => expect(arrangement.smtp?.authAttempts).toEqual([]),
  },
  {
    name: 'AUTH not offered with user name',
    arrange: async () => {
      const smtp = await smtpServer({ mode: 'plain', authMethods: [] });
      return {
        account: testAccount({ server: `127.0.0.1:${smtp.port}`, userName: USER.name }),
        password: USER.password,
        smtp,
      };
    },
    step: 'auth',
    deviceCode: 'SMTP_meet fail',
    diagnosis: 'authNotOffered',
    limitMs: LIMITS.greetingMs + LIMITS.socketMs,
    check: (_failure, arrangement) => expect(arrangement.smtp?.messages).toEqual([]),
  },
  {
    name: 'only CRAM-MD5 offered',
    arrange: async () => {
      const smtp = await smtpServer({ mode: 'plain', authMethods: ['CRAM-MD5'], user: USER });
      return {
        account: testAccount({ server: `127.0.0.1:${smtp.port}`, userName: USER.name }),
        password: USER.password,
        smtp,
      };
    },
    step: 'auth',
    deviceCode: 'SMTP_meet fail',
    diagnosis: 'authMethodsUnsupported',
    limitMs: LIMITS.greetingMs + LIMITS.socketMs,
    check: (failure, arrangement) => {
      expect(failure.detail).toContain('CRAM-MD5');
      expect(arrangement.smtp?.authAttempts).toEqual([]);
    },
  },
  {
    name: 'Aucune where login needs STARTTLS first',
    arrange: async () => {
      const smtp = await smtpServer({ mode: 'starttls', certificate, user: USER });
      return {
        account: testAccount({ server: `${HOST}:${smtp.port}`, security: 'none', userName: USER.name }),
        password: USER.password,
        smtp,
      };
    },
    step: 'auth',
    deviceCode: 'SMTP_meet fail',
    diagnosis: 'encryptionRequired',
    fix: { kind: 'setSecurity', security: 'starttls' },
    limitMs: LIMITS.greetingMs + 2 * LIMITS.socketMs,
    check: (failure) => expect(failure.serverReply).toMatch(/^538/),
  },
  {
    name: '535 wrong password',
    arrange: async () => {
      const smtp = await smtpServer({ mode: 'starttls', certificate, user: USER });
      return {
        account: testAccount({
          server: `${HOST}:${smtp.port}`,
          security: 'starttls',
          userName: USER.name,
          trustedCertificates: [{ host: HOST, port: smtp.port, fingerprint256: certificate.fingerprint256, validTo: certificate.validTo }],
        }),
        password: 'wrong-password',
        smtp,
      };
    },
    step: 'auth',
    deviceCode: 'SMTP_from fail',
    diagnosis: 'authFailed',
    limitMs: LIMITS.greetingMs + LIMITS.tlsMs + 3 * LIMITS.socketMs,
    check: (failure, arrangement) => {
      expect(failure.serverReply).toMatch(/^535/);
      expect(arrangement.smtp?.authAttempts).toEqual([
        { method: 'PLAIN', username: USER.name, password: 'wrong-password', secure: true },
      ]);
    },
  },
  {
    name: '535 5.7.8 needing an app password',
    arrange: async () => {
      const smtp = await smtpServer({
        mode: 'plain',
        authReply: { code: 535, message: '5.7.8 Username and Password not accepted. For more information, go to https://support.google.com/mail/?p=BadCredentials' },
      });
      return {
        account: testAccount({ server: `127.0.0.1:${smtp.port}`, userName: USER.name }),
        password: USER.password,
        smtp,
      };
    },
    step: 'auth',
    deviceCode: 'SMTP_from fail',
    diagnosis: 'appPasswordRequired',
    limitMs: LIMITS.greetingMs + 2 * LIMITS.socketMs,
  },
  {
    name: 'Microsoft 535 5.7.139 basic auth disabled',
    arrange: async () => {
      const smtp = await smtpServer({
        mode: 'plain',
        authMethods: ['LOGIN'],
        authReply: {
          code: 535,
          message: '5.7.139 Authentication unsuccessful, basic authentication is disabled. [PR3P191CA0019.EURP191.PROD.OUTLOOK.COM]',
        },
      });
      return {
        account: testAccount({ server: `127.0.0.1:${smtp.port}`, userName: USER.name }),
        password: USER.password,
        smtp,
      };
    },
    step: 'auth',
    deviceCode: 'SMTP_from fail',
    diagnosis: 'basicAuthDisabled',
    limitMs: LIMITS.greetingMs + 3 * LIMITS.socketMs,
    check: (_failure, arrangement) => expect(arrangement.smtp?.authAttempts[0]?.method).toBe('LOGIN'),
  },
  {
    name: 'login required but no user name',
    arrange: async () => {
      const smtp = await smtpServer({ mode: 'plain', user: USER });
      return { account: testAccount({ server: `127.0.0.1:${smtp.port}` }), smtp };
    },
    step: 'sender',
    deviceCode: 'SMTP_from fail',
    diagnosis: 'authRequired',
    limitMs: LIMITS.greetingMs + 2 * LIMITS.socketMs,
    check: (failure) => expect(failure.serverReply).toMatch(/^530/),
  },
  {
    name: 'sender refused 550 5.7.1 for this login',
    arrange: async () => {
      const smtp = await smtpServer({
        mode: 'plain',
        user: USER,
        senderReply: () => ({ code: 550, message: '5.7.1 Client does not have permissions to send as this sender' }),
      });
      return {
        account: testAccount({ server: `127.0.0.1:${smtp.port}`, userName: USER.name, senderAddress: 'other@example.com' }),
        password: USER.password,
        smtp,
      };
    },
    step: 'sender',
    deviceCode: 'SMTP_from fail',
    diagnosis: 'senderNotAllowedForLogin',
    limitMs: LIMITS.greetingMs + 3 * LIMITS.socketMs,
    check: (failure, arrangement) => {
      expect(failure.serverReply).toBe('550 5.7.1 Client does not have permissions to send as this sender');
      expect(arrangement.smtp?.messages).toEqual([]);
    },
  },
  {
    name: 'sender domain refused',
    arrange: async () => {
      const smtp = await smtpServer({
        mode: 'plain',
        authMethods: [],
        senderReply: () => ({ code: 553, message: '5.1.8 Sender address domain does not exist' }),
      });
      return { account: testAccount({ server: `127.0.0.1:${smtp.port}` }), smtp };
    },
    step: 'sender',
    deviceCode: 'SMTP_from fail',
    diagnosis: 'senderRefused',
    limitMs: LIMITS.greetingMs + 2 * LIMITS.socketMs,
  },
  {
    name: 'all recipients refused',
    arrange: async () => {
      const smtp = await smtpServer({
        mode: 'plain',
        authMethods: [],
        recipientReply: () => ({ code: 550, message: '5.1.1 User unknown' }),
      });
      return {
        account: testAccount({ server: `127.0.0.1:${smtp.port}` }),
        recipients: ['nobody@example.com', 'nobody-else@example.com'],
        smtp,
      };
    },
    step: 'recipient',
    deviceCode: 'SMTP_rcpt fail',
    diagnosis: 'recipientRefused',
    limitMs: LIMITS.greetingMs + 2 * LIMITS.socketMs,
    check: (failure, arrangement) => {
      expect(failure.rejected?.map((entry) => entry.address)).toEqual(['nobody@example.com', 'nobody-else@example.com']);
      expect(failure.rejected?.map((entry) => entry.reply)).toEqual(['550 5.1.1 User unknown', '550 5.1.1 User unknown']);
      expect(arrangement.smtp?.messages).toEqual([]);
    },
  },
  {
    name: 'non-ASCII local part without SMTPUTF8',
    arrange: async () => {
      const smtp = await smtpServer({ mode: 'plain', authMethods: [], options: { hideSMTPUTF8: true } });
      return { account: testAccount({ server: `127.0.0.1:${smtp.port}` }), recipients: ['jürgen@example.com'], smtp };
    },
    step: 'recipient',
    deviceCode: 'SMTP_rcpt fail',
    diagnosis: 'recipientNeedsSmtputf8',
    limitMs: LIMITS.greetingMs + LIMITS.socketMs,
    check: (failure, arrangement) => {
      expect(failure.rejected?.[0]).toMatchObject({ address: 'jürgen@example.com', diagnosis: 'recipientNeedsSmtputf8' });
      expect(arrangement.smtp?.messages).toEqual([]);
    },
  },
  {
    name: 'non-ASCII sender without SMTPUTF8',
    arrange: async () => {
      const smtp = await smtpServer({ mode: 'plain', authMethods: [], options: { hideSMTPUTF8: true } });
      return { account: testAccount({ server: `127.0.0.1:${smtp.port}`, senderAddress: 'piscine-müller@example.com' }), smtp };
    },
    step: 'sender',
    deviceCode: 'SMTP_from fail',
    diagnosis: 'senderNeedsSmtputf8',
    limitMs: LIMITS.greetingMs + LIMITS.socketMs,
  },
  {
    name: 'message refused after DATA',
    arrange: async () => {
      const smtp = await smtpServer({
        mode: 'plain',
        authMethods: [],
        options: {
          onData(stream, _session, callback) {
            stream.resume();
            stream.on('end', () => callback(Object.assign(new Error('5.7.1 Message rejected as spam'), { responseCode: 554 })));
          },
        },
      });
      return { account: testAccount({ server: `127.0.0.1:${smtp.port}` }), smtp };
    },
    step: 'data',
    deviceCode: 'SMTP_rcpt fail',
    diagnosis: 'messageRefused',
    limitMs: LIMITS.greetingMs + 3 * LIMITS.socketMs,
    check: (failure) => expect(failure.serverReply).toBe('554 5.7.1 Message rejected as spam'),
  },
  {
    name: 'whole attempt limit',
    arrange: async () => {
      const raw = await rawServer(() => undefined);
      return {
        account: testAccount({ server: `127.0.0.1:${raw.port}` }),
        limits: { greetingMs: 4000, attemptMs: 700 },
        raw,
      };
    },
    step: 'greeting',
    deviceCode: "can't connect to server!",
    diagnosis: 'attemptTimedOut',
    limitMs: 700,
    check: (failure) => expect(failure.timeout).toEqual({ limit: 'attempt', ms: 700 }),
  },
  {
    name: 'invalid server field',
    arrange: async () => ({ account: testAccount({ server: 'smtp.example.com:99999' }) }),
    step: 'dns',
    deviceCode: "can't connect to server!",
    diagnosis: 'serverAddressInvalid',
    limitMs: 50,
  },
  {
    name: 'user name without password',
    arrange: async () => ({ account: testAccount({ server: '127.0.0.1:25', userName: USER.name }), password: null }),
    step: 'auth',
    deviceCode: 'SMTP_from fail',
    diagnosis: 'passwordMissing',
    limitMs: 50,
  },
  {
    name: 'no active recipient',
    arrange: async () => ({ account: testAccount({ server: '127.0.0.1:25' }), recipients: [] }),
    step: 'recipient',
    deviceCode: 'SMTP_rcpt fail',
    diagnosis: 'noRecipient',
    limitMs: 50,
  },
];

describe('sendTestEmail fault matrix', () => {
  it.each(FAULTS)('$name', async (row) => {
    const arrangement = await row.arrange();
    const { result, wallMs } = await run(arrangement);
    const failure = failureOf(result);

    expect(failure.step).toBe(row.step);
    expect(failure.deviceCode).toBe(row.deviceCode);
    expect(failure.diagnosis).toBe(row.diagnosis);
    if (row.fix === null) expect(failure.fix).toBeUndefined();
    else if (row.fix !== undefined) expect(failure.fix).toEqual(row.fix);
    expect(failure.elapsedMs).toBeLessThanOrEqual(row.limitMs + SLACK_MS);
    expect(wallMs).toBeLessThanOrEqual(row.limitMs + SLACK_MS);
    row.check?.(failure, arrangement);
  });
});

describe('sendTestEmail success', () => {
  it('delivers check code, From name and address', async () => {
    const smtp = await smtpServer({ mode: 'starttls', certificate, user: USER });
    const account = testAccount({
      server: `${HOST}:${smtp.port}`,
      security: 'starttls',
      userName: USER.name,
      senderAddress: 'pm5@example.com',
      senderName: 'PM5 (Meier/Munich)',
      trustedCertificates: [{ host: HOST, port: smtp.port, fingerprint256: certificate.fingerprint256, validTo: certificate.validTo }],
    });
    const { result, progress } = await run({ account, password: USER.password });

    expect(result.status).toBe('sent');
    if (result.status !== 'sent') return;
    expect(isCheckCode(result.checkCode)).toBe(true);
    expect(result.accepted).toEqual([{ address: 'tech@example.com', reply: expect.stringMatching(/^250/) }]);
    expect(result.rejected).toEqual([]);
    expect(result.response).toMatch(/^250/);

    expect(smtp.authAttempts).toEqual([{ method: 'PLAIN', username: USER.name, password: USER.password, secure: true }]);
    expect(smtp.messages).toHaveLength(1);
    const received = smtp.messages[0];
    expect(received?.secure).toBe(true);
    expect(received?.from).toBe('pm5@example.com');
    expect(received?.to).toEqual(['tech@example.com']);
    const parsed = await simpleParser(received?.raw ?? '');
    expect(parsed.from?.value).toEqual([{ name: 'PM5 (Meier/Munich)', address: 'pm5@example.com' }]);
    expect(parsed.subject).toBe(`PM5-démo (PM5 (Meier/Munich)) : E-mail test ${result.checkCode}`);
    expect(parsed.text).toContain(`Code de contrôle : ${result.checkCode}`);
    expect(parsed.messageId).toMatch(new RegExp(`^<test-${result.checkCode}-[0-9a-f-]+@example\\.com>$`));

    expect(progress.map((entry) => entry.step)).toEqual([
      'dns',
      'connect',
      'greeting',
      'ehlo',
      'starttls',
      'ehlo',
      'auth',
      'sender',
      'recipient',
      'data',
    ]);
    expect(progress.find((entry) => entry.step === 'recipient')?.recipient).toBe('tech@example.com');
  });

  it('trusts self-signed certificate by fingerprint over SSL/TLS', async () => {
    const smtp = await smtpServer({ mode: 'implicitTls', certificate, user: USER });
    const account = testAccount({
      server: `${HOST}:${smtp.port}`,
      security: 'ssl',
      userName: USER.name,
      trustedCertificates: [{ host: HOST.toUpperCase(), port: smtp.port, fingerprint256: certificate.fingerprint256, validTo: certificate.validTo }],
    });
    const { result, progress } = await run({ account, password: USER.password });

    expect(result.status).toBe('sent');
    expect(smtp.authAttempts).toEqual([{ method: 'PLAIN', username: USER.name, password: USER.password, secure: true }]);
    expect(smtp.messages).toHaveLength(1);
    expect(progress.map((entry) => entry.step)).toContain('tls');
  });

  it('reports one of two recipients refused', async () => {
    const smtp = await smtpServer({
      mode: 'plain',
      authMethods: [],
      recipientReply: (address) => (address === 'typo@exmaple.com' ? { code: 550, message: '5.1.1 Mailbox unavailable' } : undefined),
    });
    const { result } = await run({
      account: testAccount({ server: `127.0.0.1:${smtp.port}` }),
      recipients: ['typo@exmaple.com', 'tech@example.com'],
    });

    expect(result.status).toBe('sent');
    if (result.status !== 'sent') return;
    expect(result.accepted.map((entry) => entry.address)).toEqual(['tech@example.com']);
    expect(result.rejected).toEqual([
      { address: 'typo@exmaple.com', reply: '550 5.1.1 Mailbox unavailable', diagnosis: 'recipientRefused', deviceCode: 'SMTP_rcpt fail' },
    ]);
    expect(smtp.messages.map((message) => message.to)).toEqual([['tech@example.com']]);
  });

  it('skips non-ASCII recipient, sends to the others', async () => {
    const smtp = await smtpServer({ mode: 'plain', authMethods: [], options: { hideSMTPUTF8: true } });
    const { result } = await run({
      account: testAccount({ server: `127.0.0.1:${smtp.port}` }),
      recipients: ['jürgen@example.com', 'tech@example.com'],
    });

    expect(result.status).toBe('sent');
    if (result.status !== 'sent') return;
    expect(result.rejected).toEqual([
      { address: 'jürgen@example.com', reply: '', diagnosis: 'recipientNeedsSmtputf8', deviceCode: 'SMTP_rcpt fail' },
    ]);
    expect(smtp.messages.map((message) => message.to)).toEqual([['tech@example.com']]);
  });

  it('sends non-ASCII recipient when SMTPUTF8 is offered', async () => {
    const smtp = await smtpServer({ mode: 'plain', authMethods: [] });
    const { result } = await run({ account: testAccount({ server: `127.0.0.1:${smtp.port}` }), recipients: ['jürgen@example.com'] });

    expect(result.status).toBe('sent');
    expect(smtp.messages.map((message) => message.to)).toEqual([['jürgen@example.com']]);
  });
});

describe('sendTestEmail cancellation', () => {
  it('cancels mid-attempt and closes the socket', async () => {
    let serverSocketClosed = false;
    const raw = await rawServer((socket) => socket.on('close', () => (serverSocketClosed = true)));
    const controller = new AbortController();
    const cancelAfterMs = 200;
    setTimeout(() => controller.abort(), cancelAfterMs);

    const { result, wallMs } = await run({
      account: testAccount({ server: `127.0.0.1:${raw.port}` }),
      limits: { greetingMs: 5000 },
      signal: controller.signal,
    });

    expect(result).toMatchObject({ status: 'cancelled', ok: false, step: 'greeting' });
    expect(wallMs).toBeLessThan(cancelAfterMs + SLACK_MS);
    await expect.poll(() => serverSocketClosed, { timeout: 1000 }).toBe(true);
  });

  it('returns cancelled at once for an aborted signal', async () => {
    const raw = await rawServer(() => undefined);
    const { result } = await run({
      account: testAccount({ server: `127.0.0.1:${raw.port}` }),
      signal: AbortSignal.abort(),
    });

    expect(result).toMatchObject({ status: 'cancelled', step: 'dns' });
    expect(raw.connections).toBe(0);
  });
});
