/**
 * The wire format between the widget (or any other client) and the collector, protocol v2: one
 * submission type, a union on `kind` (`rating`, `gap-report`; later kinds are added, never
 * renamed). Every submission carries a client-generated UUID `id`, the idempotency key: the
 * collector stores each id once and answers a repeat with the same receipt. zod/mini keeps browser
 * bundles small; the widget imports only types and ./constants. Text fields refuse NUL, other C0
 * controls (tab and line breaks excepted) and lone surrogates, which PostgreSQL cannot store.
 */
import * as z from 'zod/mini';

import { AGENCY_MAX, COMMENT_MAX, FEEDBACK_PROTOCOL_VERSION, PROCEDURE_CODE_MAX, PROCEDURE_NAME_MAX, URL_MAX } from './constants';
import { QUESTION_SETS, QUESTION_SET_IDS, type QuestionSet } from './questions';
import { DEFAULT_SCALE_LEVELS } from './scale';

export * from './constants';

const UNSTORABLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** A string that PostgreSQL can store as text, with a length bound. */
const text = (max: number, min = 0) =>
  z.string().check(
    z.minLength(min),
    z.maxLength(max),
    z.refine((s) => !UNSTORABLE.test(s), { message: 'Control characters and invalid Unicode are not accepted' }),
  );

const uuid = () =>
  z
    .string()
    .check(z.regex(/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-8][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}$/, 'Expected a UUID'));

/** The page the citizen was on: origin and path only, no query string, no fragment. */
const pageUrl = text(URL_MAX, 1).check(z.regex(/^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/, 'Expected an http(s) URL without query or fragment'));

/** Personal contact details, accepted only with consent: true. */
const Contact = z.strictObject({
  name: z.optional(text(200)),
  phone: z.optional(text(32)),
  email: z.optional(text(254)),
});

/** Fields every kind carries. */
const common = {
  v: z.literal(FEEDBACK_PROTOCOL_VERSION),
  /** Client-generated UUID: the idempotency key. */
  id: uuid(),
  /** The national procedure code when the page or the webmaster names it (e.g. 1.000178). */
  procedureCode: z.optional(text(PROCEDURE_CODE_MAX, 1)),
  /** The procedure's name as the webmaster configured it or the engine read it from the page. */
  procedureName: z.optional(text(PROCEDURE_NAME_MAX, 1)),
  /** The agency that handles the procedure (webmaster's `agency` attribute, else the page's). */
  agency: z.optional(text(AGENCY_MAX, 1)),
  pageUrl,
  /** Interface language the citizen used. */
  lang: z.enum(['vi', 'en']),
  /** Client clock, informational only. */
  createdAt: z.optional(z.iso.datetime({ offset: true })),
  contact: z.optional(Contact),
  consent: z.optional(z.boolean()),
  /** Spam signals: a field people never see (must be empty) and how long the form was open. */
  honeypot: z.optional(z.string().check(z.maxLength(1000))),
  fillMs: z.optional(z.int().check(z.gte(0), z.lte(86_400_000))),
};

export const RatingSubmission = z.strictObject({
  ...common,
  kind: z.literal('rating'),
  /** Overall satisfaction with the procedure, 1 to `scale` (5 by default). */
  overall: z.int().check(z.gte(1), z.lte(5)),
  /** The scale the citizen answered on: 5 levels (default) or 3 (Không hài lòng, Bình thường, Hài lòng). */
  scale: z.optional(z.union([z.literal(3), z.literal(5)])),
  /** Random key per procedure per browser: a new rating from it replaces the previous one in counts. */
  respondent: uuid(),
  /** Which question set `answers` refers to (default nd118-art33). */
  questionSet: z.optional(z.enum(QUESTION_SET_IDS as [string, ...string[]])),
  /** Answers by question id, each on the set's scale. */
  answers: z.optional(z.record(z.string().check(z.regex(/^[a-z0-9-]{1,16}$/)), z.int())),
  comment: z.optional(text(COMMENT_MAX)),
});

export const GapReportSubmission = z.strictObject({
  ...common,
  kind: z.literal('gap-report'),
  /** The elements the citizen says are missing or wrong on this page. */
  elements: z
    .array(z.strictObject({ id: z.string().check(z.regex(/^[a-z0-9-]{1,40}$/)), problem: z.enum(['missing', 'wrong']) }))
    .check(z.minLength(1), z.maxLength(30)),
  comment: z.optional(text(COMMENT_MAX)),
  /** The audit engine's findings for the page, when the widget ran it. */
  findings: z.optional(
    z.strictObject({
      engineVersion: text(40, 1),
      results: z
        .array(z.strictObject({ id: z.string().check(z.regex(/^[a-z0-9-]{1,40}$/)), status: z.enum(['pass', 'fail', 'review', 'na']) }))
        .check(z.maxLength(60)),
    }),
  ),
});

const SubmissionUnion = z.discriminatedUnion('kind', [RatingSubmission, GapReportSubmission]);

/** Any submission, with the checks that span fields (contact needs consent; answers on the set's scale). */
export const Submission = SubmissionUnion.check(
  z.superRefine((s, ctx) => {
    if (s.contact && s.consent !== true)
      ctx.addIssue({ code: 'custom', path: ['consent'], message: 'Contact details need consent: true', input: s.consent });
    // Only past a smaller scale: 1–5 itself is the field's own check.
    if (s.kind === 'rating' && s.overall <= 5 && (s.scale ?? DEFAULT_SCALE_LEVELS) < s.overall)
      ctx.addIssue({ code: 'custom', path: ['overall'], message: 'Outside the scale', input: s.overall });
    if (s.kind === 'rating' && s.answers) {
      const set: QuestionSet = QUESTION_SETS[(s.questionSet ?? 'nd118-art33') as keyof typeof QUESTION_SETS];
      const ids = new Set(set.questions.map((q) => q.id));
      const max = s.scale ?? set.scale.max;
      for (const [id, value] of Object.entries(s.answers)) {
        if (!ids.has(id)) ctx.addIssue({ code: 'custom', path: ['answers', id], message: 'Unknown question', input: id });
        else if (value < set.scale.min || value > max)
          ctx.addIssue({ code: 'custom', path: ['answers', id], message: 'Outside the scale', input: value });
      }
    }
  }),
);
export type Submission = z.infer<typeof Submission>;
export type RatingSubmission = z.infer<typeof RatingSubmission>;
export type GapReportSubmission = z.infer<typeof GapReportSubmission>;

/** The collector's answer to a stored (201) or repeated (200) submission. */
export const SubmissionAccepted = z.object({ id: z.string(), receipt: z.string() });
export type SubmissionAccepted = z.infer<typeof SubmissionAccepted>;

/** The collector's answer to a rejected submission: a machine code and per-field issues. */
export const SubmissionRejected = z.object({
  error: z.string(),
  issues: z.optional(z.array(z.object({ path: z.string(), message: z.string() }))),
});
export type SubmissionRejected = z.infer<typeof SubmissionRejected>;

/** Turns zod issues into the flat, path-keyed list the collector returns. */
export function describeIssues(error: z.core.$ZodError): { path: string; message: string }[] {
  return error.issues.slice(0, 20).map((issue) => ({
    path: issue.path.map(String).join('.') || '(root)',
    message: issue.message,
  }));
}

/** The protocol as JSON Schema (draft 2020-12), for collectors written in other languages. */
export function submissionJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(SubmissionUnion, { target: 'draft-2020-12', unrepresentable: 'any' }) as Record<string, unknown>;
}
