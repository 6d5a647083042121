import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { electronCacheRoot, explainDownloadFailure, findMissingZips } from './dist-support.mjs';

/** Output of electron-builder 26.18.1 run with no network interface, its stack trace shortened. */
const ELECTRON_DOWNLOAD_FAILURE = [
  '  • electron-builder  version=26.18.1 os=6.18.44',
  '  • loaded configuration  file=/project/electron-builder.yml',
  '  • skipped dependencies rebuild  reason=npmRebuild is set to false',
  '  • packaging       platform=linux arch=x64 electron=45.6.1 appOutDir=dist/linux-unpacked',
  '  ⨯ getaddrinfo EAI_AGAIN github.com  failedTask=build stackTrace=RequestError: getaddrinfo EAI_AGAIN github.com',
  '    at ClientRequest.<anonymous> (/project/node_modules/got/dist/source/core/index.js:970:111)',
].join('\n');

const options = { version: '45.6.1', cacheRoot: '/cache/electron' };

describe('explainDownloadFailure', () => {
  test('Electron zip download names platform and host', () => {
    const message = explainDownloadFailure(ELECTRON_DOWNLOAD_FAILURE, options);
    expect(message).not.toBeNull();
    expect(message).toContain('Electron 45.6.1 zip for linux-x64');
    expect(message).toContain('electron-v45.6.1-linux-x64.zip');
    expect(message).toContain('from github.com');
    expect(message).toContain('getaddrinfo EAI_AGAIN github.com');
    expect(message).not.toContain('stackTrace');
    expect(message).toContain('/cache/electron');
    expect(message).toContain('-c.electronDist=');
  });

  test('tool download names the target', () => {
    const output = [
      '  • packaging       platform=linux arch=x64 electron=45.6.1 appOutDir=dist/linux-unpacked',
      '  • building        target=AppImage arch=x64 file=dist/kiosk.AppImage',
      '  ⨯ connect ECONNREFUSED 127.0.0.1:9 url=http://127.0.0.1:9/appimage-1.0.3/appimage.tar.gz',
    ].join('\n');
    const message = explainDownloadFailure(output, options);
    expect(message).toContain('the AppImage packaging tools');
    expect(message).toContain('from 127.0.0.1');
    expect(message).not.toContain('zip for');
  });

  test('other failures are not explained', () => {
    const output = '  • packaging       platform=linux arch=x64\n  ⨯ Cannot find module "foo"';
    expect(explainDownloadFailure(output, options)).toBeNull();
  });
});

describe('findMissingZips', () => {
  test('zip in a hashed subfolder counts as cached', async () => {
    const cacheRoot = await mkdtemp(join(tmpdir(), 'electron-cache-'));
    try {
      expect(findMissingZips(cacheRoot, '45.6.1')).toEqual([
        'electron-v45.6.1-linux-x64.zip',
        'electron-v45.6.1-linux-arm64.zip',
        'electron-v45.6.1-win32-x64.zip',
      ]);
      const subfolder = join(cacheRoot, 'a1b2c3');
      await mkdir(subfolder);
      await writeFile(join(subfolder, 'electron-v45.6.1-linux-arm64.zip'), 'zip');
      expect(findMissingZips(cacheRoot, '45.6.1')).toEqual(['electron-v45.6.1-linux-x64.zip', 'electron-v45.6.1-win32-x64.zip']);
    } finally {
      await rm(cacheRoot, { recursive: true, force: true });
    }
  });

  test('missing cache folder lists every zip', () => {
    expect(findMissingZips(join(tmpdir(), 'no-such-electron-cache-folder'), '45.6.1')).toHaveLength(3);
  });
});

describe('electronCacheRoot', () => {
  test('follows the platform conventions', () => {
    expect(electronCacheRoot({}, 'linux', '/home/kiosk')).toBe('/home/kiosk/.cache/electron');
    expect(electronCacheRoot({ XDG_CACHE_HOME: '/var/cache/kiosk' }, 'linux', '/home/kiosk')).toBe('/var/cache/kiosk/electron');
    expect(electronCacheRoot({}, 'darwin', '/Users/kiosk')).toBe('/Users/kiosk/Library/Caches/electron');
    expect(electronCacheRoot({ LOCALAPPDATA: 'C:/Users/kiosk/AppData/Local' }, 'win32', 'C:/Users/kiosk')).toBe(
      join('C:/Users/kiosk/AppData/Local', 'electron', 'Cache'),
    );
  });
});
