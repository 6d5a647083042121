import { join } from 'node:path';
import i18next from 'i18next';
import type { JournalEntry, OutboxEntry } from '../../shared/alarm-email';
import { alarmDesignation, type Translate } from '../../shared/alarms';
import type { DeviceStateView, MeasurementRange, OutboxCounts } from '../../shared/device-contract';
import { MEASURED_VALUES, type Alarm, type MeasuredValue } from '../../shared/device-state';
import { i18nResources } from '../../shared/i18n';
import type { SettingsView } from '../../shared/settings';
import type { EventHub } from '../event-hub';
import type { Logger } from '../logger';
import type { DeliverOptions } from '../mail/deliver';
import { activeRecipientAddresses, connectAlarmEmails, createSummaryComposer } from '../outbox/alarm-emails';
import { Outbox } from '../outbox/outbox';
import type { RetryPolicy } from '../outbox/retry-policy';
import type { StormPolicy } from '../outbox/storm-control';
import type { SettingsStore } from '../settings/settings-store';
import type { Clock } from './clock';
import { DemoScenario } from './demo-scenario';
import { DeviceSimulator } from './simulator';

/** Folder of the alarm e-mail outbox inside the data folder. */
export const OUTBOX_FOLDER = 'outbox';

/** Tuning for tests and benchmarks; the product runs with the defaults of each service. */
export interface DeviceServicesTuning {
  clock?: Clock;
  /** Interval between two measurement updates of the simulator. */
  simulatorTickMs?: number;
  /** Pause of the demo scenario between two rounds. */
  scenarioRoundPauseMs?: number;
  retry?: Partial<RetryPolicy>;
  storm?: Partial<StormPolicy>;
  /** SMTP time limits and DNS lookup of the outbox's attempts. */
  deliverOptions?: Omit<DeliverOptions, 'signal'>;
}

export interface DeviceServicesOptions extends DeviceServicesTuning {
  dataDir: string;
  settings: SettingsStore;
  events: EventHub;
  logger: Logger;
}

/**
 * The simulated device with everything that hangs on it: the alarm e-mail rules, the persistent
 * outbox in `<dataDir>/outbox` and the demo scenario. Their changes are published on the event
 * hub as `deviceStateChanged`, `outboxChanged`, `journalChanged` and `scenarioChanged`.
 */
export class DeviceServices {
  readonly simulator: DeviceSimulator;
  readonly outbox: Outbox;
  readonly scenario: DemoScenario;
  private readonly settings: SettingsStore;
  private readonly events: EventHub;
  private readonly logger: Logger;
  private disconnectEmails: (() => void) | null = null;
  private statePublishPending = false;
  private previousSettings: SettingsView;
  private readonly onSettingsChanged = (view: SettingsView) => this.settingsChanged(view);

  private constructor(
    options: DeviceServicesOptions,
    private readonly t: Translate,
  ) {
    this.settings = options.settings;
    this.events = options.events;
    this.logger = options.logger;
    this.previousSettings = options.settings.view();
    const settings = options.settings;

    this.simulator = new DeviceSimulator({
      device: () => settings.current().device,
      ...(options.clock ? { clock: options.clock } : {}),
      ...(options.simulatorTickMs ? { tickMs: options.simulatorTickMs } : {}),
      logger: options.logger,
    });
    const wiring = { simulator: this.simulator, settings: () => settings.current(), t };
    this.outbox = new Outbox({
      dir: join(options.dataDir, OUTBOX_FOLDER),
      sendingSetup: () => {
        const current = settings.current();
        return {
          config: { account: current.smtp, password: settings.smtpPassword() },
          recipients: activeRecipientAddresses(current.recipients, options.logger),
        };
      },
      deviceSerial: () => settings.current().device.serialNumber,
      composeSummary: createSummaryComposer(wiring),
      ...(options.clock ? { clock: options.clock } : {}),
      ...(options.retry ? { retry: options.retry } : {}),
      ...(options.storm ? { storm: options.storm } : {}),
      ...(options.deliverOptions ? { deliverOptions: options.deliverOptions } : {}),
      logger: options.logger,
    });
    this.scenario = new DemoScenario({
      device: this.simulator,
      deviceType: () => settings.current().device.type,
      ...(options.clock ? { clock: options.clock } : {}),
      ...(options.scenarioRoundPauseMs !== undefined ? { roundPauseMs: options.scenarioRoundPauseMs } : {}),
      logger: options.logger,
    });
    this.disconnectEmails = connectAlarmEmails({ ...wiring, outbox: this.outbox, logger: options.logger });

    const publishState = () => this.schedulePublishState();
    this.simulator.on('measurements', publishState);
    this.simulator.on('queue', publishState);
    this.simulator.on('deviceEvent', publishState);
    this.outbox.on('changed', (entries) => this.events.publish('outboxChanged', countOutbox(entries)));
    this.outbox.on('journal', (journal) => this.events.publish('journalChanged', journal));
    this.scenario.on('changed', (status) => this.events.publish('scenarioChanged', status));
    settings.on('changed', this.onSettingsChanged);
  }

  /** Creates the services; the alarm e-mails are composed in the device language read at each event. */
  static async create(options: DeviceServicesOptions): Promise<DeviceServices> {
    return new DeviceServices(options, await createAlarmTranslator());
  }

  /** Loads the outbox (pending e-mails are sent again) and starts the measurement ticks. */
  async start(): Promise<void> {
    await this.outbox.start();
    this.simulator.start();
  }

  /** Stops the scenario and the simulator, then the outbox, which waits for an attempt in progress. */
  async stop(): Promise<void> {
    this.settings.off('changed', this.onSettingsChanged);
    this.scenario.stop();
    this.simulator.stop();
    this.disconnectEmails?.();
    this.disconnectEmails = null;
    await this.outbox.stop();
  }

  state(): DeviceStateView {
    const limits = this.simulator.measurementLimits();
    const ranges = {} as Record<MeasuredValue, MeasurementRange>;
    for (const value of MEASURED_VALUES) {
      const { setPoint, lower, upper, excursion, decimals } = limits[value];
      ranges[value] = { setPoint, lower, upper, excursion, decimals };
    }
    return { ...this.simulator.snapshot(), ranges };
  }

  outboxCounts(): OutboxCounts {
    return countOutbox(this.outbox.list());
  }

  journal(): JournalEntry[] {
    return this.outbox.journal();
  }

  /** Returns the alarm's designation in the device language, for messages about it. */
  designation(alarm: Alarm): string {
    return alarmDesignation(alarm, this.t, this.settings.current().device.language);
  }

  /** Publishes the device state once per turn of the event loop, however many simulator events a step emitted. */
  private schedulePublishState(): void {
    if (this.statePublishPending) return;
    this.statePublishPending = true;
    queueMicrotask(() => {
      this.statePublishPending = false;
      this.events.publish('deviceStateChanged', this.state());
    });
  }

  private settingsChanged(view: SettingsView): void {
    const previous = this.previousSettings;
    this.previousSettings = view;
    const sendingChanged =
      JSON.stringify(previous.smtp) !== JSON.stringify(view.smtp) ||
      JSON.stringify(previous.recipients) !== JSON.stringify(view.recipients);
    if (sendingChanged && this.outbox.pendingCount() > 0) {
      this.logger.info('SMTP settings or recipients changed, retrying the waiting e-mails now');
      this.outbox.retryNow();
    }
    if (!view.device.demoMode && this.scenario.isRunning()) {
      this.logger.info('demo mode switched off, stopping the demo scenario');
      this.scenario.stop();
    }
    // The device type decides whether free chlorine is measured.
    if (previous.device.type !== view.device.type) this.schedulePublishState();
  }
}

/** Counts the outbox e-mails in each state. */
export function countOutbox(entries: readonly OutboxEntry[]): OutboxCounts {
  const counts: OutboxCounts = { pending: 0, failed: 0, accepted: 0 };
  for (const entry of entries) counts[entry.status]++;
  return counts;
}

/** Creates an i18next instance with every namespace, for alarm designations and e-mails in any device language. */
export async function createAlarmTranslator(): Promise<Translate> {
  const instance = i18next.createInstance();
  await instance.init({ resources: i18nResources(), lng: 'fr', fallbackLng: false, defaultNS: 'alarms' });
  return (key, options) => instance.t(key, options);
}
