/**
 * The engine shares the main thread: `auditWhenIdle` does the same audit as `auditDocument` in
 * short slices, each stopping when its time is up and the next going on where it stopped.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { auditDocument, auditWhenIdle } from '../../shared/audit';
import { parseHtmlDocument } from '../../shared/node/html';

const PAGE = join(import.meta.dirname, '..', 'fixtures', 'pages', 'l1-national-new-ui.complaint-1.000178.html');

function bigPage(items: number): string {
  const base = readFileSync(PAGE, 'utf8');
  const list = Array.from(
    { length: items },
    (_, i) =>
      `<li><a href="/tthc/${i}">Thủ tục liên quan số ${i}: Cấp bản sao trích lục hộ tịch</a> <span>1.00${String(i % 10_000).padStart(4, '0')}</span></li>`,
  ).join('');
  return base.replace('</body>', `<ul class="related">${list}</ul></body>`);
}

describe('auditing in idle slices', () => {
  it('gives the same report as auditing in one go, over many slices', async () => {
    const document = parseHtmlDocument(bigPage(3_000));
    let slices = 0;
    const report = await auditWhenIdle(document, {
      url: 'x',
      sliceMs: 1,
      schedule: (run) => {
        slices++;
        setTimeout(run, 0);
      },
    });
    expect(slices).toBeGreaterThan(3);
    expect(report).toEqual(auditDocument(document, { url: 'x' }));
    expect(report.status).toBe('audited');
  });

  it('stops when the caller aborts', async () => {
    const document = parseHtmlDocument(bigPage(3_000));
    const controller = new AbortController();
    const pending = auditWhenIdle(document, { sliceMs: 1, signal: controller.signal, schedule: (run) => setTimeout(run, 0) });
    controller.abort(new Error('page changed'));
    await expect(pending).rejects.toThrow('page changed');
  });
});
