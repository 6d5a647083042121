import { randomUUID } from 'node:crypto';
import { parseEmailAddress } from '../../shared/address';
import { deviceCodeOf, type TestEmailProgress, type TestEmailResult } from '../../shared/mail-result';
import type { Recipient, SettingsFile } from '../../shared/settings';
import { testEmailSetupOf, type TestEmailAttempt, type TestEmailSetup } from '../../shared/test-email-attempt';
import type { Logger } from '../logger';
import { RejectedRequestError } from '../requests/types';
import type { SettingsStore } from '../settings/settings-store';
import { resolveLimits, type SmtpLimits } from './limits';
import type { LookupFunction } from './resolve';
import { sendTestEmail } from './test-email';

export interface TestEmailAttemptsOptions {
  settings: SettingsStore;
  logger: Logger;
  /** Receives a copy of the attempt when it starts, at each step and when a cancel is requested. */
  onProgress?: (attempt: TestEmailAttempt) => void;
  /** Receives a copy of the attempt once it is `done`, with its result. */
  onFinished?: (attempt: TestEmailAttempt) => void;
  limits?: Partial<SmtpLimits>;
  /** DNS lookup; the system resolver when absent. */
  lookup?: LookupFunction;
}

/**
 * Runs "Envoyer un e-mail test" on the main side with the saved settings: one attempt at a time,
 * cancellable, and kept after it ends so that every window can show its result.
 */
export class TestEmailAttempts {
  private attempt: TestEmailAttempt | null = null;
  private controller: AbortController | null = null;
  private running: Promise<void> = Promise.resolve();
  private stopped = false;
  private readonly limits: SmtpLimits;

  constructor(private readonly options: TestEmailAttemptsOptions) {
    this.limits = resolveLimits(options.limits);
  }

  /** Returns the running attempt, or the last one, or null before the first. */
  status(): TestEmailAttempt | null {
    return this.attempt ? structuredClone(this.attempt) : null;
  }

  /**
   * Starts a test e-mail to the active recipients with the saved account and password. Throws
   * RejectedRequestError when an attempt is already running, when no active recipient has an
   * address, or when an active recipient's address is invalid.
   */
  start(): TestEmailAttempt {
    if (this.stopped) throw new Error('The test e-mail service is stopped.');
    if (this.attempt?.state === 'running') {
      throw new RejectedRequestError(
        `A test e-mail is already being sent (attempt ${this.attempt.attemptId}). Wait for its result or cancel it.`,
        undefined,
        'mail:request.alreadyRunning',
      );
    }
    const settings = this.options.settings.current();
    const recipients = activeRecipientAddresses(settings.recipients);
    const setup: TestEmailSetup = {
      ...testEmailSetupOf(settings.smtp, settings.smtpPassword !== null, settings.recipients),
      recipients,
    };
    const attempt: TestEmailAttempt = {
      attemptId: randomUUID(),
      state: 'running',
      startedAt: new Date().toISOString(),
      step: 'dns',
      elapsedMs: 0,
      limitMs: this.limits.attemptMs,
      cancelRequested: false,
      setup,
    };
    const controller = new AbortController();
    this.attempt = attempt;
    this.controller = controller;
    this.options.logger.info('test e-mail started', {
      attemptId: attempt.attemptId,
      server: setup.server,
      security: setup.security,
      authentication: setup.userName !== '',
      recipients: recipients.length,
    });
    this.options.onProgress?.(structuredClone(attempt));
    this.running = this.run(attempt, settings, controller.signal);
    return structuredClone(attempt);
  }

  /**
   * Cancels the attempt and returns it once it has ended. An attempt that already ended is returned
   * unchanged. Throws RejectedRequestError when `attemptId` is not the current or last attempt.
   */
  async cancel(attemptId: string): Promise<TestEmailAttempt> {
    const attempt = this.attempt;
    if (!attempt || attempt.attemptId !== attemptId) {
      throw new RejectedRequestError(
        `Test e-mail attempt "${attemptId}" not found: only the current or last attempt can be cancelled. Reload the screen.`,
        'attemptId',
        'mail:request.attemptNotFound',
      );
    }
    if (attempt.state === 'running' && !attempt.cancelRequested) {
      attempt.cancelRequested = true;
      this.options.logger.info('test e-mail cancel requested', {
        attemptId,
        step: attempt.step,
        elapsedMs: attempt.elapsedMs,
      });
      this.options.onProgress?.(structuredClone(attempt));
      this.controller?.abort();
    }
    await this.running;
    return structuredClone(attempt);
  }

  /** Resolves once the running attempt, if any, has ended. */
  whenIdle(): Promise<void> {
    return this.running;
  }

  /** Cancels a running attempt, waits for its end and refuses new ones. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.controller?.abort();
    await this.running;
  }

  private async run(attempt: TestEmailAttempt, settings: SettingsFile, signal: AbortSignal): Promise<void> {
    const onProgress = (progress: TestEmailProgress) => {
      if (attempt.state !== 'running') return;
      attempt.step = progress.step;
      attempt.elapsedMs = progress.elapsedMs;
      if (progress.recipient === undefined) delete attempt.recipient;
      else attempt.recipient = progress.recipient;
      this.options.onProgress?.(structuredClone(attempt));
    };

    let result: TestEmailResult;
    try {
      result = await sendTestEmail(
        {
          config: { account: settings.smtp, password: this.options.settings.smtpPassword() },
          recipients: attempt.setup.recipients,
          device: settings.device,
          language: settings.device.language,
        },
        {
          signal,
          onProgress,
          limits: this.limits,
          logger: this.options.logger,
          ...(this.options.lookup ? { lookup: this.options.lookup } : {}),
        },
      );
    } catch (error) {
      // sendTestEmail reports network and server failures as results; an exception is a defect.
      this.options.logger.error('test e-mail failed unexpectedly', {
        attemptId: attempt.attemptId,
        error: (error as Error)?.stack ?? String(error),
      });
      result = {
        status: 'failed',
        ok: false,
        failure: {
          step: attempt.step,
          deviceCode: deviceCodeOf('connectionFailed'),
          diagnosis: 'connectionFailed',
          detail: (error as Error)?.message ?? String(error),
          elapsedMs: attempt.elapsedMs,
        },
      };
    }
    this.finish(attempt, result);
  }

  private finish(attempt: TestEmailAttempt, result: TestEmailResult): void {
    attempt.state = 'done';
    attempt.result = result;
    delete attempt.recipient;
    switch (result.status) {
      case 'sent':
        attempt.step = 'data';
        attempt.elapsedMs = result.elapsedMs;
        break;
      case 'failed':
        attempt.step = result.failure.step;
        attempt.elapsedMs = result.failure.elapsedMs;
        break;
      case 'cancelled':
        attempt.step = result.step;
        attempt.elapsedMs = result.elapsedMs;
        break;
    }
    if (this.attempt === attempt) this.controller = null;
    this.options.logger.info('test e-mail finished', {
      attemptId: attempt.attemptId,
      status: result.status,
      step: attempt.step,
      elapsedMs: attempt.elapsedMs,
      ...(result.status === 'sent' ? { accepted: result.accepted.length, rejected: result.rejected.length } : {}),
      ...(result.status === 'failed' ? { diagnosis: result.failure.diagnosis, deviceCode: result.failure.deviceCode } : {}),
    });
    this.options.onFinished?.(structuredClone(attempt));
  }
}

/**
 * Returns the active, non-empty recipient addresses in their envelope form (ASCII domain), without
 * duplicates. Throws RejectedRequestError for an invalid active address, naming its position,
 * and when no active recipient has an address.
 */
export function activeRecipientAddresses(recipients: readonly Recipient[]): string[] {
  const addresses: string[] = [];
  recipients.forEach((recipient, index) => {
    if (!recipient.active || recipient.address.trim() === '') return;
    const parsed = parseEmailAddress(recipient.address);
    if (!parsed.ok) {
      const number = String(index + 1);
      throw new RejectedRequestError(
        `E-mail recipient ${number} "${parsed.value}" is invalid (${parsed.error}). Correct the address or set the recipient to inactive.`,
        `recipients.${index}.address`,
        'mail:request.recipientInvalid',
        { index: number, address: parsed.value },
      );
    }
    if (!addresses.includes(parsed.asciiAddress)) addresses.push(parsed.asciiAddress);
  });
  if (addresses.length === 0) {
    throw new RejectedRequestError(
      'No active e-mail recipient has an address. Enter at least one recipient address and set it to active.',
      'recipients',
      'mail:request.noRecipient',
    );
  }
  return addresses;
}
