/**
 * The audit script's side of site profiles: reads the stored profiles with a small hand-written
 * check (no zod, to keep the injected script small; the options page writes them only after
 * parsing with SiteProfilesSchema in profiles.ts) and returns, for a host, the extra labels and
 * the CSS selectors per element. It reads profiles of version 1 (labels only) and 2 (labels and
 * selectors) alike, so it never needs to migrate. A profile, label or selector that is not of the
 * expected shape is skipped.
 */
import { browser } from 'wxt/browser';
import { ELEMENT_IDS, type ElementId, type ExtraLabels } from '../../shared/checklist';

const ELEMENTS = new Set<string>(ELEMENT_IDS);

interface Profile {
  host: string;
  labels: Partial<Record<ElementId, string[]>>;
  selectors: Partial<Record<ElementId, string>>;
}

/** What a site profile gives the engine for one host. */
export interface HostProfile {
  extraLabels: ExtraLabels;
  selectors: Partial<Record<ElementId, string>>;
}

function entries(value: unknown): [ElementId, unknown][] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [];
  return Object.entries(value).filter((e): e is [ElementId, unknown] => ELEMENTS.has(e[0]));
}

function asProfile(value: unknown): Profile | null {
  if (typeof value !== 'object' || value === null) return null;
  const { host, labels, selectors } = value as { host?: unknown; labels?: unknown; selectors?: unknown };
  if (typeof host !== 'string' || !host) return null;
  const profile: Profile = { host, labels: {}, selectors: {} };
  for (const [id, list] of entries(labels))
    if (Array.isArray(list)) profile.labels[id] = list.filter((l): l is string => typeof l === 'string' && l.length > 0 && l.length <= 200);
  for (const [id, selector] of entries(selectors))
    if (typeof selector === 'string' && selector.length > 0 && selector.length <= 500) profile.selectors[id] = selector;
  return profile;
}

/** The profiles that apply to `host` (its own, or a parent domain's), the least specific first. */
export function profilesOfHost<P extends { host: string }>(host: string, profiles: readonly P[]): P[] {
  const h = host.toLowerCase();
  return profiles
    .filter((p) => h === p.host.toLowerCase() || h.endsWith(`.${p.host.toLowerCase()}`))
    .sort((a, b) => a.host.length - b.host.length);
}

/**
 * The profile for `host`: every profile whose host is it or a parent domain of it, labels merged;
 * for a selector, the most specific host (the longest) wins.
 */
export function profileFor(host: string, profiles: readonly Profile[]): HostProfile | undefined {
  const matching = profilesOfHost(host, profiles);
  if (matching.length === 0) return undefined;
  const labels: Partial<Record<ElementId, string[]>> = {};
  const selectors: Partial<Record<ElementId, string>> = {};
  for (const p of matching) {
    for (const [id, list] of Object.entries(p.labels) as [ElementId, string[]][]) labels[id] = [...(labels[id] ?? []), ...list];
    Object.assign(selectors, p.selectors);
  }
  return { extraLabels: labels, selectors };
}

/** The extra labels for `host` (see profileFor). */
export function labelsFor(host: string, profiles: readonly Profile[]): ExtraLabels | undefined {
  return profileFor(host, profiles)?.extraLabels;
}

/** The stored profile for `host` (storage read from the content script). */
export async function storedProfileFor(host: string): Promise<HostProfile | undefined> {
  // Read straight from storage.local: WXT's storage wrapper would add 10 KB to the injected script.
  const raw: unknown = (await browser.storage.local.get('profiles'))['profiles'];
  const profiles = Array.isArray(raw) ? raw.map(asProfile).filter((p): p is Profile => p !== null) : [];
  return profileFor(host, profiles);
}
