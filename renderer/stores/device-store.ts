import { create } from 'zustand';
import type { JournalEntry } from '../../shared/alarm-email';
import type { DeviceCommandResult, DeviceStateView, OutboxCounts, ScenarioStatus } from '../../shared/device-contract';
import { bridge, BridgeError, onConnectionChange } from '../bridge';
import { activeAlarmCount, useStatusIndicators } from './status-indicators';

interface DeviceState {
  /** The simulated device, or null until the first load. */
  device: DeviceStateView | null;
  outbox: OutboxCounts | null;
  /** Latest delivery attempts, newest first. */
  journal: JournalEntry[] | null;
  scenario: ScenarioStatus | null;
  loadError: string | null;
  load(): Promise<void>;
  /**
   * Runs a command that returns the device state, such as an acknowledgement or a demo command,
   * and shows its result at once. Resolves to null on success or to the error the main side returned.
   */
  command(run: () => Promise<DeviceCommandResult>): Promise<BridgeError | null>;
  /** Runs a scenario command; resolves to null on success or to the error the main side returned. */
  scenarioCommand(run: () => Promise<ScenarioStatus>): Promise<BridgeError | null>;
}

export const useDeviceStore = create<DeviceState>((set) => ({
  device: null,
  outbox: null,
  journal: null,
  scenario: null,
  loadError: null,

  async load() {
    try {
      const [device, outbox, journal, scenario] = await Promise.all([
        bridge.getDeviceState({}),
        bridge.listOutbox({}),
        bridge.getJournal({}),
        bridge.getScenarioStatus({}),
      ]);
      const counts: OutboxCounts = { pending: 0, failed: 0, accepted: 0 };
      for (const entry of outbox) counts[entry.status]++;
      set({ device, outbox: counts, journal, scenario, loadError: null });
    } catch (error) {
      set({ loadError: (error as Error).message });
    }
  },

  async command(run) {
    try {
      const result = await run();
      set({ device: result.state });
      return null;
    } catch (error) {
      return asBridgeError(error);
    }
  },

  async scenarioCommand(run) {
    try {
      set({ scenario: await run() });
      return null;
    } catch (error) {
      return asBridgeError(error);
    }
  },
}));

function asBridgeError(error: unknown): BridgeError {
  return error instanceof BridgeError ? error : new BridgeError({ kind: 'internal', message: (error as Error).message });
}

// The status bar follows the device store: active alarms and e-mails waiting in the outbox.
useDeviceStore.subscribe((state) => {
  const alarmCount = state.device ? activeAlarmCount(state.device.queue) : 0;
  const outboxCount = state.outbox?.pending ?? 0;
  const current = useStatusIndicators.getState();
  if (current.alarmCount !== alarmCount || current.outboxCount !== outboxCount) useStatusIndicators.setState({ alarmCount, outboxCount });
});

/** Loads the device, outbox, journal and scenario and keeps them live; returns the unsubscribe function. */
export function subscribeToDeviceEvents(): () => void {
  void useDeviceStore.getState().load();
  const unsubscribers = [
    bridge.on('deviceStateChanged', (device) => useDeviceStore.setState({ device })),
    bridge.on('outboxChanged', (outbox) => useDeviceStore.setState({ outbox })),
    bridge.on('journalChanged', (journal) => useDeviceStore.setState({ journal })),
    bridge.on('scenarioChanged', (scenario) => useDeviceStore.setState({ scenario })),
  ];
  // Changes made while the event stream was down (a host restart) are fetched once it is back.
  let wasConnected = true;
  unsubscribers.push(
    onConnectionChange((connected) => {
      if (connected && !wasConnected) void useDeviceStore.getState().load();
      wasConnected = connected;
    }),
  );
  return () => {
    for (const unsubscribe of unsubscribers) unsubscribe();
  };
}
