import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

// Which code may import what: only the Electron entry point, the preload and the platform adapter
// load 'electron', so that everything else runs in plain Node (web host, tests). The renderer talks
// to the main side through the bridge only, and shared/ runs on both sides.

const PROJECT_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SCANNED_FOLDERS = ['electron', 'shared', 'renderer', 'e2e', 'scripts'];
const SOURCE_FILE = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/;
const ELECTRON_MODULE = 'electron';
const ELECTRON_IMPORTERS = ['electron/main.ts', 'electron/preload.ts', 'electron/platform-electron.ts'];

/**
 * Module specifiers of static imports and re-exports (`from 'x'`, `import 'x'`), dynamic imports
 * (`import('x')`), `require('x')` and `import x = require('x')`. Comments are scanned too, which can
 * only give a false alarm, never hide an import.
 */
const SPECIFIER = /\b(?:from|import|require)\s*\(?\s*(['"`])([^'"`\n]+)\1/g;

function listSourceFiles(folder: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(join(PROJECT_DIR, folder), { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules') files.push(...listSourceFiles(path));
    } else if (SOURCE_FILE.test(entry.name) && !entry.name.endsWith('.d.ts') && !entry.name.endsWith('.d.mts')) {
      files.push(path.split(sep).join('/'));
    }
  }
  return files;
}

function importsOf(source: string): string[] {
  return [...source.matchAll(SPECIFIER)].map((match) => match[2]!);
}

interface ImportEdge {
  file: string;
  specifier: string;
}

function collectImports(folders: string[]): ImportEdge[] {
  return folders.flatMap((folder) =>
    listSourceFiles(folder).flatMap((file) =>
      importsOf(readFileSync(join(PROJECT_DIR, file), 'utf8')).map((specifier) => ({ file, specifier })),
    ),
  );
}

function isElectronModule(specifier: string): boolean {
  return specifier === ELECTRON_MODULE || specifier.startsWith(`${ELECTRON_MODULE}/`);
}

function isNodeBuiltin(specifier: string): boolean {
  return specifier.startsWith('node:') || builtinModules.includes(specifier.split('/')[0]!);
}

/** Returns the project folder that a relative specifier points into, such as `electron`, or null for a package. */
function targetFolder(file: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  const target = relative(PROJECT_DIR, resolve(PROJECT_DIR, dirname(file), specifier));
  return target.split(sep)[0] ?? null;
}

/** Tests run in Node under vitest, so they may use Node modules where the code they test may not. */
function isTestFile(file: string): boolean {
  return /\.test\.tsx?$/.test(file);
}

function format(edges: ImportEdge[]): string[] {
  return edges.map((edge) => `${edge.file} imports '${edge.specifier}'`);
}

describe('import scanner', () => {
  test('finds every import form', () => {
    const module = ELECTRON_MODULE;
    const source = [
      `import { app } from '${module}';`,
      `import type { WebContents } from "${module}";`,
      `import '${module}/renderer';`,
      `export { shell } from '${module}';`,
      `const dynamic = await import('${module}');`,
      `const required = require("${module}");`,
      `import legacy = require('${module}');`,
      `const spaced = require ( '${module}' );`,
    ].join('\n');
    expect(importsOf(source)).toEqual([
      module,
      module,
      `${module}/renderer`,
      module,
      module,
      module,
      module,
      module,
    ]);
  });

  test('ignores look-alike names', () => {
    expect(importsOf(`import { x } from './electron/app-core';`).filter(isElectronModule)).toEqual([]);
    expect(importsOf(`import { _electron } from '@playwright/test';`).filter(isElectronModule)).toEqual([]);
    expect(importsOf(`import x from 'electron-vite';`).filter(isElectronModule)).toEqual([]);
  });

  test('scans the project sources', () => {
    const files = SCANNED_FOLDERS.flatMap(listSourceFiles);
    for (const file of ELECTRON_IMPORTERS) expect(files).toContain(file);
    expect(files).toContain('renderer/App.tsx');
    expect(files).toContain('shared/contract.ts');
  });
});

describe('module boundaries', () => {
  test('only the Electron shell imports electron', () => {
    const edges = collectImports(SCANNED_FOLDERS).filter((edge) => isElectronModule(edge.specifier));
    const outside = edges.filter((edge) => !ELECTRON_IMPORTERS.includes(edge.file));
    expect(format(outside)).toEqual([]);
    expect(edges.map((edge) => edge.file)).toContain('electron/main.ts');
  });

  test('renderer never imports from electron/', () => {
    const edges = collectImports(['renderer']).filter(
      (edge) => targetFolder(edge.file, edge.specifier) === 'electron' || isElectronModule(edge.specifier),
    );
    expect(format(edges)).toEqual([]);
  });

  test('renderer code never imports Node modules', () => {
    const edges = collectImports(['renderer']).filter((edge) => !isTestFile(edge.file) && isNodeBuiltin(edge.specifier));
    expect(format(edges)).toEqual([]);
  });

  test('shared never imports Node, electron or renderer', () => {
    const edges = collectImports(['shared']).filter((edge) => {
      const folder = targetFolder(edge.file, edge.specifier);
      return (
        (!isTestFile(edge.file) && isNodeBuiltin(edge.specifier)) ||
        isElectronModule(edge.specifier) ||
        folder === 'electron' ||
        folder === 'renderer'
      );
    });
    expect(format(edges)).toEqual([]);
  });

  test('no code opens external URLs', () => {
    // Built at run time, so that this file does not match itself.
    const method = ['open', 'External'].join('');
    const files = SCANNED_FOLDERS.flatMap(listSourceFiles).filter((file) =>
      readFileSync(join(PROJECT_DIR, file), 'utf8').includes(method),
    );
    expect(files).toEqual([]);
  });
});
