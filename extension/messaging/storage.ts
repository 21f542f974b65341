/**
 * What the extension keeps in `storage.local`, each item versioned (WXT storage items: a new
 * shape comes with a migration from the previous version). Storage is a trust boundary like a
 * message: every read is parsed, and what does not parse is dropped rather than trusted.
 * - options: the auditor's name and unit (written into overrides and saved audits), the language,
 *   the national-record source;
 * - history: saved audits (report with decisions, auditor, unit, time, text hash), newest first;
 * - overrides: the auditor's decisions, by page (URL without fragment) and item
 *   (`element:<id>` / `finding:<id>`), so a decision survives a reload and a re-audit.
 * Limits: storage.local only (no sync); one decision per item and page.
 */
import * as z from 'zod/mini';
import { storage } from 'wxt/utils/storage';
import { AuditReportSchema, OverrideSchema } from '../../shared/audit/schema';
import type { AuditReport } from '../../shared/audit/types';
import type { Override } from '../../shared/checklist/types';

export const OptionsSchema = z.object({
  auditorName: z._default(z.string().check(z.maxLength(200)), ''),
  unit: z._default(z.string().check(z.maxLength(300)), ''),
  locale: z._default(z.enum(['vi', 'en']), 'vi'),
  /** Where national records are served by code: an http(s) URL with {code}, or '' (files only). */
  recordSource: z._default(z.string().check(z.maxLength(2_000)), ''),
});
export type Options = z.infer<typeof OptionsSchema>;
export const DEFAULT_OPTIONS: Options = { auditorName: '', unit: '', locale: 'vi', recordSource: '' };

/** Whether `source` is a usable record source: an http(s) URL template holding {code}. */
export function isRecordSource(source: string): boolean {
  if (!source.includes('{code}')) return false;
  try {
    return /^https?:$/.test(new URL(source.replace('{code}', 'x')).protocol);
  } catch {
    return false;
  }
}

const OverridesSchema = z.record(z.string(), z.record(z.string(), OverrideSchema));
type Overrides = z.infer<typeof OverridesSchema>;

const optionsItem = storage.defineItem<unknown>('local:options', { fallback: DEFAULT_OPTIONS, version: 1 });
const overridesItem = storage.defineItem<unknown>('local:overrides', { fallback: {}, version: 1 });

export async function loadOptions(): Promise<Options> {
  const parsed = OptionsSchema.safeParse((await optionsItem.getValue()) ?? {});
  return parsed.success ? parsed.data : DEFAULT_OPTIONS;
}

export async function saveOptions(options: Options): Promise<void> {
  await optionsItem.setValue(OptionsSchema.parse(options));
}

/** The key of a page: its URL without the fragment. */
export function pageKey(url: string | null): string {
  return (url ?? '').replace(/#.*$/, '');
}

export type ItemKey = `element:${string}` | `finding:${string}`;

async function allOverrides(): Promise<Overrides> {
  const parsed = OverridesSchema.safeParse(await overridesItem.getValue());
  return parsed.success ? parsed.data : {};
}

/** The auditor's decisions on one page. */
export async function loadOverrides(url: string | null): Promise<Record<string, Override>> {
  return (await allOverrides())[pageKey(url)] ?? {};
}

/** Sets (or with null removes) the decision on one item of one page. */
export async function saveOverride(url: string | null, item: ItemKey, override: Override | null): Promise<void> {
  const all = await allOverrides();
  const page = { ...all[pageKey(url)] };
  if (override) page[item] = OverrideSchema.parse(override);
  else delete page[item];
  if (Object.keys(page).length > 0) all[pageKey(url)] = page;
  else delete all[pageKey(url)];
  await overridesItem.setValue(all);
}

/** The report with the page's stored decisions beside the machine's statuses (a new object). */
export function withOverrides(report: AuditReport, overrides: Readonly<Record<string, Override>>): AuditReport {
  return {
    ...report,
    results: report.results.map(({ override: _old, ...r }) => {
      const o = overrides[`element:${r.id}`];
      return o ? { ...r, override: o } : r;
    }),
    findings: report.findings.map(({ override: _old, ...f }) => {
      const o = overrides[`finding:${f.id}`];
      return o ? { ...f, override: o } : f;
    }),
  };
}

/** One saved audit: the report (with the auditor's decisions in it) and who saved it, when. */
export const HistoryEntrySchema = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(100)),
  savedAt: z.iso.datetime({ offset: true }),
  auditor: z.string().check(z.maxLength(200)),
  unit: z.string().check(z.maxLength(300)),
  /** SHA-256 of the page text as audited: tells whether the page changed between two audits. */
  textHash: z.nullable(z.string()),
  report: AuditReportSchema,
});
export type HistoryEntry = z.infer<typeof HistoryEntrySchema>;

/** The file `exportHistory` writes and `importHistory` reads. */
export const HISTORY_FILE_FORMAT = 'tthc-audit-history';
const HistoryFileSchema = z.object({ format: z.literal(HISTORY_FILE_FORMAT), version: z.literal(1), entries: z.array(z.unknown()) });
/** Oldest entries are dropped beyond this many (storage.local holds about 10 MB without unlimitedStorage). */
export const HISTORY_LIMIT = 500;

const historyItem = storage.defineItem<unknown>('local:history', { fallback: [], version: 1 });

/** Keeps the entries that parse; a damaged entry does not hide the others. */
function parseEntries(raw: unknown): HistoryEntry[] {
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((item) => {
    const parsed = HistoryEntrySchema.safeParse(item);
    return parsed.success ? [parsed.data] : [];
  });
}

/** Every saved audit, newest first. */
export async function loadHistory(): Promise<HistoryEntry[]> {
  return parseEntries(await historyItem.getValue()).sort((a, b) => b.savedAt.localeCompare(a.savedAt));
}

async function storeHistory(entries: HistoryEntry[]): Promise<void> {
  const newestFirst = [...entries].sort((a, b) => b.savedAt.localeCompare(a.savedAt)).slice(0, HISTORY_LIMIT);
  await historyItem.setValue(newestFirst);
}

export async function saveAudit(entry: HistoryEntry): Promise<void> {
  const all = await loadHistory();
  await storeHistory([HistoryEntrySchema.parse(entry), ...all.filter((e) => e.id !== entry.id)]);
}

export async function deleteAudit(id: string): Promise<void> {
  await storeHistory((await loadHistory()).filter((e) => e.id !== id));
}

/** The audit of the same page saved just before `entry`, if any. */
export function previousAudit(entries: readonly HistoryEntry[], entry: HistoryEntry): HistoryEntry | undefined {
  const page = pageKey(entry.report.page.url);
  return entries
    .filter((e) => e.id !== entry.id && pageKey(e.report.page.url) === page && e.savedAt < entry.savedAt)
    .sort((a, b) => b.savedAt.localeCompare(a.savedAt))[0];
}

export function exportHistory(entries: readonly HistoryEntry[]): string {
  return JSON.stringify({ format: HISTORY_FILE_FORMAT, version: 1, entries }, null, 2);
}

/** Merges a history file into the stored history by entry id; returns how many entries it held. */
export async function importHistory(text: string): Promise<{ ok: true; imported: number } | { ok: false }> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false };
  }
  const file = HistoryFileSchema.safeParse(json);
  if (!file.success) return { ok: false };
  const incoming = parseEntries(file.data.entries);
  if (incoming.length !== file.data.entries.length) return { ok: false };
  const ids = new Set(incoming.map((e) => e.id));
  await storeHistory([...incoming, ...(await loadHistory()).filter((e) => !ids.has(e.id))]);
  return { ok: true, imported: incoming.length };
}
