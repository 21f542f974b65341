/**
 * What the dashboard reads row by row from the table itself: comments (searchable, with contact
 * details only where the citizen consented, since nothing else is stored), marking a comment
 * handled, the raw export, and the agencies for the filter. Procedure and agency filters are
 * resolved to procedure keys through the fact index, so the procedure search means the same here
 * as in the figures.
 */
import { searchKey } from '../../shared/text/normalize';
import type { Queryable } from '../db/driver';
import { latestCommentSeqs, selectProcs } from './aggregate';
import { factsOf } from './facts';
import { vnDayStart } from './filter';
import type { CommentPage, CommentQuery, CommentRow, ContactDetails, DashboardFilter, ExportRow } from './types';

type DashDb = Queryable & { kind: string };

// Vietnamese letters with diacritics (both cases) and combining marks, mapped to plain lower-case
// letters: the SQL side of searchKey (PGlite has no unaccent, and lower() may be ASCII-only).
const VI_LOWER = 'àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ';
const FOLD_FROM = `${VI_LOWER}${VI_LOWER.toUpperCase()}ABCDEFGHIJKLMNOPQRSTUVWXYZ\u0300\u0301\u0303\u0309\u0323\u0302\u0306\u031b`;
const FOLD_TO = [...VI_LOWER, ...VI_LOWER].map((c) => (c === 'đ' ? 'd' : c.normalize('NFD')[0]!)).join('') + 'abcdefghijklmnopqrstuvwxyz';
const fold = (expr: string) => `translate(${expr}, '${FOLD_FROM}', '${FOLD_TO}')`;

/**
 * Rows of the procedure entries whose keys and agencies are parameters $k and $a (two text arrays):
 * the key test alone lets an index on coalesce(procedure_code, page_url) serve it.
 */
const byEntries = (k: number, a: number) =>
  `coalesce(procedure_code, page_url) = ANY($${k}::text[]) AND (coalesce(procedure_code, page_url), coalesce(agency, '')) IN (SELECT * FROM unnest($${k}::text[], $${a}::text[]))`;

/** SQL conditions and parameters for a filter (period, language, agency/procedure as keys). */
async function where(db: DashDb, filter: Partial<DashboardFilter>, params: unknown[]): Promise<string[]> {
  const cond: string[] = [];
  if (filter.from) {
    params.push(vnDayStart(filter.from));
    cond.push(`received_at >= $${params.length}::timestamptz`);
  }
  if (filter.to) {
    params.push(vnDayStart(filter.to));
    cond.push(`received_at < $${params.length}::timestamptz`);
  }
  if (filter.lang) {
    params.push(filter.lang);
    cond.push(`lang = $${params.length}`);
  }
  if (filter.agency || filter.procedure) {
    const facts = await factsOf(db);
    const mask = selectProcs(facts, filter);
    const keys: string[] = [];
    const agencies: string[] = [];
    for (const p of facts.procs)
      if (mask[p.id]) {
        keys.push(p.key);
        agencies.push(p.agency ?? '');
      }
    params.push(keys, agencies);
    cond.push(byEntries(params.length - 1, params.length));
  }
  return cond;
}

interface CommentDbRow {
  id: string;
  receipt: string;
  kind: 'rating' | 'gap-report';
  received_at: Date | string;
  procedure_code: string | null;
  procedure_name: string | null;
  agency: string | null;
  page_url: string;
  overall: number | null;
  scale_levels: 3 | 5 | null;
  comment: string;
  contact: ContactDetails | null;
  handled_at: Date | string | null;
  handled_by: string | null;
}

const iso = (v: Date | string) => new Date(v).toISOString();

const COMMENT_COLUMNS = `id::text AS id, receipt, kind, received_at, procedure_code, procedure_name, agency, page_url, overall, scale_levels,
  comment, contact, handled_at, handled_by`;

function commentRow(r: CommentDbRow): CommentRow {
  return {
    id: r.id,
    receipt: r.receipt,
    kind: r.kind,
    receivedAt: iso(r.received_at),
    code: r.procedure_code,
    name: r.procedure_name,
    agency: r.agency,
    pageUrl: r.page_url,
    overall: r.overall,
    scale: r.scale_levels,
    comment: r.comment,
    contact: r.contact,
    handledAt: r.handled_at === null ? null : iso(r.handled_at),
    handledBy: r.handled_by,
  };
}

/** Comments in the filter, newest first; `search` matches comment, code, name or receipt. */
export async function listComments(db: DashDb, query: CommentQuery): Promise<CommentPage> {
  const params: unknown[] = [];
  const cond = ['comment IS NOT NULL', ...(await where(db, query, params))];
  const words = query.search ? searchKey(query.search).split(' ').filter(Boolean).slice(0, 8) : [];
  for (const word of words) {
    params.push(`%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    cond.push(
      `${fold(`coalesce(comment, '') || ' ' || coalesce(procedure_code, '') || ' ' || coalesce(procedure_name, '') || ' ' || receipt`)} LIKE $${params.length}`,
    );
  }
  if (query.handled === true) cond.push('handled_at IS NOT NULL');
  if (query.handled === false) cond.push('handled_at IS NULL');
  const w = cond.join(' AND ');
  const total = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM submissions WHERE ${w}`, params);
  const limit = Math.max(0, Math.min(500, Math.floor(query.limit)));
  const offset = Math.max(0, Math.floor(query.offset));
  const rows = await db.query<CommentDbRow>(
    `SELECT ${COMMENT_COLUMNS} FROM submissions WHERE ${w} ORDER BY received_at DESC, seq DESC LIMIT ${limit} OFFSET ${offset}`,
    params,
  );
  return { total: total[0]?.n ?? 0, rows: rows.map(commentRow) };
}

/** The latest comments on the given procedure entries in the filter's period and language. */
export async function latestComments(
  db: DashDb,
  entries: readonly { key: string; agency: string | null }[],
  filter: DashboardFilter,
  limit: number,
): Promise<CommentRow[]> {
  const params: unknown[] = [];
  const cond = ['comment IS NOT NULL', ...(await where(db, { from: filter.from, to: filter.to, lang: filter.lang }, params))];
  params.push(
    entries.map((e) => e.key),
    entries.map((e) => e.agency ?? ''),
  );
  cond.push(byEntries(params.length - 1, params.length));
  const rows = await db.query<CommentDbRow>(
    `SELECT ${COMMENT_COLUMNS} FROM submissions WHERE ${cond.join(' AND ')} ORDER BY received_at DESC, seq DESC LIMIT ${Math.floor(limit)}`,
    params,
  );
  return rows.map(commentRow);
}

/**
 * The newest `per` comments on each procedure entry given (the rows of the gaps table) in the
 * filter's period and language, newest first: the fact index says which rows they are, and only
 * those are read (by seq), so the answer does not depend on how many comments the period holds.
 * A comment deleted by retention since is left out.
 */
export async function latestCommentsPerEntry(
  db: DashDb,
  entries: readonly { key: string; agency: string | null }[],
  filter: DashboardFilter,
  per: number,
): Promise<CommentRow[]> {
  const facts = await factsOf(db);
  const ids = entries.map((e) => facts.procId(e.key, e.agency)).filter((id): id is number => id !== undefined);
  const seqs = latestCommentSeqs(facts, filter, ids, per);
  if (!seqs.length) return [];
  const rows = await db.query<CommentDbRow>(
    `SELECT ${COMMENT_COLUMNS} FROM submissions WHERE seq = ANY($1::bigint[]) AND comment IS NOT NULL ORDER BY received_at DESC, seq DESC`,
    [seqs],
  );
  return rows.map(commentRow);
}

/**
 * Marks the comment of submission `id` handled by `by` (or not handled); false when there is no
 * such submission with a comment.
 */
export async function markHandled(db: DashDb, id: string, handled: boolean, by: string): Promise<boolean> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return false;
  const rows = await db.query<{ id: string }>(
    `UPDATE submissions SET handled_at = CASE WHEN $2::boolean THEN now() END, handled_by = CASE WHEN $2::boolean THEN $3 END
     WHERE id = $1::uuid AND comment IS NOT NULL RETURNING id::text AS id`,
    [id.toLowerCase(), handled, handled ? by.slice(0, 200) : null],
  );
  return rows.length > 0;
}

interface ExportDbRow {
  seq: number;
  id: string;
  receipt: string;
  kind: 'rating' | 'gap-report';
  received_at: Date | string;
  procedure_code: string | null;
  procedure_name: string | null;
  agency: string | null;
  page_url: string;
  lang: string;
  overall: number | null;
  scale_levels: number | null;
  current: boolean | null;
  question_set: string | null;
  answers: Record<string, number> | null;
  details: { elements?: { id: string; problem: string }[] } | null;
  comment: string | null;
  contact: ContactDetails | null;
}

/** Every submission in the filter, oldest first, read in pages (for CSV and JSON exports). */
export async function* exportSubmissions(db: DashDb, filter: DashboardFilter): AsyncIterable<ExportRow> {
  const params: unknown[] = [];
  const cond = await where(db, filter, params);
  params.push(0);
  const cursor = params.length;
  cond.push(`s.seq > $${cursor}`);
  const sql = `SELECT s.seq::float8 AS seq, s.id::text AS id, s.receipt, s.kind, s.received_at, s.procedure_code, s.procedure_name, s.agency,
      s.page_url, s.lang, s.overall, s.scale_levels, s.question_set, s.answers, s.details, s.comment, s.contact,
      CASE WHEN s.kind = 'rating' THEN NOT EXISTS (
        SELECT 1 FROM submissions l WHERE l.kind = 'rating' AND l.respondent = s.respondent
          AND coalesce(l.procedure_code, l.page_url) = coalesce(s.procedure_code, s.page_url) AND l.seq > s.seq) END AS current
    FROM submissions s WHERE ${cond.join(' AND ')} ORDER BY s.seq LIMIT 2000`;
  for (;;) {
    const rows = await db.query<ExportDbRow>(sql, params);
    for (const r of rows)
      yield {
        id: r.id,
        receipt: r.receipt,
        kind: r.kind,
        receivedAt: iso(r.received_at),
        code: r.procedure_code,
        name: r.procedure_name,
        agency: r.agency,
        pageUrl: r.page_url,
        lang: r.lang,
        overall: r.overall,
        scale: r.scale_levels,
        current: r.current,
        questionSet: r.question_set,
        answers: r.answers,
        elements: r.details?.elements?.map((e) => `${e.id}:${e.problem}`).join(' ') ?? null,
        comment: r.comment,
        contact: r.contact,
      };
    if (rows.length < 2000) return;
    params[cursor - 1] = rows[rows.length - 1]!.seq;
  }
}

/** The agencies ever named in a submission, sorted, for the filter's list. */
export async function agencies(db: DashDb): Promise<string[]> {
  const facts = await factsOf(db);
  return [...new Set(facts.procs.map((p) => p.agency).filter((a): a is string => a !== null))].sort((a, b) => a.localeCompare(b, 'vi'));
}
