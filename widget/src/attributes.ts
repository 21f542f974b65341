/**
 * The one attribute schema of <tthc-feedback>: every attribute (also accepted as data-* on the
 * script tag), how it is read, and the safe fallback when it is wrong. A bad value gives one
 * console warning naming the attribute, never an exception. The element observes exactly these
 * names (observedAttributes), so a change after mount takes effect. The JSON values (`contacts`,
 * the `config` file) are validated by the zod/mini schema in `agency-file.ts`, a chunk of its own
 * fetched only when an element has one of them.
 */
import type { Locale } from '../../shared/i18n/format';
import { AGENCY_MAX, PROCEDURE_NAME_MAX } from '../../shared/protocol/constants';
import type { ScaleLevels } from '../../shared/protocol/scale';

export const PANELS = ['rating', 'contact', 'gap-report'] as const;
export type PanelId = (typeof PANELS)[number];
export const MODES = ['inline', 'floating'] as const;
export type Mode = (typeof MODES)[number];
export const QUESTION_SET_CHOICES = ['nd118-art33', 'sipas', 'none'] as const;
export type QuestionSetChoice = (typeof QUESTION_SET_CHOICES)[number];

/** A contact point for phản ánh, kiến nghị as the webmaster configures it (`contacts` JSON). */
export interface ContactPoint {
  agency: string;
  address?: string;
  phones?: string[];
  emails?: string[];
  websites?: string[];
  hours?: string;
  /** An upper-level channel (e.g. the ministry's), shown after the main one. */
  upper?: boolean;
}

export interface WidgetConfig {
  /** Absolute URL of the collector's submissions endpoint, or undefined. */
  endpoint: string | undefined;
  procedureCode: string | undefined;
  procedureName: string | undefined;
  agency: string | undefined;
  lang: Locale;
  mode: Mode;
  panels: PanelId[];
  contacts: ContactPoint[] | undefined;
  questionSet: QuestionSetChoice;
  /** The satisfaction scale: 5 levels (default) or 3 (Không hài lòng, Bình thường, Hài lòng). */
  scale: ScaleLevels;
  /** Opt-in: the engine's findings alone are sent at most once per page per day per browser. */
  autoReport: boolean;
  /** Absolute URL of the agency's JSON configuration file, or undefined. */
  configUrl: string | undefined;
  /** Theme colours from the agency file: custom property name → colour. */
  theme: Record<string, string>;
}

/** What an agency configuration file (`config`) may hold; attributes win over it. */
export interface AgencyFile {
  contacts?: ContactPoint[];
  questionSet?: QuestionSetChoice;
  scale?: ScaleLevels;
  theme?: Record<string, string>;
}

/** Every attribute the element reads, in the order the README documents them. */
export const ATTRIBUTES = [
  'collector',
  'procedure-code',
  'procedure-name',
  'agency',
  'lang',
  'mode',
  'panels',
  'contacts',
  'question-set',
  'scale',
  'auto-report',
  'config',
] as const;
export type AttributeName = (typeof ATTRIBUTES)[number];

const SUBMISSIONS_PATH = '/api/v1/submissions';
const CODE = /^[\p{L}\p{N}._-]{1,64}$/u;

/** `value` as an absolute http(s) URL against `base`, or undefined. */
function httpUrl(value: string, base: string): string | undefined {
  try {
    const url = new URL(value, base);
    return /^https?:$/.test(url.protocol) ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** `3` or `5` as a scale, else undefined. */
const readScale = (value: string | undefined): ScaleLevels | undefined => (value === '3' ? 3 : value === '5' ? 5 : undefined);

/** The widget's language: the `lang` attribute when it is vi or en, else the page's, else Vietnamese. */
export function readLang(asked: string | null | undefined, pageLang: string): Locale {
  const a = asked?.trim().toLowerCase();
  const tag = a && /^(vi|en)(-|$)/.test(a) ? a : pageLang.toLowerCase();
  return tag.startsWith('en') ? 'en' : 'vi';
}

/**
 * Reads the configuration through `get` (the element's attributes), warning once per bad attribute
 * through `warn`. `pageLang` is the host page's language, the fallback for `lang`.
 */
export function readConfig(
  get: (name: AttributeName) => string | null,
  pageLang: string,
  baseUrl: string,
  warn: (attribute: AttributeName, problem: string) => void,
  agency: AgencyFile = {},
  parseContacts?: (json: string) => ContactPoint[] | null,
): WidgetConfig {
  const value = (name: AttributeName) => get(name)?.trim() || undefined;

  const collector = value('collector');
  const endpoint = collector ? httpUrl(collector.replace(/\/+$/, '') + SUBMISSIONS_PATH, baseUrl) : undefined;
  if (collector && !endpoint) warn('collector', 'not an http(s) URL; nothing is sent');

  let procedureCode = value('procedure-code');
  if (!procedureCode) warn('procedure-code', 'not given; read from the page');
  else if (!CODE.test(procedureCode)) {
    warn('procedure-code', 'not a procedure code; read from the page');
    procedureCode = undefined;
  }

  const asked = value('lang')?.toLowerCase();
  if (asked && !/^(vi|en)(-|$)/.test(asked)) warn('lang', 'not vi or en; page language used');
  const lang = readLang(asked, pageLang);

  let mode: Mode = 'inline';
  const m = value('mode');
  if (m) {
    if ((MODES as readonly string[]).includes(m)) mode = m as Mode;
    else warn('mode', 'not inline or floating; inline used');
  }

  let panels: PanelId[] = [...PANELS];
  const p = value('panels');
  if (p) {
    const names = p.split(/[\s,]+/).filter(Boolean);
    const known = names.filter((n): n is PanelId => (PANELS as readonly string[]).includes(n));
    if (known.length !== names.length) warn('panels', 'unknown panel names ignored');
    if (known.length) panels = PANELS.filter((x) => known.includes(x));
  }

  let contacts: ContactPoint[] | undefined;
  const c = value('contacts');
  if (c) {
    contacts = parseContacts?.(c) ?? undefined;
    if (!contacts) warn('contacts', 'not JSON contact points with "agency"; ignored');
  }

  const file = value('config');
  const configUrl = file ? httpUrl(file, baseUrl) : undefined;
  if (file && !configUrl) warn('config', 'not an http(s) URL; ignored');
  contacts ??= agency.contacts;

  let questionSet: QuestionSetChoice = agency.questionSet ?? 'nd118-art33';
  const q = value('question-set');
  if (q) {
    if ((QUESTION_SET_CHOICES as readonly string[]).includes(q)) questionSet = q as QuestionSetChoice;
    else warn('question-set', 'unknown set; nd118-art33 used');
  }

  let scale: ScaleLevels = agency.scale ?? 5;
  const l = value('scale');
  if (l) {
    const levels = readScale(l);
    if (levels) scale = levels;
    else warn('scale', 'not 3 or 5; 5 levels used');
  }

  return {
    endpoint,
    procedureCode,
    procedureName: value('procedure-name')?.slice(0, PROCEDURE_NAME_MAX),
    agency: value('agency')?.slice(0, AGENCY_MAX),
    lang,
    mode,
    panels,
    contacts,
    questionSet,
    scale,
    autoReport: get('auto-report') !== null && !/^(false|0|no)$/i.test(value('auto-report') ?? ''),
    configUrl,
    theme: agency.theme ?? {},
  };
}
