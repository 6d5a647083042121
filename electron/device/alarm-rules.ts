import { ALARM_KINDS } from '../../shared/alarms';
import type { Alarm, AlarmEnding, AlarmQueueEntry, DeviceEvent, Measurements } from '../../shared/device-state';
import type { ActiveEmails, FlowAcknowledgement } from '../../shared/settings';

/**
 * The device's rules for alarm e-mails ("E-mails actifs"):
 * - "Alarmes": an e-mail when an alarm starts and when it ends. Acknowledging sends nothing,
 *   unless the acknowledgement ends the alarm, as it does for a dosing alarm.
 * - "Aucun signal de débit": an e-mail when the flow signal is lost and when it returns.
 * - With "Validation alarme de débit = manuel", a lost flow signal raises an alarm. Its e-mails
 *   follow "Alarmes" and the "Aucun signal de débit" setting does not matter, so the loss and the
 *   return send no second, plain flow e-mail.
 */

/** Tells whether losing the flow signal raises a flow alarm: only with manual flow-alarm acknowledgement. */
export function flowLossRaisesAlarm(flowAcknowledgement: FlowAcknowledgement): boolean {
  return flowAcknowledgement === 'manual';
}

/**
 * Returns how an alarm ends. A dosing alarm ends only when acknowledged. A flow alarm exists
 * only with manual acknowledgement, so it ends when the flow is back and it has been acknowledged.
 */
export function alarmEnding(alarm: Alarm): AlarmEnding {
  if (alarm.kind === 'noFlow') return 'conditionAndAcknowledgement';
  return ALARM_KINDS[alarm.kind].ending;
}

/** An alarm e-mail to send, with the state it describes. */
export interface AlarmEmailDecision {
  event: 'start' | 'end';
  alarm: Alarm;
  at: Date;
  queue: AlarmQueueEntry[];
  /** Null without flow signal: the e-mail then shows no measurements. */
  measurements: Measurements | null;
  /** The "E-mails actifs" setting that asked for this e-mail. */
  setting: keyof ActiveEmails;
}

/** Decides whether a device event sends an alarm e-mail under the current "E-mails actifs" settings. */
export function decideAlarmEmail(event: DeviceEvent, activeEmails: ActiveEmails): AlarmEmailDecision | null {
  const { snapshot } = event;
  const state = {
    at: new Date(snapshot.at),
    queue: snapshot.queue,
    measurements: snapshot.flow ? snapshot.measurements : null,
  };

  switch (event.type) {
    case 'alarmStarted':
      return activeEmails.alarms ? { ...state, event: 'start', alarm: event.alarm, setting: 'alarms' } : null;
    case 'alarmEnded':
      return activeEmails.alarms ? { ...state, event: 'end', alarm: event.alarm, setting: 'alarms' } : null;
    case 'alarmAcknowledged':
      return null;
    case 'flowLost':
    case 'flowReturned':
      if (event.raisedAlarm || !activeEmails.noFlowSignal) return null;
      return {
        ...state,
        event: event.type === 'flowLost' ? 'start' : 'end',
        alarm: { kind: 'noFlow' },
        setting: 'noFlowSignal',
      };
  }
}
