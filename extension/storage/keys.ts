/**
 * Every key the extension keeps in `storage.local`, its current version and its migrations (see
 * versioned.ts for the mechanism). Migrations are plain functions of the stored JSON: they add
 * what a newer version needs and keep everything else, including items they do not recognise.
 * - options v1; overrides v1;
 * - history v2: each saved audit also says, at its top level, the page (URL without fragment),
 *   the procedure code and name, the engine that audited it, and every answer as a pair (the
 *   machine's status, the auditor's or null), so that a history file reads without knowing the
 *   report format; v1 entries get these from their report;
 * - profiles v2: a site profile may give a CSS selector per element (`selectors`); v1 profiles get
 *   an empty one;
 * - national v1: imported national records by procedure code (national.ts).
 */
import { browser } from 'wxt/browser';
import { migrateAll, type KeySpec, type MigrationOutcome, type StorageArea } from './versioned';

/** storage.local as the versioned helpers see it. */
export function localArea(): StorageArea {
  return browser.storage.local as unknown as StorageArea;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A machine answer and the auditor's answer for one item (`element:<id>` or `finding:<id>`). */
export interface Answer {
  item: string;
  machine: string;
  human: string | null;
}

/** The answers of a report: for every element and finding, the machine's status and the auditor's. */
export function answersOf(report: unknown): Answer[] {
  if (!isObject(report)) return [];
  const list = (items: unknown, kind: string): Answer[] =>
    (Array.isArray(items) ? items : []).flatMap((i) =>
      isObject(i) && typeof i.id === 'string' && typeof i.status === 'string'
        ? [
            {
              item: `${kind}:${i.id}`,
              machine: i.status,
              human: isObject(i.override) && typeof i.override.status === 'string' ? i.override.status : null,
            },
          ]
        : [],
    );
  return [...list(report.results, 'element'), ...list(report.findings, 'finding')];
}

/** The fields a v2 history entry adds, from its report. */
export function historySummary(report: unknown): {
  url: string | null;
  code: string | null;
  name: string | null;
  engine: Json | null;
  answers: Answer[];
} {
  const r = isObject(report) ? report : {};
  const page = isObject(r.page) ? r.page : {};
  const procedure = isObject(r.procedure) ? r.procedure : {};
  const str = (v: unknown) => (typeof v === 'string' ? v : null);
  const url = str(page.url);
  return {
    url: url === null ? null : url.replace(/#.*$/, ''),
    code: str(procedure.code),
    name: str(procedure.name),
    engine: isObject(r.engine) ? r.engine : null,
    answers: answersOf(report),
  };
}

/** history v1 → v2: each entry with a report gains its summary; anything else is kept as it is. */
export function historyV2(value: unknown): unknown {
  if (!Array.isArray(value)) return value;
  return value.map((entry) => (isObject(entry) && 'report' in entry ? { ...historySummary(entry.report), ...entry } : entry));
}

/** profiles v1 → v2: each profile gains an empty `selectors`. */
export function profilesV2(value: unknown): unknown {
  if (!Array.isArray(value)) return value;
  return value.map((p) => (isObject(p) && !('selectors' in p) ? { ...p, selectors: {} } : p));
}

export const OPTIONS_KEY: KeySpec = { key: 'options', version: 1, migrations: {} };
export const OVERRIDES_KEY: KeySpec = { key: 'overrides', version: 1, migrations: {} };
export const HISTORY_KEY: KeySpec = { key: 'history', version: 2, migrations: { 2: historyV2 } };
export const PROFILES_KEY: KeySpec = { key: 'profiles', version: 2, migrations: { 2: profilesV2 } };
export const NATIONAL_KEY: KeySpec = { key: 'national', version: 1, migrations: {} };

export const STORED_KEYS: readonly KeySpec[] = [OPTIONS_KEY, OVERRIDES_KEY, HISTORY_KEY, PROFILES_KEY, NATIONAL_KEY];

/** Brings every stored key to this build's version (background: on install and update). */
export function migrateStorage(): Promise<MigrationOutcome[]> {
  return migrateAll(localArea(), STORED_KEYS);
}
