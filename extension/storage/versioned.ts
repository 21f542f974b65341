/**
 * Versioned storage: every key the extension keeps in `storage.local` has a version, stored beside
 * it under `<key>$` as `{ v }` (the convention of WXT's storage items, so both read the same
 * record; a value without that record is version 1, as every key was before versions were
 * recorded). A key's spec lists ordered migrations, one per version step (`migrations[2]` turns a
 * version-1 value into version 2, and so on). `migrateKey` runs them when the key is first read
 * or written (and for every key when the extension is installed or updated, from the background);
 * after it the key is at the current version, so running it again does nothing (idempotent).
 *
 * Data is never lost: a migration function must keep what it does not understand (the ones here
 * only add fields); the value and its version are written together, only after every step
 * succeeded; a step that throws leaves the value and its version as they were. A value written by
 * a NEWER version of the extension (an auditor who downgraded, or a history imported from a
 * colleague's newer build) is kept untouched and reported: reads still get it as it is, writes to
 * that key are refused (`StorageBlockedError`) so that nothing the newer version wrote is
 * overwritten. Limits: two pages migrating the same key at the same moment both write the same
 * result; a write between them could be lost, so migrations also run at install, before any page.
 */

/** The part of `storage.local` used here (the extension API and WXT's fakeBrowser both have it). */
export interface StorageArea {
  get(keys: string | string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

export interface KeySpec {
  key: string;
  /** The version this build reads and writes (1 or more). */
  version: number;
  /** `migrations[n]` turns a version n-1 value into version n. Every step up to `version` is listed. */
  migrations: Readonly<Record<number, (value: unknown) => unknown>>;
}

export type MigrationState =
  /** Nothing stored under the key. */
  | 'empty'
  /** Stored at the current version: nothing to do. */
  | 'current'
  /** Migrated from `from` to the current version just now. */
  | 'migrated'
  /** Written by a newer version of the extension: kept as it is, writes refused. */
  | 'newer'
  /** A migration step failed: the value is kept at its old version, writes refused. */
  | 'failed';

export interface MigrationOutcome {
  key: string;
  state: MigrationState;
  /** The stored version before this run. */
  from: number;
  /** The version this build reads and writes. */
  to: number;
}

/** Refused write: the key holds data this build cannot safely replace (newer, or a failed migration). */
export class StorageBlockedError extends Error {
  constructor(readonly outcome: MigrationOutcome) {
    super(`storage key "${outcome.key}" is ${outcome.state} (stored v${outcome.from}, this build v${outcome.to})`);
    this.name = 'StorageBlockedError';
  }
}

export function metaKey(key: string): string {
  return `${key}$`;
}

function storedVersion(meta: unknown): number {
  const v = typeof meta === 'object' && meta !== null ? (meta as { v?: unknown }).v : undefined;
  return typeof v === 'number' && Number.isInteger(v) && v >= 1 ? v : 1;
}

/** Brings `spec.key` to the current version if it is older; see the module comment. */
export async function migrateKey(area: StorageArea, spec: KeySpec): Promise<MigrationOutcome> {
  const meta = metaKey(spec.key);
  const stored = await area.get([spec.key, meta]);
  const value = stored[spec.key];
  const from = storedVersion(stored[meta]);
  const outcome = (state: MigrationState): MigrationOutcome => ({ key: spec.key, state, from, to: spec.version });
  if (value === undefined || value === null) return outcome('empty');
  if (from === spec.version) return outcome('current');
  if (from > spec.version) return outcome('newer');
  let next: unknown = value;
  try {
    for (let v = from + 1; v <= spec.version; v++) {
      const step = spec.migrations[v];
      if (!step) throw new Error(`no migration to v${v}`);
      next = step(next);
    }
  } catch {
    return outcome('failed');
  }
  // Another page may have migrated the key meanwhile: then its value is the one to keep.
  if (storedVersion((await area.get(meta))[meta]) !== from) return outcome('current');
  await area.set({ [spec.key]: next, [meta]: { ...(stored[meta] as object | undefined), v: spec.version } });
  return outcome('migrated');
}

/** The key's value at the current version (migrated first), and how the migration went. */
export async function readKey(area: StorageArea, spec: KeySpec): Promise<{ value: unknown; outcome: MigrationOutcome }> {
  const outcome = await migrateKey(area, spec);
  return { value: (await area.get(spec.key))[spec.key], outcome };
}

/** Writes the key's value with the current version; refused when the key is newer or failed to migrate. */
export async function writeKey(area: StorageArea, spec: KeySpec, value: unknown): Promise<void> {
  const outcome = await migrateKey(area, spec);
  if (outcome.state === 'newer' || outcome.state === 'failed') throw new StorageBlockedError(outcome);
  await area.set({ [spec.key]: value, [metaKey(spec.key)]: { v: spec.version } });
}

/** Runs every spec's migrations (the background does this at install and update). */
export function migrateAll(area: StorageArea, specs: readonly KeySpec[]): Promise<MigrationOutcome[]> {
  return Promise.all(specs.map((spec) => migrateKey(area, spec)));
}
