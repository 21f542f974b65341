/** The collector's messages in English: complete, key for key, with vi.ts. */
import type { Catalog } from '../format';
import type { CollectorMessageId } from './vi';

export const en = {
  'collector.dashboard.title': 'Citizen satisfaction',
  'collector.dashboard.total': 'Ratings received',
  'collector.dashboard.satisfied': 'Satisfied share (Satisfied + Very satisfied)',
  'collector.dashboard.empty': 'No ratings yet.',
} as const satisfies Catalog<CollectorMessageId>;
