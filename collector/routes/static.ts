/**
 * Files: the built widget at /widget/tthc-feedback.js, the protocol's JSON Schema at
 * /api/v1/schema.json, and the demo portal pages under /demo/ (index at /), served by
 * @fastify/static, which refuses paths that climb out of the folder.
 */
import { readFile } from 'node:fs/promises';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { submissionJsonSchema } from '../../shared/protocol/submission';
import { HttpError } from '../middleware/errors';

export async function staticRoutes(app: FastifyInstance, options: { demoDir?: string; widgetFile?: string }): Promise<void> {
  const schema = submissionJsonSchema();
  app.get('/api/v1/schema.json', async () => schema);
  if (options.widgetFile) {
    const file = options.widgetFile;
    app.get('/widget/tthc-feedback.js', async (_request, reply) => {
      const body = await readFile(file).catch(() => null);
      if (!body) throw new HttpError(404, 'not_found');
      return reply
        .type('text/javascript; charset=utf-8')
        .header('cache-control', 'no-cache')
        .header('access-control-allow-origin', '*')
        .send(body);
    });
  }
  if (options.demoDir) {
    await app.register(fastifyStatic, { root: options.demoDir, prefix: '/demo/', index: 'index.html', cacheControl: false, etag: true });
    app.get('/', (_request, reply) => reply.sendFile('index.html'));
  }
}
