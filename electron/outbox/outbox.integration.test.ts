import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import i18next from 'i18next';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { composeAlarmEmail } from '../../shared/alarm-email';
import { deviceAlarms } from '../../shared/alarms';
import type { Alarm } from '../../shared/device-state';
import { i18nResources } from '../../shared/i18n';
import { defaultSettings, type SettingsFile } from '../../shared/settings';
import { createTestSimulator } from '../device/test-support';
import { activeRecipientAddresses, connectAlarmEmails, createSummaryComposer } from './alarm-emails';
import { Outbox, type EnqueueResult, type OutboxOptions } from './outbox';

const LIMITS = { dnsMs: 1000, connectMs: 1000, tlsMs: 1000, greetingMs: 1000, socketMs: 2000, attemptMs: 5000, probeMs: 500 };

const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.init({ resources: i18nResources(), lng: 'fr', fallbackLng: false, defaultNS: 'ui' });
});

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

interface Received {
  envelopeTo: string[];
  messageId: string;
  subject: string;
  text: string;
}

/** Starts a plain SMTP server on 127.0.0.1 that records every message and the most connections open at once. */
async function startSmtpServer(port = 0) {
  const received: Received[] = [];
  const state = { open: 0, maxOpen: 0 };
  const server = new SMTPServer({
    // A reverse lookup of the client would send a DNS query to the system's resolver, off this machine.
    disableReverseLookup: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    authOptional: true,
    logger: false,
    onConnect(_session, callback) {
      state.open++;
      state.maxOpen = Math.max(state.maxOpen, state.open);
      callback();
    },
    onClose() {
      state.open--;
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        simpleParser(Buffer.concat(chunks)).then(
          (parsed) => {
            received.push({
              envelopeTo: session.envelope.rcptTo.map((recipient) => recipient.address),
              messageId: parsed.messageId ?? '',
              subject: parsed.subject ?? '',
              text: parsed.text ?? '',
            });
            callback(null);
          },
          (error: Error) => callback(error),
        );
      });
    },
  });
  server.on('error', () => undefined);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const address = server.server.address() as net.AddressInfo;
  const close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  cleanups.push(close);
  return { port: address.port, received, state };
}

/** Returns a loopback port that nothing listens on. */
async function closedPort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', () => resolve()));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'outbox-integration-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

function kioskSettings(port: number): SettingsFile {
  const settings = defaultSettings();
  settings.smtp.server = `127.0.0.1:${port}`;
  settings.recipients = [
    { address: 'technicien@example.com', active: true },
    { address: 'inactif@example.com', active: false },
    { address: 'piscine@example.com', active: true },
  ];
  return settings;
}

function outboxOptions(dir: string, settings: SettingsFile, extra: Partial<OutboxOptions> & Pick<OutboxOptions, 'composeSummary'>): OutboxOptions {
  return {
    dir,
    sendingSetup: () => ({ config: { account: settings.smtp, password: null }, recipients: activeRecipientAddresses(settings.recipients) }),
    deviceSerial: () => settings.device.serialNumber,
    deliverOptions: { limits: LIMITS },
    retry: { baseMs: 50, maxMs: 200 },
    ...extra,
  };
}

async function waitFor(condition: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('outbox with a real SMTP server', () => {
  it('delivers each e-mail once across a restart', async () => {
    const dir = await tempDir();
    const port = await closedPort();
    const settings = kioskSettings(port);
    const { simulator } = createTestSimulator({ type: 'cl', flowAcknowledgement: 'automatic' });
    const wiring = { simulator, settings: () => settings, t: i18n.t };

    const first = new Outbox(outboxOptions(dir, settings, { composeSummary: createSummaryComposer(wiring) }));
    await first.start();
    cleanups.push(() => first.stop({ abort: true }));
    const disconnect = connectAlarmEmails({ ...wiring, outbox: first });

    simulator.raiseAlarm({ kind: 'upper', value: 'ph' });
    simulator.raiseAlarm({ kind: 'levelWarning', channel: 'redox', remainingLitres: 5 });
    simulator.cutFlow();
    simulator.restoreFlow();
    simulator.raiseAlarm({ kind: 'dosingAlarm', channel: 'ph' });
    simulator.acknowledge('dosingAlarm:ph');
    simulator.endAlarm({ kind: 'upper', value: 'ph' });
    await waitFor(() => first.list().length === 7, 'seven queued e-mails');
    await waitFor(() => first.journal().filter((entry) => entry.result.outcome === 'temporary').length >= 2, 'two failed attempts');

    disconnect();
    await first.stop();
    const queued = first.list();
    expect(queued.every((entry) => entry.status === 'pending')).toBe(true);
    expect(first.journal()[0]?.result).toMatchObject({ outcome: 'temporary', deviceCode: "can't connect to server!" });

    const server = await startSmtpServer(port);
    const second = new Outbox(outboxOptions(dir, settings, { composeSummary: createSummaryComposer(wiring) }));
    await second.start();
    cleanups.push(() => second.stop({ abort: true }));
    await waitFor(() => second.pendingCount() === 0, 'outbox drained');
    await new Promise((resolve) => setTimeout(resolve, 300));

    expect(server.received.map((message) => message.messageId).sort()).toEqual(queued.map((entry) => entry.messageId).sort());
    expect(new Set(server.received.map((message) => message.messageId)).size).toBe(7);
    expect(server.state.maxOpen).toBe(1);
    expect(second.list().every((entry) => entry.status === 'accepted')).toBe(true);
    expect(server.received.map((message) => message.subject)).toEqual([
      'PM5-démo (PM5 (démo)) : Alarme supérieure pH',
      'PM5-démo (PM5 (démo)) : Avertissement de niveau rédox (5.0 l)',
      'PM5-démo (PM5 (démo)) : Aucun signal de débit',
      'PM5-démo (PM5 (démo)) : Fin Aucun signal de débit',
      'PM5-démo (PM5 (démo)) : Alarme de dosage pH',
      'PM5-démo (PM5 (démo)) : Fin Alarme de dosage pH',
      'PM5-démo (PM5 (démo)) : Fin Alarme supérieure pH',
    ]);
    for (const message of server.received) {
      expect(message.envelopeTo).toEqual(['technicien@example.com', 'piscine@example.com']);
    }

    const warning = server.received[1]!;
    const expected = composeAlarmEmail({
      event: 'start',
      alarm: { kind: 'levelWarning', channel: 'redox', remainingLitres: 5 },
      at: new Date(queued[1]!.createdAt),
      queue: [
        { key: 'upper:ph', alarm: { kind: 'upper', value: 'ph' }, status: 'active', ending: 'condition', conditionPresent: true, raisedAt: 0, endedAt: null },
        {
          key: 'levelWarning:redox',
          alarm: { kind: 'levelWarning', channel: 'redox', remainingLitres: 5 },
          status: 'active',
          ending: 'condition',
          conditionPresent: true,
          raisedAt: 0,
          endedAt: null,
        },
      ],
      measurements: { ph: 8, redox: 750, freeChlorine: null, temperature: 26 },
      device: settings.device,
      senderName: settings.smtp.senderName,
      language: 'fr',
      t: i18n.t,
    });
    expect(warning.text.trimEnd()).toBe(expected.text);
    expect(server.received[2]?.text).not.toContain('[pH]');
  });

  it('caps an alarm storm and sends a summary', async () => {
    const dir = await tempDir();
    const server = await startSmtpServer();
    const settings = kioskSettings(server.port);
    settings.device.type = 'pro';
    const { simulator } = createTestSimulator({ type: 'pro', flowAcknowledgement: 'automatic' });
    const wiring = { simulator, settings: () => settings, t: i18n.t };
    const storm = { maxPerWindow: 20, windowMs: 3_600_000, holdOffMs: 300_000, summaryDelayMs: 1_000 };
    const outbox = new Outbox(outboxOptions(dir, settings, { composeSummary: createSummaryComposer(wiring), storm }));
    await outbox.start();
    cleanups.push(() => outbox.stop({ abort: true }));

    const results: Promise<EnqueueResult>[] = [];
    connectAlarmEmails({
      ...wiring,
      outbox: {
        enqueue(request) {
          const result = outbox.enqueue(request);
          results.push(result);
          return result;
        },
      },
    });
    const alarms: Alarm[] = deviceAlarms('pro').filter((alarm) => alarm.kind !== 'dosingAlarm' && alarm.kind !== 'noFlow');
    const active = new Set<number>();
    for (let step = 0; results.length < 1000; step++) {
      const index = step % alarms.length;
      if (active.has(index)) {
        simulator.endAlarm(alarms[index]!);
        simulator.acknowledgeAll();
        active.delete(index);
      } else {
        simulator.raiseAlarm(alarms[index]!);
        active.add(index);
      }
    }
    const started = Date.now();
    const outcomes = await Promise.all(results);
    const queued = outcomes.filter((outcome) => outcome.status === 'queued').length;
    const heldBack = outcomes.length - queued;

    expect(outcomes.length).toBeGreaterThanOrEqual(1000);
    expect(queued).toBe(20);

    await waitFor(() => server.received.some((message) => message.subject.endsWith("E-mails d'alarme retenus")), 'summary');
    await waitFor(() => outbox.pendingCount() === 0, 'outbox drained');
    await new Promise((resolve) => setTimeout(resolve, 300));

    expect(Date.now() - started).toBeLessThan(storm.summaryDelayMs + 10_000);
    expect(server.received).toHaveLength(21);
    expect(server.state.maxOpen).toBe(1);
    const summary = server.received.at(-1)!;
    expect(summary.subject).toBe("PM5-démo (PM5 (démo)) : E-mails d'alarme retenus");
    expect(summary.text).toContain(`\n${heldBack} e-mails d'alarme retenus depuis le `);
    const counted = [...summary.text.matchAll(/^(\d+) × /gm)].reduce((sum, match) => sum + Number(match[1]), 0);
    expect(counted).toBe(heldBack);
    expect(summary.text).toContain("Limites : 20 e-mails d'alarme en 60 min ; le même événement d'une alarme au plus une fois en 5 min.");
    expect(summary.text).toContain('\nBAYROL PoolManager PRO\n');
  });
});
