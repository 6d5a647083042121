// `npm run dist [-- electron-builder options]`: builds out/, then packages the kiosk with
// electron-builder from electron-builder.yml into dist/: AppImage and deb for Linux x64 and arm64,
// and an NSIS installer for Windows x64. Options after `--` go to electron-builder; a platform
// option such as `--linux` replaces the default `--linux --win`.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronCacheRoot, explainDownloadFailure, findMissingZips } from './dist-support.mjs';

const projectDir = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);
const packageDir = (name) => dirname(require.resolve(`${name}/package.json`));

const electronVersion = JSON.parse(readFileSync(join(packageDir('electron'), 'package.json'), 'utf8')).version;
const extraArgs = process.argv.slice(2);
const platformGiven = extraArgs.some((arg) => /^(--linux|--win|--windows|--mac|--macos|-[lwm]+)$/.test(arg));
const builderArgs = [
  '--config',
  'electron-builder.yml',
  '--publish',
  'never',
  ...(platformGiven ? [] : ['--linux', '--win']),
  ...extraArgs,
];

const electronVite = join(packageDir('electron-vite'), 'bin', 'electron-vite.js');
const build = spawnSync(process.execPath, [electronVite, 'build'], { cwd: projectDir, stdio: 'inherit' });
if (build.status !== 0) {
  const failure = build.error ? build.error.message : `exited with code ${build.status ?? `null (signal ${build.signal})`}`;
  fail(`Build failed (electron-vite build ${failure}): fix the errors above, then run npm run dist again.`);
}

// electron-builder downloads each Electron zip that its cache lacks. Saying so before it starts
// makes a later download failure easy to understand.
const cacheRoot = electronCacheRoot();
const electronDistGiven = extraArgs.some((arg) => arg.includes('electronDist'));
if (!platformGiven && !electronDistGiven) {
  const missing = findMissingZips(cacheRoot, electronVersion);
  if (missing.length > 0) {
    process.stdout.write(
      `Not in the Electron download cache ${cacheRoot}: ${missing.join(', ')}. ` +
        'electron-builder downloads them from github.com/electron/electron/releases (or ELECTRON_MIRROR).\n',
    );
  }
}

// The output is shown as it comes and also kept, so that a failure can be explained at the end.
const MAX_KEPT_OUTPUT = 1024 * 1024;
let output = '';
const keep = (chunk) => {
  output = (output + chunk.toString()).slice(-MAX_KEPT_OUTPUT);
};
const builder = spawn(process.execPath, [join(packageDir('electron-builder'), 'cli.js'), ...builderArgs], {
  cwd: projectDir,
  stdio: ['inherit', 'pipe', 'pipe'],
});
builder.stdout.on('data', (chunk) => {
  process.stdout.write(chunk);
  keep(chunk);
});
builder.stderr.on('data', (chunk) => {
  process.stderr.write(chunk);
  keep(chunk);
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => builder.kill(signal));
}
builder.on('error', (error) => fail(`Cannot run electron-builder: ${error.message}. Run npm install, then npm run dist again.`));
builder.on('close', (code, signal) => {
  if (code === 0) {
    process.stdout.write('Installers written to dist/.\n');
    process.exit(0);
  }
  const explanation = explainDownloadFailure(output, { version: electronVersion, cacheRoot });
  fail(explanation ?? `electron-builder failed (${signal ? `ended by ${signal}` : `exit code ${code}`}): see its output above.`);
});

function fail(message) {
  process.stderr.write(`\n${message}\n`);
  process.exit(1);
}
