import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

// One build gives the Electron main process and the web host (out/main), the sandboxed preload (out/preload)
// and the minified renderer (out/renderer).
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rolldownOptions: {
        input: {
          main: resolve(__dirname, 'electron/main.ts'),
          serve: resolve(__dirname, 'electron/serve.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload cannot load modules, so it is one CommonJS file with its dependencies inside.
      externalizeDeps: false,
      isolatedEntries: true,
      rolldownOptions: {
        input: { preload: resolve(__dirname, 'electron/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'renderer',
    plugins: [react()],
    build: {
      outDir: 'out/renderer',
      minify: true,
      // The renderer is one bundle of about 600 kB read from the local disk or loopback, so splitting it gains nothing.
      chunkSizeWarningLimit: 1024,
      rolldownOptions: { input: resolve(__dirname, 'renderer/index.html') },
    },
  },
});
