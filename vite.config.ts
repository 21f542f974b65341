// One Vite config for three jobs:
//  - `vite build`             → widget/dist/tthc-feedback.js, the single-file IIFE a portal embeds;
//  - `vite build --mode cli`  → dist/cli/tthc-audit.mjs, the command-line auditor for Node;
//  - `vitest run`             → the test suite (unit, integration and end-to-end).
import { defineConfig } from 'vitest/config';
import preact from '@preact/preset-vite';

const widgetBuild = {
  outDir: 'widget/dist',
  emptyOutDir: true,
  target: 'es2020',
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

export default defineConfig(({ mode }) => ({
  plugins: [preact({ devToolsEnabled: false, prefreshEnabled: false })],
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
