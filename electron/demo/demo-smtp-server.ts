import type { AddressInfo } from 'node:net';
import {
  SMTPServer,
  type SMTPServerAuthentication,
  type SMTPServerAuthenticationResponse,
  type SMTPServerDataStream,
  type SMTPServerSession,
} from 'smtp-server';
import { DEMO_SMTP_PORT } from '../../shared/settings';
import { consoleDemoLogger, type DemoLogger } from './demo-logger';
import type { ReceivedMessage } from './parse-received-message';

/** Hosts the demo server may listen on: loopback only, so that no other machine can reach it. */
export const DEMO_SMTP_HOSTS = ['127.0.0.1', '::1'] as const;

export const DEMO_SMTP_DEFAULTS = {
  host: '127.0.0.1',
  port: DEMO_SMTP_PORT,
  /** Ports tried: `port`, `port + 1`, … while the previous one is in use. */
  portAttempts: 20,
  /** Maximum message size in bytes. A bigger message is rejected with 552. */
  maxMessageSize: 2 * 1024 * 1024,
  maxClients: 10,
  maxRecipients: 100,
  /** Milliseconds a connection may stay idle. */
  socketTimeoutMs: 60_000,
  /** Milliseconds that `stop()` lets open connections finish before it closes them with 421. */
  closeTimeoutMs: 1_000,
} as const;

export interface DemoSmtpServerOptions {
  /** Stores an accepted message. The client gets 250 once the promise resolves, and 451 if it rejects. */
  deliver: (received: ReceivedMessage) => Promise<unknown>;
  /** Listening address, 127.0.0.1 unless set. Only the values of DEMO_SMTP_HOSTS are accepted. */
  host?: string;
  /** First port tried, DEMO_SMTP_PORT unless set. Port 0 lets the system choose one. */
  port?: number;
  portAttempts?: number;
  maxMessageSize?: number;
  maxClients?: number;
  socketTimeoutMs?: number;
  closeTimeoutMs?: number;
  logger?: DemoLogger;
}

/**
 * The SMTP server that demo mode sends to: plain SMTP on loopback, no STARTTLS, login optional
 * and any user name and password accepted, so that the e-mail functions work with no Internet.
 */
export class DemoSmtpServer {
  readonly host: string;
  private readonly options: Required<Omit<DemoSmtpServerOptions, 'host' | 'logger'>>;
  private readonly logger: DemoLogger;
  private server: SMTPServer | null = null;
  private listeningPort: number | null = null;
  private starting: Promise<number> | null = null;

  constructor(options: DemoSmtpServerOptions) {
    const host = options.host ?? DEMO_SMTP_DEFAULTS.host;
    if (!(DEMO_SMTP_HOSTS as readonly string[]).includes(host)) {
      throw new Error(
        `Demo SMTP server host "${host}" is invalid: the demo server listens on loopback only, use 127.0.0.1 or ::1.`,
      );
    }
    this.host = host;
    this.options = {
      deliver: options.deliver,
      port: options.port ?? DEMO_SMTP_DEFAULTS.port,
      portAttempts: options.portAttempts ?? DEMO_SMTP_DEFAULTS.portAttempts,
      maxMessageSize: options.maxMessageSize ?? DEMO_SMTP_DEFAULTS.maxMessageSize,
      maxClients: options.maxClients ?? DEMO_SMTP_DEFAULTS.maxClients,
      socketTimeoutMs: options.socketTimeoutMs ?? DEMO_SMTP_DEFAULTS.socketTimeoutMs,
      closeTimeoutMs: options.closeTimeoutMs ?? DEMO_SMTP_DEFAULTS.closeTimeoutMs,
    };
    checkWholeNumber('port', this.options.port, 0, 65535);
    checkWholeNumber('portAttempts', this.options.portAttempts, 1, 1000);
    checkWholeNumber('maxMessageSize', this.options.maxMessageSize, 1, Number.MAX_SAFE_INTEGER);
    checkWholeNumber('maxClients', this.options.maxClients, 1, 10_000);
    checkWholeNumber('socketTimeoutMs', this.options.socketTimeoutMs, 1, 3_600_000);
    checkWholeNumber('closeTimeoutMs', this.options.closeTimeoutMs, 1, 600_000);
    this.logger = options.logger ?? consoleDemoLogger('demo-smtp');
  }

  /** Port the server listens on, or null when it is stopped. */
  get port(): number | null {
    return this.listeningPort;
  }

  /**
   * Starts listening on the first free port of `port`, `port + 1`, … (`portAttempts` ports at most,
   * never above 65535) and returns it. Rejects when every port tried is in use, or on any other
   * listen error.
   */
  async start(): Promise<number> {
    if (this.server !== null || this.starting !== null) {
      throw new Error(`Demo SMTP server on ${this.host} is already started. Stop it first.`);
    }
    this.starting = this.listenOnFirstFreePort();
    try {
      return await this.starting;
    } finally {
      this.starting = null;
    }
  }

  /**
   * Stops accepting connections, lets open ones finish for `closeTimeoutMs`, then closes them with
   * 421. Waits for a start in progress first. Does nothing when the server is stopped.
   */
  async stop(): Promise<void> {
    if (this.starting !== null) {
      await this.starting.catch(() => undefined);
    }
    const server = this.server;
    if (server === null) {
      return;
    }
    const port = this.listeningPort;
    this.server = null;
    this.listeningPort = null;

    const openConnections = server.connections.size;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    this.logger.info('Demo SMTP server stopped', { host: this.host, port, openConnections });
  }

  private async listenOnFirstFreePort(): Promise<number> {
    const firstPort = this.options.port;
    const lastPort = firstPort === 0 ? 0 : Math.min(65535, firstPort + this.options.portAttempts - 1);
    for (let port = firstPort; port <= lastPort; port++) {
      const server = this.createServer();
      try {
        const actualPort = await listen(server, port, this.host);
        this.server = server;
        this.listeningPort = actualPort;
        this.logger.info('Demo SMTP server started', { host: this.host, port: actualPort, firstPortTried: firstPort });
        return actualPort;
      } catch (error) {
        if (errorCode(error) !== 'EADDRINUSE') {
          this.logger.error('Demo SMTP server could not start', { host: this.host, port, error });
          throw error;
        }
        this.logger.info('Demo SMTP port in use, trying the next one', { host: this.host, port });
      }
    }

    const error = new Error(
      `Demo SMTP server could not start: ports ${firstPort} to ${lastPort} on ${this.host} are all in use. ` +
        'Stop the program that uses them or set another demo port.',
    );
    this.logger.error(error.message);
    throw error;
  }

  private createServer(): SMTPServer {
    const server = new SMTPServer({
      name: 'localhost',
      banner: 'PoolManager demo SMTP server',
      logger: false,
      disabledCommands: ['STARTTLS'],
      hideSTARTTLS: true,
      authMethods: ['PLAIN', 'LOGIN'],
      authOptional: true,
      allowInsecureAuth: true,
      disableReverseLookup: true,
      size: this.options.maxMessageSize,
      rejectOversized: true,
      maxClients: this.options.maxClients,
      maxRecipients: DEMO_SMTP_DEFAULTS.maxRecipients,
      socketTimeout: this.options.socketTimeoutMs,
      closeTimeout: this.options.closeTimeoutMs,
      onAuth: (auth, session, callback) => this.acceptLogin(auth, session, callback),
      onData: (stream, session, callback) => this.receiveData(stream, session, callback),
    });
    server.on('error', (error) => {
      // `listen` handles the errors before listening, so these are errors of client connections.
      if (server === this.server) {
        this.logger.warn('Demo SMTP connection error', { error });
      }
    });
    return server;
  }

  /** Accepts any user name and password, because the demo must work whatever the user typed. */
  private acceptLogin(
    auth: SMTPServerAuthentication,
    session: SMTPServerSession,
    callback: (error: Error | null | undefined, response?: SMTPServerAuthenticationResponse) => void,
  ): void {
    const user = auth.username || 'anonymous';
    this.logger.info('Demo SMTP login accepted', { session: session.id, method: auth.method, user });
    callback(null, { user });
  }

  private receiveData(
    stream: SMTPServerDataStream,
    session: SMTPServerSession,
    callback: (error?: Error | null, message?: string) => void,
  ): void {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => {
      // Past the limit the message is rejected anyway, so the rest is not kept in memory.
      if (!stream.sizeExceeded) {
        chunks.push(chunk);
      }
    });

    stream.on('error', (error) => {
      this.logger.warn('Demo SMTP message stream failed', { session: session.id, error });
    });

    stream.on('end', () => {
      if (stream.sizeExceeded) {
        this.logger.warn('Demo SMTP message rejected: too big', {
          session: session.id,
          bytes: stream.byteLength,
          maxMessageSize: this.options.maxMessageSize,
        });
        callback(replyError(552, `Message exceeds the maximum size of ${this.options.maxMessageSize} bytes`));
        return;
      }

      const envelope = session.envelope;
      const received: ReceivedMessage = {
        raw: Buffer.concat(chunks),
        envelope: {
          mailFrom: envelope.mailFrom === false ? '' : envelope.mailFrom.address,
          rcptTo: envelope.rcptTo.map((recipient) => recipient.address),
        },
        receivedAt: new Date(),
      };
      this.options.deliver(received).then(
        () => callback(null, 'OK: message stored in the demo inbox'),
        (error: unknown) => {
          this.logger.error('Demo SMTP message could not be stored', { session: session.id, error });
          callback(replyError(451, 'Local error: the message could not be stored, try again'));
        },
      );
    });
  }
}

/** Listens on one port and returns the port the system gave, rejecting on a listen error such as EADDRINUSE. */
function listen(server: SMTPServer, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const netServer = server.server;
    const onError = (error: Error) => {
      netServer.off('listening', onListening);
      reject(error);
    };
    const onListening = () => {
      netServer.off('error', onError);
      resolve((netServer.address() as AddressInfo).port);
    };
    netServer.once('error', onError);
    netServer.once('listening', onListening);
    server.listen(port, host);
  });
}

function replyError(responseCode: number, message: string): Error & { responseCode: number } {
  return Object.assign(new Error(message), { responseCode });
}

function errorCode(error: unknown): string | undefined {
  return error instanceof Error ? (error as NodeJS.ErrnoException).code : undefined;
}

function checkWholeNumber(name: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`Demo SMTP server option ${name} ${value} is invalid: use a whole number from ${min} to ${max}.`);
  }
}
