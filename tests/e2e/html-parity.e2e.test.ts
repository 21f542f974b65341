/**
 * The command-line auditor (Node) and the extension (Chromium) read broken pages alike. Each
 * hostile procedure page in tests/fixtures/parsing/ (a second document from server-side includes,
 * stray end tags, unclosed elements, content between table cells, `<noscript>`, character
 * references, misnested formatting, quirks mode) is audited in Node (shared/node/html.ts, then
 * auditDocument) and in headless Chromium (the engine bundle injected into the loaded page, as
 * scripts/bench.ts does): same procedure code and name, same status for every element. The element
 * trees are compared too, so a parsing difference the audit happens not to notice still shows.
 * Chromium gets no network at all: every request it would make is aborted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildEngineBundle } from '../../scripts/engine-bundle';
import type { Browser, Page } from 'playwright-core';
import { auditDocument } from '../../shared/audit';
import { parseHtmlDocument } from '../../shared/node/html';
import { evaluateInPage, launchChromium } from '../../shared/node/chromium';
import { FIXTURES } from './kit';

const PARSING = join(FIXTURES, 'parsing');
const PAGES = readdirSync(PARSING)
  .filter((file) => file.endsWith('.html'))
  .sort();

/** What must match: the page status, the procedure and each element's status. */
interface Summary {
  status: string;
  code: string | null;
  name: string | null;
  elements: Record<string, string>;
}

interface ReportLike {
  status: string;
  procedure?: { code?: string | null; name?: string | null } | null;
  results: { id: string; status: string }[];
}

const summarize = (report: ReportLike): Summary => ({
  status: report.status,
  code: report.procedure?.code ?? null,
  name: report.procedure?.name ?? null,
  elements: Object.fromEntries(report.results.map((result) => [result.id, result.status])),
});

/**
 * The element tree from <html> down, one line per node: elements with their namespace and sorted
 * attributes (class values space-normalised, as linkedom keeps them), text, comments; template
 * contents under the template. Self-contained, so it also runs inside the page (`document` there).
 */
function dumpTree(_: null, given?: Document): string {
  const doc = given ?? document;
  const lines: string[] = [`doctype ${doc.doctype?.name ?? '-'}`];
  const walk = (parent: Node, depth: number): void => {
    for (let node = parent.firstChild; node; node = node.nextSibling) {
      const pad = ' '.repeat(depth);
      if (node.nodeType === 1) {
        const element = node as Element;
        const attributes = Array.from(element.attributes, (attribute) => {
          const value = attribute.name === 'class' ? [...new Set(attribute.value.split(/\s+/).filter(Boolean))].join(' ') : attribute.value;
          return `${attribute.name}=${JSON.stringify(value)}`;
        }).sort();
        lines.push(`${pad}<${element.localName}> ${element.namespaceURI} ${attributes.join(' ')}`);
        walk(element.localName === 'template' ? (element as HTMLTemplateElement).content : element, depth + 1);
      } else if (node.nodeType === 3) lines.push(`${pad}"${JSON.stringify((node as Text).data)}`);
      else if (node.nodeType === 8) lines.push(`${pad}<!--${JSON.stringify((node as Comment).data)}`);
    }
  };
  walk({ firstChild: doc.documentElement } as unknown as Node, 0);
  return lines.join('\n');
}

let browser: Browser;
let engine: string;

beforeAll(async () => {
  [engine, browser] = await Promise.all([buildEngineBundle(), launchChromium()]);
});
afterAll(async () => browser?.close());

/** Loads `html` into a fresh Chromium page with every network request refused. */
async function openInChromium(html: string): Promise<Page> {
  const page = await browser.newPage();
  await page.route('**/*', (route) => route.abort());
  await page.setContent(html);
  return page;
}

describe('Node reads hostile procedure pages as Chromium does', () => {
  it('has the hostile pages to compare', () => {
    expect(PAGES.length).toBeGreaterThanOrEqual(5);
  });

  for (const file of PAGES) {
    describe(file, () => {
      const html = readFileSync(join(PARSING, file), 'utf8');

      it('gives the same procedure code and name and the same status for every element', async () => {
        const node = summarize(auditDocument(parseHtmlDocument(html), { url: file }) as ReportLike);
        const page = await openInChromium(html);
        try {
          await page.addScriptTag({ content: engine });
          const chromium = summarize(
            await evaluateInPage(
              page,
              () => (globalThis as unknown as { TthcAudit: { auditDocument(d: Document): ReportLike } }).TthcAudit.auditDocument(document),
              null,
            ),
          );
          expect(chromium.status).toBe('audited');
          expect(Object.keys(chromium.elements).length).toBeGreaterThan(0);
          expect(node).toEqual(chromium);
        } finally {
          await page.close();
        }
      });

      it('builds the same element tree', async () => {
        const page = await openInChromium(html);
        try {
          const chromium = await evaluateInPage(page, dumpTree, null);
          expect(dumpTree(null, parseHtmlDocument(html))).toBe(chromium);
        } finally {
          await page.close();
        }
      });
    });
  }
});
