import type { Clock, TimerHandle } from './clock';

interface PendingTimer {
  id: number;
  dueAt: number;
  callback: () => void;
}

/** A clock for tests: time moves only when `advance` is called, which runs the timers that fall due in order. */
export class ManualClock implements Clock {
  private time: number;
  private nextId = 1;
  private timers: PendingTimer[] = [];

  constructor(start = Date.UTC(2012, 8, 7, 7, 41)) {
    this.time = start;
  }

  now(): number {
    return this.time;
  }

  setTimeout(callback: () => void, ms: number): TimerHandle {
    const timer = { id: this.nextId++, dueAt: this.time + Math.max(0, ms), callback };
    this.timers.push(timer);
    return timer.id;
  }

  clearTimeout(handle: TimerHandle): void {
    this.timers = this.timers.filter((timer) => timer.id !== handle);
  }

  /** Number of timers waiting. */
  get pending(): number {
    return this.timers.length;
  }

  /** Moves time forward by `ms`, running each timer at its due time, including timers set by those callbacks. */
  advance(ms: number): void {
    const end = this.time + ms;
    for (;;) {
      const next = this.timers
        .filter((timer) => timer.dueAt <= end)
        .sort((a, b) => a.dueAt - b.dueAt || a.id - b.id)[0];
      if (next === undefined) break;
      this.timers = this.timers.filter((timer) => timer !== next);
      this.time = next.dueAt;
      next.callback();
    }
    this.time = end;
  }
}
