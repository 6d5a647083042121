import { describe, expect, it } from 'vitest';
import type { Alarm, AlarmQueueEntry } from '../../shared/device-state';
import { acknowledgeAlarm, acknowledgeAll, clearCondition, raiseAlarm } from './alarm-queue';

const PH_UPPER: Alarm = { kind: 'upper', value: 'ph' };
const DOSING_PH: Alarm = { kind: 'dosingAlarm', channel: 'ph' };
const NO_FLOW: Alarm = { kind: 'noFlow' };

function statuses(queue: AlarmQueueEntry[]): string[] {
  return queue.map((entry) => `${entry.key}=${entry.status}`);
}

describe('alarm queue', () => {
  it('raises a new alarm as active', () => {
    const change = raiseAlarm([], PH_UPPER, 'condition', 1000);

    expect(statuses(change.queue)).toEqual(['upper:ph=active']);
    expect(change.queue[0]?.raisedAt).toBe(1000);
    expect(change.events).toEqual([{ type: 'alarmStarted', alarm: PH_UPPER }]);
  });

  it('does not restart an active alarm', () => {
    const first = raiseAlarm([], PH_UPPER, 'condition', 1000);
    const second = raiseAlarm(first.queue, PH_UPPER, 'condition', 2000);

    expect(second.queue).toBe(first.queue);
    expect(second.events).toEqual([]);
  });

  it('ends an unacknowledged alarm into brackets', () => {
    const raised = raiseAlarm([], PH_UPPER, 'condition', 1000);
    const ended = clearCondition(raised.queue, 'upper:ph', 2000);

    expect(statuses(ended.queue)).toEqual(['upper:ph=endedUnacknowledged']);
    expect(ended.queue[0]?.endedAt).toBe(2000);
    expect(ended.events).toEqual([{ type: 'alarmEnded', alarm: PH_UPPER, endedBy: 'condition' }]);
  });

  it('acknowledging an active alarm keeps it', () => {
    const raised = raiseAlarm([], PH_UPPER, 'condition', 1000);
    const acknowledged = acknowledgeAlarm(raised.queue, 'upper:ph');

    expect(statuses(acknowledged.queue)).toEqual(['upper:ph=acknowledged']);
    expect(acknowledged.events).toEqual([{ type: 'alarmAcknowledged', alarm: PH_UPPER, removed: false }]);
  });

  it('removes an acknowledged alarm when it ends', () => {
    const raised = raiseAlarm([], PH_UPPER, 'condition', 1000);
    const acknowledged = acknowledgeAlarm(raised.queue, 'upper:ph');
    const ended = clearCondition(acknowledged.queue, 'upper:ph', 2000);

    expect(ended.queue).toEqual([]);
    expect(ended.events).toEqual([{ type: 'alarmEnded', alarm: PH_UPPER, endedBy: 'condition' }]);
  });

  it('removes an ended alarm when acknowledged', () => {
    const raised = raiseAlarm([], PH_UPPER, 'condition', 1000);
    const ended = clearCondition(raised.queue, 'upper:ph', 2000);
    const acknowledged = acknowledgeAlarm(ended.queue, 'upper:ph');

    expect(acknowledged.queue).toEqual([]);
    expect(acknowledged.events).toEqual([{ type: 'alarmAcknowledged', alarm: PH_UPPER, removed: true }]);
  });

  it('restarts an ended alarm at the end', () => {
    const first = raiseAlarm([], PH_UPPER, 'condition', 1000);
    const warning = raiseAlarm(first.queue, DOSING_PH, 'acknowledgement', 1500);
    const ended = clearCondition(warning.queue, 'upper:ph', 2000);
    const again = raiseAlarm(ended.queue, PH_UPPER, 'condition', 3000);

    expect(statuses(again.queue)).toEqual(['dosingAlarm:ph=active', 'upper:ph=active']);
    expect(again.queue[1]?.raisedAt).toBe(3000);
    expect(again.queue[1]?.endedAt).toBeNull();
    expect(again.events).toEqual([{ type: 'alarmStarted', alarm: PH_UPPER }]);
  });

  it('dosing alarm ends only by acknowledgement', () => {
    const raised = raiseAlarm([], DOSING_PH, 'acknowledgement', 1000);
    const cleared = clearCondition(raised.queue, 'dosingAlarm:ph', 2000);

    expect(statuses(cleared.queue)).toEqual(['dosingAlarm:ph=active']);
    expect(cleared.events).toEqual([]);

    const acknowledged = acknowledgeAlarm(cleared.queue, 'dosingAlarm:ph');

    expect(acknowledged.queue).toEqual([]);
    expect(acknowledged.events).toEqual([{ type: 'alarmEnded', alarm: DOSING_PH, endedBy: 'acknowledgement' }]);
  });

  it('manual flow alarm waits for acknowledgement', () => {
    const raised = raiseAlarm([], NO_FLOW, 'conditionAndAcknowledgement', 1000);
    const flowBack = clearCondition(raised.queue, 'noFlow', 2000);

    expect(statuses(flowBack.queue)).toEqual(['noFlow=active']);
    expect(flowBack.queue[0]?.conditionPresent).toBe(false);
    expect(flowBack.events).toEqual([]);

    const acknowledged = acknowledgeAlarm(flowBack.queue, 'noFlow');

    expect(acknowledged.queue).toEqual([]);
    expect(acknowledged.events).toEqual([{ type: 'alarmEnded', alarm: NO_FLOW, endedBy: 'acknowledgement' }]);
  });

  it('manual flow alarm acknowledged first ends with flow', () => {
    const raised = raiseAlarm([], NO_FLOW, 'conditionAndAcknowledgement', 1000);
    const acknowledged = acknowledgeAlarm(raised.queue, 'noFlow');

    expect(statuses(acknowledged.queue)).toEqual(['noFlow=acknowledged']);
    expect(acknowledged.events).toEqual([{ type: 'alarmAcknowledged', alarm: NO_FLOW, removed: false }]);

    const flowBack = clearCondition(acknowledged.queue, 'noFlow', 2000);

    expect(flowBack.queue).toEqual([]);
    expect(flowBack.events).toEqual([{ type: 'alarmEnded', alarm: NO_FLOW, endedBy: 'condition' }]);
  });

  it('acknowledges all entries oldest first', () => {
    let queue = raiseAlarm([], PH_UPPER, 'condition', 1000).queue;
    queue = raiseAlarm(queue, DOSING_PH, 'acknowledgement', 1100).queue;
    queue = raiseAlarm(queue, { kind: 'lower', value: 'redox' }, 'condition', 1200).queue;
    queue = clearCondition(queue, 'lower:redox', 1300).queue;

    const change = acknowledgeAll(queue);

    expect(statuses(change.queue)).toEqual(['upper:ph=acknowledged']);
    expect(change.events.map((event) => event.type)).toEqual(['alarmAcknowledged', 'alarmEnded', 'alarmAcknowledged']);
  });

  it('ignores unknown keys', () => {
    const queue = raiseAlarm([], PH_UPPER, 'condition', 1000).queue;

    expect(acknowledgeAlarm(queue, 'upper:redox').queue).toBe(queue);
    expect(clearCondition(queue, 'upper:redox', 2000).queue).toBe(queue);
  });
});
