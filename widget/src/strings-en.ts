/**
 * Entry of the widget's English strings chunk (widget/dist/tthc-feedback-en.<hash>.js): every string of
 * the widget in this language, the panels' included, from the catalog shared/i18n/widget/en.ts. The
 * UI chunk draws nothing before the strings of its language are loaded, so no text ever shows
 * untranslated, and a page view fetches one language only.
 */
import { en, enPanels } from '../../shared/i18n/widget/en';

export const messages = { ...en, ...enPanels };
