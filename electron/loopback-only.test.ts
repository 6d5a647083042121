import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const FOLDERS = ['electron', 'e2e', 'scripts', 'shared'];

async function sourceFiles(folder: string): Promise<string[]> {
  const entries = await readdir(join(ROOT, folder), { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && /\.(ts|tsx|mjs)$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}

describe('network use of servers in code and tests', () => {
  it('every smtp-server instance disables the reverse DNS lookup', async () => {
    const files = (await Promise.all(FOLDERS.map(sourceFiles))).flat();
    const offenders: string[] = [];
    for (const file of files) {
      const text = await readFile(file, 'utf8');
      for (const match of text.matchAll(/new SMTPServer\(\{([\s\S]{0,600})/g)) {
        // smtp-server looks up the client's name by default, which sends a query to the system's resolver.
        if (!/disableReverseLookup:\s*true/.test(match[1]!)) offenders.push(file.slice(ROOT.length + 1));
      }
    }
    expect(offenders).toEqual([]);
  });
});
