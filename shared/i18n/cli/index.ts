/** The command-line auditor's messages, by locale. */
import type { Catalogs } from '../format';
import { en } from './en';
import { vi, type CliMessageId } from './vi';

export type { CliMessageId };
export const cliCatalogs: Catalogs<CliMessageId> = { vi, en };
