import { describe, expect, it } from 'vitest';
import type { AlarmQueueEntry, AlarmStatus } from '../../shared/device-state';
import { activeAlarmCount } from './status-indicators';

function entry(key: string, status: AlarmStatus): AlarmQueueEntry {
  return {
    key,
    alarm: { kind: 'upper', value: 'ph' },
    status,
    ending: 'condition',
    conditionPresent: status !== 'endedUnacknowledged',
    raisedAt: 0,
    endedAt: status === 'endedUnacknowledged' ? 1 : null,
  };
}

describe('activeAlarmCount', () => {
  it('counts an empty queue as zero', () => {
    expect(activeAlarmCount([])).toBe(0);
  });

  it('counts active and acknowledged alarms', () => {
    expect(activeAlarmCount([entry('upper:ph', 'active'), entry('lower:redox', 'acknowledged')])).toBe(2);
  });

  it('leaves out ended alarms awaiting acknowledgement', () => {
    expect(activeAlarmCount([entry('upper:ph', 'endedUnacknowledged'), entry('noFlow', 'active')])).toBe(1);
  });
});
