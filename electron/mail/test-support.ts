// Real SMTP servers on 127.0.0.1 for the mail tests: smtp-server instances for protocol
// behaviour, and raw TCP servers for faults that no SMTP server library produces on purpose.
import net from 'node:net';
import tls from 'node:tls';
import { X509Certificate } from 'node:crypto';
import { SMTPServer, type SMTPServerOptions, type SMTPServerSession } from 'smtp-server';
import { generate } from 'selfsigned';
import type { SmtpAccount } from '../../shared/settings';
import type { LookupFunction } from './resolve';

export interface TestCertificate {
  key: string;
  cert: string;
  /** SHA-256 fingerprint in the form Node reports it (upper-case hex pairs separated by ':'). */
  fingerprint256: string;
  validTo: string;
}

/**
 * Generates a self-signed certificate for `commonName` (also its only DNS subject alternative name).
 * It is valid from one minute ago for 30 days unless `validity` sets other dates.
 */
export async function generateTestCertificate(
  commonName: string,
  validity: { notBefore?: Date; notAfter?: Date } = {},
): Promise<TestCertificate> {
  const notBeforeDate = validity.notBefore ?? new Date(Date.now() - 60_000);
  const notAfterDate = validity.notAfter ?? new Date(Date.now() + 30 * 86_400_000);
  const pems = await generate([{ name: 'commonName', value: commonName }], {
    keyType: 'ec',
    curve: 'P-256',
    notBeforeDate,
    notAfterDate,
    extensions: [{ name: 'subjectAltName', altNames: [{ type: 2, value: commonName }] }],
  });
  const x509 = new X509Certificate(pems.cert);
  return { key: pems.private, cert: pems.cert, fingerprint256: x509.fingerprint256, validTo: x509.validTo };
}

export interface ReceivedMessage {
  from: string;
  to: string[];
  raw: string;
  secure: boolean;
}

export interface AuthAttempt {
  method: string;
  username: string;
  password: string;
  secure: boolean;
}

/** An SMTP reply the test server gives instead of accepting. */
export interface ScriptedReply {
  code: number;
  message: string;
}

export interface SmtpTestServerConfig {
  /** plain: no TLS at all; starttls: STARTTLS offered; implicitTls: TLS from the first byte. */
  mode: 'plain' | 'starttls' | 'implicitTls';
  certificate?: TestCertificate;
  /** AUTH mechanisms to offer; an empty list offers none and accepts mail without login. */
  authMethods?: string[];
  /** Accepted user name and password; every other login is refused with 535. */
  user?: { name: string; password: string };
  /** Refuses every login with this reply. */
  authReply?: ScriptedReply;
  senderReply?: (address: string) => ScriptedReply | undefined;
  recipientReply?: (address: string) => ScriptedReply | undefined;
  options?: Partial<SMTPServerOptions>;
}

export interface SmtpTestServer {
  port: number;
  messages: ReceivedMessage[];
  authAttempts: AuthAttempt[];
  close(): Promise<void>;
}

function replyError(reply: ScriptedReply): Error {
  return Object.assign(new Error(reply.message), { responseCode: reply.code });
}

/** Starts an smtp-server instance on 127.0.0.1 with an ephemeral port. */
export async function startSmtpTestServer(config: SmtpTestServerConfig): Promise<SmtpTestServer> {
  const messages: ReceivedMessage[] = [];
  const authAttempts: AuthAttempt[] = [];
  const authMethods = config.authMethods ?? ['PLAIN', 'LOGIN'];
  const usesTls = config.mode !== 'plain';
  if (usesTls && !config.certificate) throw new Error(`mode ${config.mode} needs a certificate`);

  const server = new SMTPServer({
    // A reverse lookup of the client would send a DNS query to the system's resolver, off this machine.
    disableReverseLookup: true,
    secure: config.mode === 'implicitTls',
    ...(usesTls ? { key: config.certificate?.key, cert: config.certificate?.cert } : {}),
    disabledCommands: [...(config.mode === 'plain' ? ['STARTTLS'] : []), ...(authMethods.length === 0 ? ['AUTH'] : [])],
    authMethods,
    authOptional: authMethods.length === 0,
    allowInsecureAuth: config.mode === 'plain',
    hideENHANCEDSTATUSCODES: true,
    logger: false,
    onAuth(auth, session, callback) {
      authAttempts.push({
        method: auth.method,
        username: auth.username ?? '',
        password: auth.password ?? '',
        secure: Boolean(session.secure),
      });
      if (config.authReply) return callback(replyError(config.authReply));
      if (config.user && auth.username === config.user.name && auth.password === config.user.password) {
        return callback(null, { user: auth.username });
      }
      return callback(replyError({ code: 535, message: 'Authentication credentials invalid' }));
    },
    onMailFrom(address, _session, callback) {
      const reply = config.senderReply?.(address.address);
      callback(reply ? replyError(reply) : null);
    },
    onRcptTo(address, _session, callback) {
      const reply = config.recipientReply?.(address.address);
      callback(reply ? replyError(reply) : null);
    },
    onData(stream, session: SMTPServerSession, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const envelope = session.envelope;
        messages.push({
          from: envelope.mailFrom ? envelope.mailFrom.address : '',
          to: envelope.rcptTo.map((recipient) => recipient.address),
          raw: Buffer.concat(chunks).toString('utf8'),
          secure: Boolean(session.secure),
        });
        callback(null);
      });
    },
    ...config.options,
  });
  server.on('error', () => undefined);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.server.address() as net.AddressInfo;
  return {
    port: address.port,
    messages,
    authAttempts,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export interface RawTestServer {
  port: number;
  /** Everything each client sent, one string per connection (latin1, so bytes survive). */
  received: string[];
  connections: number;
  close(): Promise<void>;
}

/**
 * Starts a TCP server on 127.0.0.1 that runs `onConnection` for each client and records all bytes
 * it receives. With `tlsCertificate` it is a TLS server instead.
 */
export async function startRawTestServer(
  onConnection: (socket: net.Socket, received: () => string) => void,
  tlsCertificate?: TestCertificate,
): Promise<RawTestServer> {
  const received: string[] = [];
  const sockets = new Set<net.Socket>();
  const state = { connections: 0 };
  const handle = (socket: net.Socket) => {
    state.connections++;
    sockets.add(socket);
    const index = received.push('') - 1;
    socket.on('data', (chunk: Buffer) => {
      received[index] += chunk.toString('latin1');
    });
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
    onConnection(socket, () => received[index] ?? '');
  };
  const server = tlsCertificate
    ? tls.createServer({ key: tlsCertificate.key, cert: tlsCertificate.cert }, handle)
    : net.createServer(handle);
  server.on('tlsClientError', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as net.AddressInfo;
  return {
    port,
    received,
    get connections() {
      return state.connections;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/**
 * Returns a minimal line-based SMTP server: it sends `greeting`, then replies to each line with
 * `answer(line)`. Replies include their CRLF, and an undefined reply sends nothing.
 */
export function scriptedSmtp(greeting: string | undefined, answer: (line: string) => string | undefined) {
  return (socket: net.Socket) => {
    if (greeting !== undefined) socket.write(greeting);
    let buffer = '';
    socket.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('latin1');
      let newline = buffer.indexOf('\n');
      while (newline >= 0) {
        const line = buffer.slice(0, newline).replace(/\r$/, '');
        buffer = buffer.slice(newline + 1);
        const reply = answer(line);
        if (reply !== undefined && !socket.destroyed) socket.write(reply);
        newline = buffer.indexOf('\n');
      }
    });
  };
}

/** DNS lookup for tests: maps host names to 127.0.0.1 and fails every other name with ENOTFOUND. */
export function loopbackLookup(...names: string[]): LookupFunction {
  return async (hostname) => {
    if (names.includes(hostname.toLowerCase())) return [{ address: '127.0.0.1', family: 4 }];
    throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND', hostname });
  };
}

/** Builds an account that points at a local test server. */
export function testAccount(overrides: Partial<SmtpAccount> & Pick<SmtpAccount, 'server'>): SmtpAccount {
  return {
    senderAddress: 'pm5@example.com',
    senderName: 'PM5 (Meier/Munich)',
    security: 'none',
    userName: '',
    trustedCertificates: [],
    ...overrides,
  };
}
