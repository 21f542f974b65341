/**
 * Site profiles: for a portal whose layout the engine misses, extra label spellings per element
 * (e.g. "Giấy tờ cần chuẩn bị" for the dossier), keyed by host name. Kept in a versioned
 * storage.local item, edited and exchanged as JSON on the options page, and read by the audit
 * script (profile-labels.ts), which passes the profile of the page's host to the engine. Parsed on every read; a
 * profile file that does not parse is refused whole. Limits: labels only (no CSS selectors yet);
 * one profile per host, matched exactly or as a parent domain ("gov.vn" covers "x.gov.vn").
 */
import * as z from 'zod/mini';
import { storage } from 'wxt/utils/storage';
import { ELEMENT_IDS, type ElementId } from '../../shared/checklist';
import { PROFILES_KEY } from './profile-labels';

const ELEMENTS = new Set<string>(ELEMENT_IDS);

export const SiteProfileSchema = z.object({
  host: z.string().check(z.minLength(1), z.maxLength(253), z.regex(/^[a-z0-9.-]+$/i)),
  labels: z.record(
    z.custom<ElementId>((v) => typeof v === 'string' && ELEMENTS.has(v)),
    z.array(z.string().check(z.minLength(1), z.maxLength(200))).check(z.maxLength(50)),
  ),
});
export type SiteProfile = z.infer<typeof SiteProfileSchema>;
export const SiteProfilesSchema = z.array(SiteProfileSchema).check(z.maxLength(500));

const profilesItem = storage.defineItem<unknown>(PROFILES_KEY, { fallback: [], version: 1 });

export async function loadProfiles(): Promise<SiteProfile[]> {
  const parsed = SiteProfilesSchema.safeParse(await profilesItem.getValue());
  return parsed.success ? parsed.data : [];
}

export async function saveProfiles(profiles: SiteProfile[]): Promise<void> {
  await profilesItem.setValue(SiteProfilesSchema.parse(profiles));
}

/** Profiles from a JSON text (an array of profiles), or where the problems are (paths, or "JSON"). */
export function parseProfiles(text: string): { ok: true; profiles: SiteProfile[] } | { ok: false; error: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, error: 'JSON' };
  }
  const parsed = SiteProfilesSchema.safeParse(json);
  if (!parsed.success) return { ok: false, error: [...new Set(parsed.error.issues.map((i) => i.path.join('.') || '(root)'))].join(', ') };
  return { ok: true, profiles: parsed.data };
}
