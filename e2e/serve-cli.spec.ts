import { spawn } from 'node:child_process';
import { readdir, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { makeDataDir, startKioskHost } from './kiosk-host';

/** Runs the web host to completion and returns its exit code and output. */
function runServe(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['out/main/serve.js', '--quiet', '--demo-smtp-port', '0', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

test('busy port is a one-line error', async () => {
  const blocker = createServer();
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
  const port = (blocker.address() as { port: number }).port;
  try {
    const dataDir = await makeDataDir();
    const result = await runServe(['--port', String(port), '--data-dir', dataDir]);
    expect(result.code).toBe(1);
    expect(await readdir(dataDir)).toEqual([]);
    expect(result.stderr.trim()).toBe(
      `Port ${port} on 127.0.0.1 is already in use: stop the other program or choose another port with --port.`,
    );
  } finally {
    blocker.close();
  }
});

test('unwritable data folder is a one-line error', async () => {
  const parent = await makeDataDir();
  const file = join(parent, 'not-a-folder');
  await writeFile(file, 'x');
  const result = await runServe(['--port', '0', '--data-dir', join(file, 'data')]);
  expect(result.code).toBe(1);
  expect(result.stderr.trim().split('\n')).toHaveLength(1);
  expect(result.stderr).toContain(`Cannot write to the data folder ${join(file, 'data')}`);
  expect(result.stderr).toContain('--data-dir');
});

test('invalid port is rejected before starting', async () => {
  const result = await runServe(['--port', 'http', '--data-dir', await makeDataDir()]);
  expect(result.code).toBe(1);
  expect(result.stderr.trim()).toBe('Invalid --port "http": use a number from 0 to 65535.');
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  test(`${signal} stops the host cleanly`, async () => {
    const host = await startKioskHost();
    const exited = new Promise<number | null>((resolve) => host.process.once('exit', (code) => resolve(code)));
    host.process.kill(signal);
    expect(await exited).toBe(0);
    await host.stop();
  });
}

test('prints the listening address once it answers', async ({ request }) => {
  const host = await startKioskHost();
  try {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const page = await request.get(host.url);
    expect(page.status()).toBe(200);
    expect(page.headers()['content-security-policy']).toContain("default-src 'self'");
    const traversal = await request.get(`${host.url}..%2f..%2fpackage.json`);
    expect(traversal.status()).toBe(404);
  } finally {
    await host.stop();
  }
});

test('help lists the options', async () => {
  const result = await runServe(['--help']);
  expect(result.code).toBe(0);
  for (const option of ['--host', '--port', '--data-dir', '--demo-smtp-port', '--require-access-code', '--quiet']) {
    expect(result.stdout).toContain(option);
  }
});

test('unknown option is named with the usage', async () => {
  const result = await runServe(['--prot', '8080']);
  expect(result.code).toBe(1);
  expect(result.stderr).toContain("Unknown option '--prot'");
  expect(result.stderr).toContain('Usage: npm run serve');
});
