/**
 * The audit script's side of site profiles: reads the stored profiles with a small hand-written
 * check (no zod, to keep the injected script small; the options page writes them only after
 * parsing with SiteProfilesSchema in profiles.ts) and returns the extra labels for a host. A
 * profile or label that is not of the expected shape is skipped.
 */
import { browser } from 'wxt/browser';
import { ELEMENT_IDS, type ElementId, type ExtraLabels } from '../../shared/checklist';

/** The WXT storage key of the profiles item (profiles.ts); in storage.local it is `profiles`. */
export const PROFILES_KEY = 'local:profiles';
const ELEMENTS = new Set<string>(ELEMENT_IDS);

interface Profile {
  host: string;
  labels: Partial<Record<ElementId, string[]>>;
}

function asProfile(value: unknown): Profile | null {
  if (typeof value !== 'object' || value === null) return null;
  const { host, labels } = value as { host?: unknown; labels?: unknown };
  if (typeof host !== 'string' || !host || typeof labels !== 'object' || labels === null) return null;
  const clean: Partial<Record<ElementId, string[]>> = {};
  for (const [id, list] of Object.entries(labels)) {
    if (!ELEMENTS.has(id) || !Array.isArray(list)) continue;
    clean[id as ElementId] = list.filter((l): l is string => typeof l === 'string' && l.length > 0 && l.length <= 200);
  }
  return { host, labels: clean };
}

/** The extra labels for `host`: every profile whose host is it or a parent domain of it. */
export function labelsFor(host: string, profiles: readonly Profile[]): ExtraLabels | undefined {
  const h = host.toLowerCase();
  const matching = profiles.filter((p) => h === p.host.toLowerCase() || h.endsWith(`.${p.host.toLowerCase()}`));
  if (matching.length === 0) return undefined;
  const merged: Partial<Record<ElementId, string[]>> = {};
  for (const p of matching)
    for (const [id, labels] of Object.entries(p.labels) as [ElementId, string[]][]) merged[id] = [...(merged[id] ?? []), ...labels];
  return merged;
}

/** The stored profiles' extra labels for `host` (storage read from the content script). */
export async function storedLabelsFor(host: string): Promise<ExtraLabels | undefined> {
  // Read straight from storage.local: WXT's storage wrapper would add 10 KB to the injected script.
  const raw: unknown = (await browser.storage.local.get('profiles'))['profiles'];
  const profiles = Array.isArray(raw) ? raw.map(asProfile).filter((p): p is Profile => p !== null) : [];
  return labelsFor(host, profiles);
}
