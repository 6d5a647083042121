import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { DemoInbox } from './demo-inbox';
import { DEMO_SMTP_DEFAULTS, DemoSmtpServer, type DemoSmtpServerOptions } from './demo-smtp-server';
import type { ReceivedMessage } from './parse-received-message';
import { createRecordingLogger, loopbackTransport, makeTempFolder, removeFolder } from './test-helpers';

const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) {
    await cleanup();
  }
});

async function startServer(options: Partial<DemoSmtpServerOptions> = {}) {
  const folder = await makeTempFolder();
  cleanups.push(() => removeFolder(folder));
  const logger = createRecordingLogger();
  const inbox = await DemoInbox.open({ folder, logger });
  const server = new DemoSmtpServer({
    port: 0,
    logger,
    deliver: (received) => inbox.receive(received),
    ...options,
  });
  const port = await server.start();
  cleanups.push(() => server.stop());
  return { server, port, inbox, logger, folder };
}

/** Occupies a loopback port with a plain TCP server and returns that port. */
async function occupyPort(port = 0): Promise<number> {
  const blocker = net.createServer();
  await new Promise<void>((resolve, reject) => {
    blocker.once('error', reject);
    blocker.listen(port, '127.0.0.1', () => resolve());
  });
  cleanups.push(() => new Promise<void>((resolve) => blocker.close(() => resolve())));
  return (blocker.address() as net.AddressInfo).port;
}

async function canListenOnIpv6Loopback(): Promise<boolean> {
  const probe = net.createServer();
  return new Promise((resolve) => {
    probe.once('error', () => resolve(false));
    probe.listen(0, '::1', () => probe.close(() => resolve(true)));
  });
}

/** Raw SMTP session on a socket: sends lines and reads replies, for what nodemailer does not show. */
class RawSmtpClient {
  private buffer = '';
  private waiters: (() => void)[] = [];
  readonly closed: Promise<void>;

  private constructor(readonly socket: net.Socket) {
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      this.buffer += chunk;
      for (const waiter of this.waiters.splice(0)) {
        waiter();
      }
    });
    socket.on('error', () => {
      // The server may reset the connection while closing it, and `closed` still resolves then.
    });
    this.closed = new Promise((resolve) => socket.once('close', () => resolve()));
  }

  static async connect(port: number): Promise<RawSmtpClient> {
    const socket = net.connect({ host: '127.0.0.1', port });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('error', reject);
    });
    const client = new RawSmtpClient(socket);
    cleanups.push(async () => {
      socket.destroy();
    });
    return client;
  }

  /** Resolves with the next complete reply: its lines up to the one with a space after the code. */
  async readReply(timeoutMs = 5_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const match = /^(?:\d{3}-[^\r\n]*\r\n)*\d{3}(?: [^\r\n]*)?\r\n/.exec(this.buffer);
      if (match !== null) {
        this.buffer = this.buffer.slice(match[0].length);
        return match[0];
      }
      const remaining = deadline - Date.now();
      if (remaining <= 0) {
        throw new Error(`No complete SMTP reply within ${timeoutMs} ms, received so far: ${JSON.stringify(this.buffer)}`);
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, remaining);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  async command(line: string): Promise<string> {
    this.socket.write(`${line}\r\n`);
    return this.readReply();
  }
}

describe('DemoSmtpServer', () => {
  it('stores a sent message parsed', async () => {
    const { port, inbox } = await startServer();
    const date = new Date('2024-06-07T09:41:00Z');

    const info = await loopbackTransport(port).sendMail({
      from: { name: 'PM5 (démo)', address: 'pm5-demo@example.com' },
      to: [{ name: 'Technicien', address: 'technicien@example.com' }, 'second@example.com'],
      subject: 'PM5-démo (PM5 (démo)) : Alarme supérieure pH',
      date,
      text: '07.06.2024, 09:41 :\nAlarme supérieure pH\n',
    });

    expect(info.accepted).toEqual(['technicien@example.com', 'second@example.com']);
    const summaries = inbox.list();
    expect(summaries).toHaveLength(1);
    const message = inbox.get(summaries[0]!.id);
    expect(message).toBeDefined();
    expect(message!.from).toEqual({ name: 'PM5 (démo)', address: 'pm5-demo@example.com' });
    expect(message!.to).toEqual([
      { name: 'Technicien', address: 'technicien@example.com' },
      { name: '', address: 'second@example.com' },
    ]);
    expect(message!.subject).toBe('PM5-démo (PM5 (démo)) : Alarme supérieure pH');
    expect(message!.date).toBe(date.toISOString());
    expect(message!.text).toBe('07.06.2024, 09:41 :\nAlarme supérieure pH\n');
    expect(message!.hasHtml).toBe(false);
    expect(message!.messageId).toBe(info.messageId);
    expect(message!.envelope).toEqual({
      mailFrom: 'pm5-demo@example.com',
      rcptTo: ['technicien@example.com', 'second@example.com'],
    });
    expect(summaries[0]!.from).toEqual(message!.from);
    expect(summaries[0]!.subject).toBe(message!.subject);
  });

  it('keeps UTF-8 subjects and text', async () => {
    const { port, inbox } = await startServer();
    const subject = 'Température élevée – Überwachung: Grüße, ½ °C';
    const text = 'Eau de mesure 24.6 [°C]\nDurchfluss wiederhergestellt: Größe ü, ß, é, à\n';

    await loopbackTransport(port).sendMail({
      from: { name: 'Gerät Müller', address: 'geraet@example.com' },
      to: 'empfänger@example.com',
      subject,
      text,
    });

    const message = inbox.get(inbox.list()[0]!.id)!;
    expect(message.subject).toBe(subject);
    expect(message.text).toBe(text);
    expect(message.from).toEqual({ name: 'Gerät Müller', address: 'geraet@example.com' });
  });

  it('accepts any login and logs no password', async () => {
    const { port, inbox, logger } = await startServer();
    const password = 'S3cret-pässword-123';

    await loopbackTransport(port, { user: 'whoever@example.com', pass: password }).sendMail({
      from: 'pm5-demo@example.com',
      to: 'technicien@example.com',
      subject: 'With login',
      text: 'body',
    });

    expect(inbox.list().map((summary) => summary.subject)).toEqual(['With login']);
    const loginEntries = logger.entries.filter((entry) => entry.message === 'Demo SMTP login accepted');
    expect(loginEntries).toHaveLength(1);
    expect(loginEntries[0]!.fields?.user).toBe('whoever@example.com');
    expect(JSON.stringify(logger.entries)).not.toContain(password);
  });

  it('rejects an oversize message with 552', async () => {
    const maxMessageSize = 50_000;
    const { port, inbox, logger } = await startServer({ maxMessageSize });
    const transport = loopbackTransport(port);

    const error = await transport
      .sendMail({
        from: 'pm5-demo@example.com',
        to: 'technicien@example.com',
        subject: 'Too big',
        text: 'x'.repeat(maxMessageSize * 2),
      })
      .then(
        () => undefined,
        (caught: unknown) => caught as { responseCode?: number },
      );

    expect(error).toBeDefined();
    expect(error!.responseCode).toBe(552);
    expect(inbox.list()).toEqual([]);
    expect(logger.entries.some((entry) => entry.message === 'Demo SMTP message rejected: too big')).toBe(true);

    await transport.sendMail({ from: 'pm5-demo@example.com', to: 'technicien@example.com', subject: 'Small', text: 'ok' });
    expect(inbox.list().map((summary) => summary.subject)).toEqual(['Small']);
  });

  it('offers no STARTTLS and rejects the command', async () => {
    const { port } = await startServer();
    const client = await RawSmtpClient.connect(port);

    expect(await client.readReply()).toMatch(/^220 /);
    const ehlo = await client.command('EHLO client.localhost');
    expect(ehlo).toMatch(/^250/);
    expect(ehlo).not.toMatch(/STARTTLS/);
    expect(ehlo).toMatch(/AUTH PLAIN LOGIN/);
    expect(ehlo).toContain(`SIZE ${DEMO_SMTP_DEFAULTS.maxMessageSize}`);
    expect(await client.command('STARTTLS')).toMatch(/^5\d\d /);
  });

  it('answers 451 when the message cannot be stored', async () => {
    const { port, logger } = await startServer({
      deliver: async () => {
        throw new Error('disk full');
      },
    });

    const error = await loopbackTransport(port)
      .sendMail({ from: 'a@example.com', to: 'b@example.com', subject: 's', text: 't' })
      .then(
        () => undefined,
        (caught: unknown) => caught as { responseCode?: number },
      );

    expect(error?.responseCode).toBe(451);
    expect(logger.entries.some((entry) => entry.level === 'error' && entry.message === 'Demo SMTP message could not be stored')).toBe(true);
  });

  it('takes the next port when busy', async () => {
    const busyPort = await occupyPort();
    const { port, inbox, logger } = await startServer({ port: busyPort });

    expect(port).toBeGreaterThan(busyPort);
    expect(port).toBeLessThan(busyPort + DEMO_SMTP_DEFAULTS.portAttempts);
    expect(logger.entries.some((entry) => entry.message.includes('in use') && entry.fields?.port === busyPort)).toBe(true);

    await loopbackTransport(port).sendMail({ from: 'a@example.com', to: 'b@example.com', subject: 'Next port', text: 't' });
    expect(inbox.list().map((summary) => summary.subject)).toEqual(['Next port']);
  });

  it('fails when every port tried is busy', async () => {
    const busyPort = await occupyPort();
    const server = new DemoSmtpServer({
      port: busyPort,
      portAttempts: 1,
      logger: createRecordingLogger(),
      deliver: async () => undefined,
    });
    cleanups.push(() => server.stop());

    await expect(server.start()).rejects.toThrow(`ports ${busyPort} to ${busyPort} on 127.0.0.1 are all in use`);
    expect(server.port).toBeNull();
  });

  it.each(['0.0.0.0', '::', '192.168.1.10', 'localhost', '', 'example.com'])('rejects non-loopback host %j', (host) => {
    expect(
      () => new DemoSmtpServer({ host, port: 0, logger: createRecordingLogger(), deliver: async () => undefined }),
    ).toThrow(/listens on loopback only, use 127\.0\.0\.1 or ::1/);
  });

  it('listens on ::1 when asked', async (context) => {
    if (!(await canListenOnIpv6Loopback())) {
      context.skip('this machine has no IPv6 loopback address');
    }
    const { server, port } = await startServer({ host: '::1' });

    expect(server.host).toBe('::1');
    const socket = net.connect({ host: '::1', port });
    cleanups.push(async () => {
      socket.destroy();
    });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('error', reject);
    });
  });

  it.each([
    ['port', -1],
    ['port', 70_000],
    ['port', 25.5],
    ['portAttempts', 0],
    ['maxMessageSize', 0],
    ['maxClients', 0],
  ] as const)('rejects option %s = %s', (name, value) => {
    expect(
      () =>
        new DemoSmtpServer({ port: 0, [name]: value, logger: createRecordingLogger(), deliver: async () => undefined }),
    ).toThrow(`option ${name} ${value} is invalid`);
  });

  it('reports its port and refuses a second start', async () => {
    const { server, port } = await startServer();

    expect(port).toBeGreaterThan(0);
    expect(server.port).toBe(port);
    await expect(server.start()).rejects.toThrow('already started');

    await server.stop();
    expect(server.port).toBeNull();
    await server.stop();
  });

  it('stop during start stops it', async () => {
    const server = new DemoSmtpServer({ port: 0, logger: createRecordingLogger(), deliver: async () => undefined });
    cleanups.push(() => server.stop());

    const starting = server.start();
    await server.stop();
    const port = await starting;

    expect(server.port).toBeNull();
    const refused = await new Promise<string | undefined>((resolve) => {
      const socket = net.connect({ host: '127.0.0.1', port });
      socket.once('connect', () => {
        socket.destroy();
        resolve(undefined);
      });
      socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code));
    });
    expect(refused).toBe('ECONNREFUSED');
  });

  it('stop closes open connections', async () => {
    const closeTimeoutMs = 200;
    const { server, port } = await startServer({ closeTimeoutMs });
    const client = await RawSmtpClient.connect(port);
    expect(await client.readReply()).toMatch(/^220 /);

    const started = Date.now();
    await server.stop();
    await client.closed;

    // The grace period plus generous slack for a loaded machine.
    expect(Date.now() - started).toBeLessThan(closeTimeoutMs + 5_000);
    const refused = await new Promise<string | undefined>((resolve) => {
      const socket = net.connect({ host: '127.0.0.1', port });
      socket.once('connect', () => {
        socket.destroy();
        resolve(undefined);
      });
      socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code));
    });
    expect(refused).toBe('ECONNREFUSED');
  });

  it('limits concurrent connections', async () => {
    const { port } = await startServer({ maxClients: 2 });
    const first = await RawSmtpClient.connect(port);
    const second = await RawSmtpClient.connect(port);
    expect(await first.readReply()).toMatch(/^220 /);
    expect(await second.readReply()).toMatch(/^220 /);

    const third = await RawSmtpClient.connect(port);

    expect(await third.readReply()).toMatch(/^421 /);
  });

  it('passes the envelope to deliver', async () => {
    const delivered: ReceivedMessage[] = [];
    const { port } = await startServer({
      deliver: async (received) => {
        delivered.push(received);
      },
    });

    await loopbackTransport(port).sendMail({
      envelope: { from: 'bounce@example.com', to: ['x@example.com', 'y@example.com'] },
      from: 'header-from@example.com',
      to: 'header-to@example.com',
      subject: 'Envelope',
      text: 'body',
    });

    expect(delivered).toHaveLength(1);
    expect(delivered[0]!.envelope).toEqual({ mailFrom: 'bounce@example.com', rcptTo: ['x@example.com', 'y@example.com'] });
    expect(delivered[0]!.raw.toString('utf8')).toContain('Subject: Envelope');
  });
});
