import { EventEmitter } from 'node:events';
import { DEFAULT_LEVEL_WARNING_LITRES, DEVICE_PROFILES } from '../../shared/alarms';
import { SCENARIO_STEP_SECONDS, SCENARIO_STEPS, type ScenarioStatus, type ScenarioStepId } from '../../shared/device-contract';
import type { DosingChannel } from '../../shared/device-state';
import type { DeviceType } from '../../shared/settings';
import type { Logger } from '../logger';
import { systemClock, type Clock, type TimerHandle } from './clock';
import type { DeviceSimulator } from './simulator';

/** Spacing between two steps when the caller sets none. */
export const DEFAULT_STEP_MS = SCENARIO_STEP_SECONDS.default * 1000;

/**
 * Pause after the last step before the sequence starts again. With the default spacing one round
 * lasts 6 min 20 s, longer than storm control's 5-minute hold-off, so each round e-mails the same
 * alarms again until the hourly cap of alarm e-mails applies.
 */
export const DEFAULT_ROUND_PAUSE_MS = 3 * 60_000;

/** Device commands the scenario uses. */
export type ScenarioDevice = Pick<
  DeviceSimulator,
  'setMeasurement' | 'raiseAlarm' | 'acknowledge' | 'acknowledgeAll' | 'refill' | 'cutFlow' | 'restoreFlow' | 'snapshot' | 'measurementLimits'
>;

export interface DemoScenarioOptions {
  device: ScenarioDevice;
  /** The device type, read at each step: the level warning goes to its disinfection canister. */
  deviceType: () => DeviceType;
  clock?: Clock;
  roundPauseMs?: number;
  logger?: Logger;
}

/**
 * The automatic demo scenario for an unattended trade-show booth. It plays a realistic sequence
 * on a loop, one step every `stepMs`. The pH drifts up and passes its upper limit (upper pH
 * alarm), the alarm is acknowledged, and the pH comes back (the alarm ends). The disinfection
 * canister runs low (level warning, 5.0 l) and is refilled. The flow of measuring water stops and
 * returns, and the queue is acknowledged, which ends a flow alarm under manual acknowledgement.
 * A dosing alarm starts and is acknowledged, which ends it. Each step acts on the device like the demo screen's buttons, so
 * the alarm e-mail rules and storm control apply as they would to real events.
 * Stopping leaves the device as it is.
 */
export class DemoScenario extends EventEmitter<{ changed: [ScenarioStatus] }> {
  private readonly clock: Clock;
  private readonly roundPauseMs: number;
  private stepMs = DEFAULT_STEP_MS;
  private timer: TimerHandle | null = null;
  private nextIndex = 0;
  private lastStep: ScenarioStepId | null = null;
  private nextStepAt: number | null = null;
  private rounds = 0;

  constructor(private readonly options: DemoScenarioOptions) {
    super();
    this.clock = options.clock ?? systemClock;
    this.roundPauseMs = options.roundPauseMs ?? DEFAULT_ROUND_PAUSE_MS;
    if (!(this.roundPauseMs >= 0)) throw new RangeError(`roundPauseMs must be zero or more milliseconds, got ${this.roundPauseMs}.`);
  }

  /** Starts from the first step, which runs at once. A running scenario starts over with the new spacing. */
  start(stepMs: number = DEFAULT_STEP_MS): ScenarioStatus {
    if (!(Number.isFinite(stepMs) && stepMs > 0)) throw new RangeError(`stepMs must be a positive number of milliseconds, got ${stepMs}.`);
    this.cancelTimer();
    this.stepMs = stepMs;
    this.nextIndex = 0;
    this.lastStep = null;
    this.rounds = 0;
    this.options.logger?.info('demo scenario started', { stepMs });
    this.runNext();
    return this.status();
  }

  stop(): ScenarioStatus {
    if (this.timer === null) return this.status();
    this.cancelTimer();
    this.options.logger?.info('demo scenario stopped', { lastStep: this.lastStep, rounds: this.rounds });
    this.emitChanged();
    return this.status();
  }

  isRunning(): boolean {
    return this.timer !== null;
  }

  status(): ScenarioStatus {
    return {
      running: this.timer !== null,
      stepSeconds: this.stepMs / 1000,
      lastStep: this.lastStep,
      nextStepAt: this.timer === null ? null : this.nextStepAt,
      rounds: this.rounds,
    };
  }

  private runNext(): void {
    const step = SCENARIO_STEPS[this.nextIndex]!;
    try {
      this.runStep(step);
    } catch (error) {
      // A step that fails (a device type without the canister, say) must not end the demo.
      this.options.logger?.error('demo scenario step failed, going on', { step, error: String(error) });
    }
    this.lastStep = step;
    this.nextIndex = (this.nextIndex + 1) % SCENARIO_STEPS.length;
    const roundEnds = this.nextIndex === 0;
    if (roundEnds) this.rounds++;

    const delay = roundEnds ? this.stepMs + this.roundPauseMs : this.stepMs;
    this.nextStepAt = this.clock.now() + delay;
    this.timer = this.clock.setTimeout(() => {
      this.timer = null;
      this.runNext();
    }, delay);
    this.emitChanged();
  }

  private runStep(step: ScenarioStepId): void {
    const device = this.options.device;
    const ph = device.measurementLimits().ph;
    switch (step) {
      case 'phRising':
        // Still inside the range: the screens show the value climbing before the alarm.
        device.setMeasurement('ph', ph.upper - ph.excursion / 2);
        return;
      case 'phAboveLimit':
        device.setMeasurement('ph', ph.upper + ph.excursion);
        return;
      case 'acknowledgePh':
        device.acknowledge('upper:ph');
        return;
      case 'phBack':
        device.setMeasurement('ph', ph.setPoint);
        return;
      case 'levelWarning':
        device.raiseAlarm({ kind: 'levelWarning', channel: this.disinfectionChannel(), remainingLitres: DEFAULT_LEVEL_WARNING_LITRES });
        return;
      case 'refill':
        device.refill(this.disinfectionChannel());
        return;
      case 'flowCut':
        device.cutFlow();
        return;
      case 'flowBack':
        device.restoreFlow();
        // The operator acknowledges what is listed: the ended level warning leaves the queue, and
        // with manual flow-alarm acknowledgement the flow alarm ends.
        device.acknowledgeAll();
        return;
      case 'dosingAlarm':
        device.raiseAlarm({ kind: 'dosingAlarm', channel: 'ph' });
        return;
      case 'acknowledgeDosing':
        device.acknowledge('dosingAlarm:ph');
        return;
    }
  }

  /** Returns the canister that is not the pH one: redox (Cl, Br), active oxygen (O2) or chlorine (PRO, Analyt). */
  private disinfectionChannel(): DosingChannel {
    const channels = DEVICE_PROFILES[this.options.deviceType()].dosingChannels;
    return channels.find((channel) => channel !== 'ph') ?? 'ph';
  }

  private cancelTimer(): void {
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    this.timer = null;
    this.nextStepAt = null;
  }

  private emitChanged(): void {
    this.emit('changed', this.status());
  }
}
