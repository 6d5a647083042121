import { existsSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** Platforms and architectures that `npm run dist` packages when no platform option is given, as in electron-builder.yml. */
export const DEFAULT_TARGETS = [
  { platform: 'linux', arch: 'x64' },
  { platform: 'linux', arch: 'arm64' },
  { platform: 'win32', arch: 'x64' },
];

/** Returns the file name of the Electron zip of one platform and architecture, as published on GitHub. */
export function electronZipName(version, target) {
  return `electron-v${version}-${target.platform}-${target.arch}.zip`;
}

/**
 * Returns the download cache folder of @electron/get (env-paths("electron").cache), where
 * electron-builder keeps the Electron zips it downloaded.
 */
export function electronCacheRoot(env = process.env, platform = process.platform, home = homedir()) {
  if (platform === 'darwin') return join(home, 'Library', 'Caches', 'electron');
  if (platform === 'win32') return join(env.LOCALAPPDATA || join(home, 'AppData', 'Local'), 'electron', 'Cache');
  return join(env.XDG_CACHE_HOME || join(home, '.cache'), 'electron');
}

/**
 * Lists the zips of `targets` that are missing from the cache. @electron/get stores each file in a
 * subfolder named after the SHA-256 of its download folder URL, so every subfolder is searched.
 */
export function findMissingZips(cacheRoot, version, targets = DEFAULT_TARGETS) {
  const subfolders = existsSync(cacheRoot)
    ? readdirSync(cacheRoot, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => join(cacheRoot, entry.name))
    : [];
  return targets
    .map((target) => electronZipName(version, target))
    .filter((name) => !subfolders.some((folder) => existsSync(join(folder, name))));
}

/** Error codes and phrases of a download that failed because the host could not be reached. */
const NETWORK_FAILURE =
  /\b(EAI_AGAIN|ENOTFOUND|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH|ERR_SOCKET_CONNECTION_TIMEOUT|UND_ERR_CONNECT_TIMEOUT)\b|getaddrinfo|socket hang up|tunneling socket could not be established|Proxy responded with 40\d/;

/**
 * Reads electron-builder's output after it failed, and returns a paragraph that names what could
 * not be downloaded and what to do, or null when the failure was not a download.
 *
 * electron-builder 26 prints `packaging platform=P arch=A electron=V` before it fetches the Electron
 * zip of P-A, and `building target=T arch=A` before it fetches the tools of target T, so the last
 * of these lines before the error identifies the failed download.
 */
export function explainDownloadFailure(output, { version, cacheRoot }) {
  const failureIndex = output.search(NETWORK_FAILURE);
  if (failureIndex < 0) return null;

  const before = output.slice(0, failureIndex);
  const failureLine = output.slice(output.lastIndexOf('\n', failureIndex) + 1).split('\n')[0] ?? '';
  const host = /getaddrinfo \w+ ([^\s,]+)/.exec(failureLine)?.[1] ?? /https?:\/\/([^/\s:]+)/.exec(failureLine)?.[1] ?? null;
  const reason = failureLine.replace(/^\s*⨯\s*/, '').replace(/\s+failedTask=.*$/, '').replace(/\s+stackTrace=.*$/, '').trim();

  const steps = [...before.matchAll(/packaging\s+platform=(\S+)\s+arch=(\S+)|building\s+target=(\S+)/g)];
  const lastStep = steps.at(-1);
  const where = host ? ` from ${host}` : '';

  let artifact;
  let remedy;
  if (lastStep !== undefined && lastStep[1] !== undefined) {
    const zip = electronZipName(version, { platform: lastStep[1], arch: lastStep[2] });
    artifact = `the Electron ${version} zip for ${lastStep[1]}-${lastStep[2]} (${zip})`;
    remedy =
      `It is not in the download cache ${cacheRoot}. ` +
      'To package without access, put the Electron zips of every target (electron-v' +
      `${version}-linux-x64.zip, -linux-arm64.zip, -win32-x64.zip) in one folder and run ` +
      '"npm run dist -- -c.electronDist=<folder>". The AppImage, deb and NSIS tools are downloaded too, ' +
      'so they must already be in the electron-builder cache.';
  } else if (lastStep !== undefined && lastStep[3] !== undefined) {
    artifact = `the ${lastStep[3]} packaging tools`;
    remedy = 'electron-builder downloads them into its cache at the first build of each target.';
  } else {
    artifact = 'a file that electron-builder needs';
    remedy = 'electron-builder downloads Electron and its packaging tools at the first build.';
  }

  return (
    `Packaging failed because electron-builder could not download ${artifact}${where}: ${reason}. ` +
    `That host cannot be reached from this machine. ${remedy} ` +
    'Run "npm run dist" on a machine with Internet access, or set ELECTRON_MIRROR and ' +
    'ELECTRON_BUILDER_BINARIES_MIRROR to a mirror it can reach.'
  );
}
