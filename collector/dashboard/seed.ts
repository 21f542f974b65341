/**
 * Data for the dashboard when there is none yet: the demo dataset `npm start` stores on a first
 * run (a few months of ratings on both scales with answers to the Decree 118 Art. 33 questions,
 * gap reports with the engine's findings, comments) over the demo procedures of collector/demo,
 * every agency marked "(dữ liệu mẫu)" and every row's origin DEMO_ORIGIN, from a seeded PRNG so two
 * runs give the same rows; and the bulk dataset of the benchmark (any number of rows over any
 * number of procedures, generated inside the database by one INSERT … SELECT generate_series per
 * chunk, not through HTTP). Both write with their own SQL, beside the store's insert path.
 */
import { ELEMENT_IDS } from '../../shared/checklist';
import { QUESTION_SETS } from '../../shared/protocol/questions';
import type { Queryable } from '../db/driver';
import { isoOf, vnDay } from './filter';

/** The origin of every demo row: how to tell (and delete) them. */
export const DEMO_ORIGIN = 'demo:dữ-liệu-mẫu';
/** Appended to every demo agency's name. */
export const DEMO_SUFFIX = ' (dữ liệu mẫu)';

/** One submission as the seeders write it (the table's columns; received_at explicit). */
export interface SeedRow {
  id: string;
  receipt: string;
  kind: 'rating' | 'gap-report';
  received_at: string;
  procedure_code: string | null;
  procedure_name: string | null;
  agency: string | null;
  page_url: string;
  lang: 'vi' | 'en';
  origin: string | null;
  respondent: string | null;
  overall: number | null;
  scale_levels: 3 | 5 | null;
  question_set: string | null;
  answers: Record<string, number> | null;
  comment: string | null;
  contact: { name?: string; phone?: string; email?: string } | null;
  details: {
    elements: { id: string; problem: 'missing' | 'wrong' }[];
    findings?: { engineVersion: string; results: { id: string; status: string }[] };
  } | null;
}

const COLUMNS =
  'id, receipt, kind, received_at, procedure_code, procedure_name, agency, page_url, lang, origin, respondent, overall, scale_levels, question_set, answers, comment, contact, details';

/** Writes `rows` in the order given (so seq follows it), 500 per statement. */
export async function insertRows(db: Queryable, rows: readonly Partial<SeedRow>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    const chunk = rows.slice(i, i + 500).map((r, k) => ({ ...r, ord: k }));
    await db.query(
      `INSERT INTO submissions (${COLUMNS})
       SELECT ${COLUMNS} FROM jsonb_to_recordset($1::jsonb) AS x(ord int, id uuid, receipt text, kind text, received_at timestamptz,
         procedure_code text, procedure_name text, agency text, page_url text, lang text, origin text, respondent uuid, overall smallint,
         scale_levels smallint, question_set text, answers jsonb, comment text, contact jsonb, details jsonb)
       ORDER BY ord`,
      [JSON.stringify(chunk)],
    );
  }
}

/**
 * A third of the elements, reported more often in the demo so its gaps table has a shape; taken
 * from the registry's order, as no code but the registry lists element ids.
 */
const OFTEN_REPORTED = ELEMENT_IDS.filter((_, i) => i % 3 === 1);

/** mulberry32: a small seeded PRNG, [0, 1). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A UUID (version 4 shape) from the PRNG. */
function uuidFrom(random: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16));
  hex[12] = '4';
  hex[16] = '89ab'[Math.floor(random() * 4)]!;
  const h = hex.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

const RECEIPT_CHARS = '34679ACDEFGHJKMNPQRTWXY';

/** The demo procedures: those of the pages in collector/demo. */
export const DEMO_PROCEDURES = [
  {
    code: '1.000178',
    name: 'Giải quyết khiếu nại về quyết định hành chính, hành vi hành chính của công dân đối với lực lượng Công an nhân dân (thực hiện tại cấp Trung ương)',
    agency: `Thanh tra Bộ Công an${DEMO_SUFFIX}`,
    pages: ['/demo/quoc-gia-1.000178.html', '/demo/noi-nut-goc-man-hinh.html', '/demo/csp-nghiem-ngat.html'],
    weight: 0.5,
    mood: 0.72,
  },
  {
    code: '1.002809.000.00.00.H38',
    name: 'Cấp giấy phép lái xe quốc tế',
    agency: `Sở Xây dựng${DEMO_SUFFIX}`,
    pages: ['/demo/tinh-bang-thong-tin.html'],
    weight: 0.32,
    mood: 0.55,
  },
  {
    code: null,
    name: 'Cấp lại giấy phép hoạt động đối với cơ sở khám bệnh, chữa bệnh',
    agency: `Sở Y tế${DEMO_SUFFIX}`,
    pages: ['/demo/so-doan-gach-dau-dong.html'],
    weight: 0.18,
    mood: 0.38,
  },
] as const;

const DEMO_COMMENTS = [
  'Cán bộ hướng dẫn tận tình, hồ sơ được trả đúng hẹn.',
  'Trang không ghi rõ lệ phí, tôi phải gọi điện hỏi.',
  'Thời hạn giải quyết trên trang khác với thực tế.',
  'Mẫu đơn tải về không mở được.',
  'Nộp trực tuyến thuận tiện, không phải đi lại.',
  'Chờ đợi lâu ở bộ phận một cửa.',
  'Đề nghị ghi rõ số điện thoại tiếp nhận phản ánh.',
  'The English page is missing the list of documents.',
] as const;

/**
 * The demo dataset, ending on the Vietnam day of `now`: about 900 ratings over 140 days (a fifth on
 * the 3-level scale, most with answers to the nd118-art33 questions, some respondents rating again),
 * about 90 gap reports (half with the engine's findings), comments with and without consented
 * contact details.
 */
export function demoRows(now: Date, base = 'http://127.0.0.1:8787'): SeedRow[] {
  const random = prng(20_251_118);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const days = 140;
  const today = vnDay(now.getTime());
  const questions = QUESTION_SETS['nd118-art33'].questions.map((q) => q.id);
  const rows: SeedRow[] = [];
  const respondents: { id: string; proc: number }[] = [];
  let n = 0;
  const receipt = () => {
    let r = 'D';
    for (let i = 0, x = n++; i < 7; i++, x = Math.floor(x / RECEIPT_CHARS.length)) r += RECEIPT_CHARS[x % RECEIPT_CHARS.length];
    return r;
  };
  const procFor = () => {
    const x = random();
    return x < DEMO_PROCEDURES[0].weight ? 0 : x < DEMO_PROCEDURES[0].weight + DEMO_PROCEDURES[1].weight ? 1 : 2;
  };
  for (let d = days - 1; d >= 0; d--) {
    const day = today - d;
    // Satisfaction rises a little over the period, so the chart has a shape.
    const trend = (days - d) / days / 6;
    const perDay = 4 + Math.floor(random() * 6);
    for (let k = 0; k < perDay + 1; k++) {
      const at = new Date((day * 86_400 + 1_800 + Math.floor(((k + random()) / (perDay + 1)) * 43_000)) * 1000 - 7 * 3_600_000);
      if (at > now) continue;
      const again = respondents.length > 20 && random() < 0.05;
      const who = again ? pick(respondents) : { id: uuidFrom(random), proc: procFor() };
      if (!again) respondents.push(who);
      const p = DEMO_PROCEDURES[who.proc]!;
      const lang: 'vi' | 'en' = random() < 0.1 ? 'en' : 'vi';
      const common = {
        received_at: at.toISOString(),
        procedure_code: p.code,
        procedure_name: p.name,
        agency: p.agency,
        page_url: `${base}${pick(p.pages)}`,
        lang,
        origin: DEMO_ORIGIN,
      };
      if (k === perDay) {
        // One gap report on some days.
        if (random() < 0.65) {
          const elements = [...new Set([pick(OFTEN_REPORTED), pick(ELEMENT_IDS)])].map((id) => ({
            id,
            problem: random() < 0.7 ? ('missing' as const) : ('wrong' as const),
          }));
          const findings =
            random() < 0.5
              ? {
                  engineVersion: 'demo',
                  results: ELEMENT_IDS.map((id) => ({ id, status: random() < 0.12 ? 'fail' : random() < 0.15 ? 'review' : 'pass' })),
                }
              : undefined;
          rows.push({
            ...common,
            id: uuidFrom(random),
            receipt: receipt(),
            kind: 'gap-report',
            respondent: null,
            overall: null,
            scale_levels: null,
            question_set: null,
            answers: null,
            comment: random() < 0.4 ? pick(DEMO_COMMENTS) : null,
            contact: null,
            details: findings ? { elements, findings } : { elements },
          });
        }
        continue;
      }
      const three = random() < 0.2;
      const mood = Math.min(0.95, p.mood + trend);
      const level = (): number => {
        const x = random();
        if (three) return x < mood ? 3 : x < mood + (1 - mood) / 2 ? 2 : 1;
        return x < mood ? (random() < 0.45 ? 5 : 4) : x < mood + (1 - mood) / 2 ? 3 : random() < 0.5 ? 2 : 1;
      };
      const answers = random() < 0.75 ? Object.fromEntries(questions.filter(() => random() < 0.85).map((q) => [q, level()])) : null;
      const commented = random() < 0.08;
      const consent = commented && random() < 0.4;
      const c = Math.floor(random() * 1000);
      rows.push({
        ...common,
        id: uuidFrom(random),
        receipt: receipt(),
        kind: 'rating',
        respondent: who.id,
        overall: level(),
        scale_levels: three ? 3 : 5,
        question_set: answers ? 'nd118-art33' : null,
        answers: answers && Object.keys(answers).length ? answers : null,
        comment: commented ? pick(DEMO_COMMENTS) : null,
        contact: consent
          ? { name: `Người dân mẫu ${c}`, phone: `0900${String(c).padStart(6, '0')}`, email: `nguoidan${c}@example.com` }
          : null,
        details: null,
      });
    }
  }
  return rows;
}

/**
 * Whether a start is the demo (`npm start` as a newcomer runs it): not NODE_ENV=production, and
 * neither DATA_DIR nor DATABASE_URL given. Only a demo start stores demo data.
 */
export function isDemoStart(env: Record<string, string | undefined>): boolean {
  return env.NODE_ENV !== 'production' && !env.DATA_DIR?.trim() && !env.DATABASE_URL?.trim();
}

/**
 * Stores the demo dataset when the table is empty; the rows stored (0 when there was data).
 * `npm start` calls it on a demo start (isDemoStart).
 */
export async function seedDemo(db: Queryable, now: Date = new Date(), base?: string): Promise<number> {
  const existing = await db.query<{ any: boolean }>('SELECT EXISTS (SELECT 1 FROM submissions) AS any');
  if (existing[0]?.any) return 0;
  const rows = demoRows(now, base);
  await insertRows(db, rows);
  return rows.length;
}

/** The first day of the demo data, for messages. */
export const demoFirstDay = (now: Date) => isoOf(vnDay(now.getTime()) - 139);

export interface BulkOptions {
  rows: number;
  procedures: number;
  /** Days back from `now` the rows spread over (default 365). */
  days?: number;
  now?: Date;
  /** Rows per statement (default 100,000). */
  chunk?: number;
  onProgress?: (done: number) => void;
}

/**
 * The benchmark's dataset, generated inside the database: `rows` submissions over `procedures`
 * procedures at procedures/25 agencies, spread evenly over `days` days up to `now` in seq order;
 * 92 % ratings (one in ten on the 3-level scale, 60 % with answers to the nine nd118-art33
 * questions, about 5 % replacing the same respondent's earlier rating), 8 % gap reports (half with
 * findings), 5 % with a comment. Deterministic (hashes of the row number, no random()).
 */
export async function seedBulk(db: Queryable, options: BulkOptions): Promise<void> {
  const days = options.days ?? 365;
  const now = (options.now ?? new Date()).getTime();
  const start = now - days * 86_400_000;
  const step = (days * 86_400_000) / options.rows;
  const chunk = options.chunk ?? 100_000;
  const first = (await db.query<{ n: number }>('SELECT coalesce(max(seq), 0)::float8 AS n FROM submissions'))[0]!.n;
  const P = options.procedures;
  const agencies = Math.max(1, Math.round(P / 25));
  // h(k): a deterministic pseudo-random integer in [0, 1000) for the row and salt k.
  const h = (k: number) => `(abs(hashint8(g::bigint * 7919 + ${k})::bigint) % 1000)`;
  const elements = ELEMENT_IDS.map((e) => `'${e}'`).join(',');
  const questions = QUESTION_SETS['nd118-art33'].questions.map((q) => q.id);
  // Mostly satisfied, as real surveys are: 35 % level 5, 30 % 4, 15 % 3, 10 % 2, 10 % 1.
  const level5 = (k: number) =>
    `CASE WHEN ${h(k)} < 350 THEN 5 WHEN ${h(k)} < 650 THEN 4 WHEN ${h(k)} < 800 THEN 3 WHEN ${h(k)} < 900 THEN 2 ELSE 1 END`;
  for (let lo = 0; lo < options.rows; lo += chunk) {
    const hi = Math.min(options.rows, lo + chunk);
    // Respondent r rates procedure r % P; 5 % of rows reuse the respondent of an earlier row.
    await db.query(`
      INSERT INTO submissions (id, receipt, kind, received_at, procedure_code, procedure_name, agency, page_url, lang, origin, respondent,
                               overall, scale_levels, question_set, answers, comment, details)
      SELECT md5('bulk' || (${first} + g))::uuid, 'B' || lpad(to_hex((${first} + g)::bigint), 9, '0'),
             CASE WHEN kind_n < 80 THEN 'gap-report' ELSE 'rating' END,
             to_timestamp((${start} + g::float8 * ${step}) / 1000.0),
             '9.' || lpad((r % ${P})::text, 6, '0') || '.000.00.00.H99',
             'Thủ tục mẫu số ' || (r % ${P}) || ' về cấp giấy phép hoạt động',
             'Sở mẫu ' || ((r % ${P}) % ${agencies}) || '${DEMO_SUFFIX}',
             'https://dichvucong.example.gov.vn/tthc/' || (r % ${P}),
             CASE WHEN ${h(3)} < 150 THEN 'en' ELSE 'vi' END, 'bulk:seed',
             CASE WHEN kind_n >= 80 THEN md5('resp' || r)::uuid END,
             CASE WHEN kind_n >= 80 THEN CASE WHEN three THEN 1 + ${h(4)} % 3 ELSE ${level5(4)} END END,
             CASE WHEN kind_n >= 80 THEN CASE WHEN three THEN 3 ELSE 5 END END,
             CASE WHEN kind_n >= 80 AND ${h(6)} < 600 THEN 'nd118-art33' END,
             CASE WHEN kind_n >= 80 AND ${h(6)} < 600 THEN jsonb_build_object(${questions
               .map((q, i) => `'${q}', CASE WHEN three THEN 1 + ${h(10 + i)} % 3 ELSE ${level5(10 + i)} END`)
               .join(', ')}) END,
             CASE WHEN ${h(7)} < 50 THEN 'Ý kiến mẫu số ' || g || ': thủ tục cần ghi rõ lệ phí và thời hạn.' END,
             CASE WHEN kind_n < 80 THEN jsonb_build_object(
               'elements', jsonb_build_array(jsonb_build_object('id', (ARRAY[${elements}])[1 + ${h(8)} % ${ELEMENT_IDS.length}],
                                                               'problem', CASE WHEN ${h(9)} < 700 THEN 'missing' ELSE 'wrong' END)),
               'findings', CASE WHEN ${h(2)} < 500 THEN jsonb_build_object('engineVersion', 'bulk', 'results', jsonb_build_array(
                 jsonb_build_object('id', (ARRAY[${elements}])[1 + ${h(20)} % ${ELEMENT_IDS.length}], 'status', 'fail'),
                 jsonb_build_object('id', (ARRAY[${elements}])[1 + ${h(21)} % ${ELEMENT_IDS.length}], 'status', 'review'))) END) END
      FROM (SELECT g, ${h(1)} AS kind_n, ${h(0)} < 100 AS three,
                   CASE WHEN ${h(11)} < 50 AND g > 1000 THEN (${first} + g - 1 - ${h(12)}) ELSE ${first} + g END AS r
            FROM generate_series(${lo + 1}, ${hi}) AS g) AS x
      ORDER BY g`);
    options.onProgress?.(hi);
  }
}
