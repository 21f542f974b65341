/**
 * The checklist registry is the one list of elements: every element folder is registered, its id
 * is its folder name, it is complete as data, and no other code file lists the element ids.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { CHECKLIST, CHECKLIST_LEXICON, ELEMENT_IDS, PAGE_CHECKS } from '../../shared/checklist';
import { labelKey } from '../../shared/text/normalize';

const ROOT = join(import.meta.dirname, '..', '..');
const CHECKLIST_DIR = join(ROOT, 'shared', 'checklist');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules' || name === 'fixtures' || name === 'dist' || name.startsWith('.')) return [];
    return statSync(path).isDirectory() ? sourceFiles(path) : /\.(ts|tsx|mjs|js)$/.test(name) ? [path] : [];
  });
}

describe('checklist registry', () => {
  it('keeps the report order of the 14 elements that reports and CSV columns rely on', () => {
    expect(ELEMENT_IDS.length).toBe(14);
    expect(ELEMENT_IDS[0]).toBe('name');
    expect(ELEMENT_IDS[ELEMENT_IDS.length - 1]).toBe('feedback-contact');
  });

  it('registers every element folder, named by its id, and nothing else', () => {
    expect(readdirSync(join(CHECKLIST_DIR, 'elements')).sort()).toEqual([...ELEMENT_IDS].sort());
  });

  it('registers every page-check folder', () => {
    expect(readdirSync(join(CHECKLIST_DIR, 'page-checks')).sort()).toEqual(PAGE_CHECKS.map((c) => c.id.replace(/^page\./, '')).sort());
  });

  it('is the only code that lists the element ids', () => {
    const offenders: string[] = [];
    for (const dir of ['shared', 'widget', 'extension', 'cli', 'collector', 'scripts']) {
      for (const file of sourceFiles(join(ROOT, dir))) {
        const path = relative(ROOT, file);
        if (path === 'shared/checklist/index.ts' || /^shared\/checklist\/elements\/[^/]+\//.test(path)) continue;
        const text = readFileSync(file, 'utf8');
        const named = ELEMENT_IDS.filter((id) => new RegExp(`['"\`]${id}['"\`]`).test(text));
        // Judges name the few elements they read beside their own; a list names most of them.
        if (named.length >= 5) offenders.push(`${path}: ${named.join(', ')}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it.each(CHECKLIST)('$id has its legal name, English name, requirement, legal reference, labels and judge', (el) => {
    expect(el.legalName).toMatch(/\p{Ll}/u);
    expect(el.englishName.length).toBeGreaterThan(2);
    expect(['always', 'conditional', 'practice']).toContain(el.requirement);
    expect(el.legalRef.document).toMatch(/^(Nghị định|Thông tư|Quyết định) \d+\/\d{4}\//);
    expect(el.legalRef.provision).toMatch(/^Điều \d+/);
    expect(el.labels.length).toBeGreaterThan(0);
    expect(el.tags.some((t) => t.startsWith('law.'))).toBe(true);
    expect(el.judge).toBeTypeOf('function');
  });

  it('never gives one label two meanings outside table headers', () => {
    const seen = new Map<string, string>();
    for (const el of CHECKLIST) {
      for (const label of el.labels) {
        const text = typeof label === 'string' ? label : label.text;
        if (typeof label !== 'string' && label.columnOnly) continue;
        const key = labelKey(text);
        expect({ label: text, owner: seen.get(key) ?? el.id }).toEqual({ label: text, owner: el.id });
        seen.set(key, el.id);
      }
    }
  });

  it('recognises labels whatever their spelling of Đ, their case, or a trailing colon', () => {
    for (const written of [
      'Ðối tượng thực hiện:',
      'ĐỐI TƯỢNG THỰC HIỆN',
      'đối tượng   thực hiện',
      'Đối tượng thực hiện'.normalize('NFD'),
    ]) {
      expect(CHECKLIST_LEXICON.byKey.get(labelKey(written))?.key).toBe('subjects');
    }
  });
});
