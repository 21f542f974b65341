/**
 * Entry of the widget's schema chunk (widget/dist/tthc-feedback-schema.<hash>.js, an ES module the
 * UI chunk imports from the first file's URL only when an element has a `config` or `contacts`
 * attribute): the zod/mini schema of what a webmaster or an agency hands the widget as JSON, the
 * contact points (`contacts` attribute, `contacts` of the file) and the agency configuration file.
 * Both are untrusted input from another origin or page: a bad part refuses the whole value (the
 * caller warns once and keeps its defaults). Text is trimmed and cut to a length, lists of phones,
 * e-mails and websites to six items; a website that is not http(s) is dropped, not followed.
 */
import * as z from 'zod/mini';
import { QUESTION_SET_CHOICES, type AgencyFile, type ContactPoint } from './attributes';

// zod checks the shapes and types. "One value or a list" is made a list before the check; the two
// formats (a colour, an agency name that is not blank) are tested on the checked value, and trimming,
// cutting and dropping empty values is done there too: zod's union, pipe, transform and regex checks
// would cost the widget more bytes than this code, and the widget's files are at their size budget.
const string = z.string();
const optionalString = z.optional(string);
const strings = z.optional(z.array(string));
const contact = z.object({
  agency: string,
  address: optionalString,
  hours: optionalString,
  phones: strings,
  emails: strings,
  websites: strings,
  upper: z.optional(z.literal([true, false])),
});
type CheckedContact = z.infer<typeof contact>;

/** A list of contact points (an empty one, or one without an agency name, is refused below). */
const contacts = z.array(contact);

/** Hex or rgb()/rgba() only: a theme value goes into a CSS rule, so nothing else may pass. */
const COLOUR = /^\s*(#[0-9a-f]{3,8}|rgba?\([\d\s.,%]+\))\s*$/i;
/** Contact points that all name their agency (a list of none names nobody). */
const named = (list: CheckedContact[]) => list.length > 0 && list.every((c) => c.agency.trim());

const THEME_KEYS = ['accent', 'border', 'focus', 'text', 'background'] as const;
type ThemeKey = (typeof THEME_KEYS)[number];

const agencyFile = z.object({
  contacts: z.optional(contacts),
  questionSet: z.optional(z.literal(QUESTION_SET_CHOICES)),
  scale: z.optional(z.literal([3, 5])),
  theme: z.optional(z.object(Object.fromEntries(THEME_KEYS.map((k) => [k, optionalString])) as Record<ThemeKey, typeof optionalString>)),
});

const asList = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
/** Untrusted contact point(s) with every "one or a list" made a list, for the schema to check. */
const listed = (v: unknown): unknown =>
  asList(v).map((c) =>
    isRecord(c) ? { ...c, ...Object.fromEntries(['phones', 'emails', 'websites'].filter((k) => k in c).map((k) => [k, asList(c[k])])) } : c,
  );
const cut = (s: string | undefined, max: number) => s?.trim().slice(0, max) || undefined;
/** Phones, e-mails or websites (`web`: only http(s) addresses, any other is dropped, not followed): at most six non-empty ones kept (none: absent). */
const items = (v: string[] = [], web?: boolean) => {
  const kept = v
    .map((s) => s.trim().slice(0, 200))
    .filter((s) => s && (!web || /^https?:\/\//i.test(s)))
    .slice(0, 6);
  return kept.length ? kept : undefined;
};

/** A checked contact point with its text trimmed and cut; what has no value is undefined (`upper: false` says nothing). */
function tidy(c: CheckedContact): ContactPoint {
  return {
    agency: cut(c.agency, 300)!,
    address: cut(c.address, 300),
    hours: cut(c.hours, 300),
    phones: items(c.phones),
    emails: items(c.emails),
    websites: items(c.websites, true),
    upper: c.upper || undefined,
  };
}

/** The agency configuration file (`config`), or null when it is not a valid one. */
export function parseAgencyFile(data: unknown): AgencyFile | null {
  const result = agencyFile.safeParse(isRecord(data) && 'contacts' in data ? { ...data, contacts: listed(data.contacts) } : data);
  if (!result.success) return null;
  const { contacts: found, questionSet, scale, theme } = result.data;
  // Unknown theme keys refuse the file (a typo would silently theme nothing); unknown top-level keys are ignored.
  const themeGiven = isRecord(data) && isRecord(data.theme) ? Object.entries(data.theme) : [];
  if (found && !named(found)) return null;
  if (themeGiven.some(([k, v]) => !(THEME_KEYS as readonly string[]).includes(k) || !COLOUR.test(String(v)))) return null;
  const file: AgencyFile = {};
  if (found) file.contacts = found.map(tidy);
  if (questionSet) file.questionSet = questionSet;
  if (scale) file.scale = scale;
  if (theme)
    // (zod's output has only the keys the file gave)
    file.theme = Object.fromEntries(Object.entries(theme).map(([k, v]) => [`--tf-${k}`, v!.trim().slice(0, 60)]));
  return file;
}

/** The `contacts` attribute's JSON: one contact point or a list, each with `agency`; null when invalid. */
export function parseContacts(json: string): ContactPoint[] | null {
  try {
    const result = contacts.safeParse(listed(JSON.parse(json)));
    return result.success && named(result.data) ? result.data.map(tidy) : null;
  } catch {
    return null;
  }
}
