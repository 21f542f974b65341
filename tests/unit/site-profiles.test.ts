/**
 * Site profiles: extra label spellings reach the engine (auditDocument's extraLabels), the
 * profiles file is parsed whole, and the audit script picks the profiles of the page's host.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { auditDocument } from '../../shared/audit';
import { CHECKLIST_LEXICON, checklistLexicon } from '../../shared/checklist';
import { parseHtmlDocument } from '../../shared/node/html';

const PAGE = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'extension', 'procedure-page.html'), 'utf8').replace(
  '<tr><td>Ðối tượng thực hiện</td>',
  '<tr><td>Giấy tờ cần chuẩn bị</td><td>Tờ khai đăng ký khai sinh theo mẫu: 01 bản chính</td></tr><tr><td>Ðối tượng thực hiện</td>',
);
let parseProfiles: typeof import('../../extension/messaging/profiles').parseProfiles;
let labelsFor: typeof import('../../extension/messaging/profile-labels').labelsFor;
beforeAll(async () => {
  // Imported after the stub: the extension API is looked up when wxt/browser is first imported.
  vi.stubGlobal('browser', fakeBrowser);
  vi.stubGlobal('chrome', fakeBrowser);
  ({ parseProfiles } = await import('../../extension/messaging/profiles'));
  ({ labelsFor } = await import('../../extension/messaging/profile-labels'));
});

const dossier = (report: ReturnType<typeof auditDocument>) => report.results.find((r) => r.id === 'dossier')?.status;

describe('site profiles', () => {
  it('let the engine read a label spelling it does not know', () => {
    expect(dossier(auditDocument(parseHtmlDocument(PAGE), { url: 'x' }))).toBe('fail');
    const withProfile = auditDocument(parseHtmlDocument(PAGE), { url: 'x', extraLabels: { dossier: ['Giấy tờ cần chuẩn bị'] } });
    expect(dossier(withProfile)).toBe('pass');
  });

  it('leave the built-in lexicon as it is without extras', () => {
    expect(checklistLexicon(undefined)).toBe(CHECKLIST_LEXICON);
    expect(checklistLexicon({ dossier: [] })).toBe(CHECKLIST_LEXICON);
  });

  it('are parsed whole and matched by host or parent domain', () => {
    expect(parseProfiles('[{"host":"x.gov.vn","labels":{"nope":["a"]}}]')).toMatchObject({ ok: false });
    expect(parseProfiles('not json')).toEqual({ ok: false, error: 'JSON' });
    const parsed = parseProfiles('[{"host":"gov.vn","labels":{"dossier":["A"]}},{"host":"a.gov.vn","labels":{"dossier":["B"]}}]');
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(labelsFor('a.gov.vn', parsed.profiles)).toEqual({ dossier: ['A', 'B'] });
    expect(labelsFor('b.gov.vn', parsed.profiles)).toEqual({ dossier: ['A'] });
    expect(labelsFor('example.com', parsed.profiles)).toBeUndefined();
  });
});
