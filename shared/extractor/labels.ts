/**
 * Recognises a label at the start of a block of text: the whole block ("Thành phần hồ sơ"),
 * "Label: value" on one line, a label followed by a line break, or a label glued to its value
 * ("Lĩnh vực:Khám bệnh", "Mã thủ tục1.000178"). A label followed by lower-case words is a sentence,
 * not a label ("Thời hạn giải quyết khiếu nại lần đầu…").
 */
import { LEADING_MARKER_RE, foldLabel } from '../text/normalize';
import { firstWord, type Lexicon, type LexiconEntry } from './lexicon';
import { LABEL_FILLER_RE } from '../text/patterns';

export interface LabelMatch {
  entry: LexiconEntry;
  /** The label as written on the page. */
  label: string;
  /** Text after the label (and its colon), '' for a whole-block label. */
  rest: string;
  mode: 'whole' | 'inline' | 'glued';
}

const UPPER_OR_DIGIT = /[\p{Lu}\d"“(\[]/u;
// "Trình tự thực hiện – Bước 1: …": a spaced dash separates label and value like a colon.
const DASH_AFTER = /^\s+[–—-]\s+/u;
const COLON_AFTER = /^\s*(?:\([^)\n]{0,80}\))?\s*[:：]/u;

/** Finds the label `text` starts with, if any. */
export function matchLabel(text: string, lexicon: Lexicon): LabelMatch | null {
  const found = findLabel(text, lexicon);
  if (!found) return null;
  // "Phí, lệ phí\n(nếu có)": the filler belongs to the label.
  const firstRestLine = found.rest.split('\n', 1)[0]!;
  if (found.rest && LABEL_FILLER_RE.test(firstRestLine)) {
    const rest = found.rest.slice(firstRestLine.length).trim();
    return { ...found, rest, mode: rest ? found.mode : 'whole' };
  }
  return found;
}

function findLabel(text: string, lexicon: Lexicon): LabelMatch | null {
  const marker = LEADING_MARKER_RE.exec(text);
  const body = marker ? text.slice(marker[0].length) : text;
  if (body === '') return null;
  const lower = body.slice(0, 240).toLowerCase();
  // Every label, whole or prefix, is indexed under its first word: most blocks stop here.
  const bucket = lexicon.prefixBuckets.get(firstWord(lower));
  if (!bucket) return null;
  const firstLine = body.split('\n', 1)[0]!;
  if (firstLine.length <= 160) {
    const whole = lexicon.byKey.get(foldLabel(firstLine)); // block text is already normalised
    if (whole) {
      const rest = body.slice(firstLine.length).trim();
      return { entry: whole, label: firstLine.replace(/[\s:：]+$/u, ''), rest, mode: rest ? 'inline' : 'whole' };
    }
  }
  for (const entry of bucket) {
    if (!lower.startsWith(entry.folded)) continue;
    const after = body.slice(entry.folded.length);
    const label = body.slice(0, entry.folded.length);
    const colon = COLON_AFTER.exec(after);
    if (colon) return { entry, label, rest: after.slice(colon[0].length).trim(), mode: 'inline' };
    if (after.startsWith('\n')) return { entry, label, rest: after.trim(), mode: 'inline' };
    const dash = DASH_AFTER.exec(after);
    if (dash) return { entry, label, rest: after.slice(dash[0].length).trim(), mode: 'inline' };
    if (entry.inlineOnly) continue;
    const next = after[0] ?? '';
    if (next !== ' ' && UPPER_OR_DIGIT.test(next)) return { entry, label, rest: after.trim(), mode: 'glued' };
    if (next === ' ') {
      const following = after.trimStart()[0] ?? '';
      // "Lệ phí 50.000 đồng", "Cơ quan thực hiện Sở Y tế": a value after a space, not a sentence.
      if (/\d/.test(following) || (entry.words >= 3 && UPPER_OR_DIGIT.test(following))) {
        return { entry, label, rest: after.trim(), mode: 'glued' };
      }
    }
  }
  return null;
}
