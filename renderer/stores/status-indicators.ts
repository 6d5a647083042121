import { create } from 'zustand';

/** Counts shown in the status bar: active alarms and e-mails waiting in the outbox. */
interface StatusIndicators {
  alarmCount: number;
  outboxCount: number;
}

export const useStatusIndicators = create<StatusIndicators>(() => ({ alarmCount: 0, outboxCount: 0 }));
