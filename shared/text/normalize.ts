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
const SPECIAL_RE =
  /[\u00D0\u00F0\u0189\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF\u00AD\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
// Only text with combining marks changes under NFC in practice (decomposed Vietnamese diacritics).
const COMBINING_RE = /[\u0300-\u036f]/;
const SPACE_RE = /[\s\u00A0\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]+/g;

// Entities that pasted HTML leaves visible as text ("Ng&agrave;y l&agrave;m việc"), decoded for reading.
const ENTITY_RE = /&(?:#\d{1,6}|#x[\da-f]{1,5}|[a-z]{2,8});/i;
const ENTITY_G = /&(#\d{1,6}|#x[\da-f]{1,5}|[a-z]{2,8});/gi;
const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  agrave: 'à',
  aacute: 'á',
  acirc: 'â',
  atilde: 'ã',
  egrave: 'è',
  eacute: 'é',
  ecirc: 'ê',
  igrave: 'ì',
  iacute: 'í',
  ograve: 'ò',
  oacute: 'ó',
  ocirc: 'ô',
  otilde: 'õ',
  ugrave: 'ù',
  uacute: 'ú',
  yacute: 'ý',
  Agrave: 'À',
  Aacute: 'Á',
  Acirc: 'Â',
  Atilde: 'Ã',
  Egrave: 'È',
  Eacute: 'É',
  Ecirc: 'Ê',
  Igrave: 'Ì',
  Iacute: 'Í',
  Ograve: 'Ò',
  Oacute: 'Ó',
  Ocirc: 'Ô',
  Otilde: 'Õ',
  Ugrave: 'Ù',
  Uacute: 'Ú',
  Yacute: 'Ý',
};

/** Decodes the HTML entities a page shows as literal text; unknown ones stay as they are. */
function decodeEntities(text: string): string {
  return text.replace(ENTITY_G, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 31 && code < 0x110000 && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : whole;
    }
    return NAMED[name] ?? whole;
  });
}

/**
 * Canonical display text: literal entities decoded, NFC, look-alikes replaced, invisible and control characters removed,
 * every run of white space folded to one space, trimmed. Keeps case and punctuation.
 */
export function normalizeText(text: string): string {
  const decoded = ENTITY_RE.test(text) ? decodeEntities(text) : text;
  const composed = COMBINING_RE.test(decoded) ? decoded.normalize('NFC') : decoded;
  const cleaned = SPECIAL_RE.test(composed)
    ? composed
        .replace(LOOKALIKE_RE, (c) => LOOKALIKES[c] ?? c)
        .replace(INVISIBLE_RE, '')
        .replace(CONTROL_RE, ' ')
    : composed;
  return cleaned.replace(SPACE_RE, ' ').trim();
}

const LINE_BREAK_RE = /[\r\n\u2028\u2029]/;

/** Like normalizeText but keeps line breaks (folded to single "\n"), for multi-line values. */
export function normalizeMultiline(text: string): string {
  if (!LINE_BREAK_RE.test(text)) return normalizeText(text);
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
  return foldLabel(normalizeText(text));
}

/** labelKey for text that is already normalised (block text): skips the normalisation pass. */
export function foldLabel(normalized: string): string {
  return normalized
    .toLowerCase()
    .replace(LEADING_MARKER_RE, '')
    .replace(/\s*[,;]\s*/g, ', ')
    .replace(/\s*\/\s*/g, '/')
    .replace(/[\s:：.\-–—]+$/u, '')
    .trim();
}

/** Bullets and enumeration at the start of a line: "-", "+", "•", "*", "1.", "1)", "a)", "II.", "Điều 3.". */
export const LEADING_MARKER_RE = /^(?:[-–—+•●○▪■◦*>»·]+\s*|(?:\d{1,2}|[a-zđ]|[ivxl]{1,5})[.)]\s+|\(\s*(?:\d{1,2}|[a-zđ])\s*\)\s*)+/iu;

/** Cuts `text` to at most `max` characters at a word boundary, adding "…" when cut. */
export function quote(text: string, max = 120): string {
  const flat = normalizeText(text);
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${space > max * 0.6 ? cut.slice(0, space) : cut}…`;
}

/**
 * Key for searching what people type: normalised, lower-cased, Vietnamese diacritics removed ("đ" as
 * "d"), so "thanh lap" finds "Thành lập". For search only, never for display or label matching.
 */
export function searchKey(text: string): string {
  return normalizeText(text)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase();
}
