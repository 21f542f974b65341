/**
 * Runs every element's and every page check's fixtures: the file name says the expected status
 * (pass.*.html, fail.*.html, review.*.html, na.*.html), so adding a case needs no test edit.
 * Element fixtures are judged by the element's own judge, whatever the rest of the page holds.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseHtmlDocument } from '../../shared/node/html';
import { extractPage } from '../../shared/extractor';
import { CHECKLIST, CHECKLIST_LEXICON, PAGE_CHECKS } from '../../shared/checklist';

const CHECKLIST_DIR = join(import.meta.dirname, '..', '..', 'shared', 'checklist');
const fixtures = (dir: string) =>
  existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.html'))
        .sort()
    : [];
const extract = (file: string) => extractPage(parseHtmlDocument(readFileSync(file, 'utf8')), { lexicon: CHECKLIST_LEXICON });

describe.each(CHECKLIST)('element $id', (element) => {
  const dir = join(CHECKLIST_DIR, 'elements', element.id, 'fixtures');
  const files = fixtures(dir);

  it('has at least one pass and one fail fixture', () => {
    expect(files.some((f) => f.startsWith('pass.'))).toBe(true);
    expect(files.some((f) => f.startsWith('fail.'))).toBe(true);
  });

  it.each(files)('%s', (file) => {
    const expected = file.split('.')[0];
    const { result } = element.judge(extract(join(dir, file)));
    expect({ status: result.status, reason: result.reason.id, value: result.value }).toMatchObject({ status: expected });
  });
});

describe.each(PAGE_CHECKS)('page check $id', (pageCheck) => {
  const dir = join(CHECKLIST_DIR, 'page-checks', pageCheck.id.replace(/^page\./, ''), 'fixtures');
  const files = fixtures(dir);

  it('has at least one pass and one fail fixture', () => {
    expect(files.some((f) => f.startsWith('pass.'))).toBe(true);
    expect(files.some((f) => f.startsWith('fail.'))).toBe(true);
  });

  it.each(files)('%s', (file) => {
    const finding = pageCheck.check(extract(join(dir, file)));
    expect({ status: finding.status, reason: finding.reason.id }).toMatchObject({ status: file.split('.')[0] });
  });
});
