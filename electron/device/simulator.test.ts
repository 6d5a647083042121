import { describe, expect, it } from 'vitest';
import { deviceAlarms } from '../../shared/alarms';
import type { DeviceEvent, Measurements } from '../../shared/device-state';
import { createMemoryLogger } from '../logger';
import { DEFAULT_LIMITS, DEFAULT_TICK_MS, DeviceSimulator } from './simulator';
import { createTestSimulator } from './test-support';

const HOUR = 3_600_000;

function record(simulator: DeviceSimulator): DeviceEvent[] {
  const events: DeviceEvent[] = [];
  simulator.on('deviceEvent', (event) => events.push(event));
  return events;
}

function eventNames(events: DeviceEvent[]): string[] {
  return events.map((event) => ('alarm' in event ? `${event.type}:${event.alarm.kind}` : event.type));
}

describe('DeviceSimulator measurements', () => {
  it('drifts slowly and stays within limits', () => {
    const { simulator, clock } = createTestSimulator({ type: 'pro', flowAcknowledgement: 'automatic' });
    const events = record(simulator);
    const readings: Measurements[] = [];
    simulator.on('measurements', (measurements) => readings.push(measurements));
    simulator.start();

    clock.advance(24 * HOUR);

    expect(readings.length).toBe((24 * HOUR) / DEFAULT_TICK_MS);
    expect(events.filter((event) => event.type === 'alarmStarted' && event.alarm.kind !== 'levelWarning')).toEqual([]);
    const phValues = readings.map((reading) => reading.ph);
    expect(Math.min(...phValues)).toBeGreaterThan(DEFAULT_LIMITS.ph.lower);
    expect(Math.max(...phValues)).toBeLessThan(DEFAULT_LIMITS.ph.upper);
    expect(new Set(phValues).size).toBeGreaterThan(5);
    for (let i = 1; i < readings.length; i++) {
      expect(Math.abs(readings[i]!.ph - readings[i - 1]!.ph)).toBeLessThan(0.05);
      expect(Math.abs(readings[i]!.temperature - readings[i - 1]!.temperature)).toBeLessThan(0.3);
    }
  });

  it('shows the device number of decimals', () => {
    const { simulator, clock } = createTestSimulator({ type: 'pro', flowAcknowledgement: 'automatic' });
    simulator.start();
    clock.advance(HOUR);
    const { measurements } = simulator.snapshot();

    expect(measurements.ph).toBe(Number(measurements.ph.toFixed(2)));
    expect(Number.isInteger(measurements.redox)).toBe(true);
    expect(measurements.temperature).toBe(Number(measurements.temperature.toFixed(1)));
    expect(measurements.freeChlorine).toBe(Number(measurements.freeChlorine!.toFixed(2)));
  });

  it('reports free chlorine only with a cell', () => {
    expect(createTestSimulator({ type: 'cl', flowAcknowledgement: 'automatic' }).simulator.snapshot().measurements.freeChlorine).toBeNull();
    expect(createTestSimulator({ type: 'analyt', flowAcknowledgement: 'automatic' }).simulator.snapshot().measurements.freeChlorine).toBe(0.6);
  });

  it('stops ticking when stopped', () => {
    const { simulator, clock } = createTestSimulator();
    let ticks = 0;
    simulator.on('measurements', () => ticks++);
    simulator.start();
    clock.advance(3 * DEFAULT_TICK_MS);
    simulator.stop();
    clock.advance(10 * DEFAULT_TICK_MS);

    expect(ticks).toBe(3);
    expect(clock.pending).toBe(0);
  });

  it('rejects a non-finite reading', () => {
    const { simulator } = createTestSimulator();

    expect(() => simulator.setMeasurement('ph', Number.NaN)).toThrow(/ph reading must be a finite number, got NaN/);
  });
});

describe('DeviceSimulator limits', () => {
  it('raises and ends by limits with hysteresis', () => {
    const { simulator } = createTestSimulator();
    const events = record(simulator);

    simulator.setMeasurement('ph', 8.0);
    expect(eventNames(events)).toEqual(['alarmStarted:upper']);

    simulator.setMeasurement('ph', 7.78);
    expect(eventNames(events)).toEqual(['alarmStarted:upper']);

    simulator.setMeasurement('ph', 7.7);
    expect(eventNames(events)).toEqual(['alarmStarted:upper', 'alarmEnded:upper']);
    expect(simulator.snapshot().queue.map((entry) => entry.status)).toEqual(['endedUnacknowledged']);

    simulator.acknowledge('upper:ph');
    expect(simulator.snapshot().queue).toEqual([]);
  });

  it('pushed value holds until ended', () => {
    const { simulator, clock } = createTestSimulator();
    simulator.start();
    simulator.raiseAlarm({ kind: 'upper', value: 'ph' });
    clock.advance(HOUR);

    expect(simulator.snapshot().measurements.ph).toBeGreaterThan(DEFAULT_LIMITS.ph.upper);
    expect(simulator.snapshot().queue.map((entry) => entry.key)).toEqual(['upper:ph']);

    simulator.endAlarm({ kind: 'upper', value: 'ph' });
    clock.advance(HOUR);

    expect(simulator.snapshot().measurements.ph).toBeLessThan(DEFAULT_LIMITS.ph.upper);
    expect(simulator.snapshot().queue.map((entry) => entry.status)).toEqual(['endedUnacknowledged']);
  });

  it('skips limit checks without flow', () => {
    const { simulator } = createTestSimulator();
    const events = record(simulator);
    simulator.cutFlow();
    simulator.setMeasurement('redox', 900);

    expect(eventNames(events)).toEqual(['flowLost']);

    simulator.restoreFlow();

    expect(eventNames(events)).toEqual(['flowLost', 'flowReturned', 'alarmStarted:upper']);
  });

  it('drains canisters into a level warning', () => {
    const { simulator, clock } = createTestSimulator(undefined, {
      canister: { capacityLitres: 5.5, warningLitres: 5, litresPerHour: 1 },
    });
    const events = record(simulator);
    simulator.start();
    clock.advance(HOUR);
    const warnings = events.filter((event) => event.type === 'alarmStarted' && event.alarm.kind === 'levelWarning');

    expect(warnings.map((event) => (event as { alarm: unknown }).alarm)).toEqual([
      { kind: 'levelWarning', channel: 'ph', remainingLitres: 5 },
      { kind: 'levelWarning', channel: 'redox', remainingLitres: 5 },
    ]);
  });

  it('empties into a level alarm without a new warning', () => {
    const { simulator, clock } = createTestSimulator(undefined, {
      canister: { capacityLitres: 0.2, warningLitres: 0.1, litresPerHour: 1 },
    });
    simulator.raiseAlarm({ kind: 'levelAlarm', channel: 'ph' });
    simulator.start();
    clock.advance(HOUR);

    expect(simulator.snapshot().queue.map((entry) => entry.key)).toEqual(['levelAlarm:ph', 'levelWarning:redox', 'levelAlarm:redox']);
  });

  it('refilling ends warning and level alarm', () => {
    const { simulator } = createTestSimulator();
    const events = record(simulator);
    simulator.raiseAlarm({ kind: 'levelWarning', channel: 'redox', remainingLitres: 5 });
    simulator.raiseAlarm({ kind: 'levelAlarm', channel: 'redox' });
    simulator.endAlarm({ kind: 'levelAlarm', channel: 'redox' });

    expect(eventNames(events)).toEqual([
      'alarmStarted:levelWarning',
      'alarmStarted:levelAlarm',
      'alarmEnded:levelWarning',
      'alarmEnded:levelAlarm',
    ]);
    expect(simulator.canisterLitres('redox')).toBe(25);
  });

  it('level warning keeps its quantity', () => {
    const { simulator } = createTestSimulator();
    simulator.raiseAlarm({ kind: 'levelWarning', channel: 'redox', remainingLitres: 3.24 });

    expect(simulator.snapshot().queue[0]?.alarm).toEqual({ kind: 'levelWarning', channel: 'redox', remainingLitres: 3.2 });
    expect(simulator.canisterLitres('redox')).toBe(3.24);
  });
});

describe('DeviceSimulator commands', () => {
  it('raises and ends every alarm of each type', () => {
    for (const type of ['cl', 'br', 'o2', 'pro', 'analyt'] as const) {
      const { simulator } = createTestSimulator({ type, flowAcknowledgement: 'manual' });
      const events = record(simulator);
      const alarms = deviceAlarms(type);

      for (const alarm of alarms) {
        expect(simulator.raiseAlarm(alarm), `${type} raise ${alarm.kind}`).toBe(true);
      }
      expect(simulator.snapshot().queue.length, type).toBe(alarms.length);

      for (const alarm of alarms) simulator.endAlarm(alarm);
      simulator.acknowledgeAll();

      expect(simulator.snapshot().queue, type).toEqual([]);
      const started = events.filter((event) => event.type === 'alarmStarted').length;
      const ended = events.filter((event) => event.type === 'alarmEnded').length;
      expect(started, type).toBe(alarms.length);
      expect(ended, type).toBe(alarms.length);
    }
  });

  it('rejects alarms of other device types', () => {
    const logger = createMemoryLogger();
    const { simulator } = createTestSimulator(undefined, { logger });

    expect(simulator.raiseAlarm({ kind: 'upper', value: 'chlorine' })).toBe(false);
    expect(simulator.raiseAlarm({ kind: 'dosingAlarm', channel: 'o2' })).toBe(false);
    expect(simulator.snapshot().queue).toEqual([]);
    expect(logger.lines.some((line) => line.includes('"alarm":"upper:chlorine"'))).toBe(true);
  });

  it('event snapshots show the state after the step', () => {
    const { simulator } = createTestSimulator();
    const events = record(simulator);
    simulator.raiseAlarm({ kind: 'upper', value: 'ph' });
    simulator.raiseAlarm({ kind: 'levelWarning', channel: 'redox', remainingLitres: 5 });
    const last = events.at(-1)!;

    expect(last.snapshot.queue.map((entry) => entry.key)).toEqual(['upper:ph', 'levelWarning:redox']);
    expect(last.snapshot.measurements.ph).toBe(8);
  });

  it('emits the queue after each change', () => {
    const { simulator } = createTestSimulator();
    const queues: string[][] = [];
    simulator.on('queue', (queue) => queues.push(queue.map((entry) => `${entry.key}=${entry.status}`)));
    simulator.raiseAlarm({ kind: 'dosingAlarm', channel: 'ph' });
    simulator.acknowledge('dosingAlarm:ph');
    simulator.acknowledge('dosingAlarm:ph');

    expect(queues).toEqual([['dosingAlarm:ph=active'], []]);
  });

  it('ignores repeated flow commands', () => {
    const { simulator } = createTestSimulator();
    const events = record(simulator);

    expect(simulator.restoreFlow()).toBe(false);
    expect(simulator.cutFlow()).toBe(true);
    expect(simulator.cutFlow()).toBe(false);
    expect(simulator.hasFlow()).toBe(false);
    expect(eventNames(events)).toEqual(['flowLost']);
  });

  it('counts acknowledged entries', () => {
    const { simulator } = createTestSimulator();
    simulator.raiseAlarm({ kind: 'upper', value: 'ph' });
    simulator.raiseAlarm({ kind: 'lower', value: 'temperature' });

    expect(simulator.acknowledgeAll()).toBe(2);
    expect(simulator.acknowledgeAll()).toBe(0);
  });
});
