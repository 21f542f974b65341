/**
 * The wire format between the widget and the collector: what a citizen sends about one
 * procedure page. One schema, parsed by the widget before sending and by the collector on
 * receipt, so both ends agree on what is valid. Uses zod/mini to keep browser bundles small.
 * The widget imports only the types and ./constants (zod costs ~9 KB gzip, half its budget);
 * the collector, the extension and the CLI parse with these schemas.
 */
import * as z from 'zod/mini';

import { FEEDBACK_PROTOCOL_VERSION, PROCEDURE_CODE_MAX, URL_MAX } from './constants';

export * from './constants';

export const RatingSubmission = z.object({
  v: z.literal(FEEDBACK_PROTOCOL_VERSION),
  kind: z.literal('rating'),
  /** Overall satisfaction with the procedure, 1–5. */
  rating: z.int().check(z.gte(1), z.lte(5)),
  /** The page the citizen was on, as the browser reported it. */
  pageUrl: z.string().check(z.minLength(1), z.maxLength(URL_MAX)),
  /** The national procedure code when the page or the webmaster names it (e.g. 1.000178). */
  procedureCode: z.optional(z.string().check(z.maxLength(PROCEDURE_CODE_MAX))),
  /** Interface language the citizen used. */
  lang: z.enum(['vi', 'en']),
});
export type RatingSubmission = z.infer<typeof RatingSubmission>;

/** The collector's answer to an accepted submission. */
export const SubmissionAccepted = z.object({
  id: z.string(),
});
export type SubmissionAccepted = z.infer<typeof SubmissionAccepted>;

/** The collector's answer to a rejected submission: a machine code and per-field issues. */
export const SubmissionRejected = z.object({
  error: z.string(),
  issues: z.optional(z.array(z.object({ path: z.string(), message: z.string() }))),
});
export type SubmissionRejected = z.infer<typeof SubmissionRejected>;

/** Turns zod issues into the flat, path-keyed list the collector returns. */
export function describeIssues(error: z.core.$ZodError): { path: string; message: string }[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(root)',
    message: issue.message,
  }));
}
