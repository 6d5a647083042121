import { createServer, type Server } from 'node:net';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { DemoServerStatus, InboxSummary } from '../../shared/demo-inbox';
import { createMemoryLogger } from '../logger';
import { createKeyFileCipher } from '../settings/secret-cipher';
import { SettingsStore } from '../settings/settings-store';
import { DemoMode, type DemoModeOptions } from './demo-mode';
import { loopbackTransport, makeTempFolder, removeFolder } from './test-helpers';

let folder: string;
let settings: SettingsStore;
let logger: ReturnType<typeof createMemoryLogger>;
const openModes: DemoMode[] = [];
const blockers: Server[] = [];

beforeEach(async () => {
  folder = await makeTempFolder();
  logger = createMemoryLogger();
  settings = new SettingsStore(folder, createKeyFileCipher(folder), logger);
  await settings.load();
});

afterEach(async () => {
  await Promise.all(openModes.splice(0).map((mode) => mode.stop()));
  await Promise.all(blockers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
  await removeFolder(folder);
});

async function openDemoMode(options: Partial<DemoModeOptions> = {}) {
  const inboxChanges: InboxSummary[][] = [];
  const serverChanges: DemoServerStatus[] = [];
  const demo = await DemoMode.open({
    dataDir: folder,
    settings,
    logger,
    port: 0,
    onInboxChange: (summaries) => inboxChanges.push(summaries),
    onServerChange: (status) => serverChanges.push(status),
    ...options,
  });
  openModes.push(demo);
  return { demo, inboxChanges, serverChanges };
}

/** Occupies a port chosen by the system on 127.0.0.1 and returns it. */
async function occupyPort(): Promise<number> {
  const server = createServer();
  blockers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as { port: number }).port;
}

async function setDemoMode(on: boolean): Promise<void> {
  const { softwareVersion: _softwareVersion, ...device } = settings.current().device;
  await settings.update({ section: 'device', value: { ...device, demoMode: on } });
}

async function setSmtpServer(server: string): Promise<void> {
  await settings.update({ section: 'smtp', value: { ...settings.current().smtp, server } });
}

async function sendTestMail(port: number, subject: string): Promise<void> {
  const transport = loopbackTransport(port);
  try {
    await transport.sendMail({
      from: '"PM5 (démo)" <pm5-demo@example.com>',
      to: 'technicien@example.com',
      subject,
      text: 'Alarme pH',
    });
  } finally {
    transport.close();
  }
}

describe('DemoMode', () => {
  test('fresh start runs server and follows port', async () => {
    const { demo, serverChanges } = await openDemoMode();

    const status = demo.status();
    expect(status.running).toBe(true);
    expect(status.host).toBe('127.0.0.1');
    expect(status.configuredPort).toBe(0);
    expect(status.failure).toBeNull();
    expect(status.port).toBeGreaterThan(0);
    expect(serverChanges.at(-1)).toEqual(status);

    // The fresh-installation default 127.0.0.1:2525 follows the port the system chose.
    expect(settings.current().smtp.server).toBe(`127.0.0.1:${status.port}`);
    expect(logger.lines.some((line) => line.includes('SMTP server setting changed to the demo SMTP server port'))).toBe(true);
  });

  test('received mail reaches inbox and listeners', async () => {
    const { demo, inboxChanges } = await openDemoMode();
    await sendTestMail(demo.status().port!, 'PM5-démo: Alarme pH');

    const list = demo.inbox.list();
    expect(list).toHaveLength(1);
    expect(list[0]!.subject).toBe('PM5-démo: Alarme pH');
    expect(list[0]!.from).toEqual({ name: 'PM5 (démo)', address: 'pm5-demo@example.com' });
    expect(inboxChanges.at(-1)).toEqual(list);
  });

  test('demo mode setting stops and starts server', async () => {
    const { demo, serverChanges } = await openDemoMode();
    const firstPort = demo.status().port!;

    await setDemoMode(false);
    await expect.poll(() => serverChanges.at(-1)?.running).toBe(false);
    expect(demo.status().running).toBe(false);
    expect(demo.status().port).toBeNull();
    await expect(sendTestMail(firstPort, 'not delivered')).rejects.toMatchObject({ code: 'ESOCKET' });

    await setDemoMode(true);
    await expect.poll(() => serverChanges.at(-1)?.running).toBe(true);
    expect(demo.status().running).toBe(true);
    const secondPort = demo.status().port!;
    await expect.poll(() => settings.current().smtp.server).toBe(`127.0.0.1:${secondPort}`);
    await sendTestMail(secondPort, 'after restart');
    expect(demo.inbox.list()[0]!.subject).toBe('after restart');
  });

  test('demo mode off at start runs nothing', async () => {
    await setDemoMode(false);
    const { demo, serverChanges } = await openDemoMode();
    expect(demo.status()).toEqual({ running: false, host: '127.0.0.1', port: null, configuredPort: 0, failure: null });
    expect(serverChanges).toEqual([]);
    expect(settings.current().smtp.server).toBe('127.0.0.1:2525');
  });

  test('busy port moves server and setting', async () => {
    const busyPort = await occupyPort();
    await setSmtpServer(`127.0.0.1:${busyPort}`);

    const { demo } = await openDemoMode({ port: busyPort, portAttempts: 10 });
    const status = demo.status();
    expect(status.running).toBe(true);
    expect(status.configuredPort).toBe(busyPort);
    expect(status.port).toBeGreaterThan(busyPort);
    expect(status.port).toBeLessThan(busyPort + 10);
    expect(settings.current().smtp.server).toBe(`127.0.0.1:${status.port}`);
  });

  test('other SMTP server setting is kept', async () => {
    for (const server of ['smtp.example.com:587', '127.0.0.1:587', 'localhost:2525']) {
      await setSmtpServer(server);
      const { demo } = await openDemoMode();
      expect(demo.status().running).toBe(true);
      expect(settings.current().smtp.server).toBe(server);
      await demo.stop();
    }
  });

  test('all ports busy reports failure', async () => {
    const busyPort = await occupyPort();
    const { demo, serverChanges } = await openDemoMode({ port: busyPort, portAttempts: 1 });

    const status = demo.status();
    expect(status.running).toBe(false);
    expect(status.port).toBeNull();
    expect(status.failure).toContain(`ports ${busyPort} to ${busyPort}`);
    expect(serverChanges.at(-1)).toEqual(status);
    expect(settings.current().smtp.server).toBe('127.0.0.1:2525');
  });

  test('stop closes server and keeps inbox', async () => {
    const { demo } = await openDemoMode();
    const port = demo.status().port!;
    await sendTestMail(port, 'kept');
    await demo.stop();

    expect(demo.status().running).toBe(false);
    await expect(sendTestMail(port, 'after stop')).rejects.toMatchObject({ code: 'ESOCKET' });

    // A later change of the setting no longer starts anything.
    await setDemoMode(false);
    await setDemoMode(true);
    expect(demo.status().running).toBe(false);

    const reopened = await openDemoMode();
    expect(reopened.demo.inbox.list().map((summary) => summary.subject)).toEqual(['kept']);
  });
});
