import { app } from 'electron';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createApp } from './app-core';
import { createConsoleLogger } from './logger';
import {
  createSafeStorageCipher,
  hardenSession,
  openKioskWindow,
  registerAppProtocol,
  registerAppScheme,
  registerIpc,
} from './platform-electron';
import { createKeyFileCipher } from './settings/secret-cipher';

/** Electron entry point: `electron out/main/main.js [--kiosk] [--data-dir D] [--demo-smtp-port P]`. */

/** Data folder name under the per-user application data folder, the same whether packaged or run with `npm start`. */
const USER_DATA_FOLDER = 'PoolManager e-mail kiosk';

const logger = createConsoleLogger('main');

interface ShellOptions {
  kiosk: boolean;
  dataDir: string | undefined;
  demoSmtpPort: number | undefined;
}

/** Reads the app's options; Chromium's switches and Playwright's are left alone. */
function readOptions(argv: string[]): ShellOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      kiosk: { type: 'boolean', default: false },
      'data-dir': { type: 'string' },
      'demo-smtp-port': { type: 'string' },
    },
    strict: false,
    allowPositionals: true,
  });
  const dataDir = values['data-dir'];
  if (dataDir !== undefined && (typeof dataDir !== 'string' || dataDir === '')) {
    throw new Error('Invalid --data-dir: give a folder, as in --data-dir /path/to/folder.');
  }
  const port = values['demo-smtp-port'];
  if (port !== undefined && (typeof port !== 'string' || !/^\d+$/.test(port) || Number(port) > 65535)) {
    throw new Error(`Invalid --demo-smtp-port "${String(port)}": use a number from 0 to 65535 (0 lets the system choose).`);
  }
  return { kiosk: values.kiosk === true, dataDir, demoSmtpPort: port === undefined ? undefined : Number(port) };
}

async function start(options: ShellOptions): Promise<void> {
  await app.whenReady();
  hardenSession();
  const folder = options.dataDir ?? app.getPath('userData');
  const cipher = createSafeStorageCipher() ?? createKeyFileCipher(folder);
  const core = await createApp({ dataDir: folder, cipher, logger, demoSmtpPort: options.demoSmtpPort });

  const rendererDir = fileURLToPath(new URL('../renderer', import.meta.url));
  const preloadPath = fileURLToPath(new URL('../preload/preload.cjs', import.meta.url));
  registerAppProtocol(rendererDir);
  registerIpc(core);
  openKioskWindow({ kiosk: options.kiosk, preloadPath });
  logger.info('kiosk window opened', { kiosk: options.kiosk, dataDir: folder });

  app.on('window-all-closed', () => {
    void core.stop().then(() => app.quit());
  });
}

let options: ShellOptions | null = null;
try {
  options = readOptions(process.argv.slice(1));
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  app.exit(2);
}

if (options !== null) {
  // Both must happen before the app is ready. A data folder given on the command line also holds
  // Chromium's profile, so that instances with different data folders do not share one lock.
  const userData = options.dataDir === undefined ? join(app.getPath('appData'), USER_DATA_FOLDER) : join(options.dataDir, 'electron-profile');
  app.setPath('userData', userData);
  registerAppScheme();

  if (!app.requestSingleInstanceLock()) {
    logger.info('another kiosk instance is running, so this one quits');
    app.quit();
  } else {
    start(options).catch((error: unknown) => {
      logger.error('kiosk failed to start', { error: (error as Error).stack ?? String(error) });
      app.exit(1);
    });
  }
}
