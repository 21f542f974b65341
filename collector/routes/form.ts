/**
 * The widget's no-JavaScript fallback (the `<noscript>` link of the embedding snippet): a plain HTML
 * form at GET /form?procedure=CODE&lang=vi|en that posts form-encoded to POST /form, which builds a
 * protocol v2 rating, validates it with the same schema, stores it through the same exactly-once
 * insert and answers with an HTML receipt. The form carries its submission id (made when the form
 * is served), so sending it twice stores it once. No script, no cookies; every value escaped.
 * The page the citizen came from is taken from the Referer, without query and fragment.
 * Its form-encoded body parser reads bodies sent to /form only (the submissions API keeps
 * answering 415 to form bodies).
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { collectorCatalogs } from '../../shared/i18n/collector';
import { widgetCatalogs } from '../../shared/i18n/widget';
import { translator, type Locale } from '../../shared/i18n/format';
import {
  COMMENT_MAX,
  FEEDBACK_PROTOCOL_VERSION,
  MAX_BODY_BYTES,
  PROCEDURE_CODE_MAX,
  SATISFACTION_LEVELS,
} from '../../shared/protocol/constants';
import { Submission } from '../../shared/protocol/submission';
import type { CollectorConfig } from '../config';
import type { SubmissionStore } from '../db/store';
import type { SubmissionLimits } from '../middleware/rate-limit';
import { originAllowed } from '../middleware/cors';
import { HttpError } from '../middleware/errors';
import { escapeHtml } from '../../shared/text/escape';

const utf8 = new TextDecoder('utf-8', { fatal: true });

const locale = (v: unknown): Locale => (v === 'en' ? 'en' : 'vi');
const text = (v: unknown, max: number) => (typeof v === 'string' ? v.trim().slice(0, max) : '');

/** The page a citizen came from: http(s), no query or fragment; else the form's own address. */
function pageFrom(request: FastifyRequest, fallback: string): string {
  const referer = request.headers.referer;
  try {
    const url = new URL(String(referer ?? ''));
    if (url.protocol === 'http:' || url.protocol === 'https:') return `${url.origin}${url.pathname}`;
  } catch {
    /* no usable referer */
  }
  return fallback;
}

function page(lang: Locale, title: string, body: string): string {
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title></head><body><main>${body}</main></body></html>`;
}

export function formRoutes(
  app: FastifyInstance,
  deps: { config: CollectorConfig; store: SubmissionStore; limits: SubmissionLimits },
): void {
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'buffer', bodyLimit: MAX_BODY_BYTES }, (request, body, done) => {
    if (request.url.split('?')[0] !== '/form') return done(new HttpError(415, 'unsupported_media_type'), undefined);
    try {
      done(null, Object.fromEntries(new URLSearchParams(utf8.decode(body as Buffer))));
    } catch {
      done(new HttpError(400, 'invalid_encoding'), undefined);
    }
  });
  app.get<{ Querystring: { procedure?: string; lang?: string; page?: string } }>('/form', async (request, reply) => {
    const lang = locale(request.query.lang);
    const say = translator(collectorCatalogs, lang);
    const scale = translator(widgetCatalogs, lang);
    const procedure = text(request.query.procedure, PROCEDURE_CODE_MAX);
    const base = `${request.protocol}://${request.host}/form`;
    const levels = SATISFACTION_LEVELS.map(
      (l) => `<p><label><input type="radio" name="overall" value="${l}" required> ${escapeHtml(scale(`widget.rating.${l}`))}</label></p>`,
    ).join('\n');
    const body = `<h1>${escapeHtml(say('collector.form.title'))}</h1>
${procedure ? `<p>${escapeHtml(say('collector.form.procedure', { code: procedure }))}</p>` : ''}
<form method="post" action="/form">
<input type="hidden" name="id" value="${randomUUID()}">
<input type="hidden" name="respondent" value="${randomUUID()}">
<input type="hidden" name="procedure" value="${escapeHtml(procedure)}">
<input type="hidden" name="lang" value="${lang}">
<input type="hidden" name="page" value="${escapeHtml(pageFrom(request, base))}">
<fieldset><legend>${escapeHtml(scale('widget.title'))}</legend>
${levels}
</fieldset>
<p><label for="comment">${escapeHtml(scale('widget.comment.label'))}</label><br>
<textarea id="comment" name="comment" rows="4" cols="50" maxlength="${COMMENT_MAX}" aria-describedby="hint"></textarea></p>
<p id="hint">${escapeHtml(scale('widget.comment.hint'))}</p>
<p><button type="submit">${escapeHtml(scale('widget.submit.rating'))}</button></p>
</form>`;
    // Not no-store: going back to the form shows the same form (same id), so a resend stores nothing new.
    return reply
      .type('text/html; charset=utf-8')
      .header('cache-control', 'private, no-cache')
      .send(page(lang, say('collector.form.title'), body));
  });

  app.post('/form', { onRequest: deps.limits.hooks }, async (request: FastifyRequest, reply: FastifyReply) => {
    const fields = (request.body ?? {}) as Record<string, unknown>;
    const lang = locale(fields.lang);
    const say = translator(collectorCatalogs, lang);
    const answer = (status: number, message: string) =>
      reply
        .code(status)
        .type('text/html; charset=utf-8')
        .header('cache-control', 'no-store')
        .send(page(lang, say('collector.form.title'), `<h1>${escapeHtml(say('collector.form.title'))}</h1>${message}`));
    if (!originAllowed(deps.config, request)) return answer(403, `<p>${escapeHtml(say('collector.form.invalid'))}</p>`);
    const procedure = text(fields.procedure, PROCEDURE_CODE_MAX);
    const comment = text(fields.comment, COMMENT_MAX);
    const candidate = {
      v: FEEDBACK_PROTOCOL_VERSION,
      id: text(fields.id, 36),
      kind: 'rating',
      overall: Number(fields.overall),
      respondent: text(fields.respondent, 36),
      pageUrl: text(fields.page, 2048),
      lang,
      ...(procedure ? { procedureCode: procedure } : {}),
      ...(comment ? { comment } : {}),
    };
    const parsed = Submission.safeParse(candidate);
    if (!parsed.success) {
      const back = `/form?lang=${lang}${procedure ? `&procedure=${encodeURIComponent(procedure)}` : ''}`;
      return answer(
        422,
        `<p>${escapeHtml(say('collector.form.invalid'))}</p><p><a href="${escapeHtml(back)}">${escapeHtml(say('collector.form.back'))}</a></p>`,
      );
    }
    const outcome = await deps.store.insert(
      parsed.data,
      typeof request.headers.origin === 'string' ? request.headers.origin.slice(0, 200) : null,
    );
    return answer(
      outcome.created ? 201 : 200,
      `<p role="status">${escapeHtml(say('collector.form.thanks'))}</p><p>${escapeHtml(say('collector.form.receipt'))} <strong data-receipt>${escapeHtml(outcome.receipt)}</strong></p>`,
    );
  });
}
