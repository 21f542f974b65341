/** The extension's messages, by locale. */
import type { Catalogs } from '../format';
import { en } from './en';
import { vi, type ExtensionMessageId } from './vi';

export type { ExtensionMessageId };
export const extensionCatalogs: Catalogs<ExtensionMessageId> = { vi, en };
