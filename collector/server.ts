/**
 * The collector's HTTP service: receives what widgets send (validated with the shared protocol
 * schema), answers the dashboard, and serves the demo portal pages and the built widget file.
 * Plain node:http; every bad request gets a JSON error that says what is wrong, and nothing a
 * citizen sent is lost on a malformed neighbour request.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { RatingSubmission, describeIssues } from '../shared/protocol/feedback';
import { collectorCatalogs } from '../shared/i18n/collector';
import { widgetCatalogs } from '../shared/i18n/widget';
import { translator } from '../shared/i18n/format';
import type { FeedbackStore } from './store';

export const MAX_BODY_BYTES = 16 * 1024;

export interface CollectorOptions {
  store: FeedbackStore;
  /** Folder of demo pages served under /demo/ (omit to serve none). */
  demoDir?: string;
  /** The built widget file served at /widget/tthc-feedback.js (omit to serve none). */
  widgetFile?: string;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
};

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
  ) {
    super(code);
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...corsHeaders() });
  res.end(JSON.stringify(body));
}

/** Widgets run on other agencies' origins: the feedback API accepts any origin, without credentials. */
function corsHeaders(): Record<string, string> {
  return {
    'access-control-allow-origin': '*',
    'access-control-allow-methods': 'POST, GET, OPTIONS',
    'access-control-allow-headers': 'content-type',
    'access-control-max-age': '86400',
  };
}

async function readBody(req: IncomingMessage): Promise<string> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > MAX_BODY_BYTES) throw new HttpError(413, 'payload_too_large');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, 'payload_too_large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

async function receiveFeedback(req: IncomingMessage, res: ServerResponse, store: FeedbackStore): Promise<void> {
  const type = req.headers['content-type'] ?? '';
  if (!/^application\/json\b/i.test(type) && !/^text\/plain\b/i.test(type)) throw new HttpError(415, 'unsupported_media_type');
  const text = await readBody(req);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new HttpError(400, 'invalid_json');
  }
  const parsed = RatingSubmission.safeParse(json);
  if (!parsed.success) {
    sendJson(res, 422, { error: 'invalid_submission', issues: describeIssues(parsed.error) });
    return;
  }
  const origin = typeof req.headers.origin === 'string' ? req.headers.origin : null;
  const id = await store.addRating(parsed.data, origin);
  sendJson(res, 201, { id });
}

async function serveFile(res: ServerResponse, file: string): Promise<void> {
  const body = await readFile(file).catch(() => null);
  if (!body) throw new HttpError(404, 'not_found');
  res.writeHead(200, {
    'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
    'cache-control': 'no-cache',
    ...(file.endsWith('.js') ? corsHeaders() : {}),
  });
  res.end(body);
}

/** Resolves `relative` inside `root`, refusing anything that climbs out of it. */
function inside(root: string, relative: string): string {
  const target = normalize(join(root, decodeURIComponent(relative)));
  if (target !== root && !target.startsWith(root.endsWith(sep) ? root : root + sep)) throw new HttpError(404, 'not_found');
  return target;
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

async function dashboard(store: FeedbackStore): Promise<string> {
  const s = await store.summary();
  const say = translator(collectorCatalogs, 'vi');
  const scale = translator(widgetCatalogs, 'vi');
  const t = (id: Parameters<typeof say>[0]) => escapeHtml(say(id));
  const rows = s.byLevel
    .map(
      (n, i) =>
        `<tr><th scope="row">${escapeHtml(scale(`widget.rating.${(i + 1) as 1 | 2 | 3 | 4 | 5}`))}</th><td data-level="${i + 1}">${n}</td></tr>`,
    )
    .join('');
  const share = s.satisfiedShare === null ? '–' : `${(s.satisfiedShare * 100).toFixed(1)}%`;
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>${t('collector.dashboard.title')}</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head><body>
<main><h1>${t('collector.dashboard.title')}</h1>
${s.total === 0 ? `<p>${t('collector.dashboard.empty')}</p>` : ''}
<p>${t('collector.dashboard.total')}: <strong data-total>${s.total}</strong></p>
<p>${t('collector.dashboard.satisfied')}: <strong data-satisfied>${share}</strong></p>
<table><tbody>${rows}</tbody></table></main></body></html>`;
}

export function createCollectorServer(options: CollectorOptions): Server {
  const { store } = options;
  return createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://collector.invalid');
    const route = `${req.method} ${url.pathname}`;
    const handle = async (): Promise<void> => {
      if (url.pathname === '/api/v1/feedback') {
        if (req.method === 'OPTIONS') {
          res.writeHead(204, corsHeaders());
          res.end();
          return;
        }
        if (req.method !== 'POST') throw new HttpError(405, 'method_not_allowed');
        return receiveFeedback(req, res, store);
      }
      if (route === 'GET /api/v1/summary') return sendJson(res, 200, await store.summary());
      if (route === 'GET /dashboard') {
        res.writeHead(200, { 'content-type': CONTENT_TYPES['.html']! });
        res.end(await dashboard(store));
        return;
      }
      if (route === 'GET /widget/tthc-feedback.js' && options.widgetFile) return serveFile(res, options.widgetFile);
      if (req.method === 'GET' && options.demoDir && (url.pathname === '/' || url.pathname.startsWith('/demo/'))) {
        const relative = url.pathname === '/' ? 'index.html' : url.pathname.slice('/demo/'.length) || 'index.html';
        return serveFile(res, inside(options.demoDir, relative));
      }
      throw new HttpError(404, 'not_found');
    };
    handle().catch((error: unknown) => {
      if (res.headersSent) return res.end();
      if (error instanceof HttpError) return sendJson(res, error.status, { error: error.code });
      console.error('[collector] internal error on', route, error);
      sendJson(res, 500, { error: 'internal_error' });
    });
  });
}
