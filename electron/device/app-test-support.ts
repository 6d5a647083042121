import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import type { EventName, EventPayloads } from '../../shared/contract';
import { defaultSettings, type SettingsFile } from '../../shared/settings';
import { createApp, type App, type AppOptions } from '../app-core';
import { createMemoryLogger } from '../logger';
import { createKeyFileCipher } from '../settings/secret-cipher';
import { SETTINGS_FILE } from '../settings/settings-store';

/** Short SMTP time limits, so that a test against a closed port fails over in well under a second. */
export const TEST_SMTP_LIMITS = { dnsMs: 1000, connectMs: 1000, tlsMs: 1000, greetingMs: 1000, socketMs: 2000, attemptMs: 5000, probeMs: 500 };

export interface ReceivedEmail {
  envelopeTo: string[];
  subject: string;
  text: string;
  /** The header block as received. */
  rawHeader: string;
}

/** Collects cleanup steps and runs them in reverse order. */
export class Cleanups {
  private readonly steps: (() => Promise<unknown>)[] = [];

  add(step: () => Promise<unknown>): void {
    this.steps.push(step);
  }

  async run(): Promise<void> {
    for (const step of this.steps.splice(0).reverse()) await step();
  }
}

/** Starts a plain SMTP server on 127.0.0.1 (no STARTTLS, no login) that records each message. */
export async function startRecordingSmtpServer(cleanups: Cleanups, port = 0): Promise<{ port: number; received: ReceivedEmail[] }> {
  const received: ReceivedEmail[] = [];
  const server = new SMTPServer({
    // A reverse lookup of the client would send a DNS query to the system's resolver, off this machine.
    disableReverseLookup: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    authOptional: true,
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        simpleParser(raw).then(
          (parsed) => {
            received.push({
              envelopeTo: session.envelope.rcptTo.map((recipient) => recipient.address),
              subject: parsed.subject ?? '',
              text: parsed.text ?? '',
              rawHeader: raw.toString('utf8').split('\r\n\r\n')[0] ?? '',
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
  cleanups.add(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return { port: (server.server.address() as net.AddressInfo).port, received };
}

/** Returns a loopback port that nothing listens on. */
export async function closedPort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', () => resolve()));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

/** Settings that send to a local SMTP server on `port`, demo mode on. */
export function localSettings(port: number): SettingsFile {
  const settings = defaultSettings();
  settings.smtp.server = `127.0.0.1:${port}`;
  return settings;
}

/**
 * Creates the main side in a temporary data folder, with `settings` written as settings.json
 * first, and records every published event. The demo SMTP server gets a system-chosen port.
 */
export async function startTestApp(cleanups: Cleanups, settings: SettingsFile, tuning: AppOptions['deviceTuning'] = {}) {
  const dataDir = await mkdtemp(join(tmpdir(), 'device-app-'));
  cleanups.add(() => rm(dataDir, { recursive: true, force: true }));
  await writeFile(join(dataDir, SETTINGS_FILE), JSON.stringify(settings));
  const logger = createMemoryLogger();
  const app: App = await createApp({
    dataDir,
    cipher: createKeyFileCipher(dataDir),
    logger,
    demoSmtpPort: 0,
    deviceTuning: { deliverOptions: { limits: TEST_SMTP_LIMITS }, ...tuning },
  });
  cleanups.add(() => app.stop());
  const published: { event: EventName; payload: unknown }[] = [];
  app.services.events.subscribe((event, payload) => published.push({ event, payload }));

  /** Sends one request; throws with the error message if it is not served. */
  async function call<T = unknown>(name: string, input: unknown = {}): Promise<T> {
    const reply = await app.dispatch(name, input);
    if (!reply.ok) throw new Error(`${name} failed: ${reply.error.kind}: ${reply.error.message}`);
    return reply.value as T;
  }
  function eventsOf<Name extends EventName>(name: Name): EventPayloads[Name][] {
    return published.filter((entry) => entry.event === name).map((entry) => entry.payload as EventPayloads[Name]);
  }
  return { app, dataDir, logger, call, published, eventsOf };
}

export async function waitFor(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
