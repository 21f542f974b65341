/**
 * The checklist: every element, in the order reports list them. Adding an element means adding
 * its folder and one line here; ids must equal folder names (checked by the registry test).
 */
import type { Locale } from '../i18n';
import type { ElementDefinition, ElementId } from './types';
import { element as name } from './elements/name/element';
import { element as code } from './elements/code/element';
import { element as steps } from './elements/steps/element';
import { element as methods } from './elements/methods/element';
import { element as dossier } from './elements/dossier/element';
import { element as timeLimit } from './elements/time-limit/element';
import { element as subjects } from './elements/subjects/element';
import { element as agency } from './elements/agency/element';
import { element as result } from './elements/result/element';
import { element as fees } from './elements/fees/element';
import { element as forms } from './elements/forms/element';
import { element as conditions } from './elements/conditions/element';
import { element as legalBasis } from './elements/legal-basis/element';
import { element as feedbackContact } from './elements/feedback-contact/element';

export const CHECKLIST: readonly ElementDefinition[] = [
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
];

export const ELEMENT_IDS: readonly ElementId[] = CHECKLIST.map((e) => e.id);

/** The element's name for people: its Vietnamese legal name, or its English name. */
export function elementName(id: string, locale: Locale): string {
  const element = CHECKLIST.find((e) => e.id === id);
  if (!element) return id;
  return locale === 'vi' ? element.legalName : element.englishName;
}
