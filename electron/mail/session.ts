import net from 'node:net';
import tls from 'node:tls';
import { performance } from 'node:perf_hooks';
import SMTPConnection from 'nodemailer/lib/smtp-connection';
import type { SmtpAccount } from '../../shared/settings';
import {
  deviceCodeOf,
  type DiagnosisId,
  type OneTapFix,
  type RecipientReply,
  type RejectedRecipient,
  type SmtpFailure,
  type SmtpStep,
  type TestEmailProgress,
} from '../../shared/mail-result';
import type { Logger } from '../logger';
import { resolveLimits, type SmtpLimits } from './limits';
import { systemLookup, type LookupFunction } from './resolve';
import { parseSmtpServer } from '../../shared/smtp-server-address';
import { checkServerCertificate } from './certificate';
import {
  classifyAuthReply,
  classifyRecipientReply,
  classifySenderReply,
  isPlaintextReplyToTls,
  needsSmtputf8,
} from './classify';
import { parseEhloReply, SmtpTranscript, stepOfVerb, type EhloCapabilities, type SmtpExchange } from './transcript';
import { probeImplicitTls, probePlainSmtp } from './probes';

/** Input of one SMTP session: the account, the envelope recipients and the message encoded as RFC 5322 text. */
export interface SessionRequest {
  account: SmtpAccount;
  password: string | null;
  /** Envelope recipients (RCPT TO). */
  recipients: string[];
  message: Buffer;
}

export interface SessionOptions {
  signal?: AbortSignal;
  limits?: Partial<SmtpLimits>;
  lookup?: LookupFunction;
  onProgress?: (progress: TestEmailProgress) => void;
  /** Receives one line when the attempt starts and one when it ends; never the password. */
  logger?: Logger;
}

export type SessionResult =
  | { status: 'sent'; accepted: RecipientReply[]; rejected: RejectedRecipient[]; response: string; elapsedMs: number }
  | { status: 'failed'; failure: SmtpFailure }
  | { status: 'cancelled'; step: SmtpStep; elapsedMs: number };

type FailureFields = Partial<Omit<SmtpFailure, 'diagnosis' | 'deviceCode' | 'elapsedMs'>>;

/** Ends an attempt with a diagnosis; `fields.step` overrides the step in progress. */
class AttemptFailure extends Error {
  constructor(
    readonly diagnosis: DiagnosisId,
    readonly fields: FailureFields = {},
  ) {
    super(diagnosis);
  }
}

class AttemptCancelled extends Error {}

/** Error as nodemailer reports it: its category in `code`, the SMTP command and the server reply. */
interface SmtpError extends Error {
  code?: string;
  originalCode?: string;
  command?: string;
  response?: string;
  timeoutType?: string;
  recipient?: string;
  rejectedErrors?: SmtpError[];
}

const ADDRESS_FORBIDDEN = /[\r\n<>\s]/;

function isUsableAddress(address: string): boolean {
  const at = address.lastIndexOf('@');
  return at > 0 && at < address.length - 1 && !ADDRESS_FORBIDDEN.test(address);
}

function systemErrorCode(error: unknown): string {
  const { code, originalCode } = (error ?? {}) as SmtpError;
  return String(originalCode ?? code ?? '');
}

/**
 * Runs one SMTP session: DNS, TCP, TLS, greeting, EHLO, STARTTLS, AUTH, MAIL FROM, RCPT TO, DATA.
 * The DNS lookup, the TCP connection and the implicit TLS handshake are done here, so each has its
 * own step and limit. nodemailer's SMTPConnection then takes over the open socket for the SMTP
 * dialogue. Every wait is bounded by a limit of `SmtpLimits`, and the whole attempt by `attemptMs`.
 */
export async function runSmtpSession(request: SessionRequest, options: SessionOptions = {}): Promise<SessionResult> {
  return new SmtpAttempt(request, options).run();
}

class SmtpAttempt {
  private readonly limits: SmtpLimits;
  private readonly lookup: LookupFunction;
  private readonly startedAt = performance.now();
  private step: SmtpStep = 'dns';
  private stepReported = false;
  private readonly sockets = new Set<net.Socket>();
  private readonly connections = new Set<SMTPConnection>();
  private stopError: Error | undefined;
  private rejectCurrentWait: ((error: Error) => void) | undefined;
  private watchdog: NodeJS.Timeout | undefined;
  private transcript: SmtpTranscript | undefined;
  private loggedIn = false;
  /** Set once run() has its result; the QUIT exchange that may follow arms no more timers. */
  private finished = false;

  constructor(
    private readonly request: SessionRequest,
    private readonly options: SessionOptions,
  ) {
    this.limits = resolveLimits(options.limits);
    this.lookup = options.lookup ?? systemLookup;
  }

  async run(): Promise<SessionResult> {
    const signal = this.options.signal;
    const onAbort = () => this.stop(new AttemptCancelled());
    const deadline = setTimeout(
      () =>
        this.stop(
          new AttemptFailure('attemptTimedOut', {
            detail: `whole attempt limit of ${this.limits.attemptMs} ms`,
            timeout: { limit: 'attempt', ms: this.limits.attemptMs },
          }),
        ),
      this.limits.attemptMs,
    );
    signal?.addEventListener('abort', onAbort, { once: true });
    const { account } = this.request;
    const logger = this.options.logger;
    const logFields = { server: account.server, security: account.security, recipients: this.request.recipients.length };
    logger?.info('SMTP attempt started', logFields);
    let sent = false;
    try {
      if (signal?.aborted) throw new AttemptCancelled();
      const result = await this.execute();
      sent = true;
      logger?.info('SMTP attempt ended', { ...logFields, status: 'sent', rejected: result.status === 'sent' ? result.rejected.length : 0 });
      return result;
    } catch (error) {
      if (!(error instanceof AttemptFailure) && !(error instanceof AttemptCancelled)) {
        logger?.error('SMTP attempt failed unexpectedly', { ...logFields, error: (error as Error)?.stack ?? String(error) });
      }
      const result = this.resultOf(error);
      logger?.info('SMTP attempt ended', {
        ...logFields,
        status: result.status,
        step: result.status === 'failed' ? result.failure.step : this.step,
        ...(result.status === 'failed' ? { diagnosis: result.failure.diagnosis, reply: result.failure.serverReply } : {}),
      });
      return result;
    } finally {
      this.finished = true;
      clearTimeout(deadline);
      this.disarmWatchdog();
      signal?.removeEventListener('abort', onAbort);
      if (!sent) this.destroyAll();
    }
  }

  private elapsedMs(): number {
    return Math.round(performance.now() - this.startedAt);
  }

  private resultOf(error: unknown): SessionResult {
    if (error instanceof AttemptCancelled) return { status: 'cancelled', step: this.step, elapsedMs: this.elapsedMs() };
    const failure =
      error instanceof AttemptFailure
        ? error
        : new AttemptFailure('connectionFailed', { detail: error instanceof Error ? error.message : String(error) });
    const { step = this.step, ...fields } = failure.fields;
    return {
      status: 'failed',
      failure: {
        step,
        deviceCode: deviceCodeOf(failure.diagnosis),
        diagnosis: failure.diagnosis,
        ...fields,
        elapsedMs: this.elapsedMs(),
      },
    };
  }

  private enter(step: SmtpStep, recipient?: string): void {
    if (this.stepReported && step === this.step && recipient === undefined) return;
    this.step = step;
    this.stepReported = true;
    this.options.onProgress?.({ step, ...(recipient !== undefined ? { recipient } : {}), elapsedMs: this.elapsedMs() });
  }

  // Waiting: every await on the network goes through waitFor, so that cancellation, the whole-attempt
  // deadline and the per-step watchdog can end it at once.

  private waitFor<T>(executor: (resolve: (value: T) => void, reject: (error: Error) => void) => void): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      if (this.stopError) return reject(this.stopError);
      this.rejectCurrentWait = reject;
      executor(resolve, reject);
    }).finally(() => {
      this.rejectCurrentWait = undefined;
    });
  }

  private stop(error: Error): void {
    if (this.stopError) return;
    this.stopError = error;
    // Rejected before the sockets close, so that the close events do not become the reason.
    this.rejectCurrentWait?.(error);
    this.destroyAll();
  }

  /** Ends the current wait with a failure, closing the SMTP connection; probes may still follow. */
  private interrupt(error: AttemptFailure): void {
    this.rejectCurrentWait?.(error);
    this.destroyAll();
  }

  private armWatchdog(ms: number, failure: () => AttemptFailure): void {
    this.disarmWatchdog();
    if (this.finished) return;
    this.watchdog = setTimeout(() => this.interrupt(failure()), ms);
  }

  private disarmWatchdog(): void {
    clearTimeout(this.watchdog);
    this.watchdog = undefined;
  }

  private destroyAll(): void {
    for (const connection of this.connections) {
      connection.close();
      const socket = connection._socket;
      if (socket) socket.destroy();
    }
    this.connections.clear();
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
  }

  private async execute(): Promise<SessionResult> {
    const { account, recipients } = this.request;
    const server = parseSmtpServer(account.server);
    if (!server.ok) {
      throw new AttemptFailure('serverAddressInvalid', { step: 'dns', detail: `${server.error}: "${server.value}"` });
    }
    if (!isUsableAddress(account.senderAddress.trim())) {
      throw new AttemptFailure('senderAddressInvalid', { step: 'sender', detail: `"${account.senderAddress}"` });
    }
    if (recipients.length === 0) throw new AttemptFailure('noRecipient', { step: 'recipient' });
    const malformed = recipients.find((address) => !isUsableAddress(address));
    if (malformed !== undefined) {
      throw new AttemptFailure('recipientRefused', { step: 'recipient', detail: `invalid address "${malformed}"` });
    }
    if (account.userName !== '' && !this.request.password) {
      throw new AttemptFailure('passwordMissing', { step: 'auth' });
    }

    const target = { host: server.host, port: server.port };
    const addresses = server.hostKind === 'name' ? await this.resolve(server.host) : [server.host];
    const servername = server.hostKind === 'name' ? server.host : undefined;
    const { socket, address } = await this.connectTcp(addresses, server.port);

    let smtpSocket: net.Socket = socket;
    if (account.security === 'ssl') {
      smtpSocket = await this.startImplicitTls(socket, address, target, servername);
    }

    const connection = await this.openSmtp(smtpSocket, address, target, servername);
    const capabilities = parseEhloReply(this.transcript?.lastReply('EHLO'));
    if (account.userName !== '') await this.login(connection, capabilities, target.host);
    return this.send(connection, capabilities);
  }

  // DNS

  private async resolve(host: string): Promise<string[]> {
    this.enter('dns');
    const timer = setTimeout(
      () =>
        this.interrupt(
          new AttemptFailure('dnsFailed', {
            detail: `no DNS answer within ${this.limits.dnsMs} ms`,
            timeout: { limit: 'dns', ms: this.limits.dnsMs },
          }),
        ),
      this.limits.dnsMs,
    );
    try {
      const found = await this.waitFor<{ address: string; family: number }[]>((resolve, reject) => {
        this.lookup(host, { all: true }).then(resolve, reject);
      });
      if (found.length === 0) throw new AttemptFailure('hostNotFound', { detail: `${host}: no address` });
      return found.map((entry) => entry.address);
    } catch (error) {
      if (error instanceof AttemptFailure || error instanceof AttemptCancelled) throw error;
      const code = systemErrorCode(error);
      const diagnosis = code === 'ENOTFOUND' || code === 'ENODATA' || code === 'EAI_NONAME' ? 'hostNotFound' : 'dnsFailed';
      throw new AttemptFailure(diagnosis, { detail: `${host}: ${code || (error as Error).message}` });
    } finally {
      clearTimeout(timer);
    }
  }

  // TCP connection: the addresses are tried in turn within one connectMs budget.

  private async connectTcp(addresses: string[], port: number): Promise<{ socket: net.Socket; address: string }> {
    this.enter('connect');
    const deadline = performance.now() + this.limits.connectMs;
    let lastFailure: AttemptFailure | undefined;
    for (const address of addresses) {
      const remaining = deadline - performance.now();
      if (remaining <= 0) break;
      try {
        return { socket: await this.connectOne(address, port, remaining), address };
      } catch (error) {
        if (!(error instanceof AttemptFailure)) throw error;
        lastFailure = error;
        if (error.diagnosis === 'connectionTimedOut') break;
      }
    }
    throw (
      lastFailure ??
      new AttemptFailure('connectionTimedOut', {
        detail: `no connection within ${this.limits.connectMs} ms`,
        timeout: { limit: 'connect', ms: this.limits.connectMs },
      })
    );
  }

  private connectOne(address: string, port: number, timeoutMs: number): Promise<net.Socket> {
    return this.waitFor<net.Socket>((resolve, reject) => {
      const socket = net.connect({ host: address, port });
      this.sockets.add(socket);
      // Later errors reach the TLS socket or nodemailer, which report them; this listener only
      // keeps an error between two owners from being thrown as uncaught.
      socket.on('error', () => undefined);
      const timer = setTimeout(() => {
        socket.destroy();
        reject(
          new AttemptFailure('connectionTimedOut', {
            detail: `${address}:${port}: no connection within ${Math.round(timeoutMs)} ms`,
            timeout: { limit: 'connect', ms: this.limits.connectMs },
          }),
        );
      }, timeoutMs);
      const onError = (error: NodeJS.ErrnoException) => {
        clearTimeout(timer);
        this.sockets.delete(socket);
        const code = error.code ?? '';
        const diagnosis: DiagnosisId =
          code === 'ECONNREFUSED'
            ? 'connectionRefused'
            : code === 'ETIMEDOUT'
              ? 'connectionTimedOut'
              : code === 'ENETUNREACH' || code === 'EHOSTUNREACH' || code === 'EADDRNOTAVAIL'
                ? 'networkUnreachable'
                : 'connectionFailed';
        reject(new AttemptFailure(diagnosis, { detail: `${address}:${port}: ${code || error.message}` }));
      };
      socket.once('error', onError);
      socket.once('connect', () => {
        clearTimeout(timer);
        socket.removeListener('error', onError);
        resolve(socket);
      });
    });
  }

  // Implicit TLS (security "ssl"): handshake, then the certificate check before any SMTP byte.

  private async startImplicitTls(
    socket: net.Socket,
    address: string,
    target: { host: string; port: number },
    servername: string | undefined,
  ): Promise<tls.TLSSocket> {
    this.enter('tls');
    let secure: tls.TLSSocket;
    try {
      secure = await this.waitFor<tls.TLSSocket>((resolve, reject) => {
        const tlsSocket = tls.connect({
          socket,
          // The name (or IP address) that checkServerIdentity compares with the certificate.
          host: target.host,
          ...(servername ? { servername } : {}),
          rejectUnauthorized: false,
          minVersion: 'TLSv1.2',
        });
        // The TLS socket now owns the TCP handle: destroying the plain socket as well would close
        // that handle twice, which crashes Node (seen as a segmentation fault on Node 20).
        this.sockets.delete(socket);
        this.sockets.add(tlsSocket);
        tlsSocket.on('error', () => undefined);
        const timer = setTimeout(() => {
          tlsSocket.destroy();
          reject(
            new AttemptFailure('tlsHandshakeFailed', {
              detail: `no TLS handshake within ${this.limits.tlsMs} ms`,
              timeout: { limit: 'tls', ms: this.limits.tlsMs },
            }),
          );
        }, this.limits.tlsMs);
        const onError = (error: NodeJS.ErrnoException) => {
          clearTimeout(timer);
          tlsSocket.destroy();
          reject(error);
        };
        tlsSocket.once('error', onError);
        tlsSocket.once('secureConnect', () => {
          clearTimeout(timer);
          tlsSocket.removeListener('error', onError);
          resolve(tlsSocket);
        });
      });
    } catch (error) {
      if (error instanceof AttemptFailure || error instanceof AttemptCancelled) throw error;
      throw await this.diagnoseTlsError(error as NodeJS.ErrnoException, address, target.port);
    }

    const check = checkServerCertificate(secure, target, this.request.account.trustedCertificates);
    if (!check.ok) {
      const { ok: _ok, ...fields } = check;
      throw new AttemptFailure(check.diagnosis, fields);
    }
    return secure;
  }

  private async diagnoseTlsError(error: NodeJS.ErrnoException, address: string, port: number): Promise<AttemptFailure> {
    const detail = `${error.code ?? ''} ${error.message}`.trim();
    if (!isPlaintextReplyToTls(error)) return new AttemptFailure('tlsHandshakeFailed', { detail });

    // The server spoke plain SMTP: find out whether it offers STARTTLS, to propose that mode.
    const probe = await this.probe((signal) => probePlainSmtp(address, port, this.limits.probeMs, signal));
    let fix: OneTapFix | undefined;
    if (probe?.offersStarttls) fix = { kind: 'setSecurity', security: 'starttls' };
    else if (probe?.greeted && this.request.account.userName === '') fix = { kind: 'setSecurity', security: 'none' };
    return new AttemptFailure('tlsOnPlainPort', {
      step: 'tls',
      detail,
      ...(probe?.greeting ? { serverReply: probe.greeting } : {}),
      ...(fix ? { fix } : {}),
    });
  }

  /** Runs a probe under the attempt's cancellation and deadline; a failed probe returns undefined. */
  private async probe<T>(run: (signal: AbortSignal) => Promise<T>): Promise<T | undefined> {
    const controller = new AbortController();
    try {
      return await this.waitFor<T>((resolve, reject) => {
        run(controller.signal).then(resolve, reject);
      });
    } catch (error) {
      if (error instanceof AttemptCancelled || error instanceof AttemptFailure) throw error;
      return undefined;
    } finally {
      controller.abort();
    }
  }

  // SMTP dialogue with nodemailer: greeting, EHLO, STARTTLS (with the certificate check), AUTH, envelope, data.

  private async openSmtp(
    socket: net.Socket,
    address: string,
    target: { host: string; port: number },
    servername: string | undefined,
  ): Promise<SMTPConnection> {
    const { account } = this.request;
    const transcript = new SmtpTranscript((event, exchange) => this.onTranscriptEvent(event, exchange));
    this.transcript = transcript;
    const backstopMs = this.limits.attemptMs;
    const connection = new SMTPConnection({
      connection: socket,
      host: address,
      port: target.port,
      ...(servername ? { servername } : {}),
      secure: account.security === 'ssl',
      secured: account.security === 'ssl',
      ignoreTLS: account.security === 'none',
      requireTLS: account.security === 'starttls',
      // Certificates are checked by checkServerCertificate before AUTH or MAIL FROM is sent,
      // so that a failed check can report the certificate that was presented.
      tls: { rejectUnauthorized: false, minVersion: 'TLSv1.2' },
      // The step watchdog enforces the real limits; nodemailer's own timers only back it up.
      connectionTimeout: backstopMs,
      greetingTimeout: backstopMs,
      socketTimeout: backstopMs,
      socketCloseTimeout: 0,
      logger: transcript.logger,
      transactionLog: true,
    });
    // nodemailer emits 'error' also outside of a pending command (a reset during QUIT, for one);
    // without a listener that would be thrown as uncaught. Waits attach their own listeners.
    connection.on('error', () => undefined);
    this.connections.add(connection);
    this.sockets.delete(socket);

    this.enter('greeting');
    this.armWatchdog(this.limits.greetingMs, () =>
      new AttemptFailure('noGreeting', {
        step: 'greeting',
        detail: `no greeting within ${this.limits.greetingMs} ms`,
        timeout: { limit: 'greeting', ms: this.limits.greetingMs },
      }),
    );
    try {
      await this.waitOnConnection(connection, (done) => connection.connect(done));
    } catch (error) {
      if (error instanceof AttemptCancelled) throw error;
      const failure = error instanceof AttemptFailure ? error : this.smtpFailure(error as SmtpError);
      if (failure.diagnosis === 'noGreeting' && account.security !== 'ssl') {
        throw await this.confirmImplicitTlsPort(failure, address, target.port, servername);
      }
      throw failure;
    }

    // NOTE: with StartTLS, nodemailer sends its second EHLO right after the handshake, so that EHLO
    // reaches the server before this certificate check. No login or envelope is sent before it.
    if (account.security === 'starttls') this.checkStartTlsSession(connection, target);
    return connection;
  }

  /** Probes with a quick TLS handshake whether a port that sent no greeting expects implicit TLS. */
  private async confirmImplicitTlsPort(
    failure: AttemptFailure,
    address: string,
    port: number,
    servername: string | undefined,
  ): Promise<AttemptFailure> {
    this.disarmWatchdog();
    const speaksTls = await this.probe((signal) => probeImplicitTls(address, port, servername, this.limits.probeMs, signal));
    if (!speaksTls) return failure;
    return new AttemptFailure('plainOnTlsPort', {
      step: 'greeting',
      detail: failure.fields.detail ?? '',
      ...(failure.fields.timeout ? { timeout: failure.fields.timeout } : {}),
      fix: { kind: 'setSecurity', security: 'ssl' },
    });
  }

  private checkStartTlsSession(connection: SMTPConnection, target: { host: string; port: number }): void {
    const socket = connection._socket;
    if (!connection.secure || !(socket instanceof tls.TLSSocket)) {
      throw new AttemptFailure('starttlsRefused', { step: 'starttls', detail: 'session is not encrypted after STARTTLS' });
    }
    const check = checkServerCertificate(socket, target, this.request.account.trustedCertificates);
    if (!check.ok) {
      const { ok: _ok, ...fields } = check;
      throw new AttemptFailure(check.diagnosis, { step: 'starttls', ...fields });
    }
  }

  private onTranscriptEvent(event: 'command' | 'reply', exchange: SmtpExchange): void {
    if (event === 'command') {
      const step = stepOfVerb(exchange.verb);
      if (step) this.enter(step, exchange.verb === 'RCPT' ? exchange.address : undefined);
      this.armReplyWatchdog();
      return;
    }
    // The 220 reply to STARTTLS starts the TLS handshake, bounded like the implicit one.
    if (exchange.verb === 'STARTTLS' && exchange.reply?.startsWith('2')) {
      this.armWatchdog(this.limits.tlsMs, () =>
        new AttemptFailure('tlsHandshakeFailed', {
          step: 'starttls',
          detail: `no TLS handshake within ${this.limits.tlsMs} ms`,
          timeout: { limit: 'tls', ms: this.limits.tlsMs },
        }),
      );
      return;
    }
    this.armReplyWatchdog();
  }

  private armReplyWatchdog(): void {
    this.armWatchdog(this.limits.socketMs, () =>
      new AttemptFailure('responseTimedOut', {
        detail: `no reply within ${this.limits.socketMs} ms`,
        timeout: { limit: 'reply', ms: this.limits.socketMs },
      }),
    );
  }

  /** Runs one nodemailer operation; connection errors and an early close end it too. */
  private waitOnConnection<T>(
    connection: SMTPConnection,
    start: (done: (error?: Error | null, value?: T) => void) => void,
  ): Promise<T> {
    return this.waitFor<T>((resolve, reject) => {
      const onError = (error: Error) => finish(error);
      const onEnd = () => finish(Object.assign(new Error('Connection closed unexpectedly'), { code: 'ECONNECTION' }));
      const finish = (error?: Error | null, value?: T) => {
        connection.removeListener('error', onError);
        connection.removeListener('end', onEnd);
        if (error) reject(error);
        else resolve(value as T);
      };
      connection.on('error', onError);
      connection.once('end', onEnd);
      start(finish);
    });
  }

  /** Maps a nodemailer error to a diagnosis, reading the step and the EHLO reply from the transcript. */
  private smtpFailure(error: SmtpError): AttemptFailure {
    const transcript = this.transcript;
    const response = error.response;
    const detail = [error.code, error.originalCode, error.message].filter(Boolean).join(' ');
    const withReply = (fields: FailureFields): FailureFields => (response ? { ...fields, serverReply: response } : fields);

    if (error.code === 'ETIMEDOUT') {
      if (error.timeoutType === 'GREETING_TIMEOUT') return new AttemptFailure('noGreeting', { step: 'greeting', detail });
      if (error.timeoutType === 'UPGRADE_TIMEOUT') return new AttemptFailure('tlsHandshakeFailed', { step: 'starttls', detail });
      return new AttemptFailure('responseTimedOut', { detail });
    }
    // Any error without a reply during the STARTTLS step happens in the TLS handshake.
    if (this.step === 'starttls' && !response) return new AttemptFailure('tlsHandshakeFailed', { step: 'starttls', detail });
    if (error.command === 'STARTTLS' && response) {
      const offered = parseEhloReply(transcript?.lastReply('EHLO')).extensions.has('STARTTLS');
      return new AttemptFailure(offered ? 'starttlsRefused' : 'starttlsNotOffered', withReply({ step: 'starttls', detail }));
    }
    if (error.command === 'EHLO' || error.command === 'HELO') {
      const ehloReply = transcript?.lastReply('EHLO');
      return new AttemptFailure('ehloRefused', {
        step: 'ehlo',
        detail,
        ...(ehloReply ?? response ? { serverReply: ehloReply ?? response } : {}),
      });
    }
    if (this.step === 'greeting') {
      if (response) return new AttemptFailure('greetingRefused', { step: 'greeting', serverReply: response, detail });
      return new AttemptFailure('noGreeting', { step: 'greeting', detail });
    }
    if (error.code === 'EPROTOCOL' && response) return new AttemptFailure('unexpectedReply', withReply({ detail }));
    return new AttemptFailure('connectionLost', withReply({ detail }));
  }

  private async login(connection: SMTPConnection, capabilities: EhloCapabilities, host: string): Promise<void> {
    const { account, password } = this.request;
    this.enter('auth');
    const ehloReply = this.transcript?.lastReply('EHLO');
    if (!capabilities.advertisesAuth) {
      // Servers often announce AUTH only once the session is encrypted.
      if (account.security === 'none' && capabilities.extensions.has('STARTTLS')) {
        throw new AttemptFailure('encryptionRequired', {
          ...(ehloReply ? { serverReply: ehloReply } : {}),
          fix: { kind: 'setSecurity', security: 'starttls' },
        });
      }
      throw new AttemptFailure('authNotOffered', {
        ...(ehloReply ? { serverReply: ehloReply } : {}),
        detail: ehloReply ? 'EHLO reply lists no AUTH' : 'server answered HELO only',
      });
    }
    const method = ['PLAIN', 'LOGIN'].find((name) => capabilities.authMechanisms.includes(name));
    if (!method) {
      throw new AttemptFailure('authMethodsUnsupported', {
        ...(ehloReply ? { serverReply: ehloReply } : {}),
        detail: `offered: ${capabilities.authMechanisms.join(' ') || '(none)'}`,
      });
    }
    // nodemailer's requireTLS already refuses to go on without STARTTLS; this guard keeps that
    // promise here too, where the password would be sent.
    if (account.security !== 'none' && !connection.secure) {
      throw new AttemptFailure('starttlsNotOffered', { detail: 'session is not encrypted; password not sent' });
    }

    try {
      await this.waitOnConnection<boolean>(connection, (done) =>
        connection.login({ user: account.userName, pass: password ?? '', method }, done),
      );
      this.loggedIn = true;
    } catch (error) {
      if (error instanceof AttemptFailure || error instanceof AttemptCancelled) throw error;
      const smtpError = error as SmtpError;
      if (smtpError.code !== 'EAUTH' || !smtpError.response) throw this.smtpFailure(smtpError);
      const diagnosis = classifyAuthReply(smtpError.response, host);
      const fix: OneTapFix | undefined =
        diagnosis === 'encryptionRequired' && account.security === 'none' && capabilities.extensions.has('STARTTLS')
          ? { kind: 'setSecurity', security: 'starttls' }
          : undefined;
      throw new AttemptFailure(diagnosis, {
        step: 'auth',
        serverReply: smtpError.response,
        detail: `AUTH ${method}`,
        ...(fix ? { fix } : {}),
      });
    }
  }

  private async send(connection: SMTPConnection, capabilities: EhloCapabilities): Promise<SessionResult> {
    const { account, recipients, message } = this.request;
    const sender = account.senderAddress.trim();
    this.enter('sender');
    const smtputf8 = capabilities.extensions.has('SMTPUTF8');
    if (!smtputf8 && needsSmtputf8(sender)) {
      throw new AttemptFailure('senderNeedsSmtputf8', { detail: `"${sender}"; EHLO reply lists no SMTPUTF8` });
    }
    const skipped: RejectedRecipient[] = [];
    const envelopeRecipients: string[] = [];
    for (const address of recipients) {
      if (!smtputf8 && needsSmtputf8(address)) {
        skipped.push({ address, reply: '', diagnosis: 'recipientNeedsSmtputf8', deviceCode: deviceCodeOf('recipientNeedsSmtputf8') });
      } else {
        envelopeRecipients.push(address);
      }
    }
    if (envelopeRecipients.length === 0) {
      throw new AttemptFailure('recipientNeedsSmtputf8', {
        step: 'recipient',
        rejected: skipped,
        detail: 'EHLO reply lists no SMTPUTF8',
      });
    }

    let info: SMTPConnection.SentMessageInfo;
    try {
      info = await this.waitOnConnection<SMTPConnection.SentMessageInfo>(connection, (done) =>
        connection.send({ from: sender, to: envelopeRecipients, size: message.length }, message, (error, value) =>
          done(error, value),
        ),
      );
    } catch (error) {
      if (error instanceof AttemptFailure || error instanceof AttemptCancelled) throw error;
      throw this.sendFailure(error as SmtpError, skipped);
    }
    this.disarmWatchdog();

    const replies = this.transcript?.recipientReplies() ?? new Map<string, string>();
    const refusedByServer = (info.rejectedErrors ?? []).map((error) => this.rejectedRecipient(error as SmtpError));
    connection.quit();
    // QUIT closes the connection on the server's reply; one that never replies is closed anyway.
    setTimeout(() => connection.close(), this.limits.socketMs).unref();
    this.connections.delete(connection);

    return {
      status: 'sent',
      accepted: info.accepted.map((address) => ({ address, reply: replies.get(address) ?? '' })),
      rejected: [...refusedByServer, ...skipped],
      response: info.response,
      elapsedMs: this.elapsedMs(),
    };
  }

  private rejectedRecipient(error: SmtpError): RejectedRecipient {
    const reply = error.response ?? '';
    const diagnosis = classifyRecipientReply(reply, this.loggedIn);
    return { address: error.recipient ?? '', reply, diagnosis, deviceCode: deviceCodeOf(diagnosis) };
  }

  private sendFailure(error: SmtpError, skipped: RejectedRecipient[]): AttemptFailure {
    const response = error.response;
    const detail = [error.code, error.message].filter(Boolean).join(' ');
    switch (error.command) {
      case 'MAIL FROM':
        if (!response) break;
        return new AttemptFailure(classifySenderReply(response), { step: 'sender', serverReply: response, detail });
      case 'RCPT TO': {
        const rejected = [...(error.rejectedErrors ?? []).map((item) => this.rejectedRecipient(item)), ...skipped];
        const first = rejected[0];
        return new AttemptFailure(first?.diagnosis ?? 'recipientRefused', {
          step: 'recipient',
          rejected,
          ...(response ? { serverReply: response } : {}),
          detail,
        });
      }
      case 'DATA':
        if (!response) break;
        return new AttemptFailure('messageRefused', { step: 'data', serverReply: response, detail });
    }
    return this.smtpFailure(error);
  }
}
