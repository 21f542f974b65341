/**
 * Long pages: a related-procedures list of 70,000 items (more blocks than the engine once kept)
 * must not push the footer's contact for phản ánh, kiến nghị off the end of what is read, and a
 * page of many tab strips and id'd cards is read in one pass (not one pass per tab or id).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { auditDocument } from '../../shared/audit';
import { parseHtmlDocument } from '../../shared/node/html';

const BASE = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'pages', 'l1-national-new-ui.complaint-1.000178.html'), 'utf8');
const status = (html: string, id: string) => auditDocument(parseHtmlDocument(html)).results.find((r) => r.id === id)?.status;

describe('auditing very long pages', () => {
  it('still reads the footer contact after 70,000 related procedures', () => {
    const items = Array.from(
      { length: 70_000 },
      (_, i) =>
        `<li id="tt-${i}"><a href="/tthc/${i}">Thủ tục liên quan số ${i}</a> <span>1.00${String(i % 10_000).padStart(4, '0')}</span></li>`,
    ).join('');
    const html = BASE.replace('</body>', `<ul class="related">${items}</ul></body>`);
    expect(status(BASE, 'feedback-contact')).toBe('pass');
    expect(status(html, 'feedback-contact')).toBe('pass');
  });

  it('reads every tab panel of a page with thousands of tabs', () => {
    const tabs = Array.from(
      { length: 3_000 },
      (_, i) => `<div><a href="#p${i}">Trình tự thực hiện</a><div id="p${i}"><p>Bước ${i}: nộp hồ sơ</p></div></div>`,
    ).join('');
    const html = BASE.replace('</body>', `<section>${tabs}</section></body>`);
    expect(status(html, 'steps')).toBe('pass');
  });
});
