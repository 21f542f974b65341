/**
 * Protocol constants without any runtime dependency, so the widget can use them without
 * bundling the schema library (the schemas live in ./submission.ts).
 */

/** Protocol version carried in every submission; bump on breaking change. Version 1 (no id) is refused. */
export const FEEDBACK_PROTOCOL_VERSION = 2;

/**
 * The 5-level satisfaction scale (1 = Rất không hài lòng … 5 = Rất hài lòng), the wording
 * verified on a ministry survey page; see shared/i18n for the labels.
 */
export const SATISFACTION_LEVELS = [1, 2, 3, 4, 5] as const;
export type SatisfactionLevel = (typeof SATISFACTION_LEVELS)[number];

export const PROCEDURE_CODE_MAX = 64;
export const URL_MAX = 2048;
/** Longest procedure name and agency name accepted (national names run to about 300 characters). */
export const PROCEDURE_NAME_MAX = 500;
export const AGENCY_MAX = 300;
export const COMMENT_MAX = 2000;
/** Largest request body the collector reads, in bytes. */
export const MAX_BODY_BYTES = 16 * 1024;

/** Where widgets post; `/api/v1/feedback` is kept as an alias with the same handler. */
export const SUBMISSIONS_PATH = '/api/v1/submissions';

/**
 * Receipts: 8 characters a citizen can read out on the phone, from an alphabet without
 * look-alikes (no 0/O, 1/I/L, 2/Z, 5/S, 8/B, U/V).
 */
export const RECEIPT_ALPHABET = '34679ACDEFGHJKMNPQRTWXY';
export const RECEIPT_LENGTH = 8;
