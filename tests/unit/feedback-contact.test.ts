/**
 * The feedback-contact result keeps the contact the page publishes as structured data (agency,
 * address, phones, e-mails, websites, hours), so the widget's contact panel can show it.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { auditDocument } from '../../shared/audit';
import { parseHtmlDocument } from '../../shared/node/html';

const PAGES = join(import.meta.dirname, '..', 'fixtures', 'pages');
const contactOf = (file: string) =>
  auditDocument(parseHtmlDocument(readFileSync(join(PAGES, file), 'utf8'))).results.find((r) => r.id === 'feedback-contact')!;

describe('the contact for phản ánh, kiến nghị', () => {
  it('keeps the agency, address, phone and e-mail a footer publishes', () => {
    const result = contactOf('details-extra6.nha-chung-cu-mau-khong-tai.html');
    expect(result.status).toBe('pass');
    expect(result.contact).toEqual({
      agency: 'Sở Xây dựng',
      address: 'Tầng 5, Trung tâm Hành chính tỉnh, số 01 đường Trung tâm',
      phones: ['0000 000 000'],
      emails: ['pakn.sxd@example.gov.vn'],
      websites: [],
      hours: null,
    });
  });

  it('keeps a generic contact too, for a person to judge, with the hours as written', () => {
    const result = contactOf('english-provincial-extra4.g-foreign-airline-office.html');
    expect(result.status).toBe('review');
    expect(result.contact?.phones).toEqual(['0000 000 000']);
    expect(result.contact?.hours).toBe('Monday–Friday, 7:30–17:00');
  });

  it('has no contact when the page publishes none', () => {
    const page = '<h1>Thủ tục A</h1><p>Trình tự thực hiện: Nộp hồ sơ.</p><p>Cách thức thực hiện: Trực tiếp.</p>';
    const result = auditDocument(parseHtmlDocument(page)).results.find((r) => r.id === 'feedback-contact')!;
    expect(result.status).toBe('fail');
    expect(result.contact).toBeUndefined();
  });
});
