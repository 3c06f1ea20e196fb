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
  },
});
