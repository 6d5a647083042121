import { EventEmitter } from 'node:events';
import { alarmAppliesTo, DEFAULT_LEVEL_WARNING_LITRES, DEVICE_PROFILES, measuresFreeChlorine } from '../../shared/alarms';
import {
  alarmKey,
  type Alarm,
  type AlarmKey,
  type AlarmQueueEntry,
  type DeviceEvent,
  type DeviceSnapshot,
  type DosingChannel,
  type MeasuredValue,
  type Measurements,
} from '../../shared/device-state';
import type { DeviceSettings } from '../../shared/settings';
import type { Logger } from '../logger';
import { acknowledgeAlarm, acknowledgeAll, clearCondition, conditionPresent, raiseAlarm, type QueueChange } from './alarm-queue';
import { alarmEnding, flowLossRaisesAlarm } from './alarm-rules';
import { systemClock, type Clock, type TimerHandle } from './clock';

/** Set point, alarm limits and behaviour of one measured value. */
export interface MeasurementLimits {
  setPoint: number;
  lower: number;
  upper: number;
  /** An alarm ends only once the value is this far back inside its limit, so noise at the limit does not flap it. */
  hysteresis: number;
  /** Standard deviation of the noise added at each tick. */
  noise: number;
  /** How far beyond its limit a value is pushed when an upper or lower alarm is raised by command. */
  excursion: number;
  /** Number of decimals the device shows. */
  decimals: number;
}

export const DEFAULT_LIMITS: Record<MeasuredValue, MeasurementLimits> = {
  ph: { setPoint: 7.2, lower: 6.8, upper: 7.8, hysteresis: 0.05, noise: 0.004, excursion: 0.2, decimals: 2 },
  redox: { setPoint: 750, lower: 650, upper: 850, hysteresis: 10, noise: 1.5, excursion: 40, decimals: 0 },
  chlorine: { setPoint: 0.6, lower: 0.3, upper: 1.5, hysteresis: 0.05, noise: 0.004, excursion: 0.3, decimals: 2 },
  temperature: { setPoint: 26, lower: 10, upper: 35, hysteresis: 0.3, noise: 0.02, excursion: 2, decimals: 1 },
};

/** Canister of a dosing channel. */
export interface CanisterSettings {
  capacityLitres: number;
  /** A level warning starts at or below this quantity. */
  warningLitres: number;
  /** Consumption while measuring water flows. */
  litresPerHour: number;
}

export const DEFAULT_CANISTER: CanisterSettings = {
  capacityLitres: 25,
  warningLitres: DEFAULT_LEVEL_WARNING_LITRES,
  litresPerHour: 0.1,
};

/** Interval between two measurement updates. */
export const DEFAULT_TICK_MS = 5_000;

/** Time constant of the drift back to the set point. */
export const DRIFT_TIME_CONSTANT_MS = 10 * 60_000;

export interface SimulatorOptions {
  /** Read at every step, so that a changed device type or flow-alarm acknowledgement applies at once. */
  device: () => Pick<DeviceSettings, 'type' | 'flowAcknowledgement'>;
  clock?: Clock;
  /** Uniform random numbers in [0, 1); inject a seeded generator for repeatable tests. */
  random?: () => number;
  tickMs?: number;
  limits?: Partial<Record<MeasuredValue, Partial<MeasurementLimits>>>;
  canister?: Partial<CanisterSettings>;
  logger?: Logger;
}

export interface SimulatorEvents {
  /** Measurements after each tick or change. */
  measurements: [Measurements];
  /** The alarm queue after every change. */
  queue: [AlarmQueueEntry[]];
  /** Alarm started, ended or acknowledged, flow signal lost or returned. */
  deviceEvent: [DeviceEvent];
}

interface Reading {
  value: number;
  /** The value drifts towards this; a command that pushes a value out of range moves it too. */
  target: number;
}

/**
 * A simulated PoolManager: measurements that drift slowly around their set points, a flow
 * signal, canisters that drain while water flows, and the alarm queue. Alarms start and end by
 * their limits at each tick and by commands (the demo screen's buttons). Without flow signal the
 * measured values are not checked against their limits and the canisters do not drain.
 */
export class DeviceSimulator extends EventEmitter<SimulatorEvents> {
  private readonly clock: Clock;
  private readonly random: () => number;
  private readonly tickMs: number;
  private readonly limits: Record<MeasuredValue, MeasurementLimits>;
  private readonly canister: CanisterSettings;
  private readonly readings: Record<MeasuredValue, Reading>;
  private readonly canisters = new Map<DosingChannel, number>();
  private queue: AlarmQueueEntry[] = [];
  private flow = true;
  /** Whether the current or last loss of flow raised a flow alarm, which then carries the e-mails of the return too. */
  private lossRaisedAlarm = false;
  private timer: TimerHandle | null = null;

  constructor(private readonly options: SimulatorOptions) {
    super();
    this.clock = options.clock ?? systemClock;
    this.random = options.random ?? Math.random;
    this.tickMs = options.tickMs ?? DEFAULT_TICK_MS;
    if (!(this.tickMs > 0)) throw new RangeError(`tickMs must be a positive number of milliseconds, got ${this.tickMs}.`);
    this.limits = {
      ph: { ...DEFAULT_LIMITS.ph, ...options.limits?.ph },
      redox: { ...DEFAULT_LIMITS.redox, ...options.limits?.redox },
      chlorine: { ...DEFAULT_LIMITS.chlorine, ...options.limits?.chlorine },
      temperature: { ...DEFAULT_LIMITS.temperature, ...options.limits?.temperature },
    };
    this.canister = { ...DEFAULT_CANISTER, ...options.canister };
    this.readings = {
      ph: { value: this.limits.ph.setPoint, target: this.limits.ph.setPoint },
      redox: { value: this.limits.redox.setPoint, target: this.limits.redox.setPoint },
      chlorine: { value: this.limits.chlorine.setPoint, target: this.limits.chlorine.setPoint },
      temperature: { value: this.limits.temperature.setPoint, target: this.limits.temperature.setPoint },
    };
  }

  /** Starts the measurement ticks. */
  start(): void {
    if (this.timer !== null) return;
    this.options.logger?.info('device simulator started', { tickMs: this.tickMs });
    this.schedule();
  }

  stop(): void {
    if (this.timer === null) return;
    this.clock.clearTimeout(this.timer);
    this.timer = null;
    this.options.logger?.info('device simulator stopped');
  }

  snapshot(): DeviceSnapshot {
    return {
      at: this.clock.now(),
      measurements: this.measurements(),
      flow: this.flow,
      queue: this.queue.map((entry) => ({ ...entry })),
    };
  }

  /** Returns the set point, alarm limits and behaviour of every measured value. */
  measurementLimits(): Record<MeasuredValue, MeasurementLimits> {
    return {
      ph: { ...this.limits.ph },
      redox: { ...this.limits.redox },
      chlorine: { ...this.limits.chlorine },
      temperature: { ...this.limits.temperature },
    };
  }

  /** Remaining litres in the canister of a channel. */
  canisterLitres(channel: DosingChannel): number {
    return this.canisters.get(channel) ?? this.canister.capacityLitres;
  }

  /** Runs one measurement step: drift, consumption, then the alarm limits. The timer calls it, and tests may too. */
  tick(): void {
    const decay = 1 - Math.exp(-this.tickMs / DRIFT_TIME_CONSTANT_MS);
    for (const value of Object.keys(this.readings) as MeasuredValue[]) {
      const reading = this.readings[value];
      reading.value += (reading.target - reading.value) * decay + this.gaussian() * this.limits[value].noise;
      reading.value = this.clamp(value, reading.value);
    }
    if (this.flow) {
      for (const channel of this.profile().dosingChannels) {
        const consumed = (this.canister.litresPerHour * this.tickMs) / 3_600_000;
        this.canisters.set(channel, Math.max(0, this.canisterLitres(channel) - consumed));
      }
    }

    const changes = [...this.checkMeasurementLimits(), ...this.checkCanisters()];
    this.emit('measurements', this.measurements());
    this.publish(changes);
  }

  /**
   * Raises an alarm as its cause would: an upper or lower alarm pushes the value beyond its limit
   * (where it stays until `endAlarm`), a level warning sets the canister to the warning's quantity
   * (at most the warning level), a level alarm empties the canister, the flow alarm cuts the flow.
   * Returns false when the alarm does not apply to this device type or was already active.
   */
  raiseAlarm(alarm: Alarm): boolean {
    if (!alarmAppliesTo(alarm, this.options.device().type)) {
      this.options.logger?.warn('alarm does not apply to this device type, not raised', { alarm: alarmKey(alarm) });
      return false;
    }
    const at = this.clock.now();

    switch (alarm.kind) {
      case 'upper':
      case 'lower': {
        const limits = this.limits[alarm.value];
        const pushed = alarm.kind === 'upper' ? limits.upper + limits.excursion : limits.lower - limits.excursion;
        this.readings[alarm.value] = { value: pushed, target: pushed };
        this.emit('measurements', this.measurements());
        return this.apply([raiseAlarm(this.queue, alarm, alarmEnding(alarm), at)]);
      }
      case 'levelWarning': {
        const remaining = Math.min(Math.max(alarm.remainingLitres, 0.1), this.canister.warningLitres);
        this.canisters.set(alarm.channel, remaining);
        const warning: Alarm = { ...alarm, remainingLitres: roundTo(remaining, 1) };
        return this.apply([raiseAlarm(this.queue, warning, alarmEnding(warning), at)]);
      }
      case 'levelAlarm':
        this.canisters.set(alarm.channel, 0);
        return this.apply([raiseAlarm(this.queue, alarm, alarmEnding(alarm), at)]);
      case 'dosingAlarm':
        return this.apply([raiseAlarm(this.queue, alarm, alarmEnding(alarm), at)]);
      case 'noFlow':
        return this.cutFlow();
    }
  }

  /**
   * Removes the cause of an alarm: the value goes back to its set point, the canister is refilled
   * (which ends its level warning and level alarm), the flow returns. A dosing alarm has no
   * cause to remove: it ends only when acknowledged, so this returns false for it.
   */
  endAlarm(alarm: Alarm): boolean {
    switch (alarm.kind) {
      case 'upper':
      case 'lower': {
        const setPoint = this.limits[alarm.value].setPoint;
        this.readings[alarm.value] = { value: setPoint, target: setPoint };
        this.emit('measurements', this.measurements());
        return this.apply([clearCondition(this.queue, alarmKey(alarm), this.clock.now())]);
      }
      case 'levelWarning':
      case 'levelAlarm':
        return this.refill(alarm.channel);
      case 'dosingAlarm':
        return false;
      case 'noFlow':
        return this.restoreFlow();
    }
  }

  /** Refills the canister of a channel, which ends its level warning and level alarm. */
  refill(channel: DosingChannel): boolean {
    this.canisters.set(channel, this.canister.capacityLitres);
    const at = this.clock.now();
    const warning = clearCondition(this.queue, alarmKey({ kind: 'levelWarning', channel, remainingLitres: 0 }), at);
    const empty = clearCondition(warning.queue, alarmKey({ kind: 'levelAlarm', channel }), at);
    return this.apply([warning, empty]);
  }

  /** Cuts the flow of measuring water; with manual flow-alarm acknowledgement this raises the flow alarm. */
  cutFlow(): boolean {
    if (!this.flow) return false;
    this.flow = false;
    const changes: QueueChange[] = [];
    if (flowLossRaisesAlarm(this.options.device().flowAcknowledgement)) {
      const alarm: Alarm = { kind: 'noFlow' };
      changes.push(raiseAlarm(this.queue, alarm, alarmEnding(alarm), this.clock.now()));
    }
    this.lossRaisedAlarm = changes.length > 0 || this.queue.some((entry) => entry.key === 'noFlow');
    this.options.logger?.info('flow signal lost', { flowAlarm: this.lossRaisedAlarm });
    this.publish(changes, { type: 'flowLost', raisedAlarm: this.lossRaisedAlarm });
    return true;
  }

  /** Restores the flow; a flow alarm then ends if it was acknowledged, and the limits are checked again. */
  restoreFlow(): boolean {
    if (this.flow) return false;
    this.flow = true;
    const changes = [clearCondition(this.queue, 'noFlow', this.clock.now())];
    this.options.logger?.info('flow signal returned', { flowAlarm: this.lossRaisedAlarm });
    this.publish(changes, { type: 'flowReturned', raisedAlarm: this.lossRaisedAlarm });
    this.publish(this.checkMeasurementLimits());
    return true;
  }

  hasFlow(): boolean {
    return this.flow;
  }

  /** Acknowledges one alarm; returns false when it is not in the queue or already acknowledged. */
  acknowledge(key: AlarmKey): boolean {
    return this.apply([acknowledgeAlarm(this.queue, key)]);
  }

  /** Acknowledges every alarm in the queue; returns how many entries changed. */
  acknowledgeAll(): number {
    const before = this.queue.filter((entry) => entry.status !== 'acknowledged').length;
    this.apply([acknowledgeAll(this.queue)]);
    return before - this.queue.filter((entry) => entry.status !== 'acknowledged').length;
  }

  /**
   * Sets a measured value, for example out of its range. The value stays around it until set again
   * or until its alarm is ended by command. The limits are checked at once when water flows.
   */
  setMeasurement(value: MeasuredValue, reading: number): void {
    if (!Number.isFinite(reading)) {
      throw new RangeError(`The ${value} reading must be a finite number, got ${reading}.`);
    }
    const clamped = this.clamp(value, reading);
    this.readings[value] = { value: clamped, target: clamped };
    this.emit('measurements', this.measurements());
    this.publish(this.checkMeasurementLimits());
  }

  private schedule(): void {
    this.timer = this.clock.setTimeout(() => {
      this.tick();
      if (this.timer !== null) this.schedule();
    }, this.tickMs);
  }

  private profile() {
    return DEVICE_PROFILES[this.options.device().type];
  }

  private measurements(): Measurements {
    const shown = (value: MeasuredValue) => roundTo(this.readings[value].value, this.limits[value].decimals);
    return {
      ph: shown('ph'),
      redox: shown('redox'),
      freeChlorine: measuresFreeChlorine(this.options.device().type) ? shown('chlorine') : null,
      temperature: shown('temperature'),
    };
  }

  /** Compares the values the device shows with their limits; skipped without flow signal. */
  private checkMeasurementLimits(): QueueChange[] {
    if (!this.flow) return [];
    const changes: QueueChange[] = [];
    const at = this.clock.now();
    for (const value of this.profile().measuredValues) {
      const limits = this.limits[value];
      const shown = roundTo(this.readings[value].value, limits.decimals);
      const bounds = [
        { alarm: { kind: 'upper', value } as const, beyond: shown > limits.upper, back: shown <= limits.upper - limits.hysteresis },
        { alarm: { kind: 'lower', value } as const, beyond: shown < limits.lower, back: shown >= limits.lower + limits.hysteresis },
      ];
      for (const { alarm, beyond, back } of bounds) {
        const key = alarmKey(alarm);
        const queue = this.pendingQueue(changes);
        if (beyond && !conditionPresent(queue, key)) changes.push(raiseAlarm(queue, alarm, alarmEnding(alarm), at));
        else if (back && conditionPresent(queue, key)) changes.push(clearCondition(queue, key, at));
      }
    }
    return changes;
  }

  /** Raises level alarms and warnings from the canisters; while a level alarm is present no new warning starts. */
  private checkCanisters(): QueueChange[] {
    const changes: QueueChange[] = [];
    const at = this.clock.now();
    for (const channel of this.profile().dosingChannels) {
      const remaining = this.canisterLitres(channel);
      const empty: Alarm = { kind: 'levelAlarm', channel };
      const warning: Alarm = { kind: 'levelWarning', channel, remainingLitres: roundTo(remaining, 1) };

      let queue = this.pendingQueue(changes);
      const emptyPresent = conditionPresent(queue, alarmKey(empty));
      if (remaining <= 0 && !emptyPresent) changes.push(raiseAlarm(queue, empty, alarmEnding(empty), at));
      else if (remaining > 0 && emptyPresent) changes.push(clearCondition(queue, alarmKey(empty), at));
      queue = this.pendingQueue(changes);
      const warningPresent = conditionPresent(queue, alarmKey(warning));
      if (remaining <= this.canister.warningLitres && !warningPresent && !conditionPresent(queue, alarmKey(empty))) {
        changes.push(raiseAlarm(queue, warning, alarmEnding(warning), at));
      } else if (remaining > this.canister.warningLitres && warningPresent) {
        changes.push(clearCondition(queue, alarmKey(warning), at));
      }
    }
    return changes;
  }

  /** Returns the queue after a list of changes computed one on top of the other. */
  private pendingQueue(changes: QueueChange[]): AlarmQueueEntry[] {
    return changes.at(-1)?.queue ?? this.queue;
  }

  /** Applies changes computed one on top of the other and publishes their events; returns whether anything changed. */
  private apply(changes: QueueChange[]): boolean {
    const before = this.queue;
    this.publish(changes);
    return this.queue !== before;
  }

  /**
   * Takes the last change's queue as the new queue, then emits the queue and every event with a
   * snapshot taken after all of them, so that each e-mail shows the state after the whole step.
   */
  private publish(changes: QueueChange[], flowEvent?: { type: 'flowLost' | 'flowReturned'; raisedAlarm: boolean }): void {
    const last = changes.at(-1);
    const queueChanged = last !== undefined && last.queue !== this.queue;
    if (last !== undefined) this.queue = last.queue;
    if (queueChanged) this.emit('queue', this.snapshot().queue);

    const snapshot = this.snapshot();
    if (flowEvent !== undefined) this.emit('deviceEvent', { ...flowEvent, snapshot });
    for (const change of changes) {
      for (const event of change.events) {
        this.options.logger?.info('alarm event', { event: event.type, alarm: alarmKey(event.alarm) });
        this.emit('deviceEvent', { ...event, snapshot });
      }
    }
  }

  private clamp(value: MeasuredValue, reading: number): number {
    if (value === 'ph') return Math.min(14, Math.max(0, reading));
    if (value === 'chlorine') return Math.max(0, reading);
    return reading;
  }

  /** Standard normal noise (Box-Muller). */
  private gaussian(): number {
    const u = Math.max(this.random(), Number.EPSILON);
    const v = this.random();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
}

function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}
