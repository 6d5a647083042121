import { describe, expect, it } from 'vitest';
import type { Alarm } from '../../shared/device-state';
import {
  admit,
  DEFAULT_STORM_POLICY,
  EMPTY_STORM_STATE,
  parseStormState,
  resolveStormPolicy,
  summaryDueAt,
  type Admission,
  type StormState,
} from './storm-control';

const MINUTE = 60_000;
const POLICY = resolveStormPolicy({ maxPerWindow: 3, windowMs: 60 * MINUTE, holdOffMs: 5 * MINUTE, summaryDelayMs: 10 * MINUTE });
const PH_UPPER: Alarm = { kind: 'upper', value: 'ph' };

/** Feeds requests in order and returns each admission. */
function run(requests: { alarm: Alarm; event: 'start' | 'end'; at: number }[], start: StormState = EMPTY_STORM_STATE) {
  let state = start;
  const admissions: Admission[] = [];
  for (const request of requests) {
    const result = admit(state, POLICY, request);
    state = result.state;
    admissions.push(result.admission);
  }
  return { state, admissions };
}

describe('storm control', () => {
  it('holds back a repeated event', () => {
    const { admissions, state } = run([
      { alarm: PH_UPPER, event: 'start', at: 0 },
      { alarm: PH_UPPER, event: 'end', at: 1000 },
      { alarm: PH_UPPER, event: 'start', at: 2000 },
      { alarm: PH_UPPER, event: 'end', at: 3000 },
    ]);

    expect(admissions).toEqual(['send', 'send', 'holdOff', 'holdOff']);
    expect(state.held.map((record) => [record.key, record.event, record.count])).toEqual([
      ['upper:ph', 'start', 1],
      ['upper:ph', 'end', 1],
    ]);
  });

  it('sends the repeat after the hold-off', () => {
    const { admissions } = run([
      { alarm: PH_UPPER, event: 'start', at: 0 },
      { alarm: PH_UPPER, event: 'start', at: 5 * MINUTE - 1 },
      { alarm: PH_UPPER, event: 'start', at: 5 * MINUTE + 1 },
    ]);

    expect(admissions).toEqual(['send', 'holdOff', 'send']);
  });

  it('caps e-mails per window', () => {
    const alarms: Alarm[] = [
      { kind: 'upper', value: 'ph' },
      { kind: 'lower', value: 'ph' },
      { kind: 'upper', value: 'redox' },
      { kind: 'lower', value: 'redox' },
      { kind: 'upper', value: 'temperature' },
    ];
    const { admissions, state } = run(alarms.map((alarm, index) => ({ alarm, event: 'start', at: index * 1000 })));

    expect(admissions).toEqual(['send', 'send', 'send', 'cap', 'cap']);
    expect(state.held.map((record) => record.key)).toEqual(['lower:redox', 'upper:temperature']);
  });

  it('frees cap slots as the window slides', () => {
    const alarms: Alarm[] = [
      { kind: 'upper', value: 'ph' },
      { kind: 'lower', value: 'ph' },
      { kind: 'upper', value: 'redox' },
      { kind: 'lower', value: 'redox' },
    ];
    const { admissions } = run([
      ...alarms.slice(0, 3).map((alarm, index) => ({ alarm, event: 'start' as const, at: index * MINUTE })),
      { alarm: alarms[3]!, event: 'start', at: 60 * MINUTE - 1 },
      { alarm: alarms[3]!, event: 'end', at: 60 * MINUTE + 1 },
    ]);

    expect(admissions).toEqual(['send', 'send', 'send', 'cap', 'send']);
  });

  it('counts held events and keeps the latest alarm', () => {
    const { state } = run([
      { alarm: { kind: 'levelWarning', channel: 'redox', remainingLitres: 5 }, event: 'start', at: 0 },
      { alarm: { kind: 'levelWarning', channel: 'redox', remainingLitres: 4.9 }, event: 'start', at: 1000 },
      { alarm: { kind: 'levelWarning', channel: 'redox', remainingLitres: 4.8 }, event: 'start', at: 2000 },
    ]);

    expect(state.held).toEqual([
      {
        key: 'levelWarning:redox',
        event: 'start',
        alarm: { kind: 'levelWarning', channel: 'redox', remainingLitres: 4.8 },
        count: 2,
        firstAt: 1000,
        lastAt: 2000,
      },
    ]);
  });

  it('summary is due after the first hold', () => {
    const { state } = run([
      { alarm: PH_UPPER, event: 'start', at: 0 },
      { alarm: PH_UPPER, event: 'start', at: 7000 },
      { alarm: PH_UPPER, event: 'start', at: 9000 },
    ]);

    expect(summaryDueAt(EMPTY_STORM_STATE, POLICY)).toBeNull();
    expect(summaryDueAt(state, POLICY)).toBe(7000 + 10 * MINUTE);
  });

  it('forgets sends older than window and hold-off', () => {
    const { state } = run([
      { alarm: PH_UPPER, event: 'start', at: 0 },
      { alarm: PH_UPPER, event: 'end', at: 61 * MINUTE },
    ]);

    expect(state.sent.map((record) => record.at)).toEqual([61 * MINUTE]);
  });

  it('rejects invalid policies', () => {
    expect(() => resolveStormPolicy({ maxPerWindow: 0 })).toThrow(/maxPerWindow must be a positive integer, got 0/);
    expect(() => resolveStormPolicy({ maxPerWindow: 2.5 })).toThrow(/maxPerWindow/);
    expect(() => resolveStormPolicy({ windowMs: Number.NaN })).toThrow(/windowMs must be a positive number of milliseconds, got NaN/);
    expect(resolveStormPolicy()).toEqual(DEFAULT_STORM_POLICY);
  });

  it('parses only well-formed state', () => {
    const { state } = run([
      { alarm: PH_UPPER, event: 'start', at: 0 },
      { alarm: PH_UPPER, event: 'start', at: 1 },
    ]);

    expect(parseStormState(JSON.parse(JSON.stringify(state)))).toEqual(state);
    expect(parseStormState({ sent: [], held: [{ key: 'x', event: 'start', count: 1 }] })).toBeNull();
    expect(parseStormState({ sent: 'no', held: [] })).toBeNull();
    expect(parseStormState(null)).toBeNull();
  });
});
