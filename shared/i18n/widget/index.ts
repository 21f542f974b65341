/** The widget's messages, by locale, both halves together (the widget fetches one language's from its strings chunk). */
import type { Catalogs } from '../format';
import { en, enPanels } from './en';
import { vi, viPanels, type WidgetMessageId } from './vi';

export type { WidgetMessageId, WidgetCoreMessageId, WidgetPanelMessageId } from './vi';
export const widgetCatalogs: Catalogs<WidgetMessageId> = { vi: { ...vi, ...viPanels }, en: { ...en, ...enPanels } };
