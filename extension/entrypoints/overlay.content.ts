/**
 * The overlay: the only extension code that draws on a page. Injected on demand (registered at run
 * time), it answers `overlay/*` messages through the typed router: it finds the evidence by its
 * selector, or by its quoted text when the selector no longer matches (the page changed), scrolls
 * it into view and draws a box above it in a shadow root attached after <body>, so the page's own
 * elements, styles and body HTML stay as they were. Boxes follow scrolling and resizing.
 * Limits: the top frame only; the quote fallback matches the first element whose text holds the
 * quote's opening words.
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { browser } from 'wxt/browser';
import { normalizeText } from '../../shared/text/normalize';
import { route } from '../messaging/router';
import type { OverlayShowResponse } from '../messaging/protocol';

const HOST_TAG = 'tthc-audit-overlay';
const INSTALLED = Symbol.for('tthc-audit-overlay');

type Target = Element | Range;
interface Found {
  found: 'selector' | 'quote';
  target: Target;
}

const squash = (text: string) => normalizeText(text).toLowerCase();

/** The quote's opening words, enough to tell one block from another. */
const probe = (quote: string) => squash(quote).slice(0, 60);

function bySelector(selector: string, quote: string): Element | null {
  let node: Element | null = null;
  try {
    node = document.querySelector(selector);
  } catch {
    return null; // not a valid selector
  }
  if (!node) return null;
  const words = probe(quote);
  return !words || squash(node.textContent ?? '').includes(words) ? node : null;
}

function byQuote(quote: string): Element | null {
  const words = probe(quote);
  if (!words || !document.body) return null;
  let best: Element | null = null;
  let bestLength = Infinity;
  for (const el of document.body.querySelectorAll('*')) {
    if (el.closest(HOST_TAG) || el instanceof HTMLScriptElement || el instanceof HTMLStyleElement) continue;
    const text = el.textContent ?? '';
    if (text.length >= bestLength || text.length < words.length) continue;
    if (squash(text).includes(words)) {
      best = el;
      bestLength = text.length;
    }
  }
  return best;
}

function locate(evidence: { selector: string; quote: string }): Found | null {
  const node = bySelector(evidence.selector, evidence.quote);
  if (node) return { found: 'selector', target: node };
  const fallback = byQuote(evidence.quote);
  return fallback ? { found: 'quote', target: fallback } : null;
}

const STYLE = `
:host { all: initial; }
.layer { position: fixed; inset: 0; pointer-events: none; z-index: 2147483647; }
.box { position: fixed; box-sizing: border-box; outline: 3px solid #d9480f; outline-offset: 2px;
  background: rgba(255, 212, 59, 0.25); border-radius: 2px; }
.box.current { outline-color: #0b5cad; background: rgba(11, 92, 173, 0.15); }
`;

function install(): void {
  const host = document.createElement(HOST_TAG);
  const shadow = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = STYLE;
  const layer = document.createElement('div');
  layer.className = 'layer';
  layer.setAttribute('aria-hidden', 'true');
  shadow.append(style, layer);
  let drawn: { target: Target; box: HTMLDivElement }[] = [];
  let frame = 0;

  const place = () => {
    frame = 0;
    for (const { target, box } of drawn) {
      const r = target.getBoundingClientRect();
      Object.assign(box.style, { left: `${r.left}px`, top: `${r.top}px`, width: `${r.width}px`, height: `${r.height}px` });
    }
  };
  const schedule = () => {
    if (!frame) frame = requestAnimationFrame(place);
  };
  const clear = () => {
    const had = drawn.length > 0;
    for (const { box } of drawn) box.remove();
    drawn = [];
    if (host.isConnected) host.remove();
    return had;
  };
  const draw = (targets: Target[], current: boolean) => {
    clear();
    // After <body>, inside <html>: the page's body HTML is unchanged.
    document.documentElement.append(host);
    drawn = targets.map((target) => {
      const box = document.createElement('div');
      box.className = current ? 'box current' : 'box';
      layer.append(box);
      return { target, box };
    });
    place();
  };
  addEventListener('scroll', schedule, { passive: true, capture: true });
  addEventListener('resize', schedule, { passive: true });

  browser.runtime.onMessage.addListener(
    route({
      'overlay/show': ({ evidence }): OverlayShowResponse => {
        const hit = locate(evidence);
        if (!hit) {
          clear();
          return { found: 'none', box: null };
        }
        const element = hit.target instanceof Element ? hit.target : null;
        element?.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'instant' });
        draw([hit.target], true);
        const r = hit.target.getBoundingClientRect();
        return { found: hit.found, box: { x: r.left, y: r.top, width: r.width, height: r.height } };
      },
      'overlay/show-all': ({ evidence }) => {
        const hits = evidence.map(locate);
        const targets = hits.flatMap((h) => (h ? [h.target] : []));
        draw(targets, false);
        return { drawn: targets.length, missing: hits.length - targets.length };
      },
      'overlay/clear': () => ({ cleared: clear() }),
    }),
  );
}

export default defineContentScript({
  registration: 'runtime',
  main() {
    // Each "Xem trên trang" injects this file again; the first injection keeps the page's overlay.
    const world = globalThis as { [INSTALLED]?: true };
    if (world[INSTALLED]) return;
    world[INSTALLED] = true;
    install();
  },
});
