/**
 * The widget's audit (`auditElementsWhenIdle`, the engine chunk's entry in shared/audit/core.ts)
 * judges every element exactly as the full audit does; it only leaves out the page checks, whose
 * findings the widget neither shows nor sends (so their code stays out of the widget's chunk).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { auditDocument } from '../../shared/audit';
import { auditElementsWhenIdle } from '../../shared/audit/core';
import { parseHtmlDocument } from '../../shared/node/html';

const PAGES = join(import.meta.dirname, '..', 'fixtures', 'pages');
const immediately = (run: () => void) => setTimeout(run, 0);

describe("the widget's audit", () => {
  it('finds the same procedure and element statuses as the full audit, without page-check findings', async () => {
    const document = parseHtmlDocument(readFileSync(join(PAGES, 'l1-national-new-ui.complaint-1.000178.html'), 'utf8'));
    const full = auditDocument(document, { url: 'x' });
    const widget = await auditElementsWhenIdle(document, { url: 'x', schedule: immediately });
    expect(widget.status).toBe('audited');
    expect(widget.procedure).toEqual(full.procedure);
    expect(widget.results).toEqual(full.results);
    expect(full.findings.some((f) => f.id.startsWith('page.'))).toBe(true);
    expect(widget.findings).toEqual(full.findings.filter((f) => !f.id.startsWith('page.')));
  });
});
