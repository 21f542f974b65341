/**
 * Site profiles with CSS selectors: the node a profile's selector names is read as the element's
 * value, with evidence pointing at it, so an element the label search missed is found; a selector
 * that matches nothing changes nothing and an invalid one never breaks the audit; the options
 * page refuses selectors the browser cannot parse, naming where they are; the audit script picks
 * the most specific host's selector.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { auditPage } from '../../shared/audit';
import { checklistLexicon } from '../../shared/checklist';
import { extractPage } from '../../shared/extractor';
import { parseHtmlDocument } from '../../shared/node/html';

/** The demo page with its dossier published in an unlabelled box the label search cannot tie to an element. */
const PAGE = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'extension', 'procedure-page.html'), 'utf8').replace(
  '<h2>Trình tự thực hiện</h2>',
  '<div class="ho-so-can-nop"><p>Tờ khai đăng ký khai sinh theo mẫu: 01 bản chính</p><p>Giấy chứng sinh: 01 bản chính</p></div>\n<h2>Trình tự thực hiện</h2>',
);

let profiles: typeof import('../../extension/messaging/profiles');
let labels: typeof import('../../extension/messaging/profile-labels');
beforeAll(async () => {
  vi.stubGlobal('browser', fakeBrowser);
  vi.stubGlobal('chrome', fakeBrowser);
  profiles = await import('../../extension/messaging/profiles');
  labels = await import('../../extension/messaging/profile-labels');
});

function audit(selectors?: Record<string, string>) {
  const doc = parseHtmlDocument(PAGE);
  return {
    doc,
    report: auditPage(extractPage(doc, { url: 'https://x.gov.vn/1', lexicon: checklistLexicon(undefined), profile: { selectors } })),
  };
}
const dossierOf = (report: ReturnType<typeof audit>['report']) => report.results.find((r) => r.id === 'dossier')!;

describe('site profile selectors in the engine', () => {
  it('turn an element the label search missed into a pass, with evidence pointing at the selected node', () => {
    expect(dossierOf(audit().report).status).toBe('fail');
    const { doc, report } = audit({ dossier: '.ho-so-can-nop' });
    const dossier = dossierOf(report);
    expect(dossier.status).toBe('pass');
    expect(dossier.value).toContain('Giấy chứng sinh: 01 bản chính');
    const node = doc.querySelector(dossier.evidence[0]!.selector);
    expect(node).toBe(doc.querySelector('.ho-so-can-nop'));
    expect(dossier.evidence[0]!.quote).toContain('Tờ khai đăng ký khai sinh');
  });

  it('replace what the label search found for that element only', () => {
    const without = audit().report;
    const { report } = audit({ agency: 'h1' });
    expect(report.results.find((r) => r.id === 'agency')!.value).toBe('Đăng ký khai sinh');
    for (const r of report.results.filter((x) => x.id !== 'agency'))
      expect(r.status).toBe(without.results.find((x) => x.id === r.id)!.status);
  });

  it('leave the audit unchanged when a selector matches nothing or cannot be parsed', () => {
    const without = audit().report;
    expect(audit({ dossier: '.not-on-this-page' }).report.results).toEqual(without.results);
    expect(audit({ dossier: 'div[[' }).report.results).toEqual(without.results);
  });
});

describe('site profiles with selectors', () => {
  it('are refused whole when a selector does not parse, naming the host and element', () => {
    const isValid = (s: string) => !s.includes('[[');
    const text = '[{"host":"x.gov.vn","selectors":{"dossier":".ok","fees":"div[["}}]';
    expect(profiles.parseProfiles(text, isValid)).toEqual({
      ok: false,
      error: 'x.gov.vn → fees',
      invalid: [{ host: 'x.gov.vn', element: 'fees', selector: 'div[[' }],
    });
    expect(profiles.parseProfiles('[{"host":"x.gov.vn","selectors":{"nope":".a"}}]', isValid)).toMatchObject({ ok: false });
  });

  it('read a profile with selectors only, and one with labels only (version 1)', () => {
    expect(profiles.parseProfiles('[{"host":"x.gov.vn","selectors":{"fees":".phi-le"}}]')).toEqual({
      ok: true,
      profiles: [{ host: 'x.gov.vn', labels: {}, selectors: { fees: '.phi-le' } }],
    });
    expect(profiles.parseProfiles('[{"host":"x.gov.vn","labels":{"fees":["Lệ phí"]}}]')).toEqual({
      ok: true,
      profiles: [{ host: 'x.gov.vn', labels: { fees: ['Lệ phí'] }, selectors: {} }],
    });
  });

  it('give the audit script the most specific host’s selector and every matching host’s labels', () => {
    const list = [
      { host: 'gov.vn', labels: { dossier: ['A'] }, selectors: { fees: '.general', dossier: '.d' } },
      { host: 'a.gov.vn', labels: { dossier: ['B'] }, selectors: { fees: '.specific' } },
    ];
    expect(labels.profileFor('x.a.gov.vn', list)).toEqual({
      extraLabels: { dossier: ['A', 'B'] },
      selectors: { fees: '.specific', dossier: '.d' },
    });
    expect(labels.profileFor('example.com', list)).toBeUndefined();
  });

  it('are read by the audit script from storage, whatever their stored version', async () => {
    await fakeBrowser.storage.local.set({ profiles: [{ host: 'x.gov.vn', labels: { dossier: ['A'] } }, { host: 42 }] });
    expect(await labels.storedProfileFor('x.gov.vn')).toEqual({ extraLabels: { dossier: ['A'] }, selectors: {} });
    await fakeBrowser.storage.local.set({
      profiles: [{ host: 'x.gov.vn', labels: {}, selectors: { fees: '.phi', nope: '.x', dossier: 7 } }],
    });
    expect(await labels.storedProfileFor('x.gov.vn')).toEqual({ extraLabels: {}, selectors: { fees: '.phi' } });
  });
});
