// Measures the web host as built in out/: start-up time, memory, request latency, settings write latency and
// the delay from an alarm command to its e-mail; then runs scripts/bench-alarms.mjs.
// Usage: npm run bench (builds first). Prints one line per measurement; numbers depend on the machine.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { benchAlarms, startCountingSmtpServer } from './bench-alarms.mjs';

const REQUEST_COUNT = 500;
const WRITE_COUNT = 100;
/** Alarms raised through the web host: each a different alarm, fewer than storm control's 20 e-mails an hour. */
const HOST_ALARMS = [
  ...['ph', 'redox', 'temperature'].flatMap((value) => [
    { kind: 'upper', value },
    { kind: 'lower', value },
  ]),
  ...['ph', 'redox'].flatMap((channel) => [
    { kind: 'levelWarning', channel },
    { kind: 'levelAlarm', channel },
    { kind: 'dosingAlarm', channel },
  ]),
];

function percentile(sorted, fraction) {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))];
}

function summary(label, samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const mean = samples.reduce((sum, value) => sum + value, 0) / samples.length;
  console.log(
    `${label}: n=${samples.length} mean=${mean.toFixed(2)} ms p50=${percentile(sorted, 0.5).toFixed(2)} ms p95=${percentile(sorted, 0.95).toFixed(2)} ms max=${sorted.at(-1).toFixed(2)} ms`,
  );
}

async function startHost(dataDir) {
  const started = performance.now();
  const child = spawn(process.execPath, ['out/main/serve.js', '--port', '0', '--data-dir', dataDir, '--quiet'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const match = /Listening on (\S+)/.exec(output);
      if (match) resolve(match[1]);
    });
    child.on('exit', (code) => reject(new Error(`web host exited with code ${code}`)));
  });
  return { child, url, startMs: performance.now() - started };
}

function rssOf(pid) {
  return import('node:fs/promises')
    .then((fs) => fs.readFile(`/proc/${pid}/status`, 'utf8'))
    .then((status) => Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN) / 1024)
    .catch(() => NaN);
}

async function post(url, name, body) {
  const response = await fetch(`${url}api/${name}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  const reply = await response.json();
  if (!reply.ok) throw new Error(`${name} failed: ${reply.error.message}`);
  return reply.value;
}

async function timed(count, action) {
  const samples = [];
  for (let index = 0; index < count; index++) {
    const started = performance.now();
    await action(index);
    samples.push(performance.now() - started);
  }
  return samples;
}

const dataDir = await mkdtemp(join(tmpdir(), 'kiosk-bench-'));
const { child, url, startMs } = await startHost(dataDir);
try {
  console.log(`node ${process.version}, ${(await import('node:os')).cpus().length} cores`);
  console.log(`web host start-up (spawn to "Listening"): ${startMs.toFixed(0)} ms`);
  console.log(`web host memory after start-up: RSS ${(await rssOf(child.pid)).toFixed(1)} MiB`);

  summary('getSettings over HTTP', await timed(REQUEST_COUNT, () => post(url, 'getSettings', {})));

  const settings = await post(url, 'getSettings', {});
  summary(
    'updateSettings with atomic write (fsync, rename)',
    await timed(WRITE_COUNT, (index) =>
      post(url, 'updateSettings', { section: 'activeEmails', value: { ...settings.activeEmails, alarms: index % 2 === 0 } }),
    ),
  );
  console.log(`web host memory after the requests: RSS ${(await rssOf(child.pid)).toFixed(1)} MiB`);

  const smtp = await startCountingSmtpServer();
  try {
    // The write measurement above left "Alarmes" switched off.
    await post(url, 'updateSettings', { section: 'activeEmails', value: { noFlowSignal: true, alarms: true } });
    const { passwordSet: _flag, ...account } = settings.smtp;
    await post(url, 'updateSettings', { section: 'smtp', value: { ...account, server: `127.0.0.1:${smtp.port}`, security: 'none', userName: '' } });
    summary(
      'alarm command to e-mail accepted by a local SMTP server (web host, outbox, one session each)',
      await timed(HOST_ALARMS.length, async (index) => {
        const before = smtp.state.received;
        let deadline;
        const arrived = new Promise((resolve, reject) => {
          smtp.state.onReceived = () => {
            if (smtp.state.received > before) resolve();
          };
          deadline = setTimeout(() => reject(new Error(`No e-mail arrived within 10 s for alarm ${JSON.stringify(HOST_ALARMS[index])}.`)), 10_000);
        });
        await post(url, 'raiseAlarm', { alarm: HOST_ALARMS[index] });
        await arrived.finally(() => clearTimeout(deadline));
      }),
    );
    console.log(`web host memory after the alarm e-mails: RSS ${(await rssOf(child.pid)).toFixed(1)} MiB`);
  } finally {
    await smtp.close();
  }
} finally {
  // The host writes its outbox while it stops, so the folder is removed only after it exited.
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
  await rm(dataDir, { recursive: true, force: true });
}

await benchAlarms();
