import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultSettings, SETTINGS_SCHEMA_VERSION } from '../../shared/settings';
import { createMemoryLogger } from '../logger';
import { createKeyFileCipher } from './secret-cipher';
import { SettingsStore, SettingsValidationError } from './settings-store';

let dataDir: string;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'settings-store-'));
});

afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

async function openStore() {
  const logger = createMemoryLogger();
  const store = new SettingsStore(dataDir, createKeyFileCipher(dataDir), logger, () => new Date('2026-12-04T10:00:00Z'));
  await store.load();
  return { store, logger };
}

async function readStored() {
  return JSON.parse(await readFile(join(dataDir, 'settings.json'), 'utf8'));
}

describe('SettingsStore', () => {
  it('missing file gives the defaults and writes them', async () => {
    const { store } = await openStore();
    expect(store.current()).toEqual(defaultSettings());
    expect(await readStored()).toEqual(defaultSettings());
    expect(store.listNotices()).toEqual([]);
  });

  it('update is written to the file and emitted', async () => {
    const { store } = await openStore();
    const seen: boolean[] = [];
    store.on('changed', (view) => seen.push(view.activeEmails.alarms));
    await store.update({ section: 'activeEmails', value: { alarms: false, noFlowSignal: true } });
    expect((await readStored()).activeEmails).toEqual({ alarms: false, noFlowSignal: true });
    expect(seen).toEqual([false]);
  });

  it('write leaves no temporary file behind', async () => {
    const { store } = await openStore();
    await Promise.all([
      store.update({ section: 'activeEmails', value: { alarms: false, noFlowSignal: false } }),
      store.update({ section: 'activeEmails', value: { alarms: true, noFlowSignal: false } }),
    ]);
    const files = (await readdir(dataDir)).filter((name) => name !== 'secret.key');
    expect(files).toEqual(['settings.json']);
    expect((await readStored()).activeEmails).toEqual({ alarms: true, noFlowSignal: false });
  });

  it('corrupt file is kept aside with a notice', async () => {
    await writeFile(join(dataDir, 'settings.json'), '{"schemaVersion": 1,', 'utf8');
    const { store, logger } = await openStore();
    const backup = 'settings.json.corrupt-2026-12-04T10-00-00-000Z';
    expect(await readFile(join(dataDir, backup), 'utf8')).toBe('{"schemaVersion": 1,');
    expect(store.current()).toEqual(defaultSettings());
    expect(store.listNotices()).toMatchObject([{ kind: 'settingsCorrupt', backupFile: backup }]);
    expect(logger.lines.some((line) => line.startsWith('error settings file invalid'))).toBe(true);
  });

  it('file failing the schema is kept aside', async () => {
    const invalid = { ...defaultSettings(), recipients: [] };
    await writeFile(join(dataDir, 'settings.json'), JSON.stringify(invalid), 'utf8');
    const { store } = await openStore();
    expect(store.listNotices()[0]?.detail).toContain('recipients');
    expect(store.current().recipients).toHaveLength(3);
  });

  it('older schema version is migrated and rewritten', async () => {
    const { activeEmails: _absent, schemaVersion: _unversioned, ...versionZero } = defaultSettings();
    versionZero.device = { ...versionZero.device, name: 'Bassin nord' };
    await writeFile(join(dataDir, 'settings.json'), JSON.stringify(versionZero), 'utf8');
    const { store } = await openStore();
    expect(store.listNotices()).toEqual([]);
    expect(store.current().device.name).toBe('Bassin nord');
    expect(store.current().device.demoMode).toBe(false);
    expect((await readStored()).schemaVersion).toBe(SETTINGS_SCHEMA_VERSION);
    expect((await readStored()).activeEmails).toEqual(defaultSettings().activeEmails);
  });

  it('newer schema version is kept aside, not overwritten', async () => {
    const newer = { ...defaultSettings(), schemaVersion: SETTINGS_SCHEMA_VERSION + 1 };
    await writeFile(join(dataDir, 'settings.json'), JSON.stringify(newer), 'utf8');
    const { store } = await openStore();
    expect(store.listNotices()[0]?.kind).toBe('settingsNewerVersion');
    const backup = JSON.parse(await readFile(join(dataDir, store.listNotices()[0]!.backupFile), 'utf8'));
    expect(backup.schemaVersion).toBe(SETTINGS_SCHEMA_VERSION + 1);
  });

  it('password is stored encrypted and only its presence is shown', async () => {
    const { store } = await openStore();
    const account = store.current().smtp;
    await store.update({ section: 'smtp', value: account, password: { set: 'Geheim Passwort 2026!' } });
    const text = await readFile(join(dataDir, 'settings.json'), 'utf8');
    expect(text).not.toContain('Geheim');
    expect(store.view().smtp.passwordSet).toBe(true);
    expect(JSON.stringify(store.view())).not.toContain('Geheim');
    expect(store.smtpPassword()).toBe('Geheim Passwort 2026!');

    const reopened = await openStore();
    expect(reopened.store.smtpPassword()).toBe('Geheim Passwort 2026!');

    await store.update({ section: 'smtp', value: account });
    expect(store.smtpPassword()).toBe('Geheim Passwort 2026!');
    await store.update({ section: 'smtp', value: account, password: { clear: true } });
    expect(store.smtpPassword()).toBeNull();
  });

  it('validator rejection saves nothing', async () => {
    const { store } = await openStore();
    store.addValidator(() => {
      throw new SettingsValidationError('rejected', 'value.0.address');
    });
    await expect(store.update({ section: 'activeEmails', value: { alarms: false, noFlowSignal: false } })).rejects.toThrow(
      'rejected',
    );
    expect((await readStored()).activeEmails).toEqual(defaultSettings().activeEmails);
    expect(store.current().activeEmails).toEqual(defaultSettings().activeEmails);
  });

  it('failed write keeps the previous settings in memory', async () => {
    const { store } = await openStore();
    await rm(dataDir, { recursive: true, force: true });
    await expect(store.update({ section: 'activeEmails', value: { alarms: false, noFlowSignal: false } })).rejects.toThrow();
    expect(store.current().activeEmails).toEqual(defaultSettings().activeEmails);
  });

  it('software version is read-only', async () => {
    const { store } = await openStore();
    const { softwareVersion: _readOnly, ...device } = store.current().device;
    await store.update({ section: 'device', value: { ...device, name: 'PM5 Lyon' } });
    expect(store.current().device.softwareVersion).toBe(defaultSettings().device.softwareVersion);
    expect(store.current().device.name).toBe('PM5 Lyon');
  });
});
