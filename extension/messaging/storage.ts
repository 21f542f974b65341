/**
 * What the extension keeps in `storage.local`, each item versioned (WXT storage items: a new
 * shape comes with a migration from the previous version). Storage is a trust boundary like a
 * message: every read is parsed, and what does not parse is dropped rather than trusted.
 * - options: the auditor's name and unit (written into overrides and saved audits), the language;
 * - overrides: the auditor's decisions, by page (URL without fragment) and item
 *   (`element:<id>` / `finding:<id>`), so a decision survives a reload and a re-audit.
 * Limits: storage.local only (no sync); one decision per item and page.
 */
import * as z from 'zod/mini';
import { storage } from 'wxt/utils/storage';
import { OverrideSchema } from '../../shared/audit/schema';
import type { AuditReport } from '../../shared/audit/types';
import type { Override } from '../../shared/checklist/types';

export const OptionsSchema = z.object({
  auditorName: z._default(z.string().check(z.maxLength(200)), ''),
  unit: z._default(z.string().check(z.maxLength(300)), ''),
  locale: z._default(z.enum(['vi', 'en']), 'vi'),
});
export type Options = z.infer<typeof OptionsSchema>;
export const DEFAULT_OPTIONS: Options = { auditorName: '', unit: '', locale: 'vi' };

const OverridesSchema = z.record(z.string(), z.record(z.string(), OverrideSchema));
type Overrides = z.infer<typeof OverridesSchema>;

const optionsItem = storage.defineItem<unknown>('local:options', { fallback: DEFAULT_OPTIONS, version: 1 });
const overridesItem = storage.defineItem<unknown>('local:overrides', { fallback: {}, version: 1 });

export async function loadOptions(): Promise<Options> {
  const parsed = OptionsSchema.safeParse((await optionsItem.getValue()) ?? {});
  return parsed.success ? parsed.data : DEFAULT_OPTIONS;
}

export async function saveOptions(options: Options): Promise<void> {
  await optionsItem.setValue(OptionsSchema.parse(options));
}

/** The key of a page: its URL without the fragment. */
export function pageKey(url: string | null): string {
  return (url ?? '').replace(/#.*$/, '');
}

export type ItemKey = `element:${string}` | `finding:${string}`;

async function allOverrides(): Promise<Overrides> {
  const parsed = OverridesSchema.safeParse(await overridesItem.getValue());
  return parsed.success ? parsed.data : {};
}

/** The auditor's decisions on one page. */
export async function loadOverrides(url: string | null): Promise<Record<string, Override>> {
  return (await allOverrides())[pageKey(url)] ?? {};
}

/** Sets (or with null removes) the decision on one item of one page. */
export async function saveOverride(url: string | null, item: ItemKey, override: Override | null): Promise<void> {
  const all = await allOverrides();
  const page = { ...all[pageKey(url)] };
  if (override) page[item] = OverrideSchema.parse(override);
  else delete page[item];
  if (Object.keys(page).length > 0) all[pageKey(url)] = page;
  else delete all[pageKey(url)];
  await overridesItem.setValue(all);
}

/** The report with the page's stored decisions beside the machine's statuses (a new object). */
export function withOverrides(report: AuditReport, overrides: Readonly<Record<string, Override>>): AuditReport {
  return {
    ...report,
    results: report.results.map(({ override: _old, ...r }) => {
      const o = overrides[`element:${r.id}`];
      return o ? { ...r, override: o } : r;
    }),
    findings: report.findings.map(({ override: _old, ...f }) => {
      const o = overrides[`finding:${f.id}`];
      return o ? { ...f, override: o } : f;
    }),
  };
}
