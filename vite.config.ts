// One Vite config for three jobs:
//  - `vite build`             → widget/dist/tthc-feedback.js, the IIFE a portal embeds with one script
//                               tag (a small loader), and the lazy ES module chunks it imports from its own
//                               URL: widget/dist/tthc-feedback-ui.<hash>.js (the rendered widget) and
//                               widget/dist/tthc-feedback-engine.<hash>.js (audit engine, when needed)
//                               and tthc-feedback-{vi,en}.<hash>.js (the strings of one language);
//  - `vite build --mode cli`  → dist/cli/tthc-audit.mjs, the command-line auditor for Node;
//  - `vitest run`             → the test suite (unit, integration and end-to-end).
import { createHash } from 'node:crypto';
import { build, type Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import preact from '@preact/preset-vite';

/** The widget's lazy chunks: virtual module that names the built file → entry. */
const WIDGET_CHUNKS = [
  { module: 'virtual:tthc-engine-file', entry: 'widget/src/engine.ts', stem: 'tthc-feedback-engine' },
  { module: 'virtual:tthc-ui-file', entry: 'widget/src/ui.tsx', stem: 'tthc-feedback-ui' },
  { module: 'virtual:tthc-schema-file', entry: 'widget/src/agency-file.ts', stem: 'tthc-feedback-schema' },
  { module: 'virtual:tthc-vi-file', entry: 'widget/src/strings-vi.ts', stem: 'tthc-feedback-vi' },
  { module: 'virtual:tthc-en-file', entry: 'widget/src/strings-en.ts', stem: 'tthc-feedback-en' },
];

/**
 * The widget's lazy chunks. Rollup cannot split an IIFE, and an ES module first file would need
 * `type="module"` in every portal's snippet, so each chunk (the UI, the audit engine) is built on
 * its own as an ES module that shares no module with the first file, emitted with a content hash in
 * its name, and that name is handed to the first file as a virtual module. Outside a widget build
 * the names are placeholders.
 */
function widgetChunks(enabled: boolean): Plugin {
  const names = new Map(WIDGET_CHUNKS.map((c) => [c.module, `${c.stem}.js`]));
  return {
    name: 'tthc-widget-chunks',
    async buildStart() {
      if (!enabled) return;
      for (const chunk of WIDGET_CHUNKS) {
        const out = await build({
          configFile: false,
          logLevel: 'silent',
          plugins: [preact({ devToolsEnabled: false, prefreshEnabled: false })],
          define: { 'process.env.NODE_ENV': JSON.stringify('production') },
          build: {
            write: false,
            minify: true,
            target: 'es2022',
            lib: { entry: chunk.entry, formats: ['es'], fileName: () => 'chunk.js' },
            // Library mode keeps an ES build's whitespace; a chunk a browser downloads needs none.
            rolldownOptions: { output: { minify: true } },
          },
        });
        // The minifier leaves its /* @__PURE__ */ annotations in, each followed by a space; a browser
        // needs neither, except the space after a word (`return/*…*/ f()` must stay `return f()`).
        const code = (Array.isArray(out) ? out[0]! : (out as { output: { code: string }[] })).output[0]!.code.replace(
          /([\w$]?)\/\*\s*[@#]__PURE__\s*\*\/ ?/g,
          (_annotation, before: string) => (before ? `${before} ` : ''),
        );
        const fileName = `${chunk.stem}.${createHash('sha256').update(code).digest('hex').slice(0, 10)}.js`;
        names.set(chunk.module, fileName);
        this.emitFile({ type: 'asset', fileName, source: code });
      }
    },
    resolveId: (id) => (names.has(id) ? '\0' + id : null),
    load: (id) => (id.startsWith('\0') && names.has(id.slice(1)) ? `export default ${JSON.stringify(names.get(id.slice(1)))};` : null),
  };
}

const widgetBuild = {
  outDir: 'widget/dist',
  emptyOutDir: true,
  // ES2022: private class fields natively (every browser with constructable stylesheets has them).
  target: 'es2022',
  minify: true,
  cssCodeSplit: false,
  lib: {
    entry: 'widget/src/main.tsx',
    formats: ['iife' as const],
    name: 'TthcFeedback',
    fileName: () => 'tthc-feedback.js',
  },
};

const cliBuild = {
  outDir: 'dist/cli',
  emptyOutDir: true,
  target: 'node20',
  minify: false,
  ssr: 'cli/main.ts',
  rollupOptions: { output: { entryFileNames: 'tthc-audit.mjs', format: 'es' as const } },
};

export default defineConfig(({ mode, command }) => ({
  plugins: [preact({ devToolsEnabled: false, prefreshEnabled: false }), widgetChunks(command === 'build' && mode !== 'cli')],
  define: mode === 'cli' || mode === 'test' ? {} : { 'process.env.NODE_ENV': JSON.stringify('production') },
  build: mode === 'cli' ? cliBuild : widgetBuild,
  ssr: mode === 'cli' ? { noExternal: [/^zod/], external: ['linkedom', 'playwright-core'] } : undefined,
  test: {
    include: [
      'tests/**/*.test.{ts,tsx}',
      'shared/**/*.test.ts',
      'widget/**/*.test.{ts,tsx}',
      'collector/**/*.test.ts',
      'extension/**/*.test.{ts,tsx}',
    ],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // End-to-end files launch Chromium; two at once is what 2 cores sustain.
    maxWorkers: 2,
  },
}));
