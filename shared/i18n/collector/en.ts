/** The collector's messages in English: complete, key for key, with vi.ts. */
import type { Catalog } from '../format';
import type { CollectorMessageId } from './vi';

export const en = {
  'collector.dashboard.title': 'Citizen satisfaction',
  'collector.dashboard.total': 'Ratings received',
  'collector.dashboard.satisfied': 'Satisfied share (Satisfied + Very satisfied)',
  'collector.dashboard.empty': 'No ratings yet.',
  'collector.dashboard.gapReports': 'Missing-information reports',
  'collector.form.title': 'Rate this administrative procedure',
  'collector.form.procedure': 'Procedure code: %{code}',
  'collector.form.invalid': 'Your rating was not recorded: please choose a level and send again.',
  'collector.form.back': 'Back to the form',
  'collector.form.thanks': 'Thank you. Your rating has been recorded.',
  'collector.form.receipt': 'Receipt code:',
  'collector.start.banner':
    'Collector and demo running (data in %{data})\n  Demo portal pages:  %{base}/\n  Dashboard:          %{base}/dashboard\n  Submissions API:    %{base}/api/v1/submissions\n  Widget file:        %{base}/widget/tthc-feedback.js\n  Health:             %{base}/healthz, %{base}/readyz\nAuditor extension: %{extensionState} %{extension}\n  Chromium: chrome://extensions → Developer mode → Load unpacked → choose that folder.\nStop with Ctrl+C.',
  'collector.start.postgres': 'the PostgreSQL server of DATABASE_URL',
  'collector.start.extensionBuilt': 'built at',
  'collector.start.extensionMissing': 'run npm run build:extension, then load',
  'collector.start.widgetMissing': 'The widget is not built yet (%{file}); run npm run build:widget.',
  'collector.start.portInUse': 'Port %{port} is in use; set PORT to another one.',
  'collector.start.databaseFailed': 'The database could not be opened: %{reason}',
  'collector.config.integer': '%{name} must be a whole number from %{min} to %{max}, got "%{value}".',
  'collector.config.databaseUrl': '%{name} must be a postgres://… or postgresql://… URL, got "%{value}".',
  'collector.config.origin': '%{name} is a comma-separated list of origins such as https://host[:port], or *; "%{value}" is not one.',
  'collector.config.token': '%{name} must be at least 16 characters long (it has %{value}).',
  'collector.config.trustProxy': '%{name} must be true, false, a number of proxy hops, or a list of proxy addresses/CIDRs; got "%{value}".',
} as const satisfies Catalog<CollectorMessageId>;
