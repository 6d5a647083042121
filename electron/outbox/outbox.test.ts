import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Alarm } from '../../shared/device-state';
import type { SmtpFailure } from '../../shared/mail-result';
import { defaultSettings } from '../../shared/settings';
import { createMemoryLogger } from '../logger';
import type { DeliveryOutcome, OutgoingMessage, SmtpConfig } from '../mail/deliver';
import { MESSAGES_FOLDER } from './outbox-store';
import { messageIdHost, Outbox, type DeliverFunction, type OutboxOptions } from './outbox';

const CONFIG: SmtpConfig = { account: defaultSettings().smtp, password: null };
const FAST_RETRY = { baseMs: 20, maxMs: 80, jitter: 0 };
const PH_UPPER: Alarm = { kind: 'upper', value: 'ph' };

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'outbox-test-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

const ACCEPT: DeliveryOutcome = { status: 'accepted', accepted: ['technicien@example.com'], rejected: [], response: '250 OK' };

function failure(diagnosis: SmtpFailure['diagnosis'], deviceCode: SmtpFailure['deviceCode']): SmtpFailure {
  return { step: 'connect', deviceCode, diagnosis, elapsedMs: 1 };
}
const REFUSED: DeliveryOutcome = { status: 'temporary', failure: failure('connectionRefused', "can't connect to server!") };
const AUTH_FAILED: DeliveryOutcome = {
  status: 'permanent',
  failure: { ...failure('authFailed', 'SMTP_from fail'), step: 'auth', serverReply: '535 5.7.8 Authentication failed' },
};

/** Returns a deliver function that returns scripted outcomes (the last one repeats) and records each call. */
function scriptedDeliver(outcomes: DeliveryOutcome[]) {
  const calls: { config: SmtpConfig; message: OutgoingMessage; at: number }[] = [];
  let active = 0;
  let maxActive = 0;
  const deliver: DeliverFunction = async (config, message) => {
    active++;
    maxActive = Math.max(maxActive, active);
    calls.push({ config, message, at: Date.now() });
    await new Promise((resolve) => setTimeout(resolve, 2));
    active--;
    return outcomes[Math.min(calls.length - 1, outcomes.length - 1)]!;
  };
  return { deliver, calls, maxActive: () => maxActive };
}

async function startOutbox(overrides: Partial<OutboxOptions> & Pick<OutboxOptions, 'dir'>): Promise<Outbox> {
  const outbox = new Outbox({
    sendingSetup: () => ({ config: CONFIG, recipients: ['technicien@example.com'] }),
    deviceSerial: () => 'ADDA01234F12',
    composeSummary: (request) => ({
      subject: 'summary',
      text: request.held.map((item) => `${item.count} ${item.event} ${item.alarm.kind}`).join('\n'),
    }),
    retry: FAST_RETRY,
    ...overrides,
  });
  await outbox.start();
  cleanups.push(() => outbox.stop({ abort: true }));
  return outbox;
}

function alarmEmail(alarm: Alarm = PH_UPPER, event: 'start' | 'end' = 'start') {
  return { alarm, event, at: new Date(2012, 8, 7, 9, 41), subject: `${event} ${alarm.kind}`, text: 'body' };
}

async function waitFor(condition: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('Outbox delivery', () => {
  it('stores each e-mail before sending', async () => {
    const dir = await tempDir();
    const seen: { status: string; attemptInProgress: boolean }[] = [];
    const outbox = await startOutbox({
      dir,
      deliver: async (_config, message) => {
        const files = await readdir(join(dir, MESSAGES_FOLDER));
        for (const file of files) {
          const stored = JSON.parse(await readFile(join(dir, MESSAGES_FOLDER, file), 'utf8'));
          if (stored.entry.messageId === message.messageId) seen.push({ status: stored.entry.status, attemptInProgress: stored.attemptInProgress });
        }
        return ACCEPT;
      },
    });

    const result = await outbox.enqueue(alarmEmail());
    await waitFor(() => outbox.list()[0]?.status === 'accepted', 'acceptance');
    const stored = JSON.parse(await readFile(join(dir, MESSAGES_FOLDER, `${outbox.list()[0]!.id}.json`), 'utf8'));

    expect(result.status).toBe('queued');
    expect(seen).toEqual([{ status: 'pending', attemptInProgress: true }]);
    expect(stored.entry.status).toBe('accepted');
    expect(stored.attemptInProgress).toBe(false);
  });

  it('sends one message to all active recipients', async () => {
    const dir = await tempDir();
    const script = scriptedDeliver([ACCEPT]);
    let recipients = ['a@example.com'];
    const outbox = await startOutbox({ dir, deliver: script.deliver, sendingSetup: () => ({ config: CONFIG, recipients }) });
    recipients = [' b@example.com ', 'c@example.com', '', 'b@example.com'];

    await outbox.enqueue(alarmEmail());
    await waitFor(() => script.calls.length === 1, 'one delivery');
    const [call] = script.calls;

    expect(call?.message.to).toEqual(['b@example.com', 'c@example.com']);
    expect(call?.message.subject).toBe('start upper');
    expect(call?.message.date.getTime()).toBe(new Date(2012, 8, 7, 9, 41).getTime());
    expect(call?.message.messageId).toMatch(/^<[0-9a-f-]{36}@adda01234f12\.poolmanager\.invalid>$/);
  });

  it('retries temporary failures with back-off', async () => {
    const dir = await tempDir();
    const script = scriptedDeliver([REFUSED, REFUSED, REFUSED, ACCEPT]);
    const outbox = await startOutbox({ dir, deliver: script.deliver });

    await outbox.enqueue(alarmEmail());
    await waitFor(() => outbox.list()[0]?.status === 'accepted', 'acceptance after retries');
    const gaps = script.calls.slice(1).map((call, index) => call.at - script.calls[index]!.at);

    expect(script.calls).toHaveLength(4);
    expect(gaps[0]).toBeGreaterThanOrEqual(FAST_RETRY.baseMs - 2);
    expect(gaps[1]).toBeGreaterThanOrEqual(2 * FAST_RETRY.baseMs - 2);
    expect(gaps[2]).toBeGreaterThanOrEqual(4 * FAST_RETRY.baseMs - 2);
    expect(new Set(script.calls.map((call) => call.message.messageId)).size).toBe(1);
    const journal = outbox.journal();
    expect(journal.map((entry) => entry.result.outcome)).toEqual(['accepted', 'temporary', 'temporary', 'temporary']);
    expect(journal.map((entry) => entry.attempt)).toEqual([4, 3, 2, 1]);
    expect(journal[1]?.result.deviceCode).toBe("can't connect to server!");
    expect(journal[1]?.nextAttemptAt).toBeGreaterThan(journal[1]!.at);
  });

  it('delivers one at a time in order', async () => {
    const dir = await tempDir();
    const script = scriptedDeliver([ACCEPT]);
    const outbox = await startOutbox({ dir, deliver: script.deliver });
    const alarms: Alarm[] = [PH_UPPER, { kind: 'lower', value: 'redox' }, { kind: 'noFlow' }, { kind: 'upper', value: 'temperature' }];

    await Promise.all(alarms.map((alarm) => outbox.enqueue(alarmEmail(alarm))));
    await waitFor(() => outbox.list().every((entry) => entry.status === 'accepted'), 'all accepted');

    expect(script.maxActive()).toBe(1);
    expect(script.calls.map((call) => call.message.subject)).toEqual(alarms.map((alarm) => `start ${alarm.kind}`));
  });

  it('keeps permanent failures and moves on', async () => {
    const dir = await tempDir();
    const script = scriptedDeliver([AUTH_FAILED, ACCEPT]);
    const outbox = await startOutbox({ dir, deliver: script.deliver });

    await outbox.enqueue(alarmEmail(PH_UPPER));
    await outbox.enqueue(alarmEmail({ kind: 'noFlow' }));
    await waitFor(() => outbox.pendingCount() === 0, 'no pending e-mail');
    const [failed, accepted] = outbox.list();

    expect(failed?.status).toBe('failed');
    expect(failed?.lastResult).toMatchObject({
      outcome: 'permanent',
      deviceCode: 'SMTP_from fail',
      diagnosis: 'authFailed',
      serverReply: '535 5.7.8 Authentication failed',
    });
    expect(accepted?.status).toBe('accepted');
    expect(script.calls).toHaveLength(2);
  });

  it('requeues a failed e-mail', async () => {
    const dir = await tempDir();
    const script = scriptedDeliver([AUTH_FAILED, ACCEPT]);
    const outbox = await startOutbox({ dir, deliver: script.deliver });
    await outbox.enqueue(alarmEmail());
    await waitFor(() => outbox.list()[0]?.status === 'failed', 'failure');

    expect(await outbox.requeue(outbox.list()[0]!.id)).toBe(true);
    await waitFor(() => outbox.list()[0]?.status === 'accepted', 'acceptance');

    expect(script.calls.map((call) => call.message.messageId)).toEqual([outbox.list()[0]!.messageId, outbox.list()[0]!.messageId]);
    expect(await outbox.requeue(outbox.list()[0]!.id)).toBe(false);
    expect(await outbox.requeue('unknown')).toBe(false);
  });

  it('fails without active recipients', async () => {
    const dir = await tempDir();
    const script = scriptedDeliver([ACCEPT]);
    const outbox = await startOutbox({ dir, deliver: script.deliver, sendingSetup: () => ({ config: CONFIG, recipients: [' '] }) });

    await outbox.enqueue(alarmEmail());
    await waitFor(() => outbox.list()[0]?.status === 'failed', 'failure');

    expect(script.calls).toEqual([]);
    expect(outbox.list()[0]?.lastResult).toMatchObject({ outcome: 'permanent', diagnosis: 'noRecipient', deviceCode: 'SMTP_rcpt fail' });
  });

  it('marks a partly refused e-mail accepted', async () => {
    const dir = await tempDir();
    const partly: DeliveryOutcome = {
      status: 'accepted',
      accepted: ['a@example.com'],
      rejected: [{ address: 'b@example.com', reply: '550 5.1.1 No such user' }],
      response: '250 OK',
    };
    const outbox = await startOutbox({ dir, deliver: scriptedDeliver([partly]).deliver });

    await outbox.enqueue(alarmEmail());
    await waitFor(() => outbox.list()[0]?.status === 'accepted', 'acceptance');

    expect(outbox.journal()[0]?.result).toMatchObject({
      outcome: 'accepted',
      deviceCode: 'SMTP_rcpt fail',
      rejected: [{ address: 'b@example.com', reply: '550 5.1.1 No such user' }],
    });
  });

  it('keeps pending when settings are unreadable', async () => {
    const dir = await tempDir();
    const logger = createMemoryLogger();
    let broken = true;
    const script = scriptedDeliver([ACCEPT]);
    const outbox = await startOutbox({
      dir,
      logger,
      deliver: script.deliver,
      sendingSetup: () => {
        if (broken) throw new Error('password cannot be decrypted');
        return { config: CONFIG, recipients: ['a@example.com'] };
      },
    });

    await outbox.enqueue(alarmEmail());
    await waitFor(() => outbox.journal().length >= 2, 'two attempts');

    expect(outbox.list()[0]?.status).toBe('pending');
    expect(outbox.journal()[0]?.result.detail).toContain('password cannot be decrypted');
    expect(logger.lines.some((line) => line.startsWith('error SMTP settings unreadable'))).toBe(true);

    broken = false;
    await waitFor(() => outbox.list()[0]?.status === 'accepted', 'acceptance');
  });

  it('marks failed when deliver throws', async () => {
    const dir = await tempDir();
    const outbox = await startOutbox({
      dir,
      deliver: async () => {
        throw new TypeError('Invalid Message-ID');
      },
    });

    await outbox.enqueue(alarmEmail());
    await waitFor(() => outbox.list()[0]?.status === 'failed', 'failure');

    expect(outbox.list()[0]?.lastResult?.detail).toContain('Invalid Message-ID');
  });

  it('retryNow skips the back-off', async () => {
    const dir = await tempDir();
    const script = scriptedDeliver([REFUSED, ACCEPT]);
    const outbox = await startOutbox({ dir, deliver: script.deliver, retry: { baseMs: 60_000, maxMs: 60_000, jitter: 0 } });
    await outbox.enqueue(alarmEmail());
    await waitFor(() => script.calls.length === 1 && outbox.journal().length === 1, 'first failure');

    expect(outbox.list()[0]?.nextAttemptAt).toBeGreaterThan(Date.now() + 50_000);

    outbox.retryNow();
    await waitFor(() => outbox.list()[0]?.status === 'accepted', 'acceptance');

    expect(script.calls).toHaveLength(2);
  });

  it('rejects enqueue when not running', async () => {
    const dir = await tempDir();
    const outbox = new Outbox({
      dir,
      sendingSetup: () => ({ config: CONFIG, recipients: [] }),
      deviceSerial: () => 'ADDA01234F12',
      composeSummary: () => ({ subject: '', text: '' }),
    });

    await expect(outbox.enqueue(alarmEmail())).rejects.toThrow(/outbox is not running: call start\(\)/);
  });

  it('emits changes and journal', async () => {
    const dir = await tempDir();
    const outbox = await startOutbox({ dir, deliver: scriptedDeliver([ACCEPT]).deliver });
    const changes: string[][] = [];
    const journals: number[] = [];
    outbox.on('changed', (list) => changes.push(list.map((entry) => entry.status)));
    outbox.on('journal', (journal) => journals.push(journal.length));

    await outbox.enqueue(alarmEmail());
    await waitFor(() => journals.length === 1, 'journal event');

    expect(changes[0]).toEqual(['pending']);
    expect(changes.at(-1)).toEqual(['accepted']);
    expect(journals).toEqual([1]);
  });

  it('bounds journal and accepted list', async () => {
    const dir = await tempDir();
    const outbox = await startOutbox({ dir, deliver: scriptedDeliver([ACCEPT]).deliver, journalSize: 3, keptAccepted: 2 });
    const alarms: Alarm[] = [
      PH_UPPER,
      { kind: 'lower', value: 'ph' },
      { kind: 'upper', value: 'redox' },
      { kind: 'lower', value: 'redox' },
      { kind: 'noFlow' },
    ];

    for (const alarm of alarms) await outbox.enqueue(alarmEmail(alarm));
    await waitFor(() => outbox.journal().length === 3 && outbox.pendingCount() === 0, 'all sent');
    await waitFor(() => outbox.list().length === 2, 'pruning');
    await outbox.stop();

    expect(outbox.journal().map((entry) => entry.subject)).toEqual(['start noFlow', 'start lower', 'start upper']);
    expect(outbox.list().map((entry) => entry.subject)).toEqual(['start lower', 'start noFlow']);
    expect(await readdir(join(dir, MESSAGES_FOLDER))).toHaveLength(2);
    const journalFile = JSON.parse(await readFile(join(dir, 'journal.json'), 'utf8'));
    expect(journalFile.entries).toHaveLength(3);
  });
});

describe('Outbox restart', () => {
  it('resends pending e-mails after a restart', async () => {
    const dir = await tempDir();
    const first = await startOutbox({ dir, deliver: scriptedDeliver([REFUSED]).deliver, retry: { baseMs: 60_000, maxMs: 60_000, jitter: 0 } });
    await first.enqueue(alarmEmail(PH_UPPER));
    await first.enqueue(alarmEmail({ kind: 'noFlow' }));
    await waitFor(() => first.journal().length === 1, 'first failure');
    await first.stop();
    const messageIds = first.list().map((entry) => entry.messageId);

    const script = scriptedDeliver([ACCEPT]);
    const second = await startOutbox({ dir, deliver: script.deliver });
    await waitFor(() => second.pendingCount() === 0, 'all sent');

    expect(script.calls.map((call) => call.message.messageId)).toEqual(messageIds);
    expect(second.list().map((entry) => entry.attempts)).toEqual([2, 1]);
    expect(second.journal().map((entry) => entry.result.outcome)).toEqual(['accepted', 'accepted', 'temporary']);
  });

  it('never resends an accepted e-mail', async () => {
    const dir = await tempDir();
    const first = await startOutbox({ dir, deliver: scriptedDeliver([ACCEPT]).deliver });
    await first.enqueue(alarmEmail());
    await waitFor(() => first.pendingCount() === 0, 'sent');
    await first.stop();

    const script = scriptedDeliver([ACCEPT]);
    const second = await startOutbox({ dir, deliver: script.deliver });
    await new Promise((resolve) => setTimeout(resolve, 100));

    expect(script.calls).toEqual([]);
    expect(second.list().map((entry) => entry.status)).toEqual(['accepted']);
  });

  it('records an attempt cut short', async () => {
    const dir = await tempDir();
    let release: (outcome: DeliveryOutcome) => void = () => undefined;
    const hanging = await startOutbox({
      dir,
      deliver: () => new Promise<DeliveryOutcome>((resolve) => (release = resolve)),
    });
    await hanging.enqueue(alarmEmail());
    await waitFor(() => hanging.list()[0]?.attempts === 1, 'attempt started');

    // A second instance on the same folder reads the file as a crash would leave it.
    const script = scriptedDeliver([ACCEPT]);
    const restarted = await startOutbox({ dir, deliver: script.deliver });
    await waitFor(() => restarted.pendingCount() === 0, 'sent after restart');
    release(REFUSED);

    expect(restarted.journal().map((entry) => entry.result.outcome)).toEqual(['accepted', 'interrupted']);
    expect(restarted.journal()[1]?.result.detail).toMatch(/may have received/);
    expect(script.calls).toHaveLength(1);
  });

  it('sets an unreadable message aside', async () => {
    const dir = await tempDir();
    const logger = createMemoryLogger();
    const first = await startOutbox({ dir, deliver: scriptedDeliver([ACCEPT]).deliver });
    await first.stop();
    await writeFile(join(dir, MESSAGES_FOLDER, 'broken.json'), '{"version":1,"entry":');
    await writeFile(join(dir, MESSAGES_FOLDER, 'x.json.123'), 'partial temporary file');

    const second = await startOutbox({ dir, logger, deliver: scriptedDeliver([ACCEPT]).deliver });
    const files = await readdir(join(dir, MESSAGES_FOLDER));

    expect(second.list()).toEqual([]);
    expect(files.some((file) => file.startsWith('broken.json.corrupt-'))).toBe(true);
    expect(existsSync(join(dir, MESSAGES_FOLDER, 'broken.json'))).toBe(false);
    expect(logger.lines.some((line) => line.startsWith('error unreadable outbox file set aside'))).toBe(true);
  });

  it('stop waits for the attempt in progress', async () => {
    const dir = await tempDir();
    let release: (outcome: DeliveryOutcome) => void = () => undefined;
    const outbox = await startOutbox({ dir, deliver: () => new Promise<DeliveryOutcome>((resolve) => (release = resolve)) });
    await outbox.enqueue(alarmEmail());
    await waitFor(() => outbox.list()[0]?.attempts === 1, 'attempt started');

    let stopped = false;
    const stopping = outbox.stop().then(() => (stopped = true));
    await new Promise((resolve) => setTimeout(resolve, 30));

    expect(stopped).toBe(false);

    release(ACCEPT);
    await stopping;

    expect(outbox.list()[0]?.status).toBe('accepted');
  });
});

describe('Outbox storm control', () => {
  it('holds back repeats and sends a summary', async () => {
    const dir = await tempDir();
    const script = scriptedDeliver([ACCEPT]);
    const outbox = await startOutbox({
      dir,
      deliver: script.deliver,
      storm: { maxPerWindow: 3, windowMs: 60_000, holdOffMs: 60_000, summaryDelayMs: 200 },
    });

    const results = [];
    for (let i = 0; i < 10; i++) results.push(await outbox.enqueue(alarmEmail(PH_UPPER, i % 2 === 0 ? 'start' : 'end')));
    results.push(await outbox.enqueue(alarmEmail({ kind: 'noFlow' })));
    results.push(await outbox.enqueue(alarmEmail({ kind: 'upper', value: 'redox' })));
    await waitFor(() => outbox.list().some((entry) => entry.kind === 'summary' && entry.status === 'accepted'), 'summary');

    expect(results.map((result) => (result.status === 'queued' ? 'queued' : result.reason))).toEqual([
      'queued',
      'queued',
      ...Array(8).fill('holdOff'),
      'queued',
      'cap',
    ]);
    expect(script.calls.map((call) => call.message.subject)).toEqual(['start upper', 'end upper', 'start noFlow', 'summary']);
    expect(script.calls[3]?.message.text).toBe('4 start upper\n4 end upper\n1 start upper');
  });

  it('keeps held counts across a restart', async () => {
    const dir = await tempDir();
    const storm = { maxPerWindow: 20, windowMs: 60_000, holdOffMs: 60_000, summaryDelayMs: 150 };
    const first = await startOutbox({ dir, deliver: scriptedDeliver([ACCEPT]).deliver, storm: { ...storm, summaryDelayMs: 60_000 } });
    await first.enqueue(alarmEmail());
    await first.enqueue(alarmEmail());
    await first.enqueue(alarmEmail());
    await first.stop();

    const script = scriptedDeliver([ACCEPT]);
    const second = await startOutbox({ dir, deliver: script.deliver, storm });
    const repeated = await second.enqueue(alarmEmail());
    await waitFor(() => script.calls.some((call) => call.message.subject === 'summary'), 'summary');

    expect(repeated).toEqual({ status: 'heldBack', reason: 'holdOff' });
    expect(script.calls.find((call) => call.message.subject === 'summary')?.message.text).toBe('3 start upper');
  });
});

describe('messageIdHost', () => {
  it('uses the serial number', () => {
    expect(messageIdHost('ADDA01234F12')).toBe('adda01234f12.poolmanager.invalid');
    expect(messageIdHost('')).toBe('device.poolmanager.invalid');
    expect(messageIdHost('A B/C')).toBe('abc.poolmanager.invalid');
  });
});
