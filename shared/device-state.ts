/**
 * State of the pool controller as the main side simulates it and the renderer shows it:
 * measurements, flow signal and the alarm queue. Every value here is plain JSON, so that it
 * crosses the IPC bridge and the web host unchanged. Times are milliseconds since the epoch.
 */

/** Values the device measures. `chlorine` is free chlorine, measured only by some device types. */
export const MEASURED_VALUES = ['ph', 'redox', 'chlorine', 'temperature'] as const;
export type MeasuredValue = (typeof MEASURED_VALUES)[number];

/**
 * Dosing channels, each with a canister whose level is watched. A channel is named after the
 * value that controls it: on a chlorine (Cl) device the chlorine canister is the "redox" channel.
 */
export const DOSING_CHANNELS = ['ph', 'redox', 'chlorine', 'o2'] as const;
export type DosingChannel = (typeof DOSING_CHANNELS)[number];

/** One alarm of the device, with what its designation shows. */
export type Alarm =
  | { kind: 'upper'; value: MeasuredValue }
  | { kind: 'lower'; value: MeasuredValue }
  /** Canister almost empty; the designation shows the remaining quantity, e.g. "(5.0 l)". */
  | { kind: 'levelWarning'; channel: DosingChannel; remainingLitres: number }
  /** Canister empty. */
  | { kind: 'levelAlarm'; channel: DosingChannel }
  /** Dosing ran longer than allowed without reaching the set point; ends only when acknowledged. */
  | { kind: 'dosingAlarm'; channel: DosingChannel }
  /** No flow of measuring water; an alarm only with flow-alarm acknowledgement set to manual. */
  | { kind: 'noFlow' };

export type AlarmKind = Alarm['kind'];

/**
 * Identity of an alarm in the queue, such as `upper:ph` or `levelWarning:redox`. The remaining
 * quantity of a level warning is not part of it, so a warning stays one entry while it drains.
 */
export type AlarmKey = string;

/** Returns the queue identity of an alarm. */
export function alarmKey(alarm: Alarm): AlarmKey {
  switch (alarm.kind) {
    case 'upper':
    case 'lower':
      return `${alarm.kind}:${alarm.value}`;
    case 'levelWarning':
    case 'levelAlarm':
    case 'dosingAlarm':
      return `${alarm.kind}:${alarm.channel}`;
    case 'noFlow':
      return 'noFlow';
  }
}

/**
 * State of a queue entry. An alarm that ended while not acknowledged stays in the queue until it
 * is acknowledged, and the e-mail shows it in square brackets. An ended and acknowledged alarm
 * leaves the queue.
 */
export const ALARM_STATUSES = ['active', 'acknowledged', 'endedUnacknowledged'] as const;
export type AlarmStatus = (typeof ALARM_STATUSES)[number];

/** When an alarm ends. */
export type AlarmEnding =
  /** When its condition is gone, acknowledged or not. */
  | 'condition'
  /** When it is acknowledged (dosing alarm). */
  | 'acknowledgement'
  /** When its condition is gone and it has been acknowledged, in either order (flow alarm, manual acknowledgement). */
  | 'conditionAndAcknowledgement';

export interface AlarmQueueEntry {
  key: AlarmKey;
  alarm: Alarm;
  status: AlarmStatus;
  ending: AlarmEnding;
  /** Whether the cause of the alarm is still there. */
  conditionPresent: boolean;
  raisedAt: number;
  endedAt: number | null;
}

/** Current measurements; `freeChlorine` (mg/l) is null on devices without a chlorine measuring cell. */
export interface Measurements {
  /** pH, 2 decimals. */
  ph: number;
  /** Redox potential in mV, whole numbers. */
  redox: number;
  /** Free chlorine in mg/l, 2 decimals. */
  freeChlorine: number | null;
  /** T1, temperature of the measuring water in °C, 1 decimal. */
  temperature: number;
}

/** Everything the device shows at one moment. */
export interface DeviceSnapshot {
  at: number;
  measurements: Measurements;
  /** Whether measuring water flows (the flow signal is present). */
  flow: boolean;
  /** Oldest first. */
  queue: AlarmQueueEntry[];
}

/** Something that happened on the device, with the state right after it. */
export type DeviceEvent =
  | { type: 'alarmStarted'; alarm: Alarm; snapshot: DeviceSnapshot }
  | {
      type: 'alarmEnded';
      alarm: Alarm;
      /** `acknowledgement` when the acknowledgement itself ended the alarm (dosing alarm, manual flow alarm). */
      endedBy: 'condition' | 'acknowledgement';
      snapshot: DeviceSnapshot;
    }
  /** An acknowledgement that did not end the alarm; `removed` when the alarm had already ended and leaves the queue. */
  | { type: 'alarmAcknowledged'; alarm: Alarm; removed: boolean; snapshot: DeviceSnapshot }
  /**
   * Flow signal lost or back. `raisedAlarm` when this loss raised a flow alarm (flow-alarm
   * acknowledgement set to manual): the alarm's own start and end then stand for the loss and the return.
   */
  | { type: 'flowLost' | 'flowReturned'; raisedAlarm: boolean; snapshot: DeviceSnapshot };
