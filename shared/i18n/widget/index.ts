/** The widget's messages, by locale. */
import type { Catalogs } from '../format';
import { en } from './en';
import { vi, type WidgetMessageId } from './vi';

export type { WidgetMessageId };
export const widgetCatalogs: Catalogs<WidgetMessageId> = { vi, en };
