/**
 * shared/report, the one renderer: what control staff read in the terminal, in Excel and in the
 * side panel, in Vietnamese or English, with a person's decision beside the machine's.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { auditDocument, type AuditReport } from '../../shared/audit';
import { parseAuditReport } from '../../shared/audit/schema';
import { parseHtmlDocument } from '../../shared/node/html';
import {
  csvCell,
  diffReports,
  diffText,
  effectiveCounts,
  reasonText,
  renderTable,
  statusLabel,
  summaryText,
  toCsv,
  toJson,
} from '../../shared/report';

const PAGE = join(import.meta.dirname, '..', 'fixtures', 'extension', 'procedure-page.html');
const report = (): AuditReport =>
  auditDocument(parseHtmlDocument(readFileSync(PAGE, 'utf8')), { url: 'https://dichvucong.example.gov.vn/tthc/1.001193' });

describe('report texts', () => {
  it('says every reason of a real audit in Vietnamese and in English', () => {
    const r = report();
    for (const item of [...r.results, ...r.findings]) {
      expect(reasonText(item.reason, 'vi')).not.toMatch(/%\{/);
      expect(reasonText(item.reason, 'en')).not.toMatch(/%\{/);
      expect(reasonText(item.reason, 'vi')).not.toBe(reasonText(item.reason, 'en'));
    }
  });

  it('labels statuses and sums them up in the reader’s language', () => {
    expect(statusLabel('fail', 'vi')).toBe('Thiếu');
    expect(statusLabel('fail', 'en')).toBe('Missing');
    expect(summaryText({ pass: 9, fail: 3, review: 1, na: 1 }, 'vi')).toBe('Đạt 9 · Thiếu 3 · Cần xem xét 1 · Không áp dụng 1');
  });

  it('prints a table with the procedure, every element and the summary', () => {
    const text = renderTable([report()], 'vi');
    expect(text).toContain('1.001193');
    expect(text).toContain('Cơ quan giải quyết thủ tục hành chính');
    expect(text).toMatch(/Đạt \d+ · Thiếu \d+/);
    expect(renderTable([report()], 'en')).toContain('Handling agency');
  });
});

describe('CSV for Excel', () => {
  it('starts with a BOM, ends rows with CRLF and has one row per element and finding', () => {
    const r = report();
    const csv = toCsv([r], 'vi');
    expect(csv.startsWith('\uFEFFpage,procedure_code')).toBe(true);
    const rows = csv.slice(1).trimEnd().split('\r\n');
    expect(rows.filter((row) => row.includes(',element,'))).toHaveLength(14);
    expect(rows.filter((row) => row.includes(',finding,'))).toHaveLength(r.findings.length);
  });

  it('never lets a cell run as a formula', () => {
    for (const attack of ['=HYPERLINK("http://x")', '+1+1', '-2', '@SUM(A1)', '\tx', '\rx']) {
      const cell = csvCell(attack);
      expect(cell.startsWith('"\'')).toBe(true);
    }
    expect(csvCell('a "quoted", value')).toBe('"a ""quoted"", value"');
    expect(csvCell(null)).toBe('');
  });

  it('puts a person’s decision beside the machine’s status', () => {
    const r = report();
    const fees = r.results.find((x) => x.id === 'fees')!;
    fees.override = {
      status: 'na',
      note: 'Thủ tục không thu phí theo quyết định công bố',
      by: 'Nguyễn Văn A',
      at: '2026-11-30T09:00:00+07:00',
    };
    const row = toCsv([r], 'vi')
      .split('\r\n')
      .find((line) => line.includes(',element,fees,'))!;
    expect(row).toContain(`,${fees.status},`);
    expect(row).toContain(',na,Thủ tục không thu phí theo quyết định công bố,Nguyễn Văn A,2026-11-30T09:00:00+07:00,');
    expect(effectiveCounts(r).na).toBe(r.counts.na + (fees.status === 'na' ? 0 : 1));
    expect(renderTable([r], 'vi')).toContain('Người kiểm tra sửa: Không áp dụng');
  });
});

describe('JSON and diff', () => {
  it('writes JSON that parses back as the same versioned report', () => {
    const r = report();
    const [back] = JSON.parse(toJson([r])) as unknown[];
    const parsed = parseAuditReport(back);
    expect(parsed.ok && parsed.report).toEqual(r);
    expect(r.schemaVersion).toBe(2);
  });

  it('refuses a report of another schema version or with an unknown element', () => {
    expect(parseAuditReport({ ...report(), schemaVersion: 1 }).ok).toBe(false);
    const r = report();
    expect(parseAuditReport({ ...r, results: [{ ...r.results[0], id: 'not-an-element' }] }).ok).toBe(false);
    expect(parseAuditReport({ ...r, results: [{ ...r.results[0], reason: { id: 'reason.madeUp' } }] }).ok).toBe(false);
  });

  it('lists what changed between two audits of the same page, by element', () => {
    const before = report();
    const after = structuredClone(before);
    const fees = after.results.find((x) => x.id === 'fees')!;
    fees.status = fees.status === 'pass' ? 'fail' : 'pass';
    fees.value = 'Miễn phí';
    const changes = diffReports(before, after);
    expect(changes).toEqual([
      {
        kind: 'element',
        id: 'fees',
        before: before.results.find((x) => x.id === 'fees')!.status,
        after: fees.status,
        valueBefore: before.results.find((x) => x.id === 'fees')!.value,
        valueAfter: 'Miễn phí',
      },
    ]);
    expect(diffText(changes, 'vi')[0]).toMatch(/^Phí, lệ phí: /);
    expect(diffText(diffReports(before, before), 'en')).toEqual(['No changes.']);
  });
});
