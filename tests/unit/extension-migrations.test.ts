/**
 * Versioned storage on WXT's fakeBrowser: what an older version of the extension stored is
 * migrated to the current shape the first time it is read, without losing anything; running the
 * migrations again changes nothing; what a newer version stored is kept as it is and reported, and
 * the extension refuses to overwrite it.
 */
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { auditDocument } from '../../shared/audit';
import { parseHtmlDocument } from '../../shared/node/html';

type Storage = typeof import('../../extension/messaging/storage');
type Keys = typeof import('../../extension/storage/keys');
type Versioned = typeof import('../../extension/storage/versioned');
type Profiles = typeof import('../../extension/messaging/profiles');
let store: Storage;
let keys: Keys;
let versioned: Versioned;
let profiles: Profiles;

beforeAll(async () => {
  vi.stubGlobal('browser', fakeBrowser);
  vi.stubGlobal('chrome', fakeBrowser);
  store = await import('../../extension/messaging/storage');
  keys = await import('../../extension/storage/keys');
  versioned = await import('../../extension/storage/versioned');
  profiles = await import('../../extension/messaging/profiles');
});
beforeEach(() => fakeBrowser.reset());

const PAGE = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'extension', 'procedure-page.html'), 'utf8');

/** A history entry exactly as version 1 of the extension saved it (no version record beside it). */
function v1Entry(id: string, savedAt: string) {
  const report = auditDocument(parseHtmlDocument(PAGE), { url: 'https://x.gov.vn/tthc/1#top' });
  const decision = { status: 'pass' as const, note: 'Có ở tệp đính kèm', by: 'Nguyễn Văn A', at: '2026-12-01T09:00:00.000Z' };
  report.results = report.results.map((r) => (r.id === 'dossier' ? { ...r, override: decision } : r));
  return { id, savedAt, auditor: 'Nguyễn Văn A', unit: 'Phòng KSTTHC', textHash: 'a'.repeat(64), report };
}

const stored = async (key: string) => (await fakeBrowser.storage.local.get([key, `${key}$`])) as Record<string, unknown>;

describe('storage migrations', () => {
  it('migrates a version-1 history to version 2: page, code, name, engine and every machine and human answer', async () => {
    const saved = v1Entry('a', '2026-12-01T08:00:00.000Z');
    await fakeBrowser.storage.local.set({ history: [saved, { id: 'damaged' }] });
    const [entry] = await store.loadHistory();
    expect(entry).toMatchObject({
      id: 'a',
      url: 'https://x.gov.vn/tthc/1',
      code: '1.001193',
      name: saved.report.procedure.name,
      engine: { name: 'tthc-audit' },
      auditor: 'Nguyễn Văn A',
      unit: 'Phòng KSTTHC',
      textHash: 'a'.repeat(64),
    });
    expect(entry!.engine?.version).toBe(saved.report.engine.version);
    const first = saved.report;
    expect(entry!.answers).toHaveLength(first.results.length + first.findings.length);
    expect(entry!.answers).toContainEqual({ item: 'element:dossier', machine: 'fail', human: 'pass' });
    expect(entry!.answers).toContainEqual({ item: 'element:agency', machine: 'pass', human: null });
    // Stored back at version 2, the report untouched, the entry it could not read kept as it was.
    const after = await stored('history');
    expect(after['history$']).toEqual({ v: 2 });
    const items = after['history'] as Record<string, unknown>[];
    expect(items[0]!.report).toEqual(saved.report);
    expect(items[1]).toEqual({ id: 'damaged' });
  });

  it('migrates version-1 site profiles to version 2 (selectors) and keeps their labels', async () => {
    await fakeBrowser.storage.local.set({ profiles: [{ host: 'x.gov.vn', labels: { dossier: ['Giấy tờ cần chuẩn bị'] } }] });
    expect(await profiles.loadProfiles()).toEqual([{ host: 'x.gov.vn', labels: { dossier: ['Giấy tờ cần chuẩn bị'] }, selectors: {} }]);
    expect((await stored('profiles'))['profiles$']).toEqual({ v: 2 });
  });

  it('runs every migration once: a second run changes nothing', async () => {
    await fakeBrowser.storage.local.set({
      history: [v1Entry('a', '2026-12-01T08:00:00.000Z')],
      profiles: [{ host: 'x.gov.vn', labels: {} }],
    });
    const first = await keys.migrateStorage();
    expect(Object.fromEntries(first.map((o) => [o.key, o.state]))).toEqual({
      options: 'empty',
      overrides: 'empty',
      history: 'migrated',
      profiles: 'migrated',
      national: 'empty',
    });
    const snapshot = await fakeBrowser.storage.local.get(null);
    const second = await keys.migrateStorage();
    expect(second.filter((o) => o.state === 'migrated')).toEqual([]);
    expect(await fakeBrowser.storage.local.get(null)).toEqual(snapshot);
    // Migrating an already-migrated value by hand is also harmless.
    const items = snapshot['history'] as unknown[];
    expect(keys.historyV2(items)).toEqual(items);
  });

  it('keeps data written by a newer version untouched, reports it, and refuses to overwrite it', async () => {
    const newer = [{ id: 'z', savedAt: '2027-01-01T00:00:00.000Z', shape: 'from version 3' }];
    await fakeBrowser.storage.local.set({ history: newer, history$: { v: 3 } });
    const state = await store.loadHistoryState();
    expect(state.blocked).toEqual({ key: 'history', state: 'newer', from: 3, to: 2 });
    expect(state.unreadable).toEqual(newer);
    const audit = v1Entry('a', '2026-12-01T08:00:00.000Z');
    await expect(store.saveAudit(audit)).rejects.toBeInstanceOf(versioned.StorageBlockedError);
    expect(await store.importHistory(store.exportHistory([]))).toEqual({ ok: false, why: 'blocked' });
    expect(await stored('history')).toEqual({ history: newer, history$: { v: 3 } });
  });

  it('leaves the value and its version as they were when a migration step fails', async () => {
    const area = fakeBrowser.storage.local as unknown as import('../../extension/storage/versioned').StorageArea;
    const spec = {
      key: 'sample',
      version: 2,
      migrations: {
        2: () => {
          throw new Error('cannot');
        },
      },
    };
    await fakeBrowser.storage.local.set({ sample: { a: 1 } });
    expect(await versioned.migrateKey(area, spec)).toEqual({ key: 'sample', state: 'failed', from: 1, to: 2 });
    expect(await stored('sample')).toEqual({ sample: { a: 1 } });
    await expect(versioned.writeKey(area, spec, { b: 2 })).rejects.toBeInstanceOf(versioned.StorageBlockedError);
  });

  it('imports a history file of version 1 through the same migration', async () => {
    const file = JSON.stringify({ format: 'tthc-audit-history', version: 1, entries: [v1Entry('a', '2026-12-01T08:00:00.000Z')] });
    expect(await store.importHistory(file)).toEqual({ ok: true, imported: 1 });
    const [entry] = await store.loadHistory();
    expect(entry).toMatchObject({ id: 'a', code: '1.001193', url: 'https://x.gov.vn/tthc/1' });
    expect(JSON.parse(store.exportHistory([entry!]))).toMatchObject({ format: 'tthc-audit-history', version: 2 });
  });
});
