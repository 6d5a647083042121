import { accessSync, constants, mkdirSync } from 'node:fs';
import { createServer as createNetServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createApp } from './app-core';
import { defaultDataDir } from './data-dir';
import { createConsoleLogger } from './logger';
import { createKeyFileCipher } from './settings/secret-cipher';
import { createWebHost } from './web-host';

const OPTIONS = {
  host: { type: 'string', default: '127.0.0.1' },
  port: { type: 'string', default: '8080' },
  'data-dir': { type: 'string' },
  quiet: { type: 'boolean', default: false },
  'require-access-code': { type: 'boolean', default: false },
  'demo-smtp-port': { type: 'string' },
  help: { type: 'boolean', default: false },
} as const;

const USAGE = `Usage: npm run serve -- [options]   (or: node out/main/serve.js [options])

Serves the PoolManager e-mail kiosk to a browser.

Options:
  --host H               address to listen on (default 127.0.0.1); browsers on other machines must enter the access code
  --port P               TCP port (default 8080; 0 picks a free port)
  --data-dir D           folder for settings, outbox, journal and demo inbox (default: the per-user data folder)
  --demo-smtp-port P     port of the embedded demo SMTP server (default 2525; the next free one if busy; 0 picks one)
  --require-access-code  ask the access code from every browser, this machine's included
  --quiet                log errors and warnings only
  --help                 print this help
`;

/** Entry point of the web host: `node out/main/serve.js --host H --port P --data-dir D [--demo-smtp-port P]`. */
async function main(): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({ options: OPTIONS, strict: true });
  } catch (error) {
    fail(`${(error as Error).message}\n\n${USAGE}`);
  }
  const { values } = parsed;
  if (values.help) {
    process.stdout.write(USAGE);
    return;
  }

  const host = values.host;
  const port = Number(values.port);
  if (!/^\d+$/.test(values.port) || port < 0 || port > 65535) fail(`Invalid --port "${values.port}": use a number from 0 to 65535.`);
  const dataDir = values['data-dir'] ?? defaultDataDir();
  const demoSmtpPortText = values['demo-smtp-port'];
  const demoSmtpPort = demoSmtpPortText === undefined ? undefined : Number(demoSmtpPortText);
  if (demoSmtpPortText !== undefined && (!/^\d+$/.test(demoSmtpPortText) || demoSmtpPort! > 65535)) {
    fail(`Invalid --demo-smtp-port "${demoSmtpPortText}": use a number from 0 to 65535 (0 lets the system choose).`);
  }

  try {
    mkdirSync(dataDir, { recursive: true });
    accessSync(dataDir, constants.W_OK);
  } catch (error) {
    fail(`Cannot write to the data folder ${dataDir} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}): choose a writable folder with --data-dir.`);
  }

  // A busy port is reported before the services start, so that nothing runs or writes for a host that cannot serve.
  if (port !== 0) await checkPortFree(host, port);

  const logger = createConsoleLogger('serve', values.quiet);
  const app = await createApp({ dataDir, cipher: createKeyFileCipher(dataDir), logger, demoSmtpPort });
  const rendererDir = fileURLToPath(new URL('../renderer', import.meta.url));
  const server = createWebHost({ app, rendererDir, requireAccessCodeEverywhere: values['require-access-code'] });

  server.on('error', (error: NodeJS.ErrnoException) => failToListen(error, host, port));
  server.listen(port, host, () => {
    const address = server.address();
    const actualPort = typeof address === 'object' && address ? address.port : port;
    const shownHost = host.includes(':') ? `[${host}]` : host;
    process.stdout.write(`Listening on http://${shownHost}:${actualPort}/\n`);
    logger.info('web host started', { host, port: actualPort, dataDir });
  });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info('stopping', { signal });
    server.closeAllConnections();
    server.close(() => {
      void app.stop().then(() => process.exit(0));
    });
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

function failToListen(error: NodeJS.ErrnoException, host: string, port: number): never {
  if (error.code === 'EADDRINUSE') fail(`Port ${port} on ${host} is already in use: stop the other program or choose another port with --port.`);
  if (error.code === 'EADDRNOTAVAIL') fail(`Address ${host} is not an address of this machine: choose another with --host.`);
  if (error.code === 'EACCES') fail(`Not allowed to listen on ${host}:${port}: choose a port above 1023 with --port.`);
  fail(`Cannot listen on ${host}:${port}: ${error.message}`);
}

/** Listens on the port for a moment and releases it; exits with the one-line error when that fails. */
function checkPortFree(host: string, port: number): Promise<void> {
  return new Promise((resolve) => {
    const probe = createNetServer();
    probe.once('error', (error: NodeJS.ErrnoException) => failToListen(error, host, port));
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

main().catch((error: unknown) => {
  process.stderr.write(`Web host failed to start: ${(error as Error).message}\n`);
  process.exit(1);
});
