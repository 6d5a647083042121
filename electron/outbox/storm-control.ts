import { alarmKey, type Alarm, type AlarmKey } from '../../shared/device-state';

/**
 * Storm control: a burst of alarm events never floods the recipients.
 * - Hold-off: the same event (start or end) of the same alarm is e-mailed at most once per
 *   `holdOffMs`. A flapping alarm sends its first start and first end, and the repeats are held back.
 * - Cap: at most `maxPerWindow` alarm e-mails in any `windowMs` (a sliding window); further ones are held back.
 * - Summary: `summaryDelayMs` after the first held-back event, one summary e-mail lists the held
 *   events (counts and designations) with the state of the device at that time. Summaries do
 *   not count against the cap, so at most `maxPerWindow` alarm e-mails plus one summary per
 *   `summaryDelayMs` leave in any window.
 */
export interface StormPolicy {
  maxPerWindow: number;
  windowMs: number;
  holdOffMs: number;
  summaryDelayMs: number;
}

export const DEFAULT_STORM_POLICY: Readonly<StormPolicy> = Object.freeze({
  maxPerWindow: 20,
  windowMs: 60 * 60_000,
  holdOffMs: 5 * 60_000,
  summaryDelayMs: 10 * 60_000,
});

export interface SentRecord {
  key: AlarmKey;
  event: 'start' | 'end';
  at: number;
}

export interface HeldRecord {
  key: AlarmKey;
  event: 'start' | 'end';
  /** The latest held alarm of this key, whose designation the summary shows. */
  alarm: Alarm;
  count: number;
  firstAt: number;
  lastAt: number;
}

/** State of storm control, persisted by the outbox so that a restart neither resets the cap nor loses counts. */
export interface StormState {
  sent: SentRecord[];
  held: HeldRecord[];
}

export const EMPTY_STORM_STATE: StormState = { sent: [], held: [] };

export type Admission = 'send' | 'holdOff' | 'cap';

/** Checks every field of a policy; throws a RangeError naming the invalid value. */
export function resolveStormPolicy(overrides: Partial<StormPolicy> = {}): StormPolicy {
  const policy = { ...DEFAULT_STORM_POLICY, ...overrides };
  for (const [name, value] of Object.entries(policy)) {
    if (!Number.isFinite(value) || value <= 0 || (name === 'maxPerWindow' && !Number.isInteger(value))) {
      throw new RangeError(`Storm control ${name} must be a positive ${name === 'maxPerWindow' ? 'integer' : 'number of milliseconds'}, got ${value}.`);
    }
  }
  return policy;
}

/** Decides whether an alarm e-mail goes out now or is held back, and returns the updated state. */
export function admit(
  state: StormState,
  policy: StormPolicy,
  request: { alarm: Alarm; event: 'start' | 'end'; at: number },
): { state: StormState; admission: Admission } {
  const key = alarmKey(request.alarm);
  const horizon = request.at - Math.max(policy.windowMs, policy.holdOffMs);
  const sent = state.sent.filter((record) => record.at > horizon);

  const repeated = sent.some(
    (record) => record.key === key && record.event === request.event && record.at > request.at - policy.holdOffMs,
  );
  const inWindow = sent.filter((record) => record.at > request.at - policy.windowMs).length;
  let admission: Admission = 'send';
  if (inWindow >= policy.maxPerWindow) admission = 'cap';
  if (repeated) admission = 'holdOff';

  if (admission === 'send') {
    return { state: { sent: [...sent, { key, event: request.event, at: request.at }], held: state.held }, admission };
  }
  return { state: { sent, held: hold(state.held, key, request) }, admission };
}

function hold(held: HeldRecord[], key: AlarmKey, request: { alarm: Alarm; event: 'start' | 'end'; at: number }): HeldRecord[] {
  const existing = held.find((record) => record.key === key && record.event === request.event);
  if (existing === undefined) {
    return [...held, { key, event: request.event, alarm: request.alarm, count: 1, firstAt: request.at, lastAt: request.at }];
  }
  const updated = { ...existing, alarm: request.alarm, count: existing.count + 1, lastAt: request.at };
  return held.map((record) => (record === existing ? updated : record));
}

/** Time at which the summary of the held-back events is due, or null when nothing is held back. */
export function summaryDueAt(state: StormState, policy: StormPolicy): number | null {
  if (state.held.length === 0) return null;
  return Math.min(...state.held.map((record) => record.firstAt)) + policy.summaryDelayMs;
}

/** Checks that persisted storm state has the expected shape; returns null when it does not. */
export function parseStormState(raw: unknown): StormState | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const { sent, held } = raw as Record<string, unknown>;
  if (!Array.isArray(sent) || !Array.isArray(held)) return null;
  const validEvent = (event: unknown) => event === 'start' || event === 'end';
  const sentValid = sent.every(
    (record) => typeof record?.key === 'string' && validEvent(record.event) && Number.isFinite(record.at),
  );
  const heldValid = held.every(
    (record) =>
      typeof record?.key === 'string' &&
      validEvent(record.event) &&
      typeof record.alarm?.kind === 'string' &&
      Number.isInteger(record.count) &&
      Number.isFinite(record.firstAt) &&
      Number.isFinite(record.lastAt),
  );
  return sentValid && heldValid ? { sent, held } : null;
}
