/**
 * Protocol constants without any runtime dependency, so the widget can use them without
 * bundling the schema library.
 */

/** Protocol version carried in every submission; bump on breaking change. */
export const FEEDBACK_PROTOCOL_VERSION = 1;

/**
 * The 5-level satisfaction scale (1 = Rất không hài lòng … 5 = Rất hài lòng), the wording
 * verified on a ministry survey page; see shared/i18n for the labels.
 */
export const SATISFACTION_LEVELS = [1, 2, 3, 4, 5] as const;
export type SatisfactionLevel = (typeof SATISFACTION_LEVELS)[number];

export const PROCEDURE_CODE_MAX = 64;
export const URL_MAX = 2048;
