// `npm start [-- --kiosk --data-dir D --demo-smtp-port P]`: builds the app, then runs it in Electron.
// Every argument after `--` goes to the app (electron/main.ts reads them).
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeMissingElectron, locateElectronBinary } from './electron-binary.mjs';

const projectDir = fileURLToPath(new URL('..', import.meta.url));
const MAIN_ENTRY = 'out/main/main.js';

// The executable is checked before the build, because without it the build would be wasted time.
const binary = locateElectronBinary();
if (!binary.found || binary.path === null) {
  process.stderr.write(`${describeMissingElectron(binary)}\n`);
  process.exit(1);
}

const require = createRequire(import.meta.url);
const electronVite = join(dirname(require.resolve('electron-vite/package.json')), 'bin', 'electron-vite.js');
const build = spawnSync(process.execPath, [electronVite, 'build'], { cwd: projectDir, stdio: 'inherit' });
if (build.status !== 0) {
  const failure = build.error ? build.error.message : `exited with code ${build.status ?? `null (signal ${build.signal})`}`;
  process.stderr.write(`Build failed (electron-vite build ${failure}): fix the errors above, then run npm start again.\n`);
  process.exit(1);
}

// ELECTRON_RUN_AS_NODE left over in the environment would make Electron run the entry as plain Node.
const env = { ...process.env };
delete env.ELECTRON_RUN_AS_NODE;

const child = spawn(binary.path, [MAIN_ENTRY, ...process.argv.slice(2)], { cwd: projectDir, stdio: 'inherit', env });
child.on('error', (error) => {
  process.stderr.write(`Cannot run Electron ${binary.path}: ${error.message}. Reinstall it with "npx install-electron", or use "npm run serve".\n`);
  process.exit(1);
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => child.kill(signal));
}
child.on('exit', (code, signal) => {
  if (signal !== null) {
    process.stderr.write(`Electron was ended by ${signal}.\n`);
    process.exit(1);
  }
  process.exit(code ?? 1);
});
