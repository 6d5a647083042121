// Measures the alarm e-mail path in this process: composition time of one alarm e-mail, and the
// outbox's throughput to a local SMTP server on 127.0.0.1 (every e-mail stored with fsync, then
// sent over its own SMTP session). Usage: node scripts/bench-alarms.mjs; scripts/bench.mjs runs it too.
// The TypeScript sources are loaded through Vite's module runner, so no build is needed.
// NOTE: runnerImport is marked experimental in Vite 8.4.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { SMTPServer } from 'smtp-server';
import { runnerImport } from 'vite';

const COMPOSE_COUNT = 3000;
const OUTBOX_COUNT = 200;
const SESSION_COUNT = 50;
/** Time allowed for the outbox run; far above what it needs, so that a stall ends the bench with a message. */
const OUTBOX_DEADLINE_MS = 120_000;
const PROJECT_DIR = fileURLToPath(new URL('..', import.meta.url));

async function load(path) {
  const { module } = await runnerImport(join(PROJECT_DIR, path), { configFile: false, logLevel: 'error' });
  return module;
}

function mib(bytes) {
  return (bytes / 1024 / 1024).toFixed(1);
}

function microsecondSummary(label, samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (fraction) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))] * 1000;
  const mean = (samples.reduce((sum, value) => sum + value, 0) / samples.length) * 1000;
  console.log(
    `${label}: n=${samples.length} mean=${mean.toFixed(1)} µs p50=${at(0.5).toFixed(1)} µs p95=${at(0.95).toFixed(1)} µs max=${(sorted.at(-1) * 1000).toFixed(1)} µs`,
  );
}

/** Starts a plain SMTP server on 127.0.0.1 that counts the messages it accepts without parsing them. */
export async function startCountingSmtpServer() {
  const state = { received: 0, onReceived: () => undefined };
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    authOptional: true,
    logger: false,
    // The reverse DNS lookup of each client would be timed along with the kiosk's own work.
    disableReverseLookup: true,
    onData(stream, _session, callback) {
      stream.resume();
      stream.on('end', () => {
        state.received++;
        state.onReceived();
        callback(null);
      });
    },
  });
  server.on('error', () => undefined);
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  return {
    port: server.server.address().port,
    state,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

async function benchComposition({ composeAlarmEmail }, { createAlarmTranslator }, { defaultSettings }) {
  const t = await createAlarmTranslator();
  const settings = defaultSettings();
  const queue = [
    { kind: 'upper', value: 'ph' },
    { kind: 'levelWarning', channel: 'redox', remainingLitres: 5 },
    { kind: 'dosingAlarm', channel: 'ph' },
    { kind: 'lower', value: 'temperature' },
    { kind: 'noFlow' },
  ].map((alarm, index) => ({
    key: `${alarm.kind}:${index}`,
    alarm,
    status: index === 3 ? 'endedUnacknowledged' : 'active',
    ending: 'condition',
    conditionPresent: index !== 3,
    raisedAt: 0,
    endedAt: null,
  }));
  const languages = ['fr', 'en', 'de'];
  const samples = [];
  for (let index = 0; index < COMPOSE_COUNT; index++) {
    const started = performance.now();
    composeAlarmEmail({
      event: index % 2 === 0 ? 'start' : 'end',
      alarm: queue[index % queue.length].alarm,
      at: new Date(),
      queue,
      measurements: { ph: 8, redox: 674, freeChlorine: null, temperature: 24.6 },
      device: settings.device,
      senderName: settings.smtp.senderName,
      language: languages[index % languages.length],
      t,
    });
    samples.push(performance.now() - started);
  }
  microsecondSummary('alarm e-mail composition (fr/en/de, 5 alarms in the queue)', samples);
}

/** Returns the real clock and timers, with readings that always increase by at least 1 ms. */
function strictlyIncreasingClock() {
  let last = 0;
  return {
    now: () => (last = Math.max(last + 1, Date.now())),
    setTimeout: (callback, ms) => setTimeout(callback, ms),
    clearTimeout: (handle) => clearTimeout(handle),
  };
}

async function benchOutbox({ Outbox }, { defaultSettings }) {
  const smtp = await startCountingSmtpServer();
  const dir = await mkdtemp(join(tmpdir(), 'kiosk-bench-outbox-'));
  const settings = defaultSettings();
  settings.smtp.server = `127.0.0.1:${smtp.port}`;
  const outbox = new Outbox({
    dir,
    sendingSetup: () => ({ config: { account: settings.smtp, password: null }, recipients: ['technicien@example.com'] }),
    deviceSerial: () => settings.device.serialNumber,
    composeSummary: () => ({ subject: 'summary', text: 'summary' }),
    // Storm control would hold all but 20 of them back: the bench measures delivery, not the cap.
    // The clock moves at least 1 ms per reading, so the 1 ms hold-off never matches two e-mails.
    storm: { maxPerWindow: OUTBOX_COUNT + 1, holdOffMs: 1 },
    clock: strictlyIncreasingClock(),
    logger: { info: () => undefined, warn: (message, fields) => console.error(message, fields), error: (message, fields) => console.error(message, fields) },
  });
  try {
    await outbox.start();
    const rssBefore = process.memoryUsage().rss;
    let deadline;
    const allReceived = new Promise((resolve, reject) => {
      smtp.state.onReceived = () => {
        if (smtp.state.received === OUTBOX_COUNT) resolve();
      };
      deadline = setTimeout(
        () => reject(new Error(`Only ${smtp.state.received} of ${OUTBOX_COUNT} e-mails arrived within ${OUTBOX_DEADLINE_MS / 1000} s.`)),
        OUTBOX_DEADLINE_MS,
      );
    });
    const started = performance.now();
    const queued = [];
    for (let index = 0; index < OUTBOX_COUNT; index++) {
      queued.push(
        outbox.enqueue({
          alarm: { kind: 'upper', value: 'ph' },
          event: index % 2 === 0 ? 'start' : 'end',
          at: new Date(),
          subject: `PM5-démo (PM5 (démo)) : Alarme supérieure pH #${index}`,
          text: 'Alarme supérieure pH\n\npH 8.00 [pH]',
        }),
      );
    }
    await Promise.all(queued);
    const storedMs = performance.now() - started;
    await allReceived.finally(() => clearTimeout(deadline));
    const elapsedMs = performance.now() - started;
    const rssAfter = process.memoryUsage().rss;
    console.log(`outbox store before sending (write with fsync, ${OUTBOX_COUNT} e-mails queued at once): ${storedMs.toFixed(0)} ms`);
    console.log(
      `outbox throughput to a local SMTP server (one session per e-mail): ${OUTBOX_COUNT} e-mails in ${elapsedMs.toFixed(0)} ms = ${((OUTBOX_COUNT * 1000) / elapsedMs).toFixed(1)} e-mails/s`,
    );
    console.log(`bench process memory (Vite module runner loaded) around the outbox run: RSS ${mib(rssBefore)} MiB before, ${mib(rssAfter)} MiB after`);
  } finally {
    await outbox.stop();
    await smtp.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/** Times SMTP sessions alone, one after the other, for comparison with the outbox: no file is written. */
async function benchSessions({ deliverMessage }, { defaultSettings }) {
  const smtp = await startCountingSmtpServer();
  const settings = defaultSettings();
  settings.smtp.server = `127.0.0.1:${smtp.port}`;
  const samples = [];
  try {
    for (let index = 0; index < SESSION_COUNT; index++) {
      const started = performance.now();
      const outcome = await deliverMessage(
        { account: settings.smtp, password: null },
        { messageId: `<bench-${index}@bench.invalid>`, date: new Date(), subject: 'Alarme supérieure pH', text: 'pH 8.00 [pH]', to: ['technicien@example.com'] },
      );
      if (outcome.status !== 'accepted') throw new Error(`Session ${index} failed: ${JSON.stringify(outcome)}`);
      samples.push(performance.now() - started);
    }
  } finally {
    await smtp.close();
  }
  const sorted = [...samples].sort((a, b) => a - b);
  const mean = samples.reduce((sum, value) => sum + value, 0) / samples.length;
  console.log(
    `one SMTP session to a local server (connect to QUIT, no outbox): n=${samples.length} mean=${mean.toFixed(2)} ms p50=${sorted[Math.floor(sorted.length / 2)].toFixed(2)} ms max=${sorted.at(-1).toFixed(2)} ms`,
  );
}

/** Runs the measurements and prints one line per measurement. */
export async function benchAlarms() {
  const [email, services, outbox, deliver, settings] = await Promise.all([
    load('shared/alarm-email.ts'),
    load('electron/device/device-services.ts'),
    load('electron/outbox/outbox.ts'),
    load('electron/mail/deliver.ts'),
    load('shared/settings.ts'),
  ]);
  await benchComposition(email, services, settings);
  await benchSessions(deliver, settings);
  await benchOutbox(outbox, settings);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  console.log(`node ${process.version}, ${(await import('node:os')).cpus().length} cores`);
  await benchAlarms();
}
