// One Vite config for three jobs:
//  - `vite build`             → widget/dist/tthc-feedback.js, the IIFE a portal embeds with one script
//                               tag, and widget/dist/tthc-feedback-engine.<hash>.js, the lazy ES module
//                               chunk (audit engine) it imports from its own URL when needed;
//  - `vite build --mode cli`  → dist/cli/tthc-audit.mjs, the command-line auditor for Node;
//  - `vitest run`             → the test suite (unit, integration and end-to-end).
import { createHash } from 'node:crypto';
import { build, type Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import preact from '@preact/preset-vite';

const ENGINE_MODULE = 'virtual:tthc-engine-file';

/**
 * The widget's lazy chunk. Rollup cannot split an IIFE, and an ES module first file would need
 * `type="module"` in every portal's snippet, so the engine is built on its own (an ES module that
 * shares no module with the first file: it takes the document and returns plain data), emitted
 * with a content hash in its name, and that name is handed to the first file as
 * `virtual:tthc-engine-file`. Outside a widget build the name is a placeholder.
 */
function widgetEngineChunk(enabled: boolean): Plugin {
  let fileName = 'tthc-feedback-engine.js';
  return {
    name: 'tthc-widget-engine-chunk',
    async buildStart() {
      if (!enabled) return;
      const out = await build({
        configFile: false,
        logLevel: 'silent',
        build: {
          write: false,
          minify: true,
          target: 'es2022',
          lib: { entry: 'widget/src/engine.ts', formats: ['es'], fileName: () => 'engine.js' },
        },
      });
      const code = (Array.isArray(out) ? out[0]! : (out as { output: { code: string }[] })).output[0]!.code;
      fileName = `tthc-feedback-engine.${createHash('sha256').update(code).digest('hex').slice(0, 10)}.js`;
      this.emitFile({ type: 'asset', fileName, source: code });
    },
    resolveId: (id) => (id === ENGINE_MODULE ? '\0' + ENGINE_MODULE : null),
    load: (id) => (id === '\0' + ENGINE_MODULE ? `export default ${JSON.stringify(fileName)};` : null),
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
  plugins: [preact({ devToolsEnabled: false, prefreshEnabled: false }), widgetEngineChunk(command === 'build' && mode !== 'cli')],
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
