/** The widget's first file (the loader) shows the launcher before the UI chunk runs: its words are the catalog's. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { vi } from '../../shared/i18n/widget/vi';
import { en } from '../../shared/i18n/widget/en';

describe('widget loader', () => {
  it('labels the early launcher with the catalog words in both languages', () => {
    const source = readFileSync(new URL('../../widget/src/main.tsx', import.meta.url), 'utf8');
    const launcher = /const LAUNCHER = \{ vi: '([^']+)', en: '([^']+)' \}/.exec(source);
    expect(launcher?.slice(1)).toEqual([vi['widget.launcher'], en['widget.launcher']]);
  });
});
