import type { DemoServerStatus, InboxSummary } from '../../shared/demo-inbox';
import { DEMO_SMTP_PORT } from '../../shared/settings';
import { formatSmtpServer, parseSmtpServer } from '../../shared/smtp-server-address';
import type { Logger } from '../logger';
import type { SettingsStore } from '../settings/settings-store';
import { DemoInbox } from './demo-inbox';
import type { DemoLogger } from './demo-logger';
import { DEMO_SMTP_DEFAULTS, DemoSmtpServer } from './demo-smtp-server';

export interface DemoModeOptions {
  /** Data folder that contains the inbox file. It must exist. */
  dataDir: string;
  settings: SettingsStore;
  logger: Logger;
  /** First port the demo SMTP server tries, DEMO_SMTP_PORT unless set. 0 lets the system choose one. */
  port?: number;
  /** Ports tried from `port` on while the previous one is in use, DEMO_SMTP_DEFAULTS.portAttempts unless set. */
  portAttempts?: number;
  onInboxChange?: (summaries: InboxSummary[]) => void;
  onServerChange?: (status: DemoServerStatus) => void;
}

/**
 * Demo mode's main-side part: the demo inbox, always open, and the demo SMTP server, which runs
 * while the `device.demoMode` setting is on.
 *
 * When the server listens on another port than the SMTP server setting names, and that setting
 * points at the demo server, the setting is updated to the actual port, so that the device's
 * e-mails keep reaching the demo inbox. The setting points at the demo server when its host is
 * 127.0.0.1 and its port is the configured one, one of its fallbacks, one the server listened on
 * since the app started, or the fresh-installation default DEMO_SMTP_PORT.
 */
export class DemoMode {
  readonly inbox: DemoInbox;
  private readonly settings: SettingsStore;
  private readonly logger: Logger;
  private readonly configuredPort: number;
  private readonly portAttempts: number;
  private readonly onServerChange: (status: DemoServerStatus) => void;
  private readonly unsubscribeInbox: () => void;
  private readonly settingsListener = () => {
    void this.schedule();
  };
  private server: DemoSmtpServer | null = null;
  /** Ports this instance has listened on, so that the setting follows a restart on another port. */
  private readonly usedPorts = new Set<number>();
  private failure: string | null = null;
  private stopping = false;
  private queue: Promise<void> = Promise.resolve();

  private constructor(inbox: DemoInbox, options: DemoModeOptions) {
    this.inbox = inbox;
    this.settings = options.settings;
    this.logger = options.logger;
    this.configuredPort = options.port ?? DEMO_SMTP_PORT;
    this.portAttempts = options.portAttempts ?? DEMO_SMTP_DEFAULTS.portAttempts;
    this.onServerChange = options.onServerChange ?? (() => undefined);
    const onInboxChange = options.onInboxChange ?? (() => undefined);
    this.unsubscribeInbox = inbox.onChange(onInboxChange);
  }

  /** Opens the inbox, then starts the demo SMTP server if demo mode is on, and follows the setting from then on. */
  static async open(options: DemoModeOptions): Promise<DemoMode> {
    const inbox = await DemoInbox.open({ folder: options.dataDir, logger: toDemoLogger(options.logger) });
    const demo = new DemoMode(inbox, options);
    options.settings.on('changed', demo.settingsListener);
    await demo.schedule();
    return demo;
  }

  status(): DemoServerStatus {
    return {
      running: this.server !== null,
      host: DEMO_SMTP_DEFAULTS.host,
      port: this.server?.port ?? null,
      configuredPort: this.configuredPort,
      failure: this.failure,
    };
  }

  /** Stops the server and stops following the setting; the inbox file is written before it resolves. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.settings.off('changed', this.settingsListener);
    await this.schedule();
    this.unsubscribeInbox();
    await this.inbox.flush();
  }

  /** Queues a check of the setting after the checks already queued, so that starts and stops never overlap. */
  private schedule(): Promise<void> {
    const run = this.queue.then(() => this.applyDemoModeSetting());
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async applyDemoModeSetting(): Promise<void> {
    const shouldRun = !this.stopping && this.settings.current().device.demoMode;
    if (shouldRun && this.server === null) {
      await this.startServer();
    } else if (!shouldRun && this.server !== null) {
      await this.stopServer();
    }
  }

  private async startServer(): Promise<void> {
    const server = new DemoSmtpServer({
      deliver: (received) => this.inbox.receive(received),
      port: this.configuredPort,
      portAttempts: this.portAttempts,
      logger: toDemoLogger(this.logger),
    });
    let port: number;
    try {
      port = await server.start();
    } catch (error) {
      // The server has logged the cause. Demo mode stays on, and the inbox screen shows the failure.
      this.failure = (error as Error).message;
      this.onServerChange(this.status());
      return;
    }

    this.server = server;
    this.failure = null;
    this.onServerChange(this.status());
    await this.pointSettingAtPort(port);
    this.usedPorts.add(port);
  }

  private async stopServer(): Promise<void> {
    const server = this.server;
    this.server = null;
    await server?.stop();
    this.onServerChange(this.status());
  }

  private async pointSettingAtPort(port: number): Promise<void> {
    const smtp = this.settings.current().smtp;
    const parsed = parseSmtpServer(smtp.server);
    if (!parsed.ok || parsed.host !== DEMO_SMTP_DEFAULTS.host || parsed.port === port) return;
    if (!this.isDemoPort(parsed.port)) return;

    const server = formatSmtpServer(DEMO_SMTP_DEFAULTS.host, port);
    try {
      await this.settings.update({ section: 'smtp', value: { ...smtp, server } });
    } catch (error) {
      this.logger.error('SMTP server setting could not follow the demo SMTP server port', {
        from: smtp.server,
        to: server,
        error: (error as Error).message,
      });
      return;
    }
    this.logger.info('SMTP server setting changed to the demo SMTP server port', { from: smtp.server, to: server });
  }

  /** Returns true for a port the demo server may have used before: the default, one it listened on, the configured one or its fallbacks. */
  private isDemoPort(port: number): boolean {
    if (port === DEMO_SMTP_PORT || this.usedPorts.has(port)) return true;
    if (this.configuredPort === 0) return false;
    return port >= this.configuredPort && port < this.configuredPort + this.portAttempts;
  }
}

/** Adapts the app's logger, which writes fields as JSON, so that errors keep their message and code. */
function toDemoLogger(logger: Logger): DemoLogger {
  const convert = (fields?: Record<string, unknown>) => {
    if (fields === undefined) return undefined;
    const converted: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(fields)) {
      converted[key] =
        value instanceof Error ? { message: value.message, code: (value as NodeJS.ErrnoException).code } : value;
    }
    return converted;
  };
  return {
    info: (message, fields) => logger.info(message, convert(fields)),
    warn: (message, fields) => logger.warn(message, convert(fields)),
    error: (message, fields) => logger.error(message, convert(fields)),
  };
}
