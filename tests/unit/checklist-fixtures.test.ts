/**
 * Runs every element's fixtures: the file name says the expected status of that element
 * (pass.*.html, fail.*.html, review.*.html, na.*.html), so adding a case needs no test edit.
 * Fixtures are judged by the element's own judge, whatever the rest of the page holds.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseHtmlDocument } from '../../shared/node/html';
import { extractPage } from '../../shared/extractor';
import { JUDGES } from '../../shared/audit';
import { CHECKLIST } from '../../shared/checklist/registry';

const ELEMENTS = join(import.meta.dirname, '..', '..', 'shared', 'checklist', 'elements');

describe.each(CHECKLIST.map((e) => e.id))('element %s', (id) => {
  const dir = join(ELEMENTS, id, 'fixtures');
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.html')).sort() : [];

  it('has at least one pass and one fail fixture', () => {
    expect(files.some((f) => f.startsWith('pass.'))).toBe(true);
    expect(files.some((f) => f.startsWith('fail.'))).toBe(true);
  });

  it.each(files)('%s', (file) => {
    const expected = file.split('.')[0];
    const document = parseHtmlDocument(readFileSync(join(dir, file), 'utf8'));
    const { result } = JUDGES[id](extractPage(document));
    expect({ status: result.status, reason: result.reason.id, value: result.value }).toMatchObject({ status: expected });
  });
});
