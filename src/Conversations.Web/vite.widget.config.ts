import { defineConfig } from 'vite';
import { outDir, productionDefines } from './vite.shared.ts';

// widget.js is a classic script (the host page writes <script src async>), so it is one IIFE file;
// what first paint does not need is built separately by vite.lazy.config.ts and imported at run time.
export default defineConfig({
  define: productionDefines,
  build: {
    outDir,
    emptyOutDir: false,
    target: 'es2021',
    minify: true,
    reportCompressedSize: false,
    lib: {
      entry: 'src/widget/main.ts',
      formats: ['iife'],
      name: 'ConversationsWidgetBundle',
      fileName: () => 'widget.js',
    },
  },
});
