/**
 * The audit engine that every browser bundle carries parses nothing of its own: built alone, it
 * holds no zod (zod belongs at trust boundaries: messages, storage, imports, HTTP).
 */
import { describe, expect, it } from 'vitest';
import { build } from 'vite';
import { join } from 'node:path';

describe('the engine bundle', () => {
  it('contains no zod', async () => {
    const out = await build({
      configFile: false,
      logLevel: 'silent',
      build: {
        write: false,
        minify: true,
        lib: {
          entry: join(import.meta.dirname, '..', '..', 'scripts', 'engine-entry.ts'),
          formats: ['iife'],
          name: 'TthcAudit',
          fileName: () => 'engine.js',
        },
      },
    });
    const code = (Array.isArray(out) ? out[0]! : (out as { output: { code: string }[] })).output[0]!.code;
    expect(code).toContain('auditDocument');
    expect(code).not.toMatch(/\$Zod|_zod|ZodError/);
  });
});
