/** The widget's messages in English: complete, key for key, with vi.ts. */
import type { Catalog } from '../format';
import type { WidgetMessageId } from './vi';

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
} as const satisfies Catalog<WidgetMessageId>;
