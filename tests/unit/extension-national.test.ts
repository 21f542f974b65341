/**
 * National records kept on this computer (WXT's fakeBrowser): an import is kept by procedure code
 * and read back after the panel is reopened; a newer import of a code replaces the older one;
 * beyond the size limit the records imported longest ago go first, and the auditor is told how
 * many; a record that alone exceeds the limit is not kept; a stored record that does not parse is
 * not used.
 */
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

let national: typeof import('../../extension/messaging/national');
beforeAll(async () => {
  vi.stubGlobal('browser', fakeBrowser);
  vi.stubGlobal('chrome', fakeBrowser);
  national = await import('../../extension/messaging/national');
});
beforeEach(() => fakeBrowser.reset());

const record = (code: string, text = 'Công dân Việt Nam') => ({
  ma_thu_tuc: code,
  ten_thu_tuc: `Thủ tục ${code}`,
  doi_tuong_thuc_hien: text,
});

describe('kept national records', () => {
  it('are kept by code and read back later; a newer import of a code replaces the older', async () => {
    await national.keepRecords([record('1.001193'), record('2.000488')], 'file', '2026-12-01T08:00:00.000Z');
    const later = await national.loadKeptRecords();
    expect(later.records.map((r) => r.ma_thu_tuc).sort()).toEqual(['1.001193', '2.000488']);
    expect(later.count).toBe(2);
    expect(later.bytes).toBeGreaterThan(0);
    await national.keepRecords([record('1.001193', 'Người nước ngoài')], 'url', '2026-12-02T08:00:00.000Z');
    const records = (await national.loadKeptRecords()).records;
    expect(records).toHaveLength(2);
    expect(records.find((r) => r.ma_thu_tuc === '1.001193')?.doi_tuong_thuc_hien).toBe('Người nước ngoài');
    await national.clearKeptRecords();
    expect((await national.loadKeptRecords()).records).toEqual([]);
  });

  it('drop the records imported longest ago beyond the size limit, and say how many', async () => {
    // Each record about a third of the limit (four long fields): the fourth import pushes the first one out.
    const part = 'x'.repeat(Math.floor(national.NATIONAL_LIMIT_BYTES / 13));
    const big = (code: string) => ({ ...record(code, part), trinh_tu_thuc_hien: part, thanh_phan_ho_so: part, can_cu_phap_ly: part });
    for (const [i, code] of ['1.1', '1.2', '1.3'].entries())
      expect((await national.keepRecords([big(code)], 'file', `2026-12-0${i + 1}T08:00:00.000Z`)).evicted).toBe(0);
    const fourth = await national.keepRecords([big('1.4')], 'file', '2026-12-04T08:00:00.000Z');
    expect(fourth.evicted).toBe(1);
    expect(fourth.bytes).toBeLessThanOrEqual(national.NATIONAL_LIMIT_BYTES);
    expect(fourth.records.map((r) => r.ma_thu_tuc).sort()).toEqual(['1.2', '1.3', '1.4']);
  });

  it('do not keep a record that alone exceeds the limit', async () => {
    const huge = record('9.9', 'x'.repeat(national.NATIONAL_LIMIT_BYTES));
    const state = await national.keepRecords([huge as never, record('1.1')], 'file');
    expect(state.tooBig).toBe(1);
    expect(state.records.map((r) => r.ma_thu_tuc)).toEqual(['1.1']);
  });

  it('do not use a stored record that does not parse, and keep it', async () => {
    await fakeBrowser.storage.local.set({
      national: { bad: { record: { ma_thu_tuc: 7 } }, '1.1': { record: record('1.1'), savedAt: 'x', source: 'file' } },
    });
    const state = await national.loadKeptRecords();
    expect(state.records.map((r) => r.ma_thu_tuc)).toEqual(['1.1']);
    await national.keepRecords([record('1.2')], 'file');
    expect(Object.keys((await fakeBrowser.storage.local.get('national'))['national'] as object).sort()).toEqual(['1.1', '1.2', 'bad']);
  });
});
