import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { describeMissingElectron, locateElectronBinary } from '../scripts/electron-binary.mjs';
import { FACTORY_ACCESS_CODE } from '../shared/access';

// Runs the built app (out/main/main.js) in the real Electron runtime. Where the Electron executable
// was never downloaded, the test reports itself skipped with the reason. The executable path is
// always given to Playwright, because without it Playwright loads the electron package, which
// would try to download the executable.
const binary = locateElectronBinary();

test('Electron window opens the e-mail configuration', async () => {
  test.skip(!binary.found || binary.path === null, describeMissingElectron(binary));

  const dataDir = await mkdtemp(join(tmpdir(), 'kiosk-electron-e2e-'));
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  const app = await electron.launch({
    executablePath: binary.path!,
    args: ['out/main/main.js', '--data-dir', dataDir, '--demo-smtp-port', '0'],
    env: env as Record<string, string>,
    timeout: 30_000,
  });
  try {
    const window = await app.firstWindow();
    await expect(window.getByRole('heading', { name: 'Vue Accueil' })).toBeVisible();
    expect(window.url()).toMatch(/^app:\/\/kiosk\/index\.html/);

    // The page runs without Node and reaches the main side only through the preload's bridge.
    expect(await window.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
    expect(await window.evaluate(() => typeof (window as { poolBridgeIpc?: { getSettings?: unknown } }).poolBridgeIpc?.getSettings)).toBe(
      'function',
    );

    for (const label of ['Menu principal', 'Communication et interfaces', 'Configuration e-mail']) {
      await window.getByRole('button', { name: label, exact: true }).click();
    }
    // The e-mail configuration asks the IT-specialist access code, still the factory one in a new data folder.
    for (const digit of FACTORY_ACCESS_CODE) await window.getByRole('button', { name: digit, exact: true }).click();
    await window.getByRole('button', { name: 'OK', exact: true }).click();
    const entries = window.getByRole('navigation', { name: 'Configuration e-mail' }).getByRole('button');
    await expect(entries).toHaveText([
      'Configuration des adresses e-mail de destinataires',
      'Compte pour envoi e-mails (SMTP)',
      'E-mails actifs',
      'Envoyer un e-mail test',
    ]);
  } finally {
    await app.close();
    await rm(dataDir, { recursive: true, force: true });
  }
});
