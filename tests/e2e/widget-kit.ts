/**
 * Kit of the widget's end-to-end tests: a static server for demo pages and the built widget files
 * (no collector; for what a citizen sees and what the page costs, not for delivery), and axe-core
 * run inside the widget's shadow root.
 */
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Page } from 'playwright-core';
import { FIXTURES, ROOT, listen, type StaticServer } from './kit';

/**
 * Serves /widget/<file> from widget/dist, /demo/<file> from collector/demo then
 * tests/fixtures/widget, and the given generated pages by path. Submissions get a 404.
 */
export async function serveWidgetPages(pages: Record<string, string> = {}): Promise<StaticServer> {
  return listen(
    createServer((request, response) => {
      const path = new URL(request.url ?? '/', 'http://x').pathname;
      const generated = pages[path];
      if (generated !== undefined) return void response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(generated);
      const name = basename(path);
      const candidates = path.startsWith('/widget/')
        ? [join(ROOT, 'widget', 'dist', name)]
        : path.startsWith('/demo/')
          ? [join(ROOT, 'collector', 'demo', name), join(FIXTURES, 'widget', name)]
          : [];
      const type = name.endsWith('.js')
        ? 'text/javascript; charset=utf-8'
        : name.endsWith('.json')
          ? 'application/json'
          : 'text/html; charset=utf-8';
      const next = (i: number): void => {
        if (i >= candidates.length) return void response.writeHead(404).end();
        readFile(candidates[i]!).then(
          (body) => response.writeHead(200, { 'content-type': type }).end(body),
          () => next(i + 1),
        );
      };
      next(0);
    }),
  );
}

/** axe-core from node_modules, injected into the page under test (never fetched). */
export const AXE = readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

/** axe-core's violations inside the widget(s) of `page`: rule id and the number of nodes. */
export async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE });
  return page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run(ctx: unknown, o: unknown): Promise<{ violations: { id: string; nodes: unknown[] }[] }> } }
    ).axe;
    const result = await axe.run({ include: [['tthc-feedback']] }, {});
    // axe must have looked inside the shadow root: some passing nodes have a shadow path (nested target).
    const inside = (result as unknown as { passes: { nodes: { target: unknown[] }[] }[] }).passes.some((p) =>
      p.nodes.some((n) => Array.isArray(n.target[0])),
    );
    return [...result.violations.map((v) => `${v.id} (${v.nodes.length})`), ...(inside ? [] : ['axe saw nothing inside the shadow root'])];
  });
}

/** Collects securitypolicyviolation events and console CSP reports of `page` (call before it loads). */
export async function cspViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  await page.exposeFunction('reportViolation', (v: string) => violations.push(v));
  await page.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as unknown as { reportViolation(v: string): void }).reportViolation(`${e.violatedDirective} ${e.blockedURI}`),
    ),
  );
  return violations;
}
