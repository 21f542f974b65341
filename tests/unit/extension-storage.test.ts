/**
 * The extension's stored decisions and options, on WXT's fakeBrowser: a decision is kept by page
 * and item, merged beside the machine's status, removed on request; what does not parse is dropped.
 */
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AuditReport } from '../../shared/audit/types';
import { auditDocument } from '../../shared/audit';
import { parseHtmlDocument } from '../../shared/node/html';

type Storage = typeof import('../../extension/messaging/storage');
let store: Storage;

beforeAll(async () => {
  // The storage module reads the extension API when it is imported.
  vi.stubGlobal('browser', fakeBrowser);
  vi.stubGlobal('chrome', fakeBrowser);
  store = await import('../../extension/messaging/storage');
});
beforeEach(() => fakeBrowser.reset());

const decision = { status: 'pass' as const, note: 'Có ở tệp đính kèm', by: 'Nguyễn Văn A', at: '2026-12-02T09:00:00.000Z' };

function report(): AuditReport {
  return {
    results: [{ id: 'dossier', status: 'fail' }],
    findings: [{ id: 'page.not-expired', status: 'pass' }],
  } as unknown as AuditReport;
}

describe('extension storage', () => {
  it('keeps a decision by page (fragment ignored) and item, and removes it', async () => {
    await store.saveOverride('https://x.gov.vn/tthc/1#top', 'element:dossier', decision);
    expect(await store.loadOverrides('https://x.gov.vn/tthc/1')).toEqual({ 'element:dossier': decision });
    expect(await store.loadOverrides('https://x.gov.vn/tthc/2')).toEqual({});
    await store.saveOverride('https://x.gov.vn/tthc/1', 'element:dossier', null);
    expect(await store.loadOverrides('https://x.gov.vn/tthc/1')).toEqual({});
  });

  it('puts the decision beside the machine status without replacing it', () => {
    const merged = store.withOverrides(report(), { 'element:dossier': decision });
    expect(merged.results[0]).toMatchObject({ status: 'fail', override: decision });
    expect(merged.findings[0]).not.toHaveProperty('override');
  });

  it('drops stored data that does not parse', async () => {
    await fakeBrowser.storage.local.set({ overrides: { 'https://x.gov.vn/tthc/1': { 'element:dossier': { status: 'maybe' } } } });
    expect(await store.loadOverrides('https://x.gov.vn/tthc/1')).toEqual({});
    await fakeBrowser.storage.local.set({ options: { auditorName: 42 } });
    expect(await store.loadOptions()).toEqual(store.DEFAULT_OPTIONS);
  });

  it('saves and reads the options', async () => {
    const options = {
      auditorName: 'Trần Thị B',
      unit: 'Phòng Kiểm soát TTHC',
      locale: 'en' as const,
      recordSource: 'https://x.gov.vn/{code}.json',
    };
    await store.saveOptions(options);
    expect(await store.loadOptions()).toEqual(options);
    // Options saved before the record source existed read with its default.
    await fakeBrowser.storage.local.set({ options: { auditorName: 'A', unit: 'U', locale: 'vi' } });
    expect(await store.loadOptions()).toEqual({ auditorName: 'A', unit: 'U', locale: 'vi', recordSource: '' });
    expect(store.isRecordSource('https://x.gov.vn/tthc/{code}.json')).toBe(true);
    expect(store.isRecordSource('https://x.gov.vn/tthc/1.json')).toBe(false);
    expect(store.isRecordSource('javascript:{code}')).toBe(false);
  });

  it('lists saved audits newest first and finds the previous audit of the same page', async () => {
    const real = auditDocument(parseHtmlDocument(PAGE), { url: 'https://x.gov.vn/tthc/1' });
    const other = { ...real, page: { ...real.page, url: 'https://x.gov.vn/tthc/2' } };
    const entry = (id: string, savedAt: string, report: AuditReport) => ({ id, savedAt, auditor: 'A', unit: 'U', textHash: null, report });
    await store.saveAudit(entry('1', '2026-12-01T08:00:00.000Z', real));
    await store.saveAudit(entry('2', '2026-12-01T09:00:00.000Z', other));
    await store.saveAudit(entry('3', '2026-12-02T08:00:00.000Z', real));
    const all = await store.loadHistory();
    expect(all.map((e) => e.id)).toEqual(['3', '2', '1']);
    expect(store.previousAudit(all, all[0]!)?.id).toBe('1');
    expect(store.previousAudit(all, all[2]!)).toBeUndefined();
  });

  it('exports the history and imports it back, merging by id; a damaged file imports nothing', async () => {
    const real = auditDocument(parseHtmlDocument(PAGE), { url: 'https://x.gov.vn/tthc/1' });
    await store.saveAudit({ id: 'a', savedAt: '2026-12-01T08:00:00.000Z', auditor: 'A', unit: 'U', textHash: null, report: real });
    const file = store.exportHistory(await store.loadHistory());
    fakeBrowser.reset();
    expect(await store.importHistory(file)).toEqual({ ok: true, imported: 1 });
    expect(await store.importHistory(file)).toEqual({ ok: true, imported: 1 });
    expect((await store.loadHistory()).map((e) => e.id)).toEqual(['a']);
    expect(await store.importHistory('{"format":"tthc-audit-history","version":1,"entries":[{"id":"b"}]}')).toEqual({
      ok: false,
      why: 'invalid',
    });
    expect(await store.importHistory('not json')).toEqual({ ok: false, why: 'invalid' });
    expect(await store.importHistory('{"format":"tthc-audit-history","version":3,"entries":[]}')).toEqual({ ok: false, why: 'newer' });
    expect((await store.loadHistory()).map((e) => e.id)).toEqual(['a']);
  });

  it('shows the entries that parse when one stored entry is damaged, and keeps the damaged one on the next save', async () => {
    const real = auditDocument(parseHtmlDocument(PAGE), { url: 'https://x.gov.vn/tthc/1' });
    await fakeBrowser.storage.local.set({
      history: [{ id: 'ok', savedAt: '2026-12-01T08:00:00.000Z', auditor: '', unit: '', textHash: null, report: real }, { id: 'bad' }],
    });
    expect((await store.loadHistory()).map((e) => e.id)).toEqual(['ok']);
    expect((await store.loadHistoryState()).unreadable).toEqual([{ id: 'bad' }]);
    await store.saveAudit({ id: 'new', savedAt: '2026-12-02T08:00:00.000Z', auditor: '', unit: '', textHash: null, report: real });
    const stored = (await fakeBrowser.storage.local.get('history'))['history'] as { id: string }[];
    expect(stored.map((e) => e.id).sort()).toEqual(['bad', 'new', 'ok']);
  });
});

const PAGE = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'extension', 'procedure-page.html'), 'utf8');
