import { create } from 'zustand';
import type { AlarmQueueEntry } from '../../shared/device-state';

/** Counts shown in the status bar: active alarms and e-mails waiting in the outbox. The device store keeps them live. */
interface StatusIndicators {
  alarmCount: number;
  outboxCount: number;
}

export const useStatusIndicators = create<StatusIndicators>(() => ({ alarmCount: 0, outboxCount: 0 }));

/**
 * Counts the alarms of the queue that are still on: active ones, acknowledged or not. An alarm
 * that ended but waits for its acknowledgement is listed in brackets and not counted.
 */
export function activeAlarmCount(queue: readonly AlarmQueueEntry[]): number {
  return queue.filter((entry) => entry.status !== 'endedUnacknowledged').length;
}
