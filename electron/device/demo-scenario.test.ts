import { describe, expect, it } from 'vitest';
import { SCENARIO_STEPS, type ScenarioStatus } from '../../shared/device-contract';
import type { DeviceEvent } from '../../shared/device-state';
import type { DeviceType, FlowAcknowledgement } from '../../shared/settings';
import { createMemoryLogger } from '../logger';
import { DemoScenario } from './demo-scenario';
import { createTestSimulator } from './test-support';

const STEP_MS = 3_000;
const PAUSE_MS = 10_000;
const ROUND_MS = (SCENARIO_STEPS.length - 1) * STEP_MS;

function setUp(type: DeviceType = 'cl', flowAcknowledgement: FlowAcknowledgement = 'automatic') {
  const { simulator, clock, settings } = createTestSimulator({ type, flowAcknowledgement });
  const logger = createMemoryLogger();
  const scenario = new DemoScenario({ device: simulator, deviceType: () => settings.type, clock, roundPauseMs: PAUSE_MS, logger });
  const events: string[] = [];
  simulator.on('deviceEvent', (event) => events.push(describeEvent(event)));
  const statuses: ScenarioStatus[] = [];
  scenario.on('changed', (status) => statuses.push(status));
  return { simulator, clock, settings, scenario, events, statuses, logger };
}

function describeEvent(event: DeviceEvent): string {
  if (!('alarm' in event)) return event.type;
  const { alarm } = event;
  switch (alarm.kind) {
    case 'upper':
    case 'lower':
      return `${event.type}:${alarm.kind}:${alarm.value}`;
    case 'levelWarning':
      return `${event.type}:levelWarning:${alarm.channel}:${alarm.remainingLitres}`;
    case 'levelAlarm':
    case 'dosingAlarm':
      return `${event.type}:${alarm.kind}:${alarm.channel}`;
    case 'noFlow':
      return `${event.type}:noFlow`;
  }
}

const ONE_ROUND_CL = [
  'alarmStarted:upper:ph',
  'alarmAcknowledged:upper:ph',
  'alarmEnded:upper:ph',
  'alarmStarted:levelWarning:redox:5',
  'alarmEnded:levelWarning:redox:5',
  'flowLost',
  'flowReturned',
  'alarmAcknowledged:levelWarning:redox:5',
  'alarmStarted:dosingAlarm:ph',
  'alarmEnded:dosingAlarm:ph',
];

describe('DemoScenario', () => {
  it('runs the first step at once', () => {
    const { simulator, scenario } = setUp();
    const status = scenario.start(STEP_MS);

    expect(status).toMatchObject({ running: true, lastStep: 'phRising', stepSeconds: 3, rounds: 0 });
    const ph = simulator.snapshot().measurements.ph;
    expect(ph).toBeGreaterThan(7.6);
    expect(ph).toBeLessThanOrEqual(7.8);
    expect(simulator.snapshot().queue).toEqual([]);
  });

  it('plays one round in order', () => {
    const { clock, scenario, events } = setUp();
    scenario.start(STEP_MS);
    clock.advance(ROUND_MS);

    expect(events).toEqual(ONE_ROUND_CL);
    expect(scenario.status()).toMatchObject({ lastStep: 'acknowledgeDosing', rounds: 1, running: true });
  });

  it('spaces the steps by the step time', () => {
    const { clock, scenario, statuses } = setUp();
    scenario.start(STEP_MS);
    clock.advance(STEP_MS - 1);
    expect(statuses.map((status) => status.lastStep)).toEqual(['phRising']);

    clock.advance(1);
    expect(statuses.map((status) => status.lastStep)).toEqual(['phRising', 'phAboveLimit']);
    expect(statuses[1]!.nextStepAt).toBe(clock.now() + STEP_MS);
  });

  it('pauses between rounds, then loops', () => {
    const { simulator, clock, scenario, events } = setUp();
    scenario.start(STEP_MS);
    clock.advance(ROUND_MS);
    expect(scenario.status().nextStepAt).toBe(clock.now() + STEP_MS + PAUSE_MS);

    clock.advance(STEP_MS + PAUSE_MS - 1);
    expect(scenario.status().lastStep).toBe('acknowledgeDosing');
    clock.advance(1 + ROUND_MS);

    expect(events).toEqual([...ONE_ROUND_CL, ...ONE_ROUND_CL]);
    expect(scenario.status().rounds).toBe(2);
    expect(simulator.snapshot().queue).toEqual([]);
    expect(simulator.hasFlow()).toBe(true);
  });

  it('acknowledges the flow alarm in manual mode', () => {
    const { simulator, clock, scenario, events } = setUp('cl', 'manual');
    scenario.start(STEP_MS);
    clock.advance(ROUND_MS);

    expect(events.slice(5, 10)).toEqual([
      'flowLost',
      'alarmStarted:noFlow',
      'flowReturned',
      'alarmAcknowledged:levelWarning:redox:5',
      'alarmEnded:noFlow',
    ]);
    expect(simulator.snapshot().queue).toEqual([]);
  });

  it('warns on the chlorine canister of a PRO', () => {
    const { clock, scenario, events } = setUp('pro');
    scenario.start(STEP_MS);
    clock.advance(ROUND_MS);

    expect(events).toContain('alarmStarted:levelWarning:chlorine:5');
    expect(events).toContain('alarmEnded:levelWarning:chlorine:5');
  });

  it('follows a change of device type', () => {
    const { clock, scenario, events, settings } = setUp('cl');
    scenario.start(STEP_MS);
    settings.type = 'o2';
    clock.advance(ROUND_MS);

    expect(events).toContain('alarmStarted:levelWarning:o2:5');
  });

  it('stops and leaves no timer', () => {
    const { simulator, clock, scenario, events } = setUp();
    scenario.start(STEP_MS);
    clock.advance(STEP_MS);
    const status = scenario.stop();

    expect(status).toMatchObject({ running: false, nextStepAt: null, lastStep: 'phAboveLimit' });
    expect(clock.pending).toBe(0);
    clock.advance(10 * ROUND_MS);
    expect(events).toEqual(['alarmStarted:upper:ph']);
    expect(simulator.snapshot().queue.map((entry) => entry.key)).toEqual(['upper:ph']);
  });

  it('starts over when started again', () => {
    const { clock, scenario, statuses } = setUp();
    scenario.start(STEP_MS);
    clock.advance(2 * STEP_MS);
    scenario.start(2 * STEP_MS);

    expect(clock.pending).toBe(1);
    expect(statuses.at(-1)).toMatchObject({ lastStep: 'phRising', stepSeconds: 6, rounds: 0 });
  });

  it('goes on after a failing step', () => {
    const { simulator, clock, scenario, logger } = setUp();
    const failing = Object.create(simulator) as typeof simulator;
    failing.cutFlow = () => {
      throw new Error('relay stuck');
    };
    const broken = new DemoScenario({ device: failing, deviceType: () => 'cl', clock, roundPauseMs: PAUSE_MS, logger });
    scenario.stop();
    broken.start(STEP_MS);
    clock.advance(ROUND_MS);

    expect(broken.status()).toMatchObject({ running: true, rounds: 1 });
    expect(logger.lines.some((line) => line.includes('demo scenario step failed') && line.includes('relay stuck'))).toBe(true);
  });

  it('rejects a step time that is not positive', () => {
    const { scenario } = setUp();
    expect(() => scenario.start(0)).toThrow(/stepMs must be a positive number/);
    expect(() => scenario.start(Number.NaN)).toThrow(/got NaN/);
    expect(scenario.isRunning()).toBe(false);
  });
});
