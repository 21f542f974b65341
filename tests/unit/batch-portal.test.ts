/**
 * The portal-level report: per element and per agency counts, pages ranked by how much is missing,
 * unscannable pages with their reason, stable ids, and its renderers (CSV that parses back to the
 * same statuses, JSON, a printable HTML page in Vietnamese or English).
 */
import { describe, expect, it } from 'vitest';
import { unscannableReport, type AuditReport } from '../../shared/audit';
import { buildPortalReport } from '../../shared/batch';
import { ELEMENT_IDS, type ElementId, type ElementResult, type Status } from '../../shared/checklist';
import { portalCsvColumns, portalToCsv, portalToHtml, portalToJson } from '../../shared/report';
import { parseCsv } from '../csv-reader';

function audited(url: string, statuses: Partial<Record<ElementId, Status>>, agency: string | null): AuditReport {
  const results: ElementResult[] = ELEMENT_IDS.map((id) => {
    const status = statuses[id] ?? 'pass';
    const value = id === 'agency' ? agency : status === 'pass' ? `giá trị ${id}` : null;
    return {
      id,
      status,
      present: value !== null,
      value,
      evidence: [],
      reason: { id: status === 'pass' ? 'reason.found' : 'reason.missing', params: { label: id } },
      legalRef: { document: 'Nghị định 63/2010/NĐ-CP', provision: 'Điều 8' },
    };
  });
  const counts = { pass: 0, fail: 0, review: 0, na: 0 };
  for (const r of results) counts[r.status]++;
  return {
    schemaVersion: 2,
    engine: { name: 'tthc-audit', version: 'test' },
    page: { url, title: `Trang ${url}` },
    status: 'audited',
    procedure: { code: `1.00000${url.slice(-1)}`, name: `Thủ tục ${url.slice(-1)}` },
    results,
    findings: [],
    counts,
    nodeCount: 10,
  };
}

const reports: AuditReport[] = [
  audited('https://p.vn/tt/1', { fees: 'fail', forms: 'fail', steps: 'review' }, 'Sở Tư pháp'),
  audited('https://p.vn/tt/2', { fees: 'fail' }, 'Sở Tư pháp'),
  audited('https://p.vn/tt/3', { fees: 'fail', forms: 'fail', 'legal-basis': 'fail', agency: 'fail' }, null),
  audited('https://p.vn/tt/4', { forms: 'na' }, 'UBND cấp xã'),
  unscannableReport({ url: 'https://p.vn/tt/5', title: null }, { id: 'unscannable.httpStatus', params: { status: 404 } }),
  unscannableReport({ url: 'https://p.vn/tt/6', title: null }, { id: 'unscannable.timeout', params: { seconds: 30 } }),
  unscannableReport({ url: 'https://p.vn/tin/7', title: 'Tin tức' }, { id: 'unscannable.notProcedure' }),
];

describe('buildPortalReport', () => {
  const portal = buildPortalReport(reports, { source: 'https://p.vn/ds', generatedAt: '2026-01-01T00:00:00Z' });

  it('counts pages, statuses and unscannable reasons', () => {
    expect(portal.totals.pages).toBe(7);
    expect(portal.totals.audited).toBe(4);
    expect(portal.totals.unscannable).toBe(3);
    expect(portal.totals.byKind).toMatchObject({ 'http-status': 1, timeout: 1, 'not-a-procedure': 1, 'load-error': 0 });
    const all = reports.flatMap((r) => r.results);
    expect(portal.totals.counts.fail).toBe(all.filter((r) => r.status === 'fail').length);
    expect(portal.totals.counts.pass).toBe(all.filter((r) => r.status === 'pass').length);
  });

  it('counts each element over the audited pages', () => {
    const fees = portal.elements.find((e) => e.id === 'fees')!;
    expect(fees.counts).toEqual({ pass: 1, fail: 3, review: 0, na: 0 });
    const forms = portal.elements.find((e) => e.id === 'forms')!;
    expect(forms.counts).toEqual({ pass: 1, fail: 2, review: 0, na: 1 });
    expect(portal.elements.map((e) => e.id)).toEqual(ELEMENT_IDS);
  });

  it('counts per agency, pages naming none together, the most missing first', () => {
    expect(portal.agencies.map((a) => [a.name, a.pages, a.counts.fail])).toEqual([
      [null, 1, 4],
      ['Sở Tư pháp', 2, 3],
      ['UBND cấp xã', 1, 0],
    ]);
    expect(portal.agencies[1]!.missing).toEqual({ fees: 2, forms: 1 });
  });

  it('ranks pages by how much is missing and lists what is missing', () => {
    expect(portal.pages.map((p) => p.url)).toEqual(['https://p.vn/tt/3', 'https://p.vn/tt/1', 'https://p.vn/tt/2', 'https://p.vn/tt/4']);
    expect(portal.pages[1]!.missing).toEqual(ELEMENT_IDS.filter((id) => id === 'fees' || id === 'forms'));
    expect(portal.pages[1]!.review).toEqual(['steps']);
  });

  it('lists unscannable pages with their reason, and gives the same ids on every run', () => {
    expect(portal.unscannable.map((p) => [p.url, p.unscannable!.kind])).toEqual([
      ['https://p.vn/tt/5', 'http-status'],
      ['https://p.vn/tt/6', 'timeout'],
      ['https://p.vn/tin/7', 'not-a-procedure'],
    ]);
    const again = buildPortalReport([...reports].reverse());
    expect(again.pages.map((p) => p.id)).toEqual(portal.pages.map((p) => p.id));
    expect(new Set([...portal.pages, ...portal.unscannable].map((p) => p.id)).size).toBe(7);
  });

  it('names the engine of an audited page, even when an unread page comes first', () => {
    const unread = { ...reports[4]!, engine: { name: 'extension-loader', version: '9' } };
    expect(buildPortalReport([unread, ...reports.slice(0, 4)]).engine).toEqual({ name: 'tthc-audit', version: 'test' });
    expect(buildPortalReport([]).engine).toBeNull();
  });

  it('counts a page given twice once (the later audit)', () => {
    const twice = buildPortalReport([...reports, audited('https://p.vn/tt/1/#x', {}, 'Sở Tư pháp')]);
    expect(twice.totals.pages).toBe(7);
    expect(twice.pages.find((p) => p.url === 'https://p.vn/tt/1')!.counts.fail).toBe(0);
  });

  it('counts a person’s override instead of the machine’s status', () => {
    const r = audited('https://p.vn/tt/9', { fees: 'fail' }, 'Sở Y tế');
    r.results.find((x) => x.id === 'fees')!.override = { status: 'pass', note: 'có ở tệp đính kèm', by: 'cb', at: '2026-01-01T00:00:00Z' };
    expect(buildPortalReport([r]).totals.counts.fail).toBe(0);
  });
});

describe('portal report renderers', () => {
  const portal = buildPortalReport(reports, { source: 'https://p.vn/ds' });

  it('CSV has a BOM and parses back to the same statuses per page and element', () => {
    const csv = portalToCsv(portal, 'vi');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const [head, ...rows] = parseCsv(csv.slice(1));
    expect(head).toEqual(portalCsvColumns());
    expect(rows).toHaveLength(7);
    for (const page of [...portal.pages, ...portal.unscannable]) {
      const row = rows.find((r) => r[0] === page.id)!;
      expect(row[head!.indexOf('url')]).toBe(page.url);
      expect(row[head!.indexOf('report_status')]).toBe(page.status);
      for (const id of ELEMENT_IDS) expect(row[head!.indexOf(`element:${id}`)]).toBe(page.elements[id] ?? '');
    }
    expect(rows.find((r) => r[1] === 'https://p.vn/tt/5')![head!.indexOf('reason')]).toBe('Máy chủ trả lời HTTP 404.');
  });

  it('CSV cells never run as formulas', () => {
    const evil = audited('https://p.vn/tt/8', {}, '=HYPERLINK("http://x")');
    const csv = portalToCsv(buildPortalReport([evil]), 'en');
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")"`);
  });

  it('JSON is the versioned model', () => {
    const parsed = JSON.parse(portalToJson(portal));
    expect(parsed).toMatchObject({ schemaVersion: 1, kind: 'tthc-portal-report', source: 'https://p.vn/ds' });
    expect(parsed.pages).toHaveLength(4);
  });

  it('the printable page says the totals in Vietnamese by default and in English, escaping page text', () => {
    const evil = audited('https://p.vn/tt/8', {}, '<script>alert(1)</script>');
    const withEvil = buildPortalReport([...reports, evil]);
    const vi = portalToHtml(withEvil, 'vi');
    expect(vi).toContain('<html lang="vi">');
    expect(vi).toContain('Tổng số 8 trang: kiểm tra được 5, không kiểm tra được 3.');
    expect(vi).not.toContain('<script>');
    const en = portalToHtml(withEvil, 'en');
    expect(en).toContain('8 pages in all: 5 audited, 3 could not be audited.');
    expect(en).toContain('Timed out');
  });

  it('the printable page names only faces that hold every Vietnamese letter, so no word mixes two faces', () => {
    const html = portalToHtml(portal, 'vi');
    const stack = /body\{font:[^ ]+ ([^;]+);/.exec(html)?.[1] ?? '';
    const families = stack.split(',').map((f) => f.trim().replace(/^"|"$/g, ''));
    // system-ui can be Cantarell on Linux and Arial is Liberation Sans there: neither has ơ or ư.
    const complete = ['-apple-system', 'BlinkMacSystemFont', 'Segoe UI', 'Noto Sans', 'Roboto', 'DejaVu Sans', 'sans-serif'];
    expect(families.length).toBeGreaterThan(1);
    expect(families.filter((f) => !complete.includes(f))).toEqual([]);
  });
});
