import { describe, expect, it } from 'vitest';
import { catalogs, resolveLocale, translate } from '../../shared/i18n';

describe('message catalogs', () => {
  it('have the same keys in Vietnamese and English, none empty', () => {
    expect(Object.keys(catalogs.en).sort()).toEqual(Object.keys(catalogs.vi).sort());
    for (const catalog of Object.values(catalogs)) for (const text of Object.values(catalog)) expect(text.trim()).not.toBe('');
  });

  it('use the same placeholders in both languages', () => {
    const names = (s: string) => [...s.matchAll(/%\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [id, text] of Object.entries(catalogs.vi)) expect(names(catalogs.en[id as keyof typeof catalogs.en])).toEqual(names(text));
  });

  it('write Vietnamese with its diacritics', () => {
    expect(catalogs.vi['widget.rating.5']).toBe('Rất hài lòng');
  });

  it('fill placeholders and fall back to Vietnamese for unknown languages', () => {
    expect(translate('en', 'widget.error.rejected', { reason: 'x' })).toBe('The server did not accept the rating: x');
    expect(resolveLocale('en-GB')).toBe('en');
    expect(resolveLocale('fr')).toBe('vi');
    expect(resolveLocale(undefined)).toBe('vi');
  });
});
