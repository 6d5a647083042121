import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * Locates the Electron executable as node_modules/electron/index.js does (electron 45): the
 * ELECTRON_OVERRIDE_DIST_PATH folder if set, else `dist/<name>` where path.txt gives the name.
 * Unlike loading the electron package, it never starts a download when the executable is missing, so it
 * is safe to call on a machine without Internet access.
 *
 * @param {{ packageDir?: string | null, env?: NodeJS.ProcessEnv }} [options]
 *   packageDir: folder of the installed electron package, found from this file when absent
 *   (null means the package is not installed).
 * @returns {import('./electron-binary.d.mts').ElectronBinary}
 */
export function locateElectronBinary(options = {}) {
  const env = options.env ?? process.env;
  const packageDir = options.packageDir === undefined ? findElectronPackage() : options.packageDir;
  if (packageDir === null) {
    return { found: false, reason: 'packageMissing', path: null, packageDir: null, version: null };
  }

  const version = readVersion(packageDir);
  const pathFile = join(packageDir, 'path.txt');
  const executableName = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;

  const overrideDir = env.ELECTRON_OVERRIDE_DIST_PATH;
  if (overrideDir) {
    const path = join(overrideDir, executableName || 'electron');
    return existsSync(path)
      ? { found: true, reason: null, path, packageDir, version }
      : { found: false, reason: 'overrideMissing', path, packageDir, version };
  }

  if (executableName === null || executableName === '') {
    return { found: false, reason: 'neverDownloaded', path: null, packageDir, version };
  }
  const path = join(packageDir, 'dist', executableName);
  return existsSync(path)
    ? { found: true, reason: null, path, packageDir, version }
    : { found: false, reason: 'binaryMissing', path, packageDir, version };
}

/**
 * Returns one paragraph that explains why Electron cannot start and what to do instead.
 *
 * @param {import('./electron-binary.d.mts').ElectronBinary} binary
 * @returns {string}
 */
export function describeMissingElectron(binary) {
  const version = binary.version ? `Electron ${binary.version}` : 'Electron';
  const cause = {
    packageMissing: 'the electron package is not installed (run npm install)',
    neverDownloaded: `the ${version} executable is not installed (node_modules/electron/path.txt is missing), because its download from github.com/electron/electron/releases failed or was blocked during npm install`,
    binaryMissing: `the ${version} executable ${binary.path} is missing, because the download into node_modules/electron/dist failed or was deleted`,
    overrideMissing: `ELECTRON_OVERRIDE_DIST_PATH names a folder without the executable ${binary.path}`,
  }[binary.reason ?? 'packageMissing'];
  return (
    `Cannot start the kiosk in Electron: ${cause}. ` +
    'Where github.com is reachable, run "npx install-electron" to download it. ' +
    'Without it, "npm run serve" runs the same kiosk in a web browser (http://127.0.0.1:8080/ by default).'
  );
}

function findElectronPackage() {
  try {
    const require = createRequire(import.meta.url);
    return dirname(require.resolve('electron/package.json'));
  } catch {
    return null;
  }
}

function readVersion(packageDir) {
  try {
    const version = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')).version;
    return typeof version === 'string' ? version : null;
  } catch {
    return null;
  }
}
