import { app } from 'electron';
import { fileURLToPath } from 'node:url';
import { createApp } from './app-core';
import { createConsoleLogger } from './logger';
import { createSafeStorageCipher, hardenSession, openKioskWindow, registerIpc } from './platform-electron';
import { createKeyFileCipher } from './settings/secret-cipher';

/** Electron entry point: `electron . [--kiosk] [--data-dir D]`. */
const kiosk = process.argv.includes('--kiosk');
const dataDirIndex = process.argv.indexOf('--data-dir');
const dataDir = dataDirIndex > 0 ? process.argv[dataDirIndex + 1] : undefined;
const logger = createConsoleLogger('main');

if (!app.requestSingleInstanceLock()) app.quit();

app.whenReady().then(async () => {
  hardenSession();
  const folder = dataDir ?? app.getPath('userData');
  const cipher = createSafeStorageCipher() ?? createKeyFileCipher(folder);
  const core = await createApp({ dataDir: folder, cipher, logger });
  const rendererDir = fileURLToPath(new URL('../renderer', import.meta.url));
  const preloadPath = fileURLToPath(new URL('../preload/preload.cjs', import.meta.url));
  registerIpc(core, rendererDir);
  openKioskWindow({ kiosk, rendererDir, preloadPath });
  app.on('window-all-closed', () => {
    void core.stop().then(() => app.quit());
  });
}).catch((error: unknown) => {
  logger.error('kiosk failed to start', { error: (error as Error).stack });
  app.exit(1);
});
