/** The widget's messages, by locale: the first file's and the lazy panels' together (the widget itself imports them apart). */
import type { Catalogs } from '../format';
import { en, enPanels } from './en';
import { vi, viPanels, type WidgetMessageId } from './vi';

export type { WidgetMessageId, WidgetCoreMessageId, WidgetPanelMessageId } from './vi';
export const widgetCatalogs: Catalogs<WidgetMessageId> = { vi: { ...vi, ...viPanels }, en: { ...en, ...enPanels } };
