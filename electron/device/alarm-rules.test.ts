import { describe, expect, it } from 'vitest';
import { deviceAlarms } from '../../shared/alarms';
import type { Alarm, DeviceEvent, DeviceSnapshot } from '../../shared/device-state';
import type { ActiveEmails, FlowAcknowledgement } from '../../shared/settings';
import { alarmEnding, decideAlarmEmail, flowLossRaisesAlarm, type AlarmEmailDecision } from './alarm-rules';
import { createTestSimulator } from './test-support';

const PH_UPPER: Alarm = { kind: 'upper', value: 'ph' };
const DOSING_REDOX: Alarm = { kind: 'dosingAlarm', channel: 'redox' };

const ALL_ON: ActiveEmails = { noFlowSignal: true, alarms: true };
const ALL_OFF: ActiveEmails = { noFlowSignal: false, alarms: false };
const ALARMS_ONLY: ActiveEmails = { noFlowSignal: false, alarms: true };
const FLOW_ONLY: ActiveEmails = { noFlowSignal: true, alarms: false };

function snapshot(flow = true): DeviceSnapshot {
  return {
    at: Date.UTC(2012, 8, 7, 7, 41),
    measurements: { ph: 8, redox: 674, freeChlorine: null, temperature: 24.6 },
    flow,
    queue: [],
  };
}

describe('decideAlarmEmail', () => {
  it('alarm start follows "Alarmes"', () => {
    const event: DeviceEvent = { type: 'alarmStarted', alarm: PH_UPPER, snapshot: snapshot() };

    expect(decideAlarmEmail(event, ALARMS_ONLY)).toMatchObject({ event: 'start', alarm: PH_UPPER, setting: 'alarms' });
    expect(decideAlarmEmail(event, FLOW_ONLY)).toBeNull();
  });

  it('alarm end follows "Alarmes"', () => {
    const event: DeviceEvent = { type: 'alarmEnded', alarm: PH_UPPER, endedBy: 'condition', snapshot: snapshot() };

    expect(decideAlarmEmail(event, ALARMS_ONLY)).toMatchObject({ event: 'end', alarm: PH_UPPER, setting: 'alarms' });
    expect(decideAlarmEmail(event, FLOW_ONLY)).toBeNull();
  });

  it('acknowledgement alone sends nothing', () => {
    for (const removed of [false, true]) {
      const event: DeviceEvent = { type: 'alarmAcknowledged', alarm: PH_UPPER, removed, snapshot: snapshot() };

      expect(decideAlarmEmail(event, ALL_ON)).toBeNull();
    }
  });

  it('acknowledgement that ends sends the end', () => {
    const event: DeviceEvent = { type: 'alarmEnded', alarm: DOSING_REDOX, endedBy: 'acknowledgement', snapshot: snapshot() };

    expect(decideAlarmEmail(event, ALARMS_ONLY)).toMatchObject({ event: 'end', alarm: DOSING_REDOX });
    expect(decideAlarmEmail(event, FLOW_ONLY)).toBeNull();
  });

  it('flow loss and return follow "Aucun signal de débit"', () => {
    const lost: DeviceEvent = { type: 'flowLost', raisedAlarm: false, snapshot: snapshot(false) };
    const returned: DeviceEvent = { type: 'flowReturned', raisedAlarm: false, snapshot: snapshot(true) };

    expect(decideAlarmEmail(lost, FLOW_ONLY)).toMatchObject({ event: 'start', alarm: { kind: 'noFlow' }, setting: 'noFlowSignal' });
    expect(decideAlarmEmail(returned, FLOW_ONLY)).toMatchObject({ event: 'end', alarm: { kind: 'noFlow' }, setting: 'noFlowSignal' });
    expect(decideAlarmEmail(lost, ALARMS_ONLY)).toBeNull();
    expect(decideAlarmEmail(returned, ALARMS_ONLY)).toBeNull();
  });

  it('flow raising an alarm sends no plain e-mail', () => {
    for (const type of ['flowLost', 'flowReturned'] as const) {
      const event: DeviceEvent = { type, raisedAlarm: true, snapshot: snapshot(type === 'flowReturned') };

      expect(decideAlarmEmail(event, ALL_ON)).toBeNull();
    }
  });

  it('omits measurements without flow', () => {
    const withFlow = decideAlarmEmail({ type: 'alarmStarted', alarm: PH_UPPER, snapshot: snapshot(true) }, ALL_ON);
    const withoutFlow = decideAlarmEmail({ type: 'alarmStarted', alarm: PH_UPPER, snapshot: snapshot(false) }, ALL_ON);

    expect(withFlow?.measurements).toEqual(snapshot().measurements);
    expect(withoutFlow?.measurements).toBeNull();
  });

  it('carries time and queue of the snapshot', () => {
    const state = snapshot();
    state.queue = [
      { key: 'upper:ph', alarm: PH_UPPER, status: 'active', ending: 'condition', conditionPresent: true, raisedAt: 0, endedAt: null },
    ];
    const decision = decideAlarmEmail({ type: 'alarmStarted', alarm: PH_UPPER, snapshot: state }, ALL_ON);

    expect(decision?.at.getTime()).toBe(state.at);
    expect(decision?.queue).toEqual(state.queue);
  });
});

describe('alarm endings', () => {
  it('only manual acknowledgement raises a flow alarm', () => {
    expect(flowLossRaisesAlarm('manual')).toBe(true);
    expect(flowLossRaisesAlarm('automatic')).toBe(false);
  });

  it('each kind ends as the device does', () => {
    const special: Record<string, string> = { dosingAlarm: 'acknowledgement', noFlow: 'conditionAndAcknowledgement' };
    for (const alarm of deviceAlarms('pro')) {
      expect(alarmEnding(alarm), alarm.kind).toBe(special[alarm.kind] ?? 'condition');
    }
  });
});

/** Runs a scenario on a simulator and returns the e-mails the rules decide, as "start:kind" or "end:kind". */
function emailsOf(
  flowAcknowledgement: FlowAcknowledgement,
  activeEmails: ActiveEmails,
  scenario: (simulator: ReturnType<typeof createTestSimulator>['simulator']) => void,
): string[] {
  const { simulator } = createTestSimulator({ type: 'cl', flowAcknowledgement });
  const decisions: AlarmEmailDecision[] = [];
  simulator.on('deviceEvent', (event) => {
    const decision = decideAlarmEmail(event, activeEmails);
    if (decision !== null) decisions.push(decision);
  });
  scenario(simulator);
  return decisions.map((decision) => `${decision.event}:${decision.alarm.kind}`);
}

describe('rules on the simulator', () => {
  it('automatic flow: plain flow e-mails only', () => {
    const cycle = (simulator: ReturnType<typeof createTestSimulator>['simulator']) => {
      simulator.cutFlow();
      simulator.restoreFlow();
    };

    expect(emailsOf('automatic', FLOW_ONLY, cycle)).toEqual(['start:noFlow', 'end:noFlow']);
    expect(emailsOf('automatic', ALARMS_ONLY, cycle)).toEqual([]);
    expect(emailsOf('automatic', ALL_ON, cycle)).toEqual(['start:noFlow', 'end:noFlow']);
  });

  it('manual flow: e-mails follow "Alarmes"', () => {
    const cycle = (simulator: ReturnType<typeof createTestSimulator>['simulator']) => {
      simulator.cutFlow();
      simulator.restoreFlow();
      simulator.acknowledge('noFlow');
    };

    expect(emailsOf('manual', ALARMS_ONLY, cycle)).toEqual(['start:noFlow', 'end:noFlow']);
    expect(emailsOf('manual', FLOW_ONLY, cycle)).toEqual([]);
    expect(emailsOf('manual', ALL_ON, cycle)).toEqual(['start:noFlow', 'end:noFlow']);
  });

  it('manual flow alarm ends at acknowledgement', () => {
    const events: string[] = [];
    const emails = emailsOf('manual', ALARMS_ONLY, (simulator) => {
      simulator.on('deviceEvent', (event) => events.push(event.type));
      simulator.cutFlow();
      simulator.restoreFlow();
      events.push('|');
      simulator.acknowledge('noFlow');
    });

    expect(events).toEqual(['flowLost', 'alarmStarted', 'flowReturned', '|', 'alarmEnded']);
    expect(emails).toEqual(['start:noFlow', 'end:noFlow']);
  });

  it('manual flow acknowledged early ends on return', () => {
    const emails = emailsOf('manual', ALARMS_ONLY, (simulator) => {
      simulator.cutFlow();
      simulator.acknowledge('noFlow');
      expect(simulator.snapshot().queue.map((entry) => entry.status)).toEqual(['acknowledged']);
      simulator.restoreFlow();
      expect(simulator.snapshot().queue).toEqual([]);
    });

    expect(emails).toEqual(['start:noFlow', 'end:noFlow']);
  });

  it('dosing alarm: acknowledgement sends the end', () => {
    const emails = emailsOf('automatic', ALARMS_ONLY, (simulator) => {
      simulator.raiseAlarm(DOSING_REDOX);
      expect(simulator.endAlarm(DOSING_REDOX)).toBe(false);
      simulator.acknowledge('dosingAlarm:redox');
    });

    expect(emails).toEqual(['start:dosingAlarm', 'end:dosingAlarm']);
  });

  it('acknowledging other alarms sends nothing', () => {
    const emails = emailsOf('automatic', ALL_ON, (simulator) => {
      simulator.raiseAlarm(PH_UPPER);
      simulator.acknowledge('upper:ph');
      simulator.endAlarm(PH_UPPER);
      simulator.raiseAlarm({ kind: 'lower', value: 'redox' });
      simulator.endAlarm({ kind: 'lower', value: 'redox' });
      simulator.acknowledgeAll();
    });

    expect(emails).toEqual(['start:upper', 'end:upper', 'start:lower', 'end:lower']);
  });

  it('nothing is sent with both settings off', () => {
    const emails = emailsOf('manual', ALL_OFF, (simulator) => {
      simulator.raiseAlarm(PH_UPPER);
      simulator.cutFlow();
      simulator.restoreFlow();
      simulator.acknowledgeAll();
      simulator.endAlarm(PH_UPPER);
    });

    expect(emails).toEqual([]);
  });
});
