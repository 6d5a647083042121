import { afterEach, describe, expect, it } from 'vitest';
import { deliverMessage, type OutgoingMessage } from './deliver';
import {
  generateTestCertificate,
  loopbackLookup,
  scriptedSmtp,
  startRawTestServer,
  startSmtpTestServer,
  testAccount,
  type RawTestServer,
  type SmtpTestServer,
} from './test-support';

const LIMITS = { dnsMs: 1000, connectMs: 1000, tlsMs: 1000, greetingMs: 1000, socketMs: 1500, attemptMs: 5000, probeMs: 800 };

const message = (to: string[]): OutgoingMessage => ({
  messageId: 'alarm-42.ADDA01234F12@pm5.example.com',
  date: new Date('2026-03-01T09:41:00Z'),
  subject: 'PM5-démo (PM5 (démo)) : Alarme supérieure pH',
  text: 'Alarme supérieure pH\n',
  to,
});

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

async function smtpServer(...args: Parameters<typeof startSmtpTestServer>): Promise<SmtpTestServer> {
  const server = await startSmtpTestServer(...args);
  cleanups.push(server.close);
  return server;
}

async function rawServer(...args: Parameters<typeof startRawTestServer>): Promise<RawTestServer> {
  const server = await startRawTestServer(...args);
  cleanups.push(server.close);
  return server;
}

describe('deliverMessage', () => {
  it('delivers with stable Message-ID and From object', async () => {
    const server = await smtpServer({ mode: 'plain', authMethods: [] });
    const outcome = await deliverMessage(
      { account: testAccount({ server: `127.0.0.1:${server.port}` }), password: null },
      message(['tech@example.com']),
      { limits: LIMITS },
    );
    expect(outcome.status).toBe('accepted');
    expect(server.messages).toHaveLength(1);
    const raw = server.messages[0]?.raw ?? '';
    expect(raw).toMatch(/^Message-ID: <alarm-42\.ADDA01234F12@pm5\.example\.com>$/m);
    expect(raw).toMatch(/^From: "PM5 \(Meier\/Munich\)" <pm5@example\.com>$/m);
    expect(server.messages[0]?.from).toBe('pm5@example.com');
  });
});
