import { defineConfig } from 'vite';
import { outDir } from './vite.shared.ts';

// The demo page at / and the agent console at /console/ (client-side routes fall back to its index.html
// on the server), with hashed assets under /assets/.
export default defineConfig({
  base: '/',
  build: {
    outDir,
    emptyOutDir: false,
    target: 'es2022',
    reportCompressedSize: false,
    rollupOptions: {
      input: {
        demo: 'index.html',
        console: 'console/index.html',
      },
    },
  },
});
