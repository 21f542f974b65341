/**
 * Entry of the widget's Vietnamese strings chunk (widget/dist/tthc-feedback-vi.<hash>.js): every string of
 * the widget in this language, the panels' included, from the catalog shared/i18n/widget/vi.ts. The
 * UI chunk draws nothing before the strings of its language are loaded, so no text ever shows
 * untranslated, and a page view fetches one language only.
 */
import { vi, viPanels } from '../../shared/i18n/widget/vi';

export const messages = { ...vi, ...viPanels };
