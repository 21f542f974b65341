/**
 * The audit engine alone as one minified browser script (IIFE, global `TthcAudit` with
 * `auditDocument` and `auditWhenIdle`), built in memory with Vite from scripts/engine-entry.ts.
 * One builder for the benchmark, the size report and the tests that run the engine in Chromium.
 */
import { join } from 'node:path';
import { build } from 'vite';

export async function buildEngineBundle(): Promise<string> {
  const entry = join(import.meta.dirname, 'engine-entry.ts');
  const out = await build({
    configFile: false,
    logLevel: 'silent',
    build: { write: false, minify: true, lib: { entry, formats: ['iife'], name: 'TthcAudit', fileName: () => 'engine.js' } },
  });
  const output = (Array.isArray(out) ? out[0]! : out) as { output: { code?: string }[] };
  return output.output[0]!.code!;
}
