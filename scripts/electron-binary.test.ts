import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { describeMissingElectron, locateElectronBinary } from './electron-binary.mjs';

let packageDir: string;

beforeEach(async () => {
  packageDir = await mkdtemp(join(tmpdir(), 'electron-package-'));
  await writeFile(join(packageDir, 'package.json'), JSON.stringify({ name: 'electron', version: '45.6.1' }));
});

afterEach(async () => {
  await rm(packageDir, { recursive: true, force: true });
});

async function installExecutable(name: string): Promise<string> {
  await mkdir(join(packageDir, 'dist'), { recursive: true });
  const path = join(packageDir, 'dist', name);
  await writeFile(path, '#!/bin/sh\n');
  await chmod(path, 0o755);
  return path;
}

describe('locateElectronBinary', () => {
  test('package not installed', () => {
    const binary = locateElectronBinary({ packageDir: null, env: {} });
    expect(binary.found).toBe(false);
    expect(binary.reason).toBe('packageMissing');
    expect(describeMissingElectron(binary)).toContain('npm install');
  });

  test('path.txt missing means never downloaded', () => {
    const binary = locateElectronBinary({ packageDir, env: {} });
    expect(binary.found).toBe(false);
    expect(binary.reason).toBe('neverDownloaded');
    expect(binary.version).toBe('45.6.1');
    const message = describeMissingElectron(binary);
    expect(message).toContain('Electron 45.6.1');
    expect(message).toContain('path.txt is missing');
    expect(message).toContain('npm run serve');
  });

  test('path.txt names a missing executable', async () => {
    await writeFile(join(packageDir, 'path.txt'), 'electron');
    const binary = locateElectronBinary({ packageDir, env: {} });
    expect(binary.found).toBe(false);
    expect(binary.reason).toBe('binaryMissing');
    expect(binary.path).toBe(join(packageDir, 'dist', 'electron'));
    expect(describeMissingElectron(binary)).toContain(join(packageDir, 'dist', 'electron'));
  });

  test('installed executable is found', async () => {
    await writeFile(join(packageDir, 'path.txt'), 'electron');
    const executable = await installExecutable('electron');
    const binary = locateElectronBinary({ packageDir, env: {} });
    expect(binary.found).toBe(true);
    expect(binary.reason).toBeNull();
    expect(binary.path).toBe(executable);
  });

  test('override folder wins over dist', async () => {
    await writeFile(join(packageDir, 'path.txt'), 'electron');
    await installExecutable('electron');
    const overrideDir = await mkdtemp(join(tmpdir(), 'electron-override-'));
    try {
      const missing = locateElectronBinary({ packageDir, env: { ELECTRON_OVERRIDE_DIST_PATH: overrideDir } });
      expect(missing.found).toBe(false);
      expect(missing.reason).toBe('overrideMissing');

      await writeFile(join(overrideDir, 'electron'), '#!/bin/sh\n');
      const found = locateElectronBinary({ packageDir, env: { ELECTRON_OVERRIDE_DIST_PATH: overrideDir } });
      expect(found.found).toBe(true);
      expect(found.path).toBe(join(overrideDir, 'electron'));
    } finally {
      await rm(overrideDir, { recursive: true, force: true });
    }
  });
});
