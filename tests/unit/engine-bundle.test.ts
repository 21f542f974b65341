/**
 * The audit engine that every browser bundle carries parses nothing of its own: built alone, it
 * holds no zod (zod belongs at trust boundaries: messages, storage, imports, HTTP).
 */
import { describe, expect, it } from 'vitest';
import { buildEngineBundle } from '../../scripts/engine-bundle';

describe('the engine bundle', () => {
  it('contains no zod', async () => {
    const code = await buildEngineBundle();
    expect(code).toContain('auditDocument');
    expect(code).not.toMatch(/\$Zod|_zod|ZodError/);
  });
});
