/** English catalog: complete, key for key, with the Vietnamese one (checked by the parity test). */
import type { Catalog } from './vi';

export const en = {
  'widget.title': 'Are you satisfied with this administrative procedure?',
  'widget.rating.1': 'Very dissatisfied',
  'widget.rating.2': 'Dissatisfied',
  'widget.rating.3': 'Neutral',
  'widget.rating.4': 'Satisfied',
  'widget.rating.5': 'Very satisfied',
  'widget.sending': 'Sending your rating…',
  'widget.thanks': 'Thank you. Your rating has been recorded.',
  'widget.error.network': 'Your rating could not be sent (connection error). Please try again.',
  'widget.error.rejected': 'The server did not accept the rating: %{reason}',
  'widget.error.noCollector': 'This widget has no collector address configured.',
  'widget.retry': 'Send again',
  'extension.sidepanel.title': 'Procedure disclosure audit',
  'extension.sidepanel.scan': 'Audit this page',
  'extension.sidepanel.noPage': 'Cannot read the open page: %{reason}',
  'extension.sidepanel.summary': 'Pass %{pass} · Missing %{fail} · Needs review %{review} · Not applicable %{na}',
  'collector.dashboard.title': 'Citizen satisfaction',
  'collector.dashboard.total': 'Ratings received',
  'collector.dashboard.satisfied': 'Satisfied share (Satisfied + Very satisfied)',
  'collector.dashboard.empty': 'No ratings yet.',
} as const satisfies Catalog;
