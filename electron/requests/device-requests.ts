import { alarmAppliesTo, measuresFreeChlorine } from '../../shared/alarms';
import { SCENARIO_STEP_SECONDS, type DeviceCommandResult } from '../../shared/device-contract';
import { alarmKey } from '../../shared/device-state';
import type { AppServices } from '../app-core';
import { RejectedRequestError, type RequestHandlers } from './types';

/**
 * Requests of the home view, "Aperçu des alarmes", "Journal des e-mails" and the "Démo salon"
 * commands. The demo commands act on the simulated device as its causes would, and are
 * rejected unless demo mode is on.
 */
export const deviceRequests = {
  getDeviceState: (_input, services) => services.device.state(),
  acknowledgeAlarm: (input, services) => result(services, services.device.simulator.acknowledge(input.key)),
  acknowledgeAllAlarms: (_input, services) => result(services, services.device.simulator.acknowledgeAll() > 0),
  listOutbox: (_input, services) => services.device.outbox.list(),
  getJournal: (_input, services) => services.device.journal(),
  retryOutboxNow: (_input, services) => {
    services.device.outbox.retryNow();
    return services.device.outboxCounts();
  },

  raiseAlarm: (input, services) => {
    requireDemoMode(services);
    const type = services.settings.current().device.type;
    if (!alarmAppliesTo(input.alarm, type)) {
      const designation = services.device.designation(input.alarm);
      throw new RejectedRequestError(
        `Alarm ${alarmKey(input.alarm)} does not exist on device type "${type}": choose an alarm of this device type.`,
        'alarm',
        'demo:errors.notOnDevice',
        { alarm: designation },
      );
    }
    return result(services, services.device.simulator.raiseAlarm(input.alarm));
  },
  endAlarm: (input, services) => {
    requireDemoMode(services);
    if (input.alarm.kind === 'dosingAlarm') {
      throw new RejectedRequestError(
        `Alarm ${alarmKey(input.alarm)} ends only when acknowledged: send acknowledgeAlarm instead.`,
        'alarm',
        'demo:errors.endsByAcknowledgement',
        { alarm: services.device.designation(input.alarm) },
      );
    }
    return result(services, services.device.simulator.endAlarm(input.alarm));
  },
  cutFlow: (_input, services) => {
    requireDemoMode(services);
    return result(services, services.device.simulator.cutFlow());
  },
  restoreFlow: (_input, services) => {
    requireDemoMode(services);
    return result(services, services.device.simulator.restoreFlow());
  },
  setMeasurement: (input, services) => {
    requireDemoMode(services);
    const type = services.settings.current().device.type;
    if (input.value === 'chlorine' && !measuresFreeChlorine(type)) {
      throw new RejectedRequestError(
        `Device type "${type}" has no free chlorine cell: set pH, redox or temperature instead.`,
        'value',
        'demo:errors.notMeasured',
      );
    }
    services.device.simulator.setMeasurement(input.value, input.reading);
    return result(services, true);
  },
  startScenario: (input, services) => {
    requireDemoMode(services);
    return services.device.scenario.start((input.stepSeconds ?? SCENARIO_STEP_SECONDS.default) * 1000);
  },
  stopScenario: (_input, services) => {
    requireDemoMode(services);
    return services.device.scenario.stop();
  },
  // Readable with demo mode off too, so that every screen can show whether a scenario runs.
  getScenarioStatus: (_input, services) => services.device.scenario.status(),
} satisfies Partial<RequestHandlers>;

function result(services: AppServices, changed: boolean): DeviceCommandResult {
  return { changed, state: services.device.state() };
}

function requireDemoMode(services: AppServices): void {
  if (services.settings.current().device.demoMode) return;
  throw new RejectedRequestError(
    'Demo mode is off: switch on "Mode démo" under "Réglages de l\'appareil" to use the demo commands.',
    'demoMode',
    'demo:errors.demoModeOff',
  );
}
