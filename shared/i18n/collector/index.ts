/** The collector's messages, by locale. */
import type { Catalogs } from '../format';
import { en } from './en';
import { vi, type CollectorMessageId } from './vi';

export type { CollectorMessageId };
export const collectorCatalogs: Catalogs<CollectorMessageId> = { vi, en };
