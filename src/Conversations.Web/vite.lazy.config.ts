import { defineConfig, type Plugin } from 'vite';
import { outDir, productionDefines } from './vite.shared.ts';

// The lazy widget chunks use the copy of Lit that widget.js already carries (published on a private
// global by src/widget/runtime.ts) instead of shipping a second one.
const litFromWidget: Plugin = {
  name: 'lit-from-widget',
  enforce: 'pre',
  resolveId: (id) => (id === 'lit' ? '\0lit-from-widget' : null),
  load: (id) =>
    id === '\0lit-from-widget'
      ? 'const lit = globalThis.__conversationsWidgetRuntime.lit;\n' +
        'export const LitElement = lit.LitElement, html = lit.html, css = lit.css, nothing = lit.nothing;\n'
      : null,
};

export default defineConfig({
  define: productionDefines,
  plugins: [litFromWidget],
  build: {
    outDir: `${outDir}/widget`,
    emptyOutDir: false,
    target: 'es2021',
    minify: true,
    reportCompressedSize: false,
    lib: {
      entry: {
        viewer: 'src/widget/lazy/image-viewer.ts',
        rating: 'src/widget/lazy/rating-form.ts',
        emoji: 'src/widget/lazy/emoji-picker.ts',
      },
      formats: ['es'],
      fileName: (_format, name) => `${name}.js`,
    },
  },
});
