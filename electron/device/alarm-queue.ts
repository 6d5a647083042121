import { alarmKey, type Alarm, type AlarmEnding, type AlarmKey, type AlarmQueueEntry } from '../../shared/device-state';

/**
 * The device's alarm queue as pure transitions. An entry is active (not acknowledged), active and
 * acknowledged, or ended but not acknowledged; it leaves the queue once it has ended and been
 * acknowledged. How it ends depends on its `ending`:
 * - `condition`: when the condition is gone, whether acknowledged or not;
 * - `acknowledgement` (dosing alarm): when acknowledged, whatever the condition;
 * - `conditionAndAcknowledgement` (flow alarm with manual acknowledgement): when both happened.
 */

export type QueueEvent =
  | { type: 'alarmStarted'; alarm: Alarm }
  | { type: 'alarmEnded'; alarm: Alarm; endedBy: 'condition' | 'acknowledgement' }
  | { type: 'alarmAcknowledged'; alarm: Alarm; removed: boolean };

export interface QueueChange {
  queue: AlarmQueueEntry[];
  events: QueueEvent[];
}

const unchanged = (queue: AlarmQueueEntry[]): QueueChange => ({ queue, events: [] });

/**
 * Raises an alarm whose condition appeared. A new alarm, or one that had ended but was not yet
 * acknowledged, becomes an active entry at the end of the queue and starts. An alarm already
 * active only gets its condition back and does not start again.
 */
export function raiseAlarm(queue: AlarmQueueEntry[], alarm: Alarm, ending: AlarmEnding, at: number): QueueChange {
  const key = alarmKey(alarm);
  const existing = queue.find((entry) => entry.key === key);

  if (existing !== undefined && existing.status !== 'endedUnacknowledged') {
    if (existing.conditionPresent) return unchanged(queue);
    return { queue: replace(queue, key, { ...existing, conditionPresent: true }), events: [] };
  }

  const entry: AlarmQueueEntry = {
    key,
    alarm,
    status: 'active',
    ending,
    conditionPresent: true,
    raisedAt: at,
    endedAt: null,
  };
  return { queue: [...queue.filter((other) => other.key !== key), entry], events: [{ type: 'alarmStarted', alarm }] };
}

/** Records that the condition of an alarm is gone; the alarm ends unless its ending also needs an acknowledgement. */
export function clearCondition(queue: AlarmQueueEntry[], key: AlarmKey, at: number): QueueChange {
  const entry = queue.find((candidate) => candidate.key === key);
  if (entry === undefined || !entry.conditionPresent) return unchanged(queue);

  const ended: QueueEvent = { type: 'alarmEnded', alarm: entry.alarm, endedBy: 'condition' };
  switch (entry.ending) {
    case 'condition':
      if (entry.status === 'acknowledged') return { queue: remove(queue, key), events: [ended] };
      return {
        queue: replace(queue, key, { ...entry, status: 'endedUnacknowledged', conditionPresent: false, endedAt: at }),
        events: [ended],
      };
    case 'conditionAndAcknowledgement':
      if (entry.status === 'acknowledged') return { queue: remove(queue, key), events: [ended] };
      return { queue: replace(queue, key, { ...entry, conditionPresent: false }), events: [] };
    case 'acknowledgement':
      return { queue: replace(queue, key, { ...entry, conditionPresent: false }), events: [] };
  }
}

/**
 * Acknowledges one alarm. It ends the alarm only for an `acknowledgement` ending, or for a
 * `conditionAndAcknowledgement` ending whose condition is gone. An alarm that had already ended
 * leaves the queue without ending again.
 */
export function acknowledgeAlarm(queue: AlarmQueueEntry[], key: AlarmKey): QueueChange {
  const entry = queue.find((candidate) => candidate.key === key);
  if (entry === undefined || entry.status === 'acknowledged') return unchanged(queue);

  if (entry.status === 'endedUnacknowledged') {
    return { queue: remove(queue, key), events: [{ type: 'alarmAcknowledged', alarm: entry.alarm, removed: true }] };
  }

  const endsNow =
    entry.ending === 'acknowledgement' || (entry.ending === 'conditionAndAcknowledgement' && !entry.conditionPresent);
  if (endsNow) {
    return { queue: remove(queue, key), events: [{ type: 'alarmEnded', alarm: entry.alarm, endedBy: 'acknowledgement' }] };
  }
  return {
    queue: replace(queue, key, { ...entry, status: 'acknowledged' }),
    events: [{ type: 'alarmAcknowledged', alarm: entry.alarm, removed: false }],
  };
}

/** Acknowledges every alarm of the queue, oldest first. */
export function acknowledgeAll(queue: AlarmQueueEntry[]): QueueChange {
  let current = queue;
  const events: QueueEvent[] = [];
  for (const entry of queue) {
    const change = acknowledgeAlarm(current, entry.key);
    current = change.queue;
    events.push(...change.events);
  }
  return { queue: current, events };
}

/** Tells whether the alarm is in the queue with its condition present. */
export function conditionPresent(queue: readonly AlarmQueueEntry[], key: AlarmKey): boolean {
  return queue.some((entry) => entry.key === key && entry.conditionPresent);
}

function replace(queue: AlarmQueueEntry[], key: AlarmKey, entry: AlarmQueueEntry): AlarmQueueEntry[] {
  return queue.map((candidate) => (candidate.key === key ? entry : candidate));
}

function remove(queue: AlarmQueueEntry[], key: AlarmKey): AlarmQueueEntry[] {
  return queue.filter((candidate) => candidate.key !== key);
}
