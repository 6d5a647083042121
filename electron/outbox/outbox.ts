import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { AttemptResult, ComposedEmail, HeldBackItem, JournalEntry, OutboxEntry } from '../../shared/alarm-email';
import type { Alarm } from '../../shared/device-state';
import { deviceCodeOf } from '../../shared/mail-result';
import { systemClock, type Clock, type TimerHandle } from '../device/clock';
import type { Logger } from '../logger';
import { deliverMessage, type DeliverOptions, type DeliveryOutcome, type OutgoingMessage, type SmtpConfig } from '../mail/deliver';
import { OutboxStore, type StoredMessage } from './outbox-store';
import { resolveRetryPolicy, retryDelay, type RetryPolicy } from './retry-policy';
import {
  admit,
  EMPTY_STORM_STATE,
  resolveStormPolicy,
  summaryDueAt,
  type HeldRecord,
  type StormPolicy,
  type StormState,
} from './storm-control';

/** Latest delivery attempts kept in the journal. */
export const JOURNAL_SIZE = 200;
/** Accepted e-mails kept in the outbox list after acceptance; older ones are deleted. */
export const KEPT_ACCEPTED = 50;

/** Settings an attempt needs, read right before it so that changes made while e-mails wait apply. */
export interface SendingSetup {
  config: SmtpConfig;
  /** Active, non-empty recipient addresses. */
  recipients: string[];
}

export type DeliverFunction = (config: SmtpConfig, message: OutgoingMessage, options: DeliverOptions) => Promise<DeliveryOutcome>;

/** Input of the summary composer: the held-back events and the limits that held them back. */
export interface SummaryRequest {
  held: HeldBackItem[];
  since: Date;
  at: Date;
  limits: Pick<StormPolicy, 'maxPerWindow' | 'windowMs' | 'holdOffMs'>;
}

export interface OutboxOptions {
  /** Folder of the outbox files; created when missing. */
  dir: string;
  sendingSetup: () => SendingSetup | Promise<SendingSetup>;
  /** Serial number of the device, the domain part of each Message-ID. */
  deviceSerial: () => string;
  /** Composes the summary of held-back alarm e-mails in the device language, with the device's current state. */
  composeSummary: (request: SummaryRequest) => ComposedEmail;
  /** deliverMessage when absent. */
  deliver?: DeliverFunction;
  /** Time limits and DNS lookup handed to `deliver`. */
  deliverOptions?: Omit<DeliverOptions, 'signal'>;
  clock?: Clock;
  random?: () => number;
  retry?: Partial<RetryPolicy>;
  storm?: Partial<StormPolicy>;
  journalSize?: number;
  keptAccepted?: number;
  logger?: Logger;
}

/** An alarm e-mail composed by the rules, ready for the outbox. */
export interface AlarmEmailRequest {
  alarm: Alarm;
  event: 'start' | 'end';
  /** When the alarm started or ended; the e-mail's Date header. */
  at: Date;
  subject: string;
  text: string;
}

export type EnqueueResult =
  | { status: 'queued'; entry: OutboxEntry }
  /** Held back by storm control; the summary e-mail will count it. */
  | { status: 'heldBack'; reason: 'holdOff' | 'cap' };

export interface OutboxEvents {
  /** The outbox list after every change. */
  changed: [OutboxEntry[]];
  /** The journal after every new entry, newest first. */
  journal: [JournalEntry[]];
}

/**
 * The persistent outbox of alarm e-mails. Each e-mail is written to disk before its first
 * attempt, then delivered one at a time (one SMTP session at a time), oldest first, to the
 * recipients active at that moment. A temporary failure keeps it pending and backs off the whole
 * outbox, because the next e-mail would meet the same server. A permanent failure marks it failed;
 * it stays in the list until `requeue`. Pending e-mails are sent again after a restart.
 *
 * Exactly-once: an e-mail is marked accepted in its file right after the server accepts it. The
 * program may still stop between the server's acceptance and that write (a few milliseconds), or
 * while waiting for the server's reply to the message data. The e-mail is then sent again after
 * the restart with the same Message-ID, and the journal shows the cut-short attempt as interrupted.
 *
 * NOTE: one Outbox per folder. Nothing locks the folder, and two instances on the same folder
 * would each send the same pending e-mails.
 */
export class Outbox extends EventEmitter<OutboxEvents> {
  private readonly store: OutboxStore;
  private readonly clock: Clock;
  private readonly random: () => number;
  private readonly retryPolicy: RetryPolicy;
  private readonly stormPolicy: StormPolicy;
  private readonly deliver: DeliverFunction;
  private readonly journalSize: number;
  private readonly keptAccepted: number;
  private readonly logger: Logger | undefined;

  private messages: StoredMessage[] = [];
  private journalEntries: JournalEntry[] = [];
  private storm: StormState = EMPTY_STORM_STATE;
  private sequence = 0;
  private state: 'idle' | 'starting' | 'running' | 'stopping' = 'idle';
  private starting: Promise<void> | null = null;
  private pumping: Promise<void> | null = null;
  private pumpAgain = false;
  /** Consecutive temporary failures; sets the back-off. */
  private failures = 0;
  private retryAt = 0;
  private retryTimer: TimerHandle | null = null;
  private summaryTimer: TimerHandle | null = null;
  private inFlight: AbortController | null = null;
  private readonly pendingWrites = new Set<Promise<unknown>>();
  /** Ids of e-mails whose first write has not finished. */
  private readonly unsaved = new Set<string>();

  constructor(private readonly options: OutboxOptions) {
    super();
    this.clock = options.clock ?? systemClock;
    this.random = options.random ?? Math.random;
    this.retryPolicy = resolveRetryPolicy(options.retry);
    this.stormPolicy = resolveStormPolicy(options.storm);
    this.deliver = options.deliver ?? deliverMessage;
    this.journalSize = options.journalSize ?? JOURNAL_SIZE;
    this.keptAccepted = options.keptAccepted ?? KEPT_ACCEPTED;
    this.logger = options.logger;
    this.store = new OutboxStore(options.dir, options.logger, () => this.clock.now());
  }

  /** Loads the outbox folder, records attempts cut short by a stop, and starts sending what is pending. */
  async start(): Promise<void> {
    if (this.state !== 'idle') throw new Error(`The outbox cannot start while it is ${this.state}.`);
    this.state = 'starting';
    this.starting = this.load();
    try {
      await this.starting;
    } catch (error) {
      this.state = 'idle';
      throw error;
    } finally {
      this.starting = null;
    }
  }

  private async load(): Promise<void> {
    const loaded = await this.store.load();
    this.messages = loaded.messages;
    this.journalEntries = loaded.journal.slice(-this.journalSize);
    this.storm = loaded.storm;
    this.sequence = Math.max(0, ...this.messages.map((stored) => stored.sequence));
    this.failures = 0;
    this.retryAt = 0;

    for (const stored of this.messages) {
      if (!stored.attemptInProgress) continue;
      stored.attemptInProgress = false;
      const result = emptyResult('interrupted');
      result.detail = 'The program stopped during this attempt; the server may have received the e-mail.';
      stored.entry = { ...stored.entry, lastResult: result };
      this.addJournal(stored.entry, result, null);
      await this.store.saveMessage(stored);
    }

    this.state = 'running';
    const pending = this.messages.filter((stored) => stored.entry.status === 'pending').length;
    this.logger?.info('outbox started', { dir: this.options.dir, pending, setAside: loaded.setAside });
    this.scheduleSummary();
    this.emitChanged();
    this.kick();
  }

  /**
   * Stops sending. An attempt in progress is awaited, because cutting it short could leave the
   * server with a message that the outbox sends again later. With `abort` it is cancelled at once and stays pending.
   */
  async stop(options: { abort?: boolean } = {}): Promise<void> {
    await this.starting?.catch(() => undefined);
    if (this.state === 'idle' || this.state === 'stopping') return;
    this.state = 'stopping';
    this.clearTimer('retryTimer');
    this.clearTimer('summaryTimer');
    if (options.abort) this.inFlight?.abort();
    await this.pumping;
    await Promise.all([...this.pendingWrites]);
    this.store.saveStorm(this.storm);
    await this.store.flush();
    this.state = 'idle';
    this.logger?.info('outbox stopped', { pending: this.pendingCount() });
  }

  /**
   * Stores an alarm e-mail and queues it, unless storm control holds it back. Resolves once the
   * e-mail is on disk. Admission is decided at the call, so calls made in a burst count in order.
   */
  async enqueue(request: AlarmEmailRequest): Promise<EnqueueResult> {
    if (this.state !== 'running') {
      throw new Error('The outbox is not running: call start() before enqueue(), and do not enqueue after stop().');
    }
    const at = this.clock.now();
    const decision = admit(this.storm, this.stormPolicy, { alarm: request.alarm, event: request.event, at });
    this.storm = decision.state;
    this.store.saveStorm(this.storm);

    if (decision.admission !== 'send') {
      this.logger?.info('alarm e-mail held back', { reason: decision.admission, subject: request.subject });
      this.scheduleSummary();
      return { status: 'heldBack', reason: decision.admission };
    }

    const entry = await this.add({
      kind: 'alarm',
      alarm: request.alarm,
      event: request.event,
      createdAt: request.at.getTime(),
      subject: request.subject,
      text: request.text,
    });
    return { status: 'queued', entry };
  }

  /** Returns the outbox entries, oldest first: pending, failed and the latest accepted ones. */
  list(): OutboxEntry[] {
    return this.messages.map((stored) => ({ ...stored.entry }));
  }

  /** Returns the latest delivery attempts, newest first. */
  journal(): JournalEntry[] {
    return [...this.journalEntries].reverse();
  }

  pendingCount(): number {
    return this.messages.filter((stored) => stored.entry.status === 'pending').length;
  }

  /** Ends the back-off wait and tries the pending e-mails now, e.g. after the SMTP settings changed. */
  retryNow(): void {
    if (this.state !== 'running') return;
    this.logger?.info('outbox retry requested', { pending: this.pendingCount() });
    this.retryAt = 0;
    this.clearTimer('retryTimer');
    this.kick();
  }

  /** Puts a failed e-mail back in the queue; returns false when no failed e-mail has this id. */
  async requeue(id: string): Promise<boolean> {
    const stored = this.messages.find((candidate) => candidate.entry.id === id);
    if (stored === undefined || stored.entry.status !== 'failed') return false;
    stored.entry = { ...stored.entry, status: 'pending', nextAttemptAt: null };
    await this.store.saveMessage(stored);
    this.logger?.info('failed e-mail queued again', { id, messageId: stored.entry.messageId });
    this.emitChanged();
    this.retryNow();
    return true;
  }

  private async add(fields: Pick<OutboxEntry, 'kind' | 'alarm' | 'event' | 'createdAt' | 'subject' | 'text'>): Promise<OutboxEntry> {
    const id = randomUUID();

    const entry: OutboxEntry = {
      ...fields,
      id,
      messageId: `<${id}@${messageIdHost(this.options.deviceSerial())}>`,
      status: 'pending',
      attempts: 0,
      lastAttemptAt: null,
      nextAttemptAt: null,
      acceptedAt: null,
      recipients: [],
      lastResult: null,
    };
    const stored: StoredMessage = { sequence: ++this.sequence, attemptInProgress: false, entry };

    // Listed at once, so that e-mails queued in a burst go out in call order even when their writes
    // finish out of order. The pump skips an e-mail until its file is on disk.
    this.messages.push(stored);
    this.unsaved.add(id);
    try {
      await this.track(this.store.saveMessage(stored));
    } catch (error) {
      this.messages = this.messages.filter((candidate) => candidate !== stored);
      throw error;
    } finally {
      this.unsaved.delete(id);
    }

    this.logger?.info('e-mail queued', { id, messageId: entry.messageId, kind: entry.kind, subject: entry.subject });
    this.emitChanged();
    this.kick();
    return { ...entry };
  }

  private kick(): void {
    if (this.state !== 'running') return;
    if (this.pumping !== null) {
      this.pumpAgain = true;
      return;
    }
    this.pumping = this.pump().finally(() => {
      this.pumping = null;
      if (this.pumpAgain) {
        this.pumpAgain = false;
        this.kick();
      }
    });
  }

  /** Sends pending e-mails one at a time until none is left, the back-off requires a wait, or the outbox stops. */
  private async pump(): Promise<void> {
    try {
      while (this.state === 'running') {
        this.pumpAgain = false;
        const next = this.messages.find((stored) => stored.entry.status === 'pending');
        if (next === undefined || this.unsaved.has(next.entry.id)) return;
        const wait = this.retryAt - this.clock.now();
        if (wait > 0) {
          this.scheduleRetry(wait);
          return;
        }
        await this.attempt(next);
      }
    } catch (error) {
      this.logger?.error('outbox delivery loop failed', { error: String(error) });
      this.failures++;
      this.retryAt = this.clock.now() + retryDelay(this.retryPolicy, this.failures, this.random);
      this.scheduleRetry(this.retryAt - this.clock.now());
    }
  }

  private async attempt(stored: StoredMessage): Promise<void> {
    const { entry } = stored;
    let setup: SendingSetup;
    try {
      setup = await this.options.sendingSetup();
    } catch (error) {
      const result = emptyResult('temporary');
      result.detail = `The SMTP settings could not be read: ${String(error)}`;
      this.logger?.error('SMTP settings unreadable, e-mail stays pending', { id: entry.id, error: String(error) });
      await this.finish(stored, result, entry.recipients);
      return;
    }

    const recipients = [...new Set(setup.recipients.map((address) => address.trim()).filter((address) => address !== ''))];
    const started: OutboxEntry = { ...entry, attempts: entry.attempts + 1, lastAttemptAt: this.clock.now(), recipients };
    await this.store.saveMessage({ ...stored, attemptInProgress: true, entry: started });
    stored.attemptInProgress = true;
    stored.entry = started;

    if (recipients.length === 0) {
      const result = emptyResult('permanent');
      Object.assign(result, { diagnosis: 'noRecipient', deviceCode: deviceCodeOf('noRecipient'), step: 'recipient' });
      result.detail = 'No active recipient: activate at least one address under "Configuration des adresses e-mail de destinataires".';
      await this.finish(stored, result, recipients);
      return;
    }

    const message: OutgoingMessage = {
      messageId: entry.messageId,
      date: new Date(entry.createdAt),
      subject: entry.subject,
      text: entry.text,
      to: recipients,
    };
    const controller = new AbortController();
    this.inFlight = controller;
    let result: AttemptResult;
    try {
      const outcome = await this.deliver(setup.config, message, { ...this.options.deliverOptions, signal: controller.signal });
      result = toAttemptResult(outcome);
    } catch (error) {
      result = emptyResult('permanent');
      result.detail = `Delivery failed unexpectedly: ${String(error)}`;
      this.logger?.error('delivery threw, e-mail marked failed', { id: entry.id, messageId: entry.messageId, error: String(error) });
    } finally {
      this.inFlight = null;
    }
    await this.finish(stored, result, recipients);
  }

  /** Sets the back-off from an attempt's result, then records the result in the message file and then in the journal. */
  private async finish(stored: StoredMessage, result: AttemptResult, recipients: string[]): Promise<void> {
    const now = this.clock.now();
    let nextAttemptAt: number | null = null;
    if (result.outcome === 'temporary') {
      this.failures++;
      const delay = retryDelay(this.retryPolicy, this.failures, this.random);
      this.retryAt = now + delay;
      nextAttemptAt = this.retryAt;
    } else if (result.outcome === 'accepted') {
      this.failures = 0;
      this.retryAt = 0;
    }

    let status: OutboxEntry['status'] = 'pending';
    if (result.outcome === 'accepted') status = 'accepted';
    if (result.outcome === 'permanent') status = 'failed';
    const updated: OutboxEntry = {
      ...stored.entry,
      status,
      acceptedAt: result.outcome === 'accepted' ? now : null,
      nextAttemptAt,
      lastResult: result,
    };
    await this.store.saveMessage({ ...stored, attemptInProgress: false, entry: updated });
    stored.attemptInProgress = false;
    stored.entry = updated;

    const fields = { id: stored.entry.id, messageId: stored.entry.messageId, attempt: stored.entry.attempts };
    if (result.outcome === 'accepted') {
      this.logger?.info('e-mail accepted by the server', { ...fields, recipients, rejected: result.rejected.length });
    } else if (result.outcome === 'temporary') {
      this.logger?.warn('e-mail delivery failed, will retry', {
        ...fields,
        diagnosis: result.diagnosis,
        deviceCode: result.deviceCode,
        retryInMs: nextAttemptAt === null ? null : nextAttemptAt - now,
      });
    } else {
      this.logger?.error('e-mail delivery failed permanently', { ...fields, diagnosis: result.diagnosis, deviceCode: result.deviceCode });
    }

    this.addJournal(stored.entry, result, nextAttemptAt);
    await this.pruneAccepted();
    this.emitChanged();
  }

  private addJournal(entry: OutboxEntry, result: AttemptResult, nextAttemptAt: number | null): void {
    this.journalEntries.push({
      at: this.clock.now(),
      outboxId: entry.id,
      messageId: entry.messageId,
      kind: entry.kind,
      alarm: entry.alarm,
      event: entry.event,
      subject: entry.subject,
      recipients: entry.recipients,
      attempt: entry.attempts,
      result,
      nextAttemptAt,
    });
    if (this.journalEntries.length > this.journalSize) this.journalEntries.splice(0, this.journalEntries.length - this.journalSize);
    this.store.saveJournal(this.journalEntries);
    this.emit('journal', this.journal());
  }

  private async pruneAccepted(): Promise<void> {
    const accepted = this.messages.filter((stored) => stored.entry.status === 'accepted');
    const excess = accepted.slice(0, Math.max(0, accepted.length - this.keptAccepted));
    if (excess.length === 0) return;
    this.messages = this.messages.filter((stored) => !excess.includes(stored));
    for (const stored of excess) await this.store.deleteMessage(stored.entry.id);
  }

  /** Sets the summary timer for the held-back events, if any. */
  private scheduleSummary(): void {
    if (this.state !== 'running' || this.summaryTimer !== null) return;
    const dueAt = summaryDueAt(this.storm, this.stormPolicy);
    if (dueAt === null) return;
    this.summaryTimer = this.clock.setTimeout(() => {
      this.summaryTimer = null;
      void this.track(this.sendSummary());
    }, Math.max(0, dueAt - this.clock.now()));
  }

  /** Queues the summary of the held-back events and clears them. */
  private async sendSummary(): Promise<void> {
    if (this.state !== 'running' || this.storm.held.length === 0) return;
    const held = this.storm.held;
    const now = this.clock.now();
    let email: ComposedEmail;
    try {
      email = this.options.composeSummary({
        held: held.map((record) => ({ alarm: record.alarm, event: record.event, count: record.count })),
        since: new Date(Math.min(...held.map((record) => record.firstAt))),
        at: new Date(now),
        limits: this.stormPolicy,
      });
    } catch (error) {
      this.logger?.error('summary e-mail could not be composed, trying again later', { error: String(error) });
      this.retrySummaryLater();
      return;
    }

    this.storm = { ...this.storm, held: [] };
    this.store.saveStorm(this.storm);
    try {
      await this.add({ kind: 'summary', alarm: null, event: null, createdAt: now, subject: email.subject, text: email.text });
    } catch (error) {
      // The summary could not be stored: its events go back to the held-back list for the next try.
      this.storm = { ...this.storm, held: mergeHeld(held, this.storm.held) };
      this.store.saveStorm(this.storm);
      this.logger?.error('summary e-mail could not be stored, trying again later', { error: String(error) });
      this.retrySummaryLater();
      return;
    }
    const total = held.reduce((sum, record) => sum + record.count, 0);
    this.logger?.info('summary of held-back alarm e-mails queued', { heldBack: total });
    this.scheduleSummary();
  }

  private retrySummaryLater(): void {
    if (this.state !== 'running' || this.summaryTimer !== null) return;
    this.summaryTimer = this.clock.setTimeout(() => {
      this.summaryTimer = null;
      void this.track(this.sendSummary());
    }, this.stormPolicy.summaryDelayMs);
  }

  private scheduleRetry(wait: number): void {
    this.clearTimer('retryTimer');
    this.retryTimer = this.clock.setTimeout(() => {
      this.retryTimer = null;
      this.kick();
    }, wait);
  }

  private clearTimer(name: 'retryTimer' | 'summaryTimer'): void {
    const handle = this[name];
    if (handle !== null) this.clock.clearTimeout(handle);
    this[name] = null;
  }

  /** Keeps a write that no caller awaits, so that stop() can wait for it; its failure is logged. */
  private track<T>(promise: Promise<T>): Promise<T> {
    const tracked = promise.finally(() => this.pendingWrites.delete(tracked));
    this.pendingWrites.add(tracked);
    tracked.catch((error: unknown) => this.logger?.error('outbox write failed', { error: String(error) }));
    return tracked;
  }

  private emitChanged(): void {
    this.emit('changed', this.list());
  }
}

/** Adds the counts of `later` to `earlier`, per alarm and event. */
function mergeHeld(earlier: HeldRecord[], later: HeldRecord[]): HeldRecord[] {
  const merged = earlier.map((record) => ({ ...record }));
  for (const record of later) {
    const same = merged.find((candidate) => candidate.key === record.key && candidate.event === record.event);
    if (same === undefined) {
      merged.push({ ...record });
      continue;
    }
    same.count += record.count;
    same.alarm = record.alarm;
    same.lastAt = record.lastAt;
  }
  return merged;
}

function emptyResult(outcome: AttemptResult['outcome']): AttemptResult {
  return { outcome, deviceCode: null, diagnosis: null, step: null, serverReply: null, detail: null, rejected: [] };
}

function toAttemptResult(outcome: DeliveryOutcome): AttemptResult {
  if (outcome.status === 'accepted') {
    return {
      ...emptyResult('accepted'),
      deviceCode: outcome.rejected.length > 0 ? deviceCodeOf('recipientRefused') : null,
      serverReply: outcome.response,
      rejected: outcome.rejected,
    };
  }
  const { failure } = outcome;
  return {
    outcome: outcome.status,
    deviceCode: failure.deviceCode,
    diagnosis: failure.diagnosis,
    step: failure.step,
    serverReply: failure.serverReply ?? null,
    detail: failure.detail ?? null,
    rejected: (failure.rejected ?? []).map(({ address, reply }) => ({ address, reply })),
  };
}

/** Host part of the Message-ID: the serial number under the reserved `.invalid` top-level domain. */
export function messageIdHost(serialNumber: string): string {
  const label = serialNumber.toLowerCase().replace(/[^0-9a-z-]/g, '');
  return `${label === '' ? 'device' : label}.poolmanager.invalid`;
}
