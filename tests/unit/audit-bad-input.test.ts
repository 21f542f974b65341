/**
 * Bad input never breaks the audit: empty pages, pages that are not procedure pages, 5 MB of text,
 * deep nesting, malformed HTML and hostile text all give a report with clear statuses, never an
 * exception or a hang, and values come back as text, never as HTML.
 */
import { describe, expect, it } from 'vitest';
import { parseHtmlDocument } from '../../shared/node/html';
import { auditDocument } from '../../shared/audit';
import { AuditReportSchema } from '../../shared/audit/schema';

const audit = (html: string) => {
  const report = auditDocument(parseHtmlDocument(html), { url: 'test.html' });
  expect(AuditReportSchema.safeParse(report).success).toBe(true);
  return report;
};
const status = (report: ReturnType<typeof audit>, id: string) => report.results.find((r) => r.id === id)?.status;

const PROCEDURE = `<h1>Cấp giấy phép xây dựng</h1>
<p>Trình tự thực hiện: Bước 1: nộp hồ sơ.</p>
<p>Thời hạn giải quyết: 15 ngày làm việc</p>
<p>Cơ quan thực hiện: UBND cấp huyện</p>`;

describe('audit of bad input', () => {
  it('marks an empty page unscannable, saying it is empty', () => {
    const report = audit('');
    expect(report.status).toBe('unscannable');
    expect(report.unscannableReason?.id).toBe('unscannable.empty');
  });

  it('marks a news article unscannable as not a procedure page', () => {
    const report = audit(
      '<html><body><h1>Tin tức</h1><p>Hội nghị tổng kết công tác năm, thủ tục hành chính được nhắc tới.</p></body></html>',
    );
    expect(report.status).toBe('unscannable');
    expect(report.unscannableReason?.id).toBe('unscannable.notProcedure');
  });

  it('audits a page carrying 5 MB of text', () => {
    const filler = `<p>${'Nội dung dài. '.repeat(400)}</p>`.repeat(900);
    const html = `<html><body>${PROCEDURE}${filler}</body></html>`;
    expect(html.length).toBeGreaterThan(5_000_000);
    const report = audit(html);
    expect(report.status).toBe('audited');
    expect(status(report, 'time-limit')).toBe('pass');
  });

  it('audits deeply nested markup without overflowing the stack', () => {
    const depth = 20_000;
    const html = `<html><body>${'<div>'.repeat(depth)}${PROCEDURE}${'</div>'.repeat(depth)}</body></html>`;
    const report = audit(html);
    expect(report.status).toBe('audited');
    expect(status(report, 'agency')).toBe('pass');
  });

  it('audits malformed HTML (unclosed cells, stray end tags)', () => {
    const report = audit(
      '<table><tr><td>Thời hạn giải quyết<td>10 ngày</tr></div><tr><td>Cơ quan thực hiện<td>Sở Tư pháp</table></span><p>Trình tự thực hiện: Bước 1',
    );
    expect(status(report, 'time-limit')).toBe('pass');
    expect(status(report, 'agency')).toBe('pass');
    expect(status(report, 'steps')).toBe('pass');
  });

  it('returns hostile values as text: script tags, entities and RTL controls', () => {
    const report = audit(
      `${PROCEDURE}<p>Đối tượng thực hiện: &lt;script&gt;alert(1)&lt;/script&gt; Công dân &amp; tổ chức \u202Egnàd nôC</p><script>document.body.innerHTML='x'</script>`,
    );
    const subjects = report.results.find((r) => r.id === 'subjects');
    expect(subjects?.status).toBe('pass');
    expect(subjects?.value).toContain('<script>alert(1)</script>');
    expect(subjects?.value).toContain('Công dân & tổ chức');
    expect(subjects?.value).not.toContain('\u202E');
  });

  it('leaves the page exactly as it was', () => {
    // A head, as every browser-parsed document has (linkedom adds one when body is read).
    const document = parseHtmlDocument(
      `<html><head><title>T</title></head><body>${PROCEDURE}<p onclick="x()">Phí, lệ phí: Không</p></body></html>`,
    );
    const before = document.documentElement.outerHTML;
    auditDocument(document);
    expect(document.documentElement.outerHTML).toBe(before);
  });

  it('judges a value made only of pasted markup and entities as empty', () => {
    const report = audit(`${PROCEDURE}<p>Căn cứ pháp lý: &lt;div class="row"&gt;&lt;/div&gt;&amp;nbsp;</p>`);
    expect(status(report, 'legal-basis')).toBe('fail');
  });
});

describe('audit of one huge block', () => {
  it('audits a page whose body is 5 MB of text in one paragraph, without hanging', () => {
    const html = `<html><body>${PROCEDURE}<p>${'x0.'.repeat(1_750_000)}</p></body></html>`;
    const report = audit(html); // a quadratic scan would hit the test timeout
    expect(report.status).toBe('audited');
  });
});
