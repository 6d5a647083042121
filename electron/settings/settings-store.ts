import { EventEmitter } from 'node:events';
import { readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import type { Notice, PasswordChange, SettingsUpdate } from '../../shared/contract';
import {
  defaultSettings,
  SETTINGS_SCHEMA_VERSION,
  settingsFileSchema,
  toSettingsView,
  type SettingsFile,
  type SettingsView,
} from '../../shared/settings';
import type { Logger } from '../logger';
import type { SecretCipher } from './secret-cipher';

export const SETTINGS_FILE = 'settings.json';

/** Upgrades a file of an older schema version by one step; keyed by the version it reads. */
const MIGRATIONS: Record<number, (raw: Record<string, unknown>) => Record<string, unknown>> = {
  // Version 0 is a file written before versioning: it had no "activeEmails" section and no "demoMode" switch.
  0: (raw) => {
    const defaults = defaultSettings();
    const device = { ...defaults.device, ...(raw.device as object | undefined), demoMode: false };
    return { ...defaults, ...raw, activeEmails: raw.activeEmails ?? defaults.activeEmails, device, schemaVersion: 1 };
  },
};

export class SettingsValidationError extends Error {
  constructor(
    message: string,
    readonly field: string,
    readonly i18nKey?: string,
    readonly i18nValues?: Record<string, string>,
  ) {
    super(message);
  }
}

/** Checks of an update that go beyond its schema, such as address syntax; throws SettingsValidationError. */
export type UpdateValidator = (update: SettingsUpdate, current: SettingsFile) => void;

/**
 * Owns settings.json: loads and validates it, writes it atomically (temporary file, fsync, rename),
 * and emits `changed` with the renderer's view after every update.
 */
export class SettingsStore extends EventEmitter<{ changed: [SettingsView]; noticesChanged: [Notice[]] }> {
  private settings: SettingsFile = defaultSettings();
  private notices: Notice[] = [];
  private writeQueue: Promise<void> = Promise.resolve();
  private readonly validators: UpdateValidator[] = [];

  constructor(
    readonly dataDir: string,
    private readonly cipher: SecretCipher,
    private readonly logger: Logger,
    private readonly now: () => Date = () => new Date(),
  ) {
    super();
  }

  get path(): string {
    return join(this.dataDir, SETTINGS_FILE);
  }

  /** Reads settings.json; a missing file gives the defaults, a corrupt or invalid one is kept aside with a notice. */
  async load(): Promise<void> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      this.logger.info('settings file not found, starting from the defaults', { path: this.path });
      this.settings = defaultSettings();
      await this.write();
      return;
    }

    const result = this.parse(text);
    if (result.ok) {
      this.settings = result.settings;
      if (result.migratedFrom !== undefined) {
        this.logger.info('settings migrated', { from: result.migratedFrom, to: SETTINGS_SCHEMA_VERSION });
        await this.write();
      }
      return;
    }

    const backupFile = `${SETTINGS_FILE}.corrupt-${this.now().toISOString().replace(/[:.]/g, '-')}`;
    await rename(this.path, join(this.dataDir, backupFile));
    this.logger.error('settings file invalid, kept aside and defaults loaded', { backupFile, reason: result.reason });
    this.notices.push({
      id: backupFile,
      kind: result.newerVersion ? 'settingsNewerVersion' : 'settingsCorrupt',
      at: this.now().toISOString(),
      backupFile,
      detail: result.reason,
    });
    this.settings = defaultSettings();
    await this.write();
  }

  private parse(
    text: string,
  ):
    | { ok: true; settings: SettingsFile; migratedFrom?: number }
    | { ok: false; reason: string; newerVersion?: boolean } {
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (error) {
      return { ok: false, reason: `not valid JSON: ${(error as Error).message}` };
    }
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { ok: false, reason: 'not a JSON object' };

    let record = raw as Record<string, unknown>;
    const version = record.schemaVersion === undefined ? 0 : record.schemaVersion;
    if (typeof version !== 'number' || !Number.isInteger(version)) {
      return { ok: false, reason: `invalid schemaVersion ${JSON.stringify(version)}` };
    }
    if (version > SETTINGS_SCHEMA_VERSION) {
      return { ok: false, newerVersion: true, reason: `schemaVersion ${version} is newer than this program's ${SETTINGS_SCHEMA_VERSION}` };
    }
    for (let step = version; step < SETTINGS_SCHEMA_VERSION; step++) {
      const migrate = MIGRATIONS[step];
      if (!migrate) return { ok: false, reason: `no migration from schemaVersion ${step}` };
      record = migrate(record);
    }

    const parsed = settingsFileSchema.safeParse(record);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return { ok: false, reason: `${issue?.path.join('.') || 'file'}: ${issue?.message ?? 'invalid'}` };
    }
    return { ok: true, settings: parsed.data, migratedFrom: version === SETTINGS_SCHEMA_VERSION ? undefined : version };
  }

  addValidator(validator: UpdateValidator): void {
    this.validators.push(validator);
  }

  view(): SettingsView {
    return toSettingsView(this.settings);
  }

  /** Returns a copy of the whole settings, the SMTP password still encrypted; for main-side services only. */
  current(): SettingsFile {
    return structuredClone(this.settings);
  }

  /** Decrypts the stored SMTP password; null when none is set. Never send the result to a renderer. */
  smtpPassword(): string | null {
    if (!this.settings.smtpPassword) return null;
    try {
      return this.cipher.decrypt(this.settings.smtpPassword);
    } catch (error) {
      this.logger.error('stored SMTP password could not be decrypted; enter it again', { error: (error as Error).message });
      return null;
    }
  }

  listNotices(): Notice[] {
    return [...this.notices];
  }

  dismissNotice(id: string): Notice[] {
    this.notices = this.notices.filter((notice) => notice.id !== id);
    this.emit('noticesChanged', this.listNotices());
    return this.listNotices();
  }

  /** Applies one section update after every validator accepted it, writes the file, then emits `changed`. */
  async update(update: SettingsUpdate): Promise<SettingsView> {
    const run = this.writeQueue.then(async () => {
      for (const validate of this.validators) validate(update, this.settings);
      const next = structuredClone(this.settings);
      switch (update.section) {
        case 'recipients':
          next.recipients = update.value;
          break;
        case 'smtp':
          next.smtp = update.value;
          next.smtpPassword = this.applyPasswordChange(next.smtpPassword, update.password);
          break;
        case 'activeEmails':
          next.activeEmails = update.value;
          break;
        case 'device':
          next.device = { ...update.value, softwareVersion: next.device.softwareVersion };
          break;
      }
      const checked = settingsFileSchema.parse(next);
      const previous = this.settings;
      this.settings = checked;
      try {
        await this.writeNow();
      } catch (error) {
        this.settings = previous;
        throw error;
      }
      this.logger.info('settings updated', { section: update.section });
    });
    this.writeQueue = run.catch(() => undefined);
    await run;
    const view = this.view();
    this.emit('changed', view);
    return view;
  }

  /** Stores a new access code hash; the access code is not part of any section the renderer may update. */
  async setAccessCodeHash(codeHash: string): Promise<void> {
    const run = this.writeQueue.then(async () => {
      const previous = this.settings;
      this.settings = { ...structuredClone(previous), access: { codeHash } };
      try {
        await this.writeNow();
      } catch (error) {
        this.settings = previous;
        throw error;
      }
    });
    this.writeQueue = run.catch(() => undefined);
    await run;
  }

  private applyPasswordChange(current: SettingsFile['smtpPassword'], change: PasswordChange | undefined) {
    if (!change) return current;
    if ('clear' in change) return null;
    return this.cipher.encrypt(change.set);
  }

  private async write(): Promise<void> {
    const run = this.writeQueue.then(() => this.writeNow());
    this.writeQueue = run.catch(() => undefined);
    await run;
  }

  private async writeNow(): Promise<void> {
    await writeFileAtomic(this.path, `${JSON.stringify(this.settings, null, 2)}\n`, { fsync: true, mode: 0o600 });
  }
}
