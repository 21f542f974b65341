/**
 * What the extension keeps in `storage.local`, each key versioned with ordered migrations
 * (extension/storage/: versioned.ts is the mechanism, keys.ts the keys, versions and migrations).
 * Storage is a trust boundary like a message: every read is parsed; what does not parse is not
 * trusted, but a saved audit that does not parse is kept as it is (and counted), never dropped.
 * - options: the auditor's name and unit (written into overrides and saved audits), the language,
 *   the national-record source;
 * - history (v2): saved audits: page, code, name, time, auditor, unit, engine, every answer (the
 *   machine's and the auditor's), the SHA-256 of the audited text and the report; newest first;
 * - overrides: the auditor's decisions, by page (URL without fragment) and item
 *   (`element:<id>` / `finding:<id>`), so a decision survives a reload and a re-audit.
 * Limits: storage.local only (no sync); one decision per item and page; at most HISTORY_LIMIT
 * saved audits (the oldest go first).
 */
import * as z from 'zod/mini';
import { HISTORY_KEY, OPTIONS_KEY, OVERRIDES_KEY, historySummary, historyV2, localArea } from '../storage/keys';
import { readKey, writeKey, type MigrationOutcome } from '../storage/versioned';
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

export async function loadOptions(): Promise<Options> {
  const parsed = OptionsSchema.safeParse((await readKey(localArea(), OPTIONS_KEY)).value ?? {});
  return parsed.success ? parsed.data : DEFAULT_OPTIONS;
}

export async function saveOptions(options: Options): Promise<void> {
  await writeKey(localArea(), OPTIONS_KEY, OptionsSchema.parse(options));
}

/** The key of a page: its URL without the fragment. */
export function pageKey(url: string | null): string {
  return (url ?? '').replace(/#.*$/, '');
}

export type ItemKey = `element:${string}` | `finding:${string}`;

async function allOverrides(): Promise<Overrides> {
  const parsed = OverridesSchema.safeParse((await readKey(localArea(), OVERRIDES_KEY)).value ?? {});
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
  await writeKey(localArea(), OVERRIDES_KEY, all);
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

const EngineSchema = z.object({ name: z.string().check(z.maxLength(100)), version: z.string().check(z.maxLength(50)) });
const StatusText = z.string().check(z.maxLength(20));
/** One answer: the machine's status and the auditor's (null when the auditor did not decide). */
const AnswerSchema = z.object({ item: z.string().check(z.maxLength(200)), machine: StatusText, human: z.nullable(StatusText) });

/** What the side panel hands to `saveAudit`: the report (with decisions in it) and who saved it, when. */
export const NewAuditSchema = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(100)),
  savedAt: z.iso.datetime({ offset: true }),
  auditor: z.string().check(z.maxLength(200)),
  unit: z.string().check(z.maxLength(300)),
  /** SHA-256 of the page text as audited: tells whether the page changed between two audits. */
  textHash: z.nullable(z.string()),
  report: AuditReportSchema,
});
export type NewAudit = z.infer<typeof NewAuditSchema>;

/** One saved audit (history v2): the new audit plus its page, code, name, engine and answers. */
export const HistoryEntrySchema = z.extend(NewAuditSchema, {
  url: z.nullable(z.string()),
  code: z.nullable(z.string()),
  name: z.nullable(z.string()),
  engine: z.nullable(EngineSchema),
  answers: z.array(AnswerSchema),
});
export type HistoryEntry = z.infer<typeof HistoryEntrySchema>;

/** The history entry of a new audit: the summary fields are read from its report. */
export function historyEntry(audit: NewAudit): HistoryEntry {
  return HistoryEntrySchema.parse({ ...historySummary(audit.report), ...audit });
}

/** The file `exportHistory` writes (version 2) and `importHistory` reads (versions 1 and 2). */
export const HISTORY_FILE_FORMAT = 'tthc-audit-history';
export const HISTORY_FILE_VERSION = 2;
const HistoryFileSchema = z.object({ format: z.literal(HISTORY_FILE_FORMAT), version: z.number(), entries: z.array(z.unknown()) });
/** Oldest entries are dropped beyond this many (storage.local holds about 10 MB without unlimitedStorage). */
export const HISTORY_LIMIT = 500;

function parseEntry(item: unknown): HistoryEntry | null {
  const parsed = HistoryEntrySchema.safeParse(item);
  return parsed.success ? parsed.data : null;
}

/** The stored history as it is: saved audits that parse, the rest kept aside unchanged. */
export interface HistoryState {
  entries: HistoryEntry[];
  /** Stored items that do not parse (damaged, or written by a newer version): kept, not shown. */
  unreadable: unknown[];
  /** Set when the history was written by a newer version (or failed to migrate): it is read-only. */
  blocked: MigrationOutcome | null;
}

const idOf = (item: unknown): unknown => (typeof item === 'object' && item !== null ? (item as { id?: unknown }).id : undefined);
const savedAtOf = (item: unknown): string => {
  const at = typeof item === 'object' && item !== null ? (item as { savedAt?: unknown }).savedAt : undefined;
  return typeof at === 'string' ? at : '';
};

export async function loadHistoryState(): Promise<HistoryState> {
  const { value, outcome } = await readKey(localArea(), HISTORY_KEY);
  const raw = Array.isArray(value) ? (value as unknown[]) : [];
  const entries: HistoryEntry[] = [];
  const unreadable: unknown[] = [];
  for (const item of raw) {
    const entry = parseEntry(item);
    if (entry) entries.push(entry);
    else unreadable.push(item);
  }
  entries.sort((a, b) => b.savedAt.localeCompare(a.savedAt));
  const blocked = outcome.state === 'newer' || outcome.state === 'failed' ? outcome : null;
  return { entries, unreadable, blocked };
}

/** Every saved audit that parses, newest first. */
export async function loadHistory(): Promise<HistoryEntry[]> {
  return (await loadHistoryState()).entries;
}

/** Writes `entries` with the unreadable items kept as they were; newest first, at most HISTORY_LIMIT. */
async function storeHistory(entries: readonly unknown[]): Promise<void> {
  const { unreadable } = await loadHistoryState();
  const ids = new Set(entries.map(idOf));
  const kept = unreadable.filter((u) => idOf(u) === undefined || !ids.has(idOf(u)));
  const newestFirst = [...entries, ...kept].sort((a, b) => savedAtOf(b).localeCompare(savedAtOf(a))).slice(0, HISTORY_LIMIT);
  await writeKey(localArea(), HISTORY_KEY, newestFirst);
}

export async function saveAudit(audit: NewAudit): Promise<void> {
  const entry = historyEntry(NewAuditSchema.parse(audit));
  const all = await loadHistory();
  await storeHistory([entry, ...all.filter((e) => e.id !== entry.id)]);
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
  return JSON.stringify({ format: HISTORY_FILE_FORMAT, version: HISTORY_FILE_VERSION, entries }, null, 2);
}

export type ImportResult = { ok: true; imported: number } | { ok: false; why: 'invalid' | 'newer' | 'blocked' };

/**
 * Merges a history file into the stored history by entry id. A version-1 file is migrated like
 * stored data; a file from a newer version is refused (nothing is imported), as is a file with any
 * entry that does not parse.
 */
export async function importHistory(text: string): Promise<ImportResult> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, why: 'invalid' };
  }
  const file = HistoryFileSchema.safeParse(json);
  if (!file.success || !Number.isInteger(file.data.version) || file.data.version < 1) return { ok: false, why: 'invalid' };
  if (file.data.version > HISTORY_FILE_VERSION) return { ok: false, why: 'newer' };
  const migrated = file.data.version === 1 ? (historyV2(file.data.entries) as unknown[]) : file.data.entries;
  const incoming = migrated.map(parseEntry);
  if (incoming.some((e) => e === null)) return { ok: false, why: 'invalid' };
  const entries = incoming as HistoryEntry[];
  const ids = new Set(entries.map((e) => e.id));
  try {
    await storeHistory([...entries, ...(await loadHistory()).filter((e) => !ids.has(e.id))]);
  } catch {
    return { ok: false, why: 'blocked' };
  }
  return { ok: true, imported: entries.length };
}
