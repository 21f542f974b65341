/**
 * Text normalisation, the one place for it: every label match and every value judgement goes
 * through these functions, in the widget, the extension, the CLI and the collector alike.
 * Handles what real portals produce (docs: portal layouts): decomposed diacritics (NFD), the
 * look-alike "Ð" (U+00D0) and "ð" (U+00F0) typed for "Đ"/"đ", non-breaking and zero-width spaces,
 * bidirectional control characters, and trailing colons on labels.
 */

const LOOKALIKES: Record<string, string> = { '\u00D0': '\u0110', '\u00F0': '\u0111', '\u0189': '\u0110' };
const LOOKALIKE_RE = /[\u00D0\u00F0\u0189]/g;
// Zero-width and bidirectional formatting characters: invisible, and hostile in values.
const INVISIBLE_RE = /[\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF\u00AD]/g;
// C0/C1 control characters except tab and newlines.
const CONTROL_RE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
// Any character the cleaning steps would touch; most text has none, so one test skips three passes.
const SPECIAL_RE = /[\u00D0\u00F0\u0189\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF\u00AD\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
// Only text with combining marks changes under NFC in practice (decomposed Vietnamese diacritics).
const COMBINING_RE = /[\u0300-\u036f]/;
const SPACE_RE = /[\s\u00A0\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]+/g;

/**
 * Canonical display text: NFC, look-alikes replaced, invisible and control characters removed,
 * every run of white space folded to one space, trimmed. Keeps case and punctuation.
 */
export function normalizeText(text: string): string {
  const composed = COMBINING_RE.test(text) ? text.normalize('NFC') : text;
  const cleaned = SPECIAL_RE.test(composed)
    ? composed.replace(LOOKALIKE_RE, (c) => LOOKALIKES[c] ?? c).replace(INVISIBLE_RE, '').replace(CONTROL_RE, ' ')
    : composed;
  return cleaned.replace(SPACE_RE, ' ').trim();
}

/** Like normalizeText but keeps line breaks (folded to single "\n"), for multi-line values. */
export function normalizeMultiline(text: string): string {
  return text
    .split(/\r\n|\r|\n|\u2028|\u2029/)
    .map(normalizeText)
    .filter((line) => line !== '')
    .join('\n');
}

/**
 * Key for comparing labels: normalised, lower-cased, leading bullets or numbering ("-", "•",
 * "1.", "a)", "II.") and trailing colons or dots removed, "," and ";" spaced consistently.
 */
export function labelKey(text: string): string {
  return normalizeText(text)
    .toLowerCase()
    .replace(LEADING_MARKER_RE, '')
    .replace(/\s*[,;]\s*/g, ', ')
    .replace(/\s*\/\s*/g, '/')
    .replace(/[\s:：.\-–—]+$/u, '')
    .trim();
}

/** Bullets and enumeration at the start of a line: "-", "+", "•", "*", "1.", "1)", "a)", "II.", "Điều 3.". */
export const LEADING_MARKER_RE =
  /^(?:[-–—+•●○▪■◦*>»·]+\s*|(?:\d{1,2}|[a-zđ]|[ivxl]{1,5})[.)]\s+|\(\s*(?:\d{1,2}|[a-zđ])\s*\)\s*)+/iu;

/** Cuts `text` to at most `max` characters at a word boundary, adding "…" when cut. */
export function quote(text: string, max = 120): string {
  const flat = normalizeText(text);
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${space > max * 0.6 ? cut.slice(0, space) : cut}…`;
}
