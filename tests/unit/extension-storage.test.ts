/**
 * The extension's stored decisions and options, on WXT's fakeBrowser: a decision is kept by page
 * and item, merged beside the machine's status, removed on request; what does not parse is dropped.
 */
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { AuditReport } from '../../shared/audit/types';

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
    await store.saveOptions({ auditorName: 'Trần Thị B', unit: 'Phòng Kiểm soát TTHC', locale: 'en' });
    expect(await store.loadOptions()).toEqual({ auditorName: 'Trần Thị B', unit: 'Phòng Kiểm soát TTHC', locale: 'en' });
  });
});
