/**
 * Files: the built widget files under /widget/ (the first file tthc-feedback.js and its
 * content-hashed chunks, nothing else from the folder), the protocol's JSON Schema at
 * /api/v1/schema.json, and the demo portal pages under /demo/ (index at /), served by
 * @fastify/static, which refuses paths that climb out of the folder. Widget files are sent the way
 * a CDN would: brotli or gzip as the client accepts, a strong ETag (304 on If-None-Match), the
 * first file revalidated on every load (no-cache) and hashed chunks cached for a year (immutable);
 * compressed bodies are kept in memory per file version. A demo page named *csp* is sent with the
 * strict Content-Security-Policy header the widget must run under; the single-page-app demo's
 * addresses /demo/ung-dung-mot-trang/<code> all serve its one document.
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { submissionJsonSchema } from '../../shared/protocol/submission';
import { HttpError } from '../middleware/errors';

export async function staticRoutes(app: FastifyInstance, options: { demoDir?: string; widgetFile?: string }): Promise<void> {
  const schema = submissionJsonSchema();
  app.get('/api/v1/schema.json', async () => schema);
  if (options.widgetFile) {
    const dir = dirname(options.widgetFile);
    const first = basename(options.widgetFile);
    const cache = new Map<string, { mtime: number; etag: string; raw: Buffer; gzip: Buffer; br: Buffer }>();
    /** The file's bodies, compressed once per version (mtime). */
    const load = async (name: string) => {
      const path = join(dir, name);
      const info = await stat(path).catch(() => null);
      if (!info?.isFile()) return null;
      const hit = cache.get(name);
      if (hit && hit.mtime === info.mtimeMs) return hit;
      const raw = await readFile(path);
      const entry = {
        mtime: info.mtimeMs,
        etag: `"${createHash('sha256').update(raw).digest('base64url').slice(0, 22)}"`,
        raw,
        gzip: gzipSync(raw, { level: 9 }),
        br: brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
      };
      cache.set(name, entry);
      return entry;
    };
    app.get<{ Params: { file: string } }>('/widget/:file', async (request, reply) => {
      const name = request.params.file;
      // The first file, and chunks named <first>-<part>.<hash>.js beside it; nothing else.
      const stem = first.replace(/\.js$/, '');
      const hashed = name.startsWith(`${stem}-`) && /^[\w-]+\.[0-9a-f]{8,}\.js$/.test(name);
      if (name !== first && !hashed) throw new HttpError(404, 'not_found');
      const file = await load(name);
      if (!file) throw new HttpError(404, 'not_found');
      reply
        .type('text/javascript; charset=utf-8')
        .header('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache')
        .header('etag', file.etag)
        .header('vary', 'accept-encoding')
        .header('access-control-allow-origin', '*');
      const match = request.headers['if-none-match'];
      if (match && match.split(/\s*,\s*/).some((t) => t === file.etag || t === `W/${file.etag}`)) return reply.code(304).send();
      const accept = String(request.headers['accept-encoding'] ?? '');
      if (/\bbr\b/.test(accept)) return reply.header('content-encoding', 'br').send(file.br);
      if (/\bgzip\b/.test(accept)) return reply.header('content-encoding', 'gzip').send(file.gzip);
      return reply.send(file.raw);
    });
  }
  if (options.demoDir) {
    await app.register(fastifyStatic, {
      root: options.demoDir,
      prefix: '/demo/',
      index: 'index.html',
      cacheControl: false,
      etag: true,
      setHeaders: (reply, path) => {
        if (/\bcsp\b/.test(basename(path)))
          reply.header('content-security-policy', "default-src 'self'; style-src 'self'; script-src 'self'");
      },
    });
    app.get('/demo/ung-dung-mot-trang/*', (_request, reply) => reply.sendFile('ung-dung-mot-trang.html'));
    app.get('/', (_request, reply) => reply.sendFile('index.html'));
  }
}
