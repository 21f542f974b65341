/** The checklist as data: every element is complete, ids match folders, labels are usable. */
import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { CHECKLIST, ELEMENT_IDS } from '../../shared/checklist/registry';
import { DEFAULT_LEXICON } from '../../shared/checklist/lexicon';
import { labelKey } from '../../shared/text/normalize';

const ELEMENTS = join(import.meta.dirname, '..', '..', 'shared', 'checklist', 'elements');

describe('checklist registry', () => {
  it('lists the 14 element ids of the interface, in report order', () => {
    expect(ELEMENT_IDS).toEqual(['name', 'code', 'steps', 'methods', 'dossier', 'time-limit', 'subjects', 'agency', 'result', 'fees', 'forms', 'conditions', 'legal-basis', 'feedback-contact']);
  });

  it('has one folder per element, named by its id, and no other', () => {
    expect(readdirSync(ELEMENTS).sort()).toEqual([...ELEMENT_IDS].sort());
  });

  it.each(CHECKLIST)('$id has its legal name, English name, requirement, legal reference and labels', (el) => {
    expect(el.legalName).toMatch(/\p{Ll}/u);
    expect(el.englishName.length).toBeGreaterThan(2);
    expect(['always', 'conditional', 'practice']).toContain(el.requirement);
    expect(el.legalRef.document).toMatch(/^(Nghị định|Thông tư|Quyết định) \d+\/\d{4}\//);
    expect(el.legalRef.provision).toMatch(/^Điều \d+/);
    expect(el.labels.length).toBeGreaterThan(0);
    expect(el.tags.some((t) => t.startsWith('law.'))).toBe(true);
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
    for (const written of ['Ðối tượng thực hiện:', 'ĐỐI TƯỢNG THỰC HIỆN', 'đối tượng   thực hiện', 'Đối tượng thực hiện'.normalize('NFD')]) {
      expect(DEFAULT_LEXICON.byKey.get(labelKey(written))?.key).toBe('subjects');
    }
  });
});
