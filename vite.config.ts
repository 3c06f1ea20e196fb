import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = path.dirname(fileURLToPath(import.meta.url));

// The renderer: one static bundle, loaded by Electron over its app:// scheme and by the web host
// over HTTP. Relative asset paths work for both.
export default defineConfig({
  root: path.join(root, 'src/renderer'),
  base: './',
  plugins: [react()],
  build: {
    outDir: path.join(root, 'out/renderer'),
    emptyOutDir: true,
    target: 'chrome140',
    sourcemap: true,
    rolldownOptions: {
      output: {
        // The whole bundle runs at start-up: this asks Chromium (136+) to compile every function
        // on the thread that streams the script in, instead of each one on the main thread the
        // first time it runs — which is what made the first opened conversation slow.
        postBanner: '//# allFunctionsCalledOnLoad',
      },
    },
  },
});
