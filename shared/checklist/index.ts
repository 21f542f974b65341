/**
 * The checklist registry: THE list of elements, in the order reports show them, and of page-level
 * checks. Element ids, their type, every map by id and the label lexicon derive from it. Adding an
 * element is its folder (element.ts, match.ts, index.ts, fixtures/) plus one line in ELEMENT_MODULES;
 * the registry test checks that every folder is registered and that no other code lists ids.
 */
import type { Locale } from '../i18n/format';
import * as name from './elements/name';
import * as code from './elements/code';
import * as steps from './elements/steps';
import * as methods from './elements/methods';
import * as dossier from './elements/dossier';
import * as timeLimit from './elements/time-limit';
import * as subjects from './elements/subjects';
import * as agency from './elements/agency';
import * as result from './elements/result';
import * as fees from './elements/fees';
import * as forms from './elements/forms';
import * as conditions from './elements/conditions';
import * as legalBasis from './elements/legal-basis';
import * as feedbackContact from './elements/feedback-contact';
import { check as notExpired } from './page-checks/not-expired/check';
import { check as currentAdministration } from './page-checks/current-administration/check';
import { AUX_LABEL_SETS } from './vocabulary';
import { buildLexicon, type Lexicon } from '../extractor/lexicon';
import type { ElementDefinition, Judge, PageCheck } from './types';

const ELEMENT_MODULES = [
  name,
  code,
  steps,
  methods,
  dossier,
  timeLimit,
  subjects,
  agency,
  result,
  fees,
  forms,
  conditions,
  legalBasis,
  feedbackContact,
] as const;

/** An element id, derived from the registry. */
export type ElementId = (typeof ELEMENT_MODULES)[number]['element']['id'];

export interface RegisteredElement extends ElementDefinition {
  id: ElementId;
  judge: Judge;
}

/** Every element, in report order, with its judge. */
export const CHECKLIST: readonly RegisteredElement[] = ELEMENT_MODULES.map((m) => ({ ...m.element, judge: m.match as Judge }));

export const ELEMENT_IDS: readonly ElementId[] = CHECKLIST.map((e) => e.id);

/** Page-level checks, run after the elements. */
export const PAGE_CHECKS: readonly PageCheck[] = [notExpired, currentAdministration];

const BY_ID: ReadonlyMap<string, RegisteredElement> = new Map(CHECKLIST.map((e) => [e.id, e]));

export function isElementId(id: string): id is ElementId {
  return BY_ID.has(id);
}

/** The element's name for people: its Vietnamese legal name, or its English name. */
export function elementName(id: string, locale: Locale): string {
  const element = BY_ID.get(id);
  if (!element) return id;
  return locale === 'vi' ? element.legalName : element.englishName;
}

/** The elements the extractor treats specially (see LexiconRoles). */
const LEXICON_ROLES = { name: 'name', contact: 'feedback-contact', methods: 'methods' } as const satisfies Record<string, ElementId>;

/** The label lexicon every audit uses: every element's labels and the auxiliary ones. */
export const CHECKLIST_LEXICON: Lexicon = buildLexicon(
  [...CHECKLIST.map((el) => ({ key: el.id, variants: el.labels, element: true })), ...AUX_LABEL_SETS],
  LEXICON_ROLES,
);

/** Extra label spellings per element, as a site profile gives them for a portal the engine misses. */
export type ExtraLabels = Readonly<Partial<Record<ElementId, readonly string[]>>>;

/**
 * The checklist lexicon with a site profile's extra labels added to their elements' (checked
 * after the built-in ones for the same text). Without extras it is CHECKLIST_LEXICON itself.
 */
export function checklistLexicon(extra: ExtraLabels | undefined): Lexicon {
  if (!extra || Object.values(extra).every((labels) => !labels?.length)) return CHECKLIST_LEXICON;
  return buildLexicon(
    [...CHECKLIST.map((el) => ({ key: el.id, variants: [...el.labels, ...(extra[el.id] ?? [])], element: true })), ...AUX_LABEL_SETS],
    LEXICON_ROLES,
  );
}

export type { LabelKey, AuxKey } from './vocabulary';
export type * from './types';
export { STATUSES } from './types';
