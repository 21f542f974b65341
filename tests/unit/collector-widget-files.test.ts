/**
 * The collector serves the widget files as a CDN would: brotli or gzip as accepted, a strong ETag
 * and 304 on If-None-Match, no-cache for the first file and a year (immutable) for hashed chunks,
 * and nothing else from the folder.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { createCollector } from '../../collector/app';
import { testConfig } from '../../collector/config';
import { openStore, type SubmissionStore } from '../../collector/db/store';

const dir = mkdtempSync(join(tmpdir(), 'tthc-widget-files-'));
const FIRST = 'console.log("first");'.repeat(50);
const CHUNK = 'export const x = 1;'.repeat(50);
let app: FastifyInstance;
let store: SubmissionStore;

beforeAll(async () => {
  writeFileSync(join(dir, 'tthc-feedback.js'), FIRST);
  writeFileSync(join(dir, 'tthc-feedback-engine.0123abcd45.js'), CHUNK);
  writeFileSync(join(dir, 'secret.js'), 'no');
  store = await openStore();
  app = await createCollector({ config: testConfig({ rateLimitPerMinute: 0 }), store, widgetFile: join(dir, 'tthc-feedback.js') });
});

afterAll(async () => {
  await app?.close();
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('collector: widget files', () => {
  it('sends brotli, gzip or identity as accepted, with an ETag, revalidated every load', async () => {
    const br = await app.inject({ url: '/widget/tthc-feedback.js', headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(FIRST);
    expect(br.headers['cache-control']).toBe('no-cache');
    expect(br.headers.vary).toBe('accept-encoding');
    const gz = await app.inject({ url: '/widget/tthc-feedback.js', headers: { 'accept-encoding': 'gzip' } });
    expect(gunzipSync(gz.rawPayload).toString()).toBe(FIRST);
    const plain = await app.inject({ url: '/widget/tthc-feedback.js' });
    expect(plain.body).toBe(FIRST);
    expect(plain.headers.etag).toMatch(/^"[\w-]{22}"$/);
    expect(gz.headers.etag).toBe(plain.headers.etag);
    const again = await app.inject({ url: '/widget/tthc-feedback.js', headers: { 'if-none-match': String(plain.headers.etag) } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
  });

  it('caches content-hashed chunks for a year and serves nothing else from the folder', async () => {
    const chunk = await app.inject({ url: '/widget/tthc-feedback-engine.0123abcd45.js' });
    expect(chunk.statusCode).toBe(200);
    expect(chunk.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(chunk.headers['content-type']).toMatch(/^text\/javascript/);
    expect(chunk.headers['access-control-allow-origin']).toBe('*');
    expect((await app.inject({ url: '/widget/secret.js' })).statusCode).toBe(404);
    expect((await app.inject({ url: '/widget/tthc-feedback-engine.ffffffffff.js' })).statusCode).toBe(404);
    expect((await app.inject({ url: '/widget/..%2Fsecret.js' })).statusCode).toBe(404);
  });
});
