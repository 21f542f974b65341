/**
 * Entry of the widget's first file (widget/dist/tthc-feedback.js, a classic script): a small
 * loader. It registers <tthc-feedback> and, when the page has none, places one right after the
 * script tag that loaded it, configured from the tag's data-* attributes. While the host page loads
 * it does almost nothing: an empty open shadow root (inline mode) or a plain launcher button
 * (floating mode). The UI chunk (an ES module beside this file) is imported in idle time after the
 * page's load event, or when the citizen presses the launcher; the audit engine is a further chunk
 * the UI imports when needed; the strings of the element's language are a chunk fetched beside the UI
 * chunk (one language per page view). Styles go into the shadow root as a constructable
 * stylesheet (no <style> element, no style attribute), so `style-src 'self'` reports no violation.
 * It never breaks the host page: every entry is guarded.
 */
import { ATTRIBUTES, readLang } from './attributes';
import type { Controller } from './ui';
import engineFile from 'virtual:tthc-engine-file';
import uiFile from 'virtual:tthc-ui-file';
import schemaFile from 'virtual:tthc-schema-file';
import viFile from 'virtual:tthc-vi-file';
import enFile from 'virtual:tthc-en-file';
import css from './style.css?inline';

export const TAG_NAME = 'tthc-feedback';

/** The launcher's label before the UI chunk has run (the catalog's widget.launcher). */
const LAUNCHER = { vi: 'Góp ý về thủ tục này', en: 'Give feedback on this procedure' } as const;

/** This script's own URL, read once while it runs: the chunks are fetched next to it. */
const SCRIPT_URL: string = (() => {
  try {
    const s = document.currentScript;
    if (s instanceof HTMLScriptElement && s.src) return s.src;
    return document.querySelector<HTMLScriptElement>('script[src*="tthc-feedback"]')?.src ?? document.baseURI;
  } catch {
    return '';
  }
})();

const chunkUrl = (file: string) => new URL(file, SCRIPT_URL || document.baseURI).href;

class TthcFeedbackElement extends HTMLElement {
  static get observedAttributes(): readonly string[] {
    return ATTRIBUTES;
  }

  #root: ShadowRoot | null = null;
  #ui: Controller | null = null;
  #scheduled = false;
  /** Set while the element waits for its first full start (idle time or the launcher). */
  #waiting: object | null = null;

  connectedCallback(): void {
    try {
      this.#start();
    } catch (error) {
      console.warn('[tthc-feedback] could not start:', error);
    }
  }

  /**
   * The first view costs the host page almost nothing while it loads (even a module preload link
   * costs a request set up on the main thread). The UI chunk is imported in idle time once the
   * page has loaded, or at once when the citizen presses the launcher; when it cannot be fetched
   * (offline), again when the browser is back online.
   */
  #start(): void {
    const root = (this.#root ??= this.attachShadow({ mode: 'open' }));
    const token = {};
    this.#waiting = token;
    let ui: Promise<typeof import('./ui')> | null = null;
    const go = (open = false) => {
      if (this.#waiting !== token || !this.isConnected) return;
      if (!ui) {
        // The strings of its language, fetched beside the UI chunk (which waits for them before drawing).
        const lang = readLang(this.getAttribute('lang'), document.documentElement.lang);
        import(/* @vite-ignore */ chunkUrl(lang === 'en' ? enFile : viFile)).catch(() => undefined);
      }
      (ui ??= loadUi()).then(
        (m) => {
          if (!this.isConnected) return;
          // Pressed while the chunk was on its way, after the idle start: open the dialog now.
          if (this.#waiting !== token) return void (open && this.#ui?.mount(true));
          const mount = () => {
            if (this.#waiting !== token || !this.isConnected) return;
            this.#waiting = null;
            this.#ui ??= m.createController({
              element: this,
              root,
              css,
              urls: { engine: chunkUrl(engineFile), schema: chunkUrl(schemaFile), vi: chunkUrl(viFile), en: chunkUrl(enFile) },
            });
            this.#ui.mount(open);
          };
          // Pressed: at once. Otherwise the first render waits for another idle slice, so loading
          // the chunk and drawing the form are two short tasks, not one long one.
          if (open) mount();
          else idle(mount);
        },
        () => {
          // Not fetched (offline): again when the network is back.
          addEventListener(
            'online',
            () => {
              ui = loadUi();
              go(open);
            },
            { once: true },
          );
        },
      );
    };
    if (this.getAttribute('mode')?.trim() === 'floating' && !this.#ui) {
      try {
        const sheet = new CSSStyleSheet();
        sheet.replaceSync(css);
        root.adoptedStyleSheets = [sheet];
      } catch {
        /* styled once the UI chunk runs */
      }
      const lang = readLang(this.getAttribute('lang'), document.documentElement.lang);
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'tf-launcher';
      button.setAttribute('part', 'launcher');
      button.setAttribute('aria-haspopup', 'dialog');
      button.textContent = LAUNCHER[lang];
      // Once the UI has started, this plain launcher stays until its strings arrive: a press then
      // goes to the UI, which opens the dialog as soon as it can draw.
      button.addEventListener('click', () => (this.#ui ? this.#ui.mount(true) : go(true)));
      const float = document.createElement('div');
      float.className = 'tf-float';
      float.lang = lang;
      float.append(button);
      root.replaceChildren(float);
    }
    afterLoad(() => go());
  }

  attributeChangedCallback(_name: string, before: string | null, after: string | null): void {
    if (before === after || !this.#ui || this.#waiting || this.#scheduled) return;
    this.#scheduled = true;
    queueMicrotask(() => {
      this.#scheduled = false;
      if (this.isConnected) this.#ui?.mount();
    });
  }

  disconnectedCallback(): void {
    this.#waiting = null;
    this.#ui?.destroy();
  }
}

/** The UI chunk, imported from the script's own URL (an ES module, so CORS applies cross-origin). */
function loadUi(): Promise<typeof import('./ui')> {
  return import(/* @vite-ignore */ chunkUrl(uiFile)) as Promise<typeof import('./ui')>;
}

/** Runs `job` when the browser is idle (within a second anyway). */
function idle(job: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(job, { timeout: 1_000 });
  else setTimeout(job, 200);
}

/** Runs `job` in idle time once the page has loaded: the host page's own start comes first. */
function afterLoad(job: () => void): void {
  if (document.readyState === 'complete') idle(job);
  else addEventListener('load', () => idle(job), { once: true });
}

function placeNextToScript(script: HTMLScriptElement | null): void {
  if (!script || document.querySelector(TAG_NAME)) return;
  const element = document.createElement(TAG_NAME);
  for (const attribute of ATTRIBUTES) {
    const value = script.getAttribute(`data-${attribute}`);
    if (value) element.setAttribute(attribute, value);
  }
  script.after(element);
}

try {
  const currentScript = document.currentScript instanceof HTMLScriptElement ? document.currentScript : null;
  if (!customElements.get(TAG_NAME)) customElements.define(TAG_NAME, TthcFeedbackElement);
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', () => placeNextToScript(currentScript), { once: true });
  } else {
    placeNextToScript(currentScript);
  }
} catch (error) {
  console.warn('[tthc-feedback] could not register:', error);
}
