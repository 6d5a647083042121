import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import nodemailer from 'nodemailer';
import type { DemoLogger } from './demo-logger';

/** A logger that keeps every entry, so that tests can check what was logged. */
export interface RecordingLogger extends DemoLogger {
  entries: { level: 'info' | 'warn' | 'error'; message: string; fields?: Record<string, unknown> }[];
}

export function createRecordingLogger(): RecordingLogger {
  const entries: RecordingLogger['entries'] = [];
  return {
    entries,
    info: (message, fields) => entries.push({ level: 'info', message, fields }),
    warn: (message, fields) => entries.push({ level: 'warn', message, fields }),
    error: (message, fields) => entries.push({ level: 'error', message, fields }),
  };
}

export async function makeTempFolder(): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), 'demo-inbox-test-'));
}

export async function removeFolder(folder: string): Promise<void> {
  await rm(folder, { recursive: true, force: true });
}

/** Returns a nodemailer transport to the demo server on 127.0.0.1, plain SMTP as the "Aucune" security mode sends it. */
export function loopbackTransport(port: number, auth?: { user: string; pass: string }) {
  return nodemailer.createTransport({
    host: '127.0.0.1',
    port,
    secure: false,
    ignoreTLS: true,
    auth,
    connectionTimeout: 5_000,
    greetingTimeout: 5_000,
    socketTimeout: 10_000,
  });
}
