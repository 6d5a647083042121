import { mkdir } from 'node:fs/promises';
import {
  isRequestName,
  parseRequestInput,
  type RequestError,
  type RequestName,
  type RequestReply,
} from '../shared/contract';
import { AccessControl } from './access/access-control';
import { DemoMode } from './demo/demo-mode';
import { DeviceServices, type DeviceServicesTuning } from './device/device-services';
import { EventHub } from './event-hub';
import type { Logger } from './logger';
import type { SmtpLimits } from './mail/limits';
import { TestEmailAttempts } from './mail/test-email-attempts';
import { accessRequests } from './requests/access-requests';
import { demoRequests } from './requests/demo-requests';
import { deviceRequests } from './requests/device-requests';
import { settingsRequests } from './requests/settings-requests';
import { testEmailRequests } from './requests/test-email-requests';
import { RejectedRequestError, type RequestHandlers } from './requests/types';
import { validateAddressFields } from './settings/address-validators';
import { SettingsValidationError, SettingsStore } from './settings/settings-store';
import type { SecretCipher } from './settings/secret-cipher';

export interface AppOptions {
  dataDir: string;
  cipher: SecretCipher;
  logger: Logger;
  /** First port of the demo SMTP server, DEMO_SMTP_PORT unless set. 0 lets the system choose one, as tests do. */
  demoSmtpPort?: number;
  /** Clock, tick and retry tuning of the simulated device and the outbox, for tests; the defaults otherwise. */
  deviceTuning?: DeviceServicesTuning;
  /** SMTP time limits of the test e-mail, for tests; SMTP_LIMITS otherwise. */
  testEmailLimits?: Partial<SmtpLimits>;
}

/** The main side's services, shared by the Electron shell and the web host. */
export interface AppServices {
  dataDir: string;
  settings: SettingsStore;
  access: AccessControl;
  demo: DemoMode;
  /** Simulated device, alarm e-mail outbox and demo scenario. */
  device: DeviceServices;
  /** "Envoyer un e-mail test": the running or last attempt. */
  testEmail: TestEmailAttempts;
  events: EventHub;
  logger: Logger;
}

const HANDLERS: RequestHandlers = {
  ...settingsRequests,
  ...accessRequests,
  ...demoRequests,
  ...deviceRequests,
  ...testEmailRequests,
};

export interface App {
  services: AppServices;
  /** Validates and serves one request; never throws, so a malformed request cannot bring a host down. */
  dispatch(name: string, input: unknown): Promise<RequestReply<unknown>>;
  stop(): Promise<void>;
}

export async function createApp(options: AppOptions): Promise<App> {
  await mkdir(options.dataDir, { recursive: true });
  const events = new EventHub();
  const settings = new SettingsStore(options.dataDir, options.cipher, options.logger);
  settings.addValidator(validateAddressFields);
  await settings.load();
  settings.on('changed', (view) => events.publish('settingsChanged', view));
  settings.on('noticesChanged', (notices) => events.publish('noticesChanged', notices));

  const access = new AccessControl(settings, options.logger);
  const demo = await DemoMode.open({
    dataDir: options.dataDir,
    settings,
    logger: options.logger,
    port: options.demoSmtpPort,
    onInboxChange: (summaries) => events.publish('demoInboxChanged', summaries),
    onServerChange: (status) => events.publish('demoServerChanged', status),
  });
  const device = await DeviceServices.create({
    ...options.deviceTuning,
    dataDir: options.dataDir,
    settings,
    events,
    logger: options.logger,
  });
  await device.start();
  const testEmail = new TestEmailAttempts({
    settings,
    logger: options.logger,
    limits: options.testEmailLimits,
    onProgress: (attempt) => events.publish('testEmailProgress', attempt),
    onFinished: (attempt) => events.publish('testEmailFinished', attempt),
  });
  const services: AppServices = {
    dataDir: options.dataDir,
    settings,
    access,
    demo,
    device,
    testEmail,
    events,
    logger: options.logger,
  };

  async function dispatch(name: string, input: unknown): Promise<RequestReply<unknown>> {
    if (!isRequestName(name)) {
      return { ok: false, error: { kind: 'unknownRequest', message: `Unknown request "${name}".` } };
    }
    const parsed = parseRequestInput(name, input);
    if (!parsed.ok) {
      options.logger.warn('request rejected by its schema', { request: name, field: parsed.error.field });
      return parsed;
    }
    try {
      const handler = HANDLERS[name] as (input: unknown, services: AppServices) => unknown;
      return { ok: true, value: await handler(parsed.value, services) };
    } catch (error) {
      return { ok: false, error: toRequestError(name, error, options.logger) };
    }
  }

  return {
    services,
    dispatch,
    async stop() {
      await testEmail.stop();
      await device.stop();
      await demo.stop();
      options.logger.info('main side stopped');
    },
  };
}

function toRequestError(name: RequestName, error: unknown, logger: Logger): RequestError {
  if (error instanceof SettingsValidationError || error instanceof RejectedRequestError) {
    logger.warn('request rejected', { request: name, field: error.field, message: error.message });
    return {
      kind: 'rejected',
      message: error.message,
      field: error.field,
      i18nKey: error.i18nKey,
      i18nValues: error.i18nValues,
    };
  }
  logger.error('request failed', { request: name, error: (error as Error)?.stack ?? String(error) });
  return { kind: 'internal', message: `The ${name} request failed: ${(error as Error)?.message ?? String(error)}` };
}
