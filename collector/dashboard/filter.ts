/**
 * Periods and filters: the presets the dashboard offers (this quarter, the last 6 months, this
 * year, custom), Vietnam calendar days (UTC+7, no daylight saving, so a fixed offset is exact),
 * week and month buckets, and the parser of a filter given in a query string (the trust boundary
 * of the summary API and the dashboard pages).
 */
import * as z from 'zod';
import type { Bucket, DashboardFilter, PeriodPreset } from './types';

const DAY_MS = 86_400_000;
/** Vietnam is UTC+7 all year. */
export const VN_OFFSET_MS = 7 * 3_600_000;

/** Day number (days since 1970-01-01) of an ISO date. */
export function dayOf(iso: string): number {
  return Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
}

/** ISO date of a day number. */
export function isoOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The Vietnam day number of an instant (milliseconds since the epoch). */
export function vnDay(ms: number): number {
  return Math.floor((ms + VN_OFFSET_MS) / DAY_MS);
}

/** The instant a Vietnam day starts, as an ISO timestamp (for SQL on received_at). */
export function vnDayStart(iso: string): string {
  return new Date(dayOf(iso) * DAY_MS - VN_OFFSET_MS).toISOString();
}

/** First day of the bucket holding `day`: the Monday of its week, or the 1st of its month. */
export function bucketStartOf(day: number, bucket: Bucket): number {
  if (bucket === 'week') return day - ((day + 3) % 7); // 1970-01-01 was a Thursday
  const d = new Date(day * DAY_MS);
  return Math.floor(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1) / DAY_MS);
}

/** First day of the bucket after the one starting at `start`. */
export function nextBucket(start: number, bucket: Bucket): number {
  if (bucket === 'week') return start + 7;
  const d = new Date(start * DAY_MS);
  return Math.floor(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) / DAY_MS);
}

/** The starts of every bucket overlapping [from, to), in order. */
export function bucketStarts(from: number, to: number, bucket: Bucket): number[] {
  const out: number[] = [];
  for (let b = bucketStartOf(from, bucket); b < to; b = nextBucket(b, bucket)) out.push(b);
  return out;
}

/**
 * The period of a preset, in Vietnam days, up to and including today: this quarter (from its first
 * day), the last 6 months (the current month and the 5 before it), this year. `custom` takes
 * `from`/`to` as given (ISO dates, `to` exclusive).
 */
export function periodFilter(preset: PeriodPreset, now: Date = new Date(), from?: string, to?: string): { from: string; to: string } {
  const today = vnDay(now.getTime());
  const t = new Date(today * DAY_MS);
  const y = t.getUTCFullYear();
  const m = t.getUTCMonth();
  const tomorrow = isoOf(today + 1);
  const first = (year: number, month: number) => new Date(Date.UTC(year, month, 1)).toISOString().slice(0, 10);
  switch (preset) {
    case 'quarter':
      return { from: first(y, m - (m % 3)), to: tomorrow };
    case 'half':
      return { from: first(y, m - 5), to: tomorrow };
    case 'year':
      return { from: first(y, 0), to: tomorrow };
    case 'custom':
      if (!from || !to || !isIsoDate(from) || !isIsoDate(to)) throw new RangeError('custom period needs from and to as YYYY-MM-DD');
      return { from, to };
  }
}

export function isIsoDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && isoOf(dayOf(value)) === value;
}

/** Longest period a filter may span (ten years): bounds the series and the work. */
export const MAX_PERIOD_DAYS = 3_660;

const isoDate = z.string().refine(isIsoDate, { message: 'Expected a date YYYY-MM-DD' });

/** The dashboard's query-string parameters (all optional; strings as a query string gives them). */
export const FilterQuery = z
  .object({
    period: z.enum(['quarter', 'half', 'year', 'custom']).optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
    agency: z.string().trim().max(300).optional(),
    procedure: z.string().trim().max(300).optional(),
    lang: z.enum(['vi', 'en', '']).optional(),
    bucket: z.enum(['week', 'month']).optional(),
  })
  .loose();

export type FilterProblem = { path: string; message: string };

/**
 * A filter from query-string parameters: `period` (default quarter, or custom when from/to are
 * given), `from`/`to`, `agency`, `procedure`, `lang`, `bucket` (default: week for a quarter or
 * shorter, month otherwise). Empty strings mean "any".
 */
export function parseFilterQuery(
  query: unknown,
  now: Date = new Date(),
): { ok: true; filter: DashboardFilter } | { ok: false; problems: FilterProblem[] } {
  const parsed = FilterQuery.safeParse(query ?? {});
  if (!parsed.success)
    return { ok: false, problems: parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })) };
  const q = parsed.data;
  const preset: PeriodPreset = q.period ?? (q.from || q.to ? 'custom' : 'quarter');
  if (preset === 'custom' && (!q.from || !q.to))
    return { ok: false, problems: [{ path: q.from ? 'to' : 'from', message: 'A custom period needs both from and to' }] };
  const period = periodFilter(preset, now, q.from, q.to);
  const span = dayOf(period.to) - dayOf(period.from);
  if (span <= 0) return { ok: false, problems: [{ path: 'to', message: 'to must be after from' }] };
  if (span > MAX_PERIOD_DAYS) return { ok: false, problems: [{ path: 'from', message: `At most ${MAX_PERIOD_DAYS} days` }] };
  const filter: DashboardFilter = { ...period, bucket: q.bucket ?? (span > 100 ? 'month' : 'week') };
  if (q.agency) filter.agency = q.agency;
  if (q.procedure) filter.procedure = q.procedure;
  if (q.lang) filter.lang = q.lang;
  return { ok: true, filter };
}
