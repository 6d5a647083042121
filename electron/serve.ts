import { accessSync, constants, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createApp } from './app-core';
import { defaultDataDir } from './data-dir';
import { createConsoleLogger } from './logger';
import { createKeyFileCipher } from './settings/secret-cipher';
import { createWebHost } from './web-host';

/** Entry point of the web host: `node out/main/serve.js --host H --port P --data-dir D [--demo-smtp-port P]`. */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      host: { type: 'string', default: '127.0.0.1' },
      port: { type: 'string', default: '8080' },
      'data-dir': { type: 'string' },
      quiet: { type: 'boolean', default: false },
      'require-access-code': { type: 'boolean', default: false },
      'demo-smtp-port': { type: 'string' },
    },
    strict: true,
  });
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

  const logger = createConsoleLogger('serve', values.quiet);
  const app = await createApp({ dataDir, cipher: createKeyFileCipher(dataDir), logger, demoSmtpPort });
  const rendererDir = fileURLToPath(new URL('../renderer', import.meta.url));
  const server = createWebHost({ app, rendererDir, requireAccessCodeEverywhere: values['require-access-code'] });

  server.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EADDRINUSE') fail(`Port ${port} on ${host} is already in use: stop the other program or choose another port with --port.`);
    if (error.code === 'EADDRNOTAVAIL') fail(`Address ${host} is not an address of this machine: choose another with --host.`);
    if (error.code === 'EACCES') fail(`Not allowed to listen on ${host}:${port}: choose a port above 1023 with --port.`);
    fail(`Cannot listen on ${host}:${port}: ${error.message}`);
  });
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

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

main().catch((error: unknown) => {
  process.stderr.write(`Web host failed to start: ${(error as Error).message}\n`);
  process.exit(1);
});
