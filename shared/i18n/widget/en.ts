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
  'widget.thanksReceipt': 'Thank you. Your rating has been recorded, receipt code: %{receipt}.',
  'widget.error.code.invalid': 'The server did not accept the rating because the data sent was not valid.',
  'widget.error.code.outdated': 'The rating widget on this page is out of date; please reload the page and send again.',
  'widget.error.code.tooLarge': 'What you sent is too long; please shorten it and send again.',
  'widget.error.code.rateLimited': 'Too many submissions in a short time; please try again in a few minutes.',
  'widget.error.code.misconfigured': 'This widget is configured with a wrong collector address.',
  'widget.questionSet.nd118': 'Evaluation of how the procedure was handled (Decree 118/2025/ND-CP, Article 33)',
  'widget.questionSet.sipas': 'Satisfaction with the public administrative service',
  'widget.question.nd118.a':
    "Time taken to return the result of the procedure, compared with the regulation or the lead agency's commitment",
  'widget.question.nd118.b': 'Number of agencies, units and organisations you had to contact to complete the dossier',
  'widget.question.nd118.c': 'Number of times you had to contact the receiving agency to complete the dossier',
  'widget.question.nd118.d':
    'Accuracy, completeness and timeliness of the published information on the procedure, compared with the regulation',
  'widget.question.nd118.dd': 'Conduct of the officials who guided you, received the dossier and handled the procedure',
  'widget.question.nd118.e': 'Lawfulness of the result and of the cost of the procedure; costs incurred beyond what the law provides',
  'widget.question.nd118.g':
    "Time and quality of the competent agency's and officials' explanations in response to feedback, petitions, complaints and denunciations",
  'widget.question.nd118.h': "Progress and quality of the competent agency's online public services",
  'widget.question.nd118.i': 'Other matters, as you assess them',
  'widget.question.sipas.access': 'Overall satisfaction with access to the service',
  'widget.question.sipas.procedure': 'Overall satisfaction with the administrative procedure',
  'widget.question.sipas.staff': 'Attitude of the officials when guiding you, receiving the dossier and handling the procedure',
  'widget.question.sipas.time': 'Total time to handle the procedure, compared with what the law provides',
  'widget.question.sipas.feedback': 'How feedback and petitions from citizens and organisations are taken in and answered',
  'widget.question.sipas.online': "Progress and quality of the competent agency's online public services",
  'widget.retry': 'Send again',
} as const satisfies Catalog<WidgetMessageId>;
