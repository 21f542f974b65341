/** Common messages, by locale. */
import type { Catalogs } from '../format';
import { en } from './en';
import { vi, type CommonMessageId } from './vi';

export type { CommonMessageId };
export const commonCatalogs: Catalogs<CommonMessageId> = { vi, en };
