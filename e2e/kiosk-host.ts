import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface KioskHost {
  url: string;
  dataDir: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/** Creates an empty temporary data folder for one test. */
export function makeDataDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'kiosk-e2e-'));
}

/** Starts the built web host and its demo SMTP server on ephemeral loopback ports, with its own data folder; resolves once it listens. */
export async function startKioskHost(dataDir?: string, extraArgs: string[] = []): Promise<KioskHost> {
  const folder = dataDir ?? (await makeDataDir());
  const child = spawn(process.execPath, ['out/main/serve.js', '--host', '127.0.0.1', '--port', '0', '--demo-smtp-port', '0', '--data-dir', folder, ...extraArgs], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });

  const url = await new Promise<string>((resolve, reject) => {
    let stdout = '';
    const timer = setTimeout(() => reject(new Error(`web host did not start within 15 s:\n${stderr}`)), 15_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /Listening on (http:\/\/\S+)/.exec(stdout);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`web host exited with code ${code}:\n${stderr}`));
    });
  });

  return {
    url,
    dataDir: folder,
    process: child,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      if (!dataDir) await rm(folder, { recursive: true, force: true });
    },
  };
}
