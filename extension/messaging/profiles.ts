/**
 * Site profiles: for a portal whose layout the engine misses, per element either extra label
 * spellings (e.g. "Giấy tờ cần chuẩn bị" for the dossier) or a CSS selector of the node that holds
 * the element's value (e.g. `{"fees": ".phi-le"}`), keyed by host name. Kept in a versioned
 * storage.local key (profiles v2, extension/storage/keys.ts; v1 had labels only), edited and
 * exchanged as JSON on the options page, and read by the audit script (profile-labels.ts), which
 * passes the profile of the page's host to the engine. Parsed on every read; a profile file that
 * does not parse is refused whole, and so is one with a selector the browser cannot parse.
 * A profile may also name, for batch audits, the procedure links of the portal's list pages
 * (`linkSelector`) and the links to the list's other pages (`nextSelector`), used by the batch
 * page's list walk (shared/batch discoverLinks) when the default recognition misses.
 * Limits: one profile per host, matched exactly or as a parent domain ("gov.vn" covers
 * "x.gov.vn"); one selector per element (the first node it matches is read).
 */
import * as z from 'zod/mini';
import { ELEMENT_IDS, type ElementId } from '../../shared/checklist';
import { PROFILES_KEY, localArea } from '../storage/keys';
import { readKey, writeKey } from '../storage/versioned';

const ELEMENTS = new Set<string>(ELEMENT_IDS);
const ElementIdSchema = z.custom<ElementId>((v) => typeof v === 'string' && ELEMENTS.has(v));

export const SiteProfileSchema = z.object({
  host: z.string().check(z.minLength(1), z.maxLength(253), z.regex(/^[a-z0-9.-]+$/i)),
  labels: z._default(
    z.partialRecord(ElementIdSchema, z.array(z.string().check(z.minLength(1), z.maxLength(200))).check(z.maxLength(50))),
    {},
  ),
  selectors: z._default(z.partialRecord(ElementIdSchema, z.string().check(z.minLength(1), z.maxLength(500))), {}),
  linkSelector: z.optional(z.string().check(z.minLength(1), z.maxLength(500))),
  nextSelector: z.optional(z.string().check(z.minLength(1), z.maxLength(500))),
});
export type SiteProfile = z.infer<typeof SiteProfileSchema>;
export const SiteProfilesSchema = z.array(SiteProfileSchema).check(z.maxLength(500));

export async function loadProfiles(): Promise<SiteProfile[]> {
  const parsed = SiteProfilesSchema.safeParse((await readKey(localArea(), PROFILES_KEY)).value ?? []);
  return parsed.success ? parsed.data : [];
}

export async function saveProfiles(profiles: SiteProfile[]): Promise<void> {
  await writeKey(localArea(), PROFILES_KEY, SiteProfilesSchema.parse(profiles));
}

/** Where a selector sits in a profile: an element's, or one of the list walk's. */
export type SelectorField = ElementId | 'linkSelector' | 'nextSelector';

/** A selector the browser refused, where it is. */
export interface InvalidSelector {
  host: string;
  element: SelectorField;
  selector: string;
}

/** The profiles' selectors that `isValid` (the browser's own parser, on the options page) refuses. */
export function invalidSelectors(profiles: readonly SiteProfile[], isValid: (selector: string) => boolean): InvalidSelector[] {
  return profiles.flatMap((p) => {
    const fields: [SelectorField, string][] = Object.entries(p.selectors) as [ElementId, string][];
    if (p.linkSelector !== undefined) fields.push(['linkSelector', p.linkSelector]);
    if (p.nextSelector !== undefined) fields.push(['nextSelector', p.nextSelector]);
    return fields.filter(([, selector]) => !isValid(selector)).map(([element, selector]) => ({ host: p.host, element, selector }));
  });
}

/** Parsed profiles; or where the problem is ('JSON', the paths of the bad fields), with the selectors the browser refused. */
export type ProfilesParse = { ok: true; profiles: SiteProfile[] } | { ok: false; error: string; invalid?: InvalidSelector[] };

/**
 * Profiles from a JSON text (an array of profiles), or what is wrong: not JSON, not the expected
 * shape (the paths), or selectors the browser cannot parse (checked with `isValid`).
 */
export function parseProfiles(text: string, isValid: (selector: string) => boolean = () => true): ProfilesParse {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, error: 'JSON' };
  }
  const parsed = SiteProfilesSchema.safeParse(json);
  if (!parsed.success) return { ok: false, error: [...new Set(parsed.error.issues.map((i) => i.path.join('.') || '(root)'))].join(', ') };
  const invalid = invalidSelectors(parsed.data, isValid);
  if (invalid.length > 0) return { ok: false, error: invalid.map((i) => `${i.host} → ${i.element}`).join(', '), invalid };
  return { ok: true, profiles: parsed.data };
}
