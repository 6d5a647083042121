import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SettingsUpdate } from '../../shared/contract';
import { defaultSettings, type Recipient, type SettingsFile } from '../../shared/settings';
import { createMemoryLogger } from '../logger';
import { validateAddressFields } from './address-validators';
import { createKeyFileCipher } from './secret-cipher';
import { SettingsStore, SettingsValidationError } from './settings-store';

function recipientsUpdate(recipients: Recipient[]): SettingsUpdate {
  return { section: 'recipients', value: recipients };
}

function smtpUpdate(patch: Partial<SettingsFile['smtp']>, base: SettingsFile = defaultSettings()): SettingsUpdate {
  return { section: 'smtp', value: { ...base.smtp, ...patch } };
}

/** Runs the validator and returns the error it threw, or undefined when it accepted the update. */
function rejection(update: SettingsUpdate, current: SettingsFile = defaultSettings()): SettingsValidationError | undefined {
  try {
    validateAddressFields(update, current);
    return undefined;
  } catch (error) {
    if (error instanceof SettingsValidationError) return error;
    throw error;
  }
}

describe('validateAddressFields', () => {
  it('accepts valid recipients', () => {
    const update = recipientsUpdate([
      { address: 'name1@t-online.de', active: true },
      { address: 'name2@gmail.com', active: false },
      { address: '', active: false },
    ]);
    expect(rejection(update)).toBeUndefined();
  });

  it('accepts an internationalised domain', () => {
    const update = recipientsUpdate([
      { address: 'pool@müller.de', active: true },
      { address: '', active: false },
      { address: '', active: false },
    ]);
    expect(rejection(update)).toBeUndefined();
  });

  it('rejects an address without @', () => {
    const error = rejection(
      recipientsUpdate([
        { address: 'technicien@example.com', active: true },
        { address: 'name2gmail.com', active: false },
        { address: '', active: false },
      ]),
    );
    expect(error?.field).toBe('value.1.address');
    expect(error?.i18nKey).toBe('validation:address.missingAt');
    expect(error?.i18nValues).toEqual({ value: 'name2gmail.com' });
    expect(error?.message).toContain('name2gmail.com');
  });

  it('passes the detail of the error', () => {
    const error = rejection(
      recipientsUpdate([
        { address: 'name@example.c0m', active: true },
        { address: '', active: false },
        { address: '', active: false },
      ]),
    );
    expect(error?.i18nKey).toBe('validation:address.topLevelDomain');
    expect(error?.i18nValues).toEqual({ value: 'name@example.c0m', detail: 'c0m' });
  });

  it('rejects an active recipient without address', () => {
    const error = rejection(
      recipientsUpdate([
        { address: 'technicien@example.com', active: true },
        { address: '', active: false },
        { address: '  ', active: true },
      ]),
    );
    expect(error?.field).toBe('value.2.address');
    expect(error?.i18nKey).toBe('ui:editing.errors.activeWithoutAddress');
    expect(error?.i18nValues).toEqual({ index: '3' });
  });

  it('ignores an unchanged stored value', () => {
    const current = defaultSettings();
    current.recipients[1] = { address: 'written by hand', active: false };
    const update = recipientsUpdate([
      { address: 'changed@example.com', active: true },
      { address: 'written by hand', active: false },
      { address: '', active: false },
    ]);
    expect(rejection(update, current)).toBeUndefined();
  });

  it('checks a stored value again when its switch changes', () => {
    const current = defaultSettings();
    current.recipients[1] = { address: 'written by hand', active: false };
    const update = recipientsUpdate([
      { address: 'technicien@example.com', active: true },
      { address: 'written by hand', active: true },
      { address: '', active: false },
    ]);
    expect(rejection(update, current)?.i18nKey).toBe('validation:address.innerSpace');
  });

  it('rejects an invalid sender address', () => {
    const error = rejection(smtpUpdate({ senderAddress: 'pm5@@example.com' }));
    expect(error?.field).toBe('value.senderAddress');
    expect(error?.i18nKey).toBe('validation:address.multipleAt');
  });

  it('rejects an invalid SMTP server', () => {
    const error = rejection(smtpUpdate({ server: 'smtp.gmail.com:99999' }));
    expect(error?.field).toBe('value.server');
    expect(error?.i18nKey).toBe('validation:server.portOutOfRange');
    expect(error?.i18nValues).toEqual({ value: 'smtp.gmail.com:99999', detail: '99999' });
  });

  it('rejects a server given as a URL', () => {
    const error = rejection(smtpUpdate({ server: 'smtps://smtp.gmail.com' }));
    expect(error?.i18nKey).toBe('validation:server.scheme');
  });

  it('accepts a valid account', () => {
    const update = smtpUpdate({ senderAddress: 'pool@gmail.com', server: 'smtp.gmail.com:465', security: 'ssl' });
    expect(rejection(update)).toBeUndefined();
  });

  it('accepts empty sender and server', () => {
    expect(rejection(smtpUpdate({ senderAddress: '', server: '' }))).toBeUndefined();
  });

  it('leaves other sections alone', () => {
    const update: SettingsUpdate = { section: 'activeEmails', value: { alarms: false, noFlowSignal: false } };
    expect(rejection(update)).toBeUndefined();
  });
});

describe('SettingsStore with the address validator', () => {
  let dataDir: string;

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'address-validators-'));
  });

  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  async function openStore() {
    const store = new SettingsStore(dataDir, createKeyFileCipher(dataDir), createMemoryLogger());
    store.addValidator(validateAddressFields);
    await store.load();
    return store;
  }

  const readStored = async () => JSON.parse(await readFile(join(dataDir, 'settings.json'), 'utf8')) as SettingsFile;

  it('invalid address leaves the file unchanged', async () => {
    const store = await openStore();
    const before = await readStored();
    const update = recipientsUpdate([
      { address: 'name1@t-online', active: true },
      { address: '', active: false },
      { address: '', active: false },
    ]);
    await expect(store.update(update)).rejects.toBeInstanceOf(SettingsValidationError);
    expect(await readStored()).toEqual(before);
    expect(store.current().recipients).toEqual(before.recipients);
  });

  it('valid address is written', async () => {
    const store = await openStore();
    await store.update(
      recipientsUpdate([
        { address: 'name1@t-online.de', active: true },
        { address: '', active: false },
        { address: '', active: false },
      ]),
    );
    expect((await readStored()).recipients[0]).toEqual({ address: 'name1@t-online.de', active: true });
  });
});
