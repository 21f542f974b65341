/**
 * Whole-page fixtures modelled on real portal layout families (tests/fixtures/pages/README.md):
 * each page's expected.json gives the status of every element, the procedure's code and name,
 * and the quality findings that must come out. Adding a page needs no test edit.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHtmlDocument } from '../../shared/node/html';
import { auditDocument } from '../../shared/audit';
import { ELEMENT_IDS } from '../../shared/checklist';
import { reasonText } from '../../shared/report';
import { normalizeText } from '../../shared/text/normalize';

const PAGES = join(import.meta.dirname, '..', 'fixtures', 'pages');

interface Expected {
  /** A page that is not a procedure page: only its status is checked. */
  unscannable?: boolean;
  layout: string;
  description: string;
  procedure: { code: string | null; name: string | null };
  elements: Record<string, string>;
  findings?: Record<string, string>;
}

const cases = readdirSync(PAGES)
  .filter((f) => f.endsWith('.html'))
  .sort()
  .map((file) => ({
    file,
    expected: JSON.parse(readFileSync(join(PAGES, file.replace(/\.html$/, '.expected.json')), 'utf8')) as Expected,
  }));

describe('whole procedure pages', () => {
  it('cover at least 8 layout families', () => {
    expect(
      new Set(cases.filter((c) => !c.expected.unscannable).map((c) => c.expected.layout.replace(/[a-z]$/, ''))).size,
    ).toBeGreaterThanOrEqual(8);
  });

  const notProcedures = cases.filter((c) => c.expected.unscannable);
  it.each(notProcedures)('$file is not taken for a procedure page', ({ file }) => {
    const report = auditDocument(parseHtmlDocument(readFileSync(join(PAGES, file), 'utf8')), { url: file });
    expect(report.status).toBe('unscannable');
    expect(report.unscannableReason?.id).toBe('unscannable.notProcedure');
  });

  describe.each(cases.filter((c) => !c.expected.unscannable))('$file', ({ file, expected }) => {
    const document = parseHtmlDocument(readFileSync(join(PAGES, file), 'utf8'));
    const report = auditDocument(document, { url: file });

    it('is recognised as a procedure page', () => {
      expect(report.status).toBe('audited');
    });

    it('judges every element as a careful auditor would', () => {
      const got = Object.fromEntries(report.results.map((r) => [r.id, r.status]));
      const want = Object.fromEntries(ELEMENT_IDS.map((id) => [id, expected.elements[id]]));
      expect(got).toEqual(want);
    });

    it('names the procedure and its code', () => {
      if (expected.procedure.code !== null) expect(report.procedure.code).toBe(expected.procedure.code);
      if (expected.procedure.name !== null) expect(report.procedure.name).toBe(expected.procedure.name);
    });

    it('gives evidence whose selector finds the node again, and reasons the catalogs can say', () => {
      for (const item of [...report.results, ...report.findings]) {
        expect(reasonText(item.reason, 'vi'), item.reason.id).toMatch(/\p{L}/u);
        for (const evidence of item.evidence) {
          if (evidence.selector === 'title') continue;
          const node = document.querySelector(evidence.selector);
          expect(node, `${item.id}: ${evidence.selector}`).not.toBeNull();
          // Line breaks (<br>) become spaces in quotes: compare without white space.
          const squeeze = (t: string) => normalizeText(t).replace(/\s+/g, '');
          const words = squeeze(evidence.quote.replace(/…$/, '').split(/\s+/).slice(0, 3).join(' '));
          expect(squeeze(node!.textContent ?? ''), `${item.id}: ${evidence.selector}`).toContain(words);
        }
      }
    });

    it('reports the quality findings', () => {
      const got = Object.fromEntries(report.findings.map((f) => [f.id, f.status]));
      for (const [id, status] of Object.entries(expected.findings ?? {})) expect({ id, status: got[id] }).toEqual({ id, status });
    });
  });
});
