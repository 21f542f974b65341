/** Every surface's catalog: complete in both languages, same placeholders, plural forms chosen by count. */
import { describe, expect, it } from 'vitest';
import {
  cliCatalogs,
  collectorCatalogs,
  commonCatalogs,
  extensionCatalogs,
  formatMessage,
  resolveLocale,
  translator,
  widgetCatalogs,
  type Catalogs,
  type Message,
} from '../../shared/i18n';

const SURFACES: Record<string, Catalogs<string>> = {
  common: commonCatalogs,
  widget: widgetCatalogs,
  extension: extensionCatalogs,
  collector: collectorCatalogs,
  cli: cliCatalogs,
};
const forms = (m: Message): string[] => (typeof m === 'string' ? [m] : Object.values(m).filter((v): v is string => typeof v === 'string'));
const names = (m: Message) =>
  [...new Set(forms(m).flatMap((s) => [...s.matchAll(/%\{(\w+)\}/g)].map((x) => x[1]!)))].filter((n) => n !== 'count').sort();

describe.each(Object.entries(SURFACES))('the %s catalog', (_surface, catalogs) => {
  it('has the same keys in Vietnamese and English, none empty', () => {
    expect(Object.keys(catalogs.en).sort()).toEqual(Object.keys(catalogs.vi).sort());
    for (const catalog of Object.values(catalogs))
      for (const message of Object.values(catalog)) for (const text of forms(message)) expect(text.trim()).not.toBe('');
  });

  it('uses the same placeholders in both languages', () => {
    for (const [id, message] of Object.entries(catalogs.vi))
      expect({ id, names: names(catalogs.en[id]!) }).toEqual({ id, names: names(message) });
  });
});

describe('messages', () => {
  it('write Vietnamese with its diacritics', () => {
    expect(widgetCatalogs.vi['widget.rating.5']).toBe('Rất hài lòng');
    expect(commonCatalogs.vi['status.review']).toBe('Cần xem xét');
  });

  it('no key is defined by two surfaces', () => {
    const seen = new Map<string, string>();
    for (const [surface, catalogs] of Object.entries(SURFACES)) {
      for (const id of Object.keys(catalogs.vi)) {
        expect({ id, surface: seen.get(id) ?? surface }).toEqual({ id, surface });
        seen.set(id, surface);
      }
    }
  });

  it('fill placeholders and fall back to Vietnamese for unknown languages', () => {
    expect(translator(widgetCatalogs, 'en')('widget.context.procedure', { name: 'x' })).toBe('Procedure: x');
    expect(resolveLocale('en-GB')).toBe('en');
    expect(resolveLocale('fr')).toBe('vi');
    expect(resolveLocale(undefined)).toBe('vi');
  });

  it('choose the plural form for the count shown', () => {
    const t = translator(commonCatalogs, 'en');
    expect(t('finding.formDownload.pass', { count: 1 })).toBe('One form file can be downloaded.');
    expect(t('finding.formDownload.pass', { count: 3 })).toBe('3 form files can be downloaded.');
    expect(translator(commonCatalogs, 'vi')('finding.formDownload.pass', { count: 1 })).toContain('1 tệp');
    expect(formatMessage('en', { one: 'a', other: 'b' }, {})).toBe('b');
  });
});
