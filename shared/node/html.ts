/**
 * Node-only. Parses HTML text into a Document in Node without running any script (linkedom). Fragments and
 * empty strings become a proper document, so the audit always gets a body to read.
 */
import { parseHTML } from 'linkedom';

export function parseHtmlDocument(html: string): Document {
  const whole = /<html[\s>]/i.test(html) ? html : `<!doctype html><html><head></head><body>${html}</body></html>`;
  return parseHTML(whole).document as unknown as Document;
}
