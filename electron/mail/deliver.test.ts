import net from 'node:net';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { isTemporaryFailure, type DiagnosisId } from '../../shared/mail-result';
import type { SmtpAccount } from '../../shared/settings';
import { createMemoryLogger } from '../logger';
import { deliverMessage, type DeliveryOutcome, type OutgoingMessage } from './deliver';
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

const LIMITS = { dnsMs: 500, connectMs: 1000, tlsMs: 1000, greetingMs: 800, socketMs: 1000, attemptMs: 5000, probeMs: 500 };
const HOST = 'mail.test.invalid';
const USER = { name: 'pm5@example.com', password: 'Pool-Secret-77' };

const message = (to: string[]): OutgoingMessage => ({
  messageId: 'alarm-42.ADDA01234F12@pm5.example.com',
  date: new Date('2026-03-01T09:41:00Z'),
  subject: 'PM5-démo (PM5 (démo)) : Alarme supérieure pH',
  text: 'Alarme supérieure pH\n',
  to,
});

let certificate: TestCertificate;
beforeAll(async () => {
  certificate = await generateTestCertificate(HOST);
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

async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function deliver(
  account: SmtpAccount,
  options: { password?: string | null; to?: string[]; lookup?: LookupFunction; signal?: AbortSignal } = {},
): Promise<DeliveryOutcome> {
  return deliverMessage({ account, password: options.password ?? null }, message(options.to ?? ['tech@example.com']), {
    limits: LIMITS,
    lookup: options.lookup ?? loopbackLookup(HOST),
    ...(options.signal ? { signal: options.signal } : {}),
  });
}

const plainGreeting = '220 mail.test.invalid ESMTP\r\n';
const ehloReply = (...extensions: string[]) =>
  ['250-mail.test.invalid', ...extensions.slice(0, -1).map((line) => `250-${line}`), `250 ${extensions.at(-1) ?? 'OK'}`]
    .map((line) => `${line}\r\n`)
    .join('');

describe('deliverMessage', () => {
  it('delivers with stable Message-ID and From object', async () => {
    const server = await smtpServer({ mode: 'plain', authMethods: [] });
    const account = testAccount({ server: `127.0.0.1:${server.port}` });

    const first = await deliver(account);
    const retry = await deliver(account);

    expect(first).toMatchObject({ status: 'accepted', accepted: ['tech@example.com'], rejected: [] });
    expect(retry.status).toBe('accepted');
    expect(server.messages).toHaveLength(2);
    for (const received of server.messages) {
      expect(received.raw).toMatch(/^Message-ID: <alarm-42\.ADDA01234F12@pm5\.example\.com>$/m);
      expect(received.raw).toMatch(/^From: "PM5 \(Meier\/Munich\)" <pm5@example\.com>$/m);
      expect(received.from).toBe('pm5@example.com');
    }
  });

  it('keeps a sender name with quotes inside one header', async () => {
    const server = await smtpServer({ mode: 'plain', authMethods: [] });
    const account = testAccount({ server: `127.0.0.1:${server.port}`, senderName: 'PM5 "Bassin" <nord>, Bcc: x@example.org' });

    const outcome = await deliver(account);

    expect(outcome.status).toBe('accepted');
    const raw = server.messages[0]?.raw ?? '';
    expect(raw).not.toMatch(/^Bcc:/im);
    expect(server.messages[0]?.to).toEqual(['tech@example.com']);
  });

  it('lists refused recipients of an accepted message', async () => {
    const server = await smtpServer({
      mode: 'plain',
      authMethods: [],
      recipientReply: (address) => (address === 'gone@example.com' ? { code: 550, message: '5.1.1 User unknown' } : undefined),
    });

    const outcome = await deliver(testAccount({ server: `127.0.0.1:${server.port}` }), {
      to: ['gone@example.com', 'tech@example.com'],
    });

    expect(outcome).toEqual({
      status: 'accepted',
      accepted: ['tech@example.com'],
      rejected: [{ address: 'gone@example.com', reply: '550 5.1.1 User unknown' }],
      response: expect.stringMatching(/^250/),
    });
  });

  it('logs start and end without the password', async () => {
    const server = await smtpServer({ mode: 'plain', user: USER });
    const logger = createMemoryLogger();
    const account = testAccount({ server: `127.0.0.1:${server.port}`, userName: USER.name });

    const accepted = await deliverMessage({ account, password: USER.password }, message(['tech@example.com']), { limits: LIMITS, logger });
    const refused = await deliverMessage({ account, password: `${USER.password}-old` }, message(['tech@example.com']), {
      limits: LIMITS,
      logger,
    });

    expect(accepted.status).toBe('accepted');
    expect(refused.status).toBe('permanent');
    expect(logger.lines).toHaveLength(4);
    expect(logger.lines[1]).toMatch(/^info SMTP attempt ended .*"status":"sent"/);
    expect(logger.lines[3]).toMatch(/^info SMTP attempt ended .*"diagnosis":"authFailed".*"reply":"535/);
    for (const line of logger.lines) expect(line).not.toContain(USER.password);
  });

  it('rejects a malformed Message-ID before connecting', async () => {
    const raw = await rawServer(() => undefined);
    const account = testAccount({ server: `127.0.0.1:${raw.port}` });

    await expect(
      deliverMessage({ account, password: null }, { ...message(['tech@example.com']), messageId: 'no id' }),
    ).rejects.toThrow(/Invalid Message-ID "no id"/);
    expect(raw.connections).toBe(0);
  });
});

interface ClassificationRow {
  name: string;
  arrange: () => Promise<{ account: SmtpAccount; password?: string; to?: string[]; lookup?: LookupFunction; abortAfterMs?: number }>;
  status: 'temporary' | 'permanent';
  diagnosis: DiagnosisId;
}

const scriptedPlain = async (answers: Record<string, string>) => {
  const raw = await rawServer(
    scriptedSmtp(plainGreeting, (line) => answers[line.split(/[ :]/)[0]?.toUpperCase() ?? ''] ?? '250 OK\r\n'),
  );
  return testAccount({ server: `127.0.0.1:${raw.port}` });
};

const CLASSIFICATION: ClassificationRow[] = [
  {
    name: 'connection refused',
    arrange: async () => ({ account: testAccount({ server: `127.0.0.1:${await closedPort()}` }) }),
    status: 'temporary',
    diagnosis: 'connectionRefused',
  },
  {
    name: 'host name not found',
    arrange: async () => ({ account: testAccount({ server: 'smtp.nowhere.invalid' }) }),
    status: 'permanent',
    diagnosis: 'hostNotFound',
  },
  {
    name: 'DNS temporary failure',
    arrange: async () => ({
      account: testAccount({ server: HOST }),
      lookup: async () => {
        throw Object.assign(new Error('getaddrinfo EAI_AGAIN'), { code: 'EAI_AGAIN' });
      },
    }),
    status: 'temporary',
    diagnosis: 'dnsFailed',
  },
  {
    name: 'silent server',
    arrange: async () => {
      const raw = await rawServer(() => undefined);
      return { account: testAccount({ server: `127.0.0.1:${raw.port}` }) };
    },
    status: 'temporary',
    diagnosis: 'noGreeting',
  },
  {
    name: 'greeting 421',
    arrange: async () => {
      const raw = await rawServer(scriptedSmtp('421 4.3.2 Too many connections, try again later\r\n', () => undefined));
      return { account: testAccount({ server: `127.0.0.1:${raw.port}` }) };
    },
    status: 'temporary',
    diagnosis: 'greetingRefused',
  },
  {
    name: 'greeting 554',
    arrange: async () => {
      const raw = await rawServer(scriptedSmtp('554 5.7.1 Client host blocked\r\n', () => undefined));
      return { account: testAccount({ server: `127.0.0.1:${raw.port}` }) };
    },
    status: 'permanent',
    diagnosis: 'greetingRefused',
  },
  {
    name: 'MAIL FROM 451',
    arrange: async () => ({ account: await scriptedPlain({ EHLO: ehloReply('8BITMIME'), MAIL: '451 4.3.0 Try again later\r\n' }) }),
    status: 'temporary',
    diagnosis: 'senderRefused',
  },
  {
    name: 'MAIL FROM 550',
    arrange: async () => ({ account: await scriptedPlain({ EHLO: ehloReply('8BITMIME'), MAIL: '550 5.7.1 Sender rejected\r\n' }) }),
    status: 'permanent',
    diagnosis: 'senderRefused',
  },
  {
    name: 'AUTH 454 temporary failure',
    arrange: async () => {
      const smtp = await smtpServer({ mode: 'plain', authReply: { code: 454, message: '4.7.0 Temporary authentication failure' } });
      return { account: testAccount({ server: `127.0.0.1:${smtp.port}`, userName: USER.name }), password: USER.password };
    },
    status: 'temporary',
    diagnosis: 'authFailed',
  },
  {
    name: 'AUTH 535',
    arrange: async () => {
      const smtp = await smtpServer({ mode: 'plain', user: USER });
      return { account: testAccount({ server: `127.0.0.1:${smtp.port}`, userName: USER.name }), password: 'wrong' };
    },
    status: 'permanent',
    diagnosis: 'authFailed',
  },
  {
    name: 'all recipients 450',
    arrange: async () => {
      const smtp = await smtpServer({
        mode: 'plain',
        authMethods: [],
        recipientReply: () => ({ code: 450, message: '4.2.1 Mailbox busy, try later' }),
      });
      return { account: testAccount({ server: `127.0.0.1:${smtp.port}` }) };
    },
    status: 'temporary',
    diagnosis: 'recipientRefused',
  },
  {
    name: 'all recipients 550',
    arrange: async () => {
      const smtp = await smtpServer({
        mode: 'plain',
        authMethods: [],
        recipientReply: () => ({ code: 550, message: '5.1.1 User unknown' }),
      });
      return { account: testAccount({ server: `127.0.0.1:${smtp.port}` }) };
    },
    status: 'permanent',
    diagnosis: 'recipientRefused',
  },
  {
    name: 'untrusted certificate',
    arrange: async () => {
      const smtp = await smtpServer({ mode: 'implicitTls', certificate, authMethods: [] });
      return { account: testAccount({ server: `${HOST}:${smtp.port}`, security: 'ssl' }) };
    },
    status: 'permanent',
    diagnosis: 'certificateUntrusted',
  },
  {
    name: 'STARTTLS not offered',
    arrange: async () => {
      const smtp = await smtpServer({ mode: 'plain', authMethods: [] });
      return { account: testAccount({ server: `127.0.0.1:${smtp.port}`, security: 'starttls' }) };
    },
    status: 'permanent',
    diagnosis: 'starttlsNotOffered',
  },
  {
    name: 'cancelled by signal',
    arrange: async () => {
      const raw = await rawServer(() => undefined);
      return { account: testAccount({ server: `127.0.0.1:${raw.port}` }), abortAfterMs: 100 };
    },
    status: 'temporary',
    diagnosis: 'cancelled',
  },
];

describe('deliverMessage classification', () => {
  it.each(CLASSIFICATION)('$name is $status', async (row) => {
    const arranged = await row.arrange();
    const controller = new AbortController();
    if (arranged.abortAfterMs !== undefined) setTimeout(() => controller.abort(), arranged.abortAfterMs);

    const outcome = await deliver(arranged.account, {
      ...(arranged.password !== undefined ? { password: arranged.password } : {}),
      ...(arranged.lookup ? { lookup: arranged.lookup } : {}),
      signal: controller.signal,
    });

    expect(outcome.status).toBe(row.status);
    if (outcome.status === 'accepted') return;
    expect(outcome.failure.diagnosis).toBe(row.diagnosis);
    expect(isTemporaryFailure(outcome.failure)).toBe(row.status === 'temporary');
  });
});

/** Lists every form in which a client could send the password: as typed, or base64 in AUTH PLAIN or AUTH LOGIN. */
function passwordForms(user: string, password: string): string[] {
  return [
    password,
    Buffer.from(password).toString('base64'),
    Buffer.from(`\u0000${user}\u0000${password}`).toString('base64'),
    Buffer.from(`${user}\u0000${user}\u0000${password}`).toString('base64'),
  ];
}

describe('StartTLS never sends the password in plain text', () => {
  const account = (port: number): SmtpAccount =>
    testAccount({ server: `127.0.0.1:${port}`, security: 'starttls', userName: USER.name });

  const cases: { name: string; server: () => Parameters<typeof startRawTestServer>[0]; diagnosis: DiagnosisId }[] = [
    {
      name: 'STARTTLS not advertised',
      server: () =>
        scriptedSmtp(plainGreeting, (line) => {
          if (/^EHLO /i.test(line)) return ehloReply('AUTH PLAIN LOGIN', '8BITMIME');
          if (/^STARTTLS$/i.test(line)) return '502 5.5.1 Unrecognized command\r\n';
          if (/^AUTH /i.test(line)) return '235 2.7.0 Authentication successful\r\n';
          return '250 OK\r\n';
        }),
      diagnosis: 'starttlsNotOffered',
    },
    {
      name: 'STARTTLS refused with 454',
      server: () =>
        scriptedSmtp(plainGreeting, (line) => {
          if (/^EHLO /i.test(line)) return ehloReply('STARTTLS', 'AUTH PLAIN LOGIN');
          if (/^STARTTLS$/i.test(line)) return '454 4.7.0 TLS not available due to local problem\r\n';
          if (/^AUTH /i.test(line)) return '235 2.7.0 Authentication successful\r\n';
          return '250 OK\r\n';
        }),
      diagnosis: 'starttlsRefused',
    },
    {
      name: 'STARTTLS accepted, then plain text',
      server: () =>
        scriptedSmtp(plainGreeting, (line) => {
          if (/^EHLO /i.test(line)) return ehloReply('STARTTLS', 'AUTH PLAIN LOGIN');
          if (/^STARTTLS$/i.test(line)) return '220 2.0.0 Ready to start TLS\r\n250 mail.test.invalid\r\n';
          if (/^AUTH /i.test(line)) return '235 2.7.0 Authentication successful\r\n';
          return '250 OK\r\n';
        }),
      diagnosis: 'tlsHandshakeFailed',
    },
  ];

  it.each(cases)('$name', async ({ server, diagnosis }) => {
    const raw = await rawServer(server());

    const outcome = await deliver(account(raw.port), { password: USER.password });

    expect(outcome.status).not.toBe('accepted');
    if (outcome.status === 'accepted') return;
    expect(outcome.failure.diagnosis).toBe(diagnosis);
    const received = raw.received.join('');
    expect(received).toMatch(/^EHLO /m);
    for (const form of passwordForms(USER.name, USER.password)) expect(received).not.toContain(form);
    expect(received).not.toMatch(/^AUTH /im);
  });
});
