/**
 * Every legal reference the registry makes (elements and page checks) points at an instrument of
 * the one list (shared/checklist/legal-instruments.ts) that is still in force; the list is
 * consistent (amending and replacing documents listed too); and every decree or circular the
 * project's code and documentation cite is listed there.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { CHECKLIST, PAGE_CHECKS, type LegalRef } from '../../shared/checklist';
import { LEGAL_INSTRUMENTS } from '../../shared/checklist/legal-instruments';
import { emptyPage, type ExtractedPage } from '../../shared/extractor';

const ROOT = join(import.meta.dirname, '..', '..');
const BY_DOCUMENT = new Map(LEGAL_INSTRUMENTS.map((i) => [i.document, i]));

const REFERENCES: { owner: string; ref: LegalRef }[] = [
  ...CHECKLIST.map((e) => ({ owner: `element ${e.id}`, ref: e.legalRef })),
  ...PAGE_CHECKS.map((c) => ({ owner: `page check ${c.id}`, ref: c.legalRef })),
];

const EMPTY_PAGE: ExtractedPage = emptyPage();

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules' || name === 'fixtures' || name === 'dist' || name.startsWith('.')) return [];
    return statSync(path).isDirectory() ? sourceFiles(path) : /\.(ts|tsx|md)$/.test(name) ? [path] : [];
  });
}

describe('legal instruments', () => {
  it('lists each document once, with what amends or replaces it listed too', () => {
    expect(BY_DOCUMENT.size).toBe(LEGAL_INSTRUMENTS.length);
    for (const instrument of LEGAL_INSTRUMENTS) {
      expect(instrument.document).toMatch(/^(Nghị định|Thông tư|Quyết định) \d+\/\d{4}\/[\p{Lu}Đ-]+$/u);
      for (const amending of instrument.amendedBy ?? [])
        expect({ amending, listed: BY_DOCUMENT.has(amending) }).toEqual({ amending, listed: true });
      if (instrument.status !== 'in-force') expect(instrument.replacedBy, instrument.document).toBeDefined();
      if (instrument.replacedBy) expect(BY_DOCUMENT.get(instrument.replacedBy.document)?.status, instrument.document).toBe('in-force');
    }
  });

  it.each(REFERENCES)('$owner cites a listed instrument in force, by article', ({ ref }) => {
    expect(BY_DOCUMENT.get(ref.document)?.status).toBe('in-force');
    expect(ref.provision).toMatch(/^Điều \d+/);
    if (ref.amendedBy) {
      expect(BY_DOCUMENT.get(ref.amendedBy)?.status).toBe('in-force');
      expect(BY_DOCUMENT.get(ref.document)?.amendedBy).toContain(ref.amendedBy);
    }
  });

  it.each(PAGE_CHECKS)('$id gives its legal reference with its finding', (pageCheck) => {
    expect(pageCheck.check(EMPTY_PAGE).legalRef).toEqual(pageCheck.legalRef);
  });

  it('lists every decree and circular the code and the documentation cite', () => {
    const cited = new Map<string, string>();
    const files = [
      ...['shared', 'cli', 'extension', 'widget', 'collector', 'docs'].flatMap((dir) => sourceFiles(join(ROOT, dir))),
      join(ROOT, 'README.md'),
    ];
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/(?:Decree|Circular|Nghị định|Thông tư)\s+(?:số\s+)?(\d{1,3}\/\d{4})/gu))
        cited.set(m[1]!, relative(ROOT, file));
    }
    const unlisted = [...cited].filter(([number]) => !LEGAL_INSTRUMENTS.some((i) => i.document.includes(` ${number}/`)));
    expect(unlisted).toEqual([]);
  });
});
