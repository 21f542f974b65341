/**
 * The over-time chart: Observable Plot drawn to SVG on the server, with linkedom as its document,
 * so the page needs no script and the strict CSP holds (Plot's own <style> element and any style
 * attribute are removed; dashboard.css styles the SVG instead). The SVG is role="img" with a label;
 * each point carries a <title> with its bucket, share and answers, and the page prints the same
 * numbers as a table after the chart (screen readers, print). Buckets without answers leave a gap
 * in the line; buckets with too few answers are drawn as hollow points.
 */
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import type { Locale } from '../../shared/i18n/format';
import type { SeriesPoint } from '../dashboard/types';

export interface ChartText {
  /** The SVG's accessible name. */
  label: string;
  /** Y axis label. */
  yLabel: string;
  /** One point's title: receives bucket label, share text and answers. */
  point: (bucket: string, share: string, answers: number) => string;
}

/** A bucket's start day as people read it in both languages: "07/2026" for a month, "06/07/2026" for a week's Monday. */
export function bucketLabel(bucketStart: string, bucket: 'week' | 'month'): string {
  const [y, m, d] = bucketStart.split('-') as [string, string, string];
  return bucket === 'month' ? `${m}/${y}` : `${d}/${m}/${y}`;
}

/** A minimal view of the SVG element linkedom builds (the Node program has no DOM types). */
interface SvgNode {
  outerHTML: string;
  querySelectorAll(selector: string): Iterable<SvgNode>;
  remove(): void;
  removeAttribute(name: string): void;
  setAttribute(name: string, value: string): void;
}

/** Percent formats per locale, made once (an Intl formatter costs far more to make than to use). */
const PERCENT: Record<Locale, Intl.NumberFormat> = {
  vi: new Intl.NumberFormat('vi-VN', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }),
  en: new Intl.NumberFormat('en-GB', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }),
};

/** A share in [0, 1] as a percentage with one decimal in `locale` ("72,5%" / "72.5%"). */
export function percent(share: number | null, locale: Locale): string {
  return share === null ? '–' : PERCENT[locale].format(share);
}

export function renderSeriesChart(series: readonly SeriesPoint[], bucket: 'week' | 'month', locale: Locale, text: ChartText): string {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const data = series.map((p) => {
    const [y, m, d] = p.bucketStart.split('-').map(Number) as [number, number, number];
    return {
      t: new Date(Date.UTC(y, m - 1, d)),
      v: p.share === null ? null : p.share * 100,
      few: p.tooFew,
      title: text.point(bucketLabel(p.bucketStart, bucket), percent(p.share, locale), p.answers),
    };
  });
  const two = (n: number) => String(n).padStart(2, '0');
  const tick = (t: Date) =>
    bucket === 'month' ? `${two(t.getUTCMonth() + 1)}/${t.getUTCFullYear()}` : `${two(t.getUTCDate())}/${two(t.getUTCMonth() + 1)}`;
  const withValue = data.filter((p) => p.v !== null);
  const svg = Plot.plot({
    document: document as unknown as NonNullable<Plot.PlotOptions['document']>,
    width: 720,
    height: 260,
    marginLeft: 48,
    marginBottom: 36,
    x: { type: 'utc', label: null, tickFormat: tick, ticks: Math.min(8, Math.max(2, data.length)) },
    y: { domain: [0, 100], label: text.yLabel, grid: true },
    marks: [
      Plot.ruleY([0]),
      Plot.lineY(data, { x: 't', y: 'v', stroke: '#0b4f8a', strokeWidth: 2 }),
      Plot.dot(
        withValue.filter((p) => !p.few),
        { x: 't', y: 'v', r: 4, fill: '#0b4f8a', stroke: '#0b4f8a', title: 'title' },
      ),
      Plot.dot(
        withValue.filter((p) => p.few),
        { x: 't', y: 'v', r: 4, fill: '#ffffff', stroke: '#0b4f8a', strokeWidth: 2, title: 'title' },
      ),
    ],
  }) as unknown as SvgNode;
  for (const style of Array.from(svg.querySelectorAll('style'))) style.remove();
  for (const el of [svg, ...Array.from(svg.querySelectorAll('[style]'))]) el.removeAttribute('style');
  // Plot names its groups with aria-label, which ARIA forbids on an element without a role; the
  // SVG as a whole is one image with its own label (and the table after it has the numbers).
  for (const el of Array.from(svg.querySelectorAll('[aria-label]'))) el.removeAttribute('aria-label');
  svg.removeAttribute('font-family');
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', text.label);
  return svg.outerHTML;
}
