/**
 * Entry of the widget's first file (widget/dist/tthc-feedback.js, a classic script). Registers
 * <tthc-feedback> and, when the page has none, places one right after the script tag that loaded
 * it, configured from the tag's data-* attributes. Styles go into the open shadow root as a
 * constructable stylesheet (no <style> element, no style attribute), so a page with
 * `style-src 'self'` reports no violation. The audit engine comes later, as an ES module chunk
 * imported from this script's own URL. It never breaks the host page: every entry is guarded.
 */
import { render } from 'preact';
import { createNotifier } from './cell';
import { ATTRIBUTES, parseAgencyFile, readConfig, readLang, type AgencyFile, type AttributeName, type WidgetConfig } from './attributes';
import { autoGapReport, cleanUrl, createGapModel, createRatingModel, type Deliver } from './model';
import { createOutbox, type Outbox } from './outbox';
import { Widget, createViewState, type EngineState } from './Widget';
import type { EngineView } from './engine';
import engineFile from 'virtual:tthc-engine-file';
import css from './style.css?inline';
import { vi } from '../../shared/i18n/widget/vi';
import { en } from '../../shared/i18n/widget/en';

export const TAG_NAME = 'tthc-feedback';

/** This script's own URL, read once while it runs: the lazy chunk is fetched next to it. */
const SCRIPT_URL: string = (() => {
  try {
    const s = document.currentScript;
    if (s instanceof HTMLScriptElement && s.src) return s.src;
    return document.querySelector<HTMLScriptElement>('script[src*="tthc-feedback"]')?.src ?? document.baseURI;
  } catch {
    return '';
  }
})();

const warn = (attribute: string, problem: string) => console.warn(`[tthc-feedback] attribute "${attribute}": ${problem}.`);

class TthcFeedbackElement extends HTMLElement {
  static get observedAttributes(): readonly string[] {
    return ATTRIBUTES;
  }

  #root: ShadowRoot | null = null;
  #outbox: Outbox | null = null;
  #abort: AbortController | null = null;
  #scheduled = false;
  /** Set while the element waits for its first full start (idle time or the launcher). */
  #waiting: object | null = null;
  /** Whether preact has drawn into the shadow root (else it holds the plain first view or nothing). */
  #rendered = false;
  /** The agency file, once fetched and valid, with the URL it came from. */
  #agency: { url: string; file: AgencyFile } | null = null;

  connectedCallback(): void {
    try {
      this.#start();
    } catch (error) {
      console.warn('[tthc-feedback] could not start:', error);
    }
  }

  /**
   * The first view costs the host page almost nothing while it loads: an empty shadow root (inline
   * mode) or a plain launcher button (floating mode). The element itself (configuration, models,
   * outbox, the rendered form) is built once the page has loaded and the browser is idle, or at
   * once when the citizen presses the launcher.
   */
  #start(): void {
    const root = (this.#root ??= this.attachShadow({ mode: 'open' }));
    const token = {};
    this.#waiting = token;
    const go = (open = false) => {
      if (this.#waiting !== token || !this.isConnected) return;
      this.#waiting = null;
      try {
        this.#mount(open);
      } catch (error) {
        console.warn('[tthc-feedback] could not start:', error);
      }
    };
    if (this.getAttribute('mode')?.trim() === 'floating') {
      adoptStyles(root);
      const lang = readLang(this.getAttribute('lang'), document.documentElement.lang);
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'tf-launcher';
      button.setAttribute('part', 'launcher');
      button.setAttribute('aria-haspopup', 'dialog');
      button.textContent = (lang === 'en' ? en : vi)['widget.launcher'];
      button.addEventListener('click', () => go(true));
      const float = document.createElement('div');
      float.className = 'tf-float';
      float.lang = lang;
      float.append(button);
      root.replaceChildren(float);
    }
    afterLoad(() => go());
  }

  attributeChangedCallback(_name: string, before: string | null, after: string | null): void {
    if (before === after || !this.#root || this.#waiting || this.#scheduled) return;
    this.#scheduled = true;
    queueMicrotask(() => {
      this.#scheduled = false;
      try {
        if (this.isConnected) this.#mount();
      } catch (error) {
        console.warn('[tthc-feedback] could not restart:', error);
      }
    });
  }

  disconnectedCallback(): void {
    try {
      this.#waiting = null;
      this.#teardown();
      if (this.#root) render(null, this.#root);
      this.#rendered = false;
    } catch {
      /* nothing to undo */
    }
  }

  #teardown(): void {
    this.#abort?.abort();
    this.#outbox?.dispose();
    this.#outbox = null;
  }

  #mount(open = false): void {
    this.#teardown();
    const root = (this.#root ??= this.attachShadow({ mode: 'open' }));
    // The plain first view (launcher) gives way to the rendered one; its focus moves along.
    const hadFocus = !this.#rendered && root.activeElement !== null;
    if (!this.#rendered) root.replaceChildren();
    this.#rendered = true;
    adoptStyles(root);
    const config: WidgetConfig = readConfig(
      (name: AttributeName) => this.getAttribute(name),
      document.documentElement.lang,
      document.baseURI,
      warn,
      this.#agency?.file,
    );
    const configUrl = config.configUrl;
    if (configUrl && this.#agency?.url !== configUrl) {
      // Fetched once per URL; the element starts again with it (attributes still win).
      void fetch(configUrl, { credentials: 'omit' })
        .then((r) => (r.ok ? r.json() : null))
        .then((data: unknown) => {
          const file = parseAgencyFile(data);
          if (!file) return warn('config', 'not a valid agency file; ignored');
          this.#agency = { url: configUrl, file };
          if (this.isConnected) this.#mount();
        })
        .catch(() => warn('config', 'file not readable; ignored'));
    }
    const themed = Object.entries(config.theme);
    if (themed.length) {
      const sheet = root.adoptedStyleSheets?.[0];
      // A rule in the adopted sheet, not a style attribute: a strict style-src allows it.
      sheet?.insertRule(`:host{${themed.map(([k, v]) => `${k}:${v}`).join(';')}}`, sheet.cssRules.length);
    }
    const abort = (this.#abort = new AbortController());
    const outbox = (this.#outbox = createOutbox());
    const endpoint = config.endpoint;
    /** Tells the host page what became of each submission: tthc-feedback:submitted / tthc-feedback:error. */
    const announce = (type: 'submitted' | 'error', detail: Record<string, unknown>) => {
      try {
        this.dispatchEvent(new CustomEvent(`tthc-feedback:${type}`, { bubbles: true, composed: true, detail }));
      } catch {
        /* a host listener's failure stays the host's */
      }
    };
    const deliver: Deliver | undefined = endpoint
      ? (s, listen) =>
          outbox.submit(s, endpoint, (d) => {
            listen(d);
            if (d.state === 'sent') announce('submitted', { id: s.id, kind: s.kind, receipt: d.receipt ?? null });
            else if (d.state === 'rejected') announce('error', { id: s.id, kind: s.kind, code: d.code });
          })
      : undefined;
    const notifier = createNotifier();
    const pageUrl = cleanUrl(location.href);
    // One options object for both models: a procedure code the engine reads later is seen by both.
    const common = {
      lang: config.lang,
      pageUrl,
      procedureCode: config.procedureCode,
      deliver,
      notifier,
      questionSet: config.questionSet === 'none' ? undefined : config.questionSet,
    };
    const rating = createRatingModel(common);
    const gap = config.panels.includes('gap-report') ? createGapModel(common) : undefined;
    const engine = notifier.cell<EngineState>({ state: 'idle', view: null });
    const view = createViewState(notifier);
    view.open.value = open;

    const needEngine = () => {
      if (engine.value.state !== 'idle') return;
      engine.value = { state: 'loading', view: null };
      loadEngine()
        .then((m) => {
          if (abort.signal.aborted) return;
          engine.value = { state: 'loading', view: null, messages: m.messages, questionSets: m.questionSets };
          return m.auditHostPage(document, location.href.replace(/[?#].*$/s, ''), config.lang).then((view: EngineView) => {
            if (abort.signal.aborted) return;
            engine.value = { state: 'done', view, messages: m.messages, questionSets: m.questionSets };
            gap?.setReport(view.report);
            // No code from the webmaster: the one the page publishes, when the engine found it.
            if (!common.procedureCode && view.report.procedure.code && /^[\p{L}\p{N}._-]{1,64}$/u.test(view.report.procedure.code))
              common.procedureCode = view.report.procedure.code;
            const auto = config.autoReport && deliver ? autoGapReport(common, view.report) : null;
            if (auto && deliver) void deliver(auto, () => undefined);
          });
        })
        .catch(() => {
          if (!abort.signal.aborted) engine.value = { ...engine.value, state: 'failed', view: null };
        });
    };

    // The engine in idle time when the page must be read anyway (no code given, or auto-report).
    if (!config.procedureCode || config.autoReport) idle(needEngine);
    if (config.panels[0] !== 'rating') needEngine();

    // Single-page portals: a new address is a new procedure, so the element starts afresh.
    const onUrl = () => {
      if (cleanUrl(location.href) !== pageUrl && !abort.signal.aborted) queueMicrotask(() => this.isConnected && this.#mount());
    };
    const nav = (globalThis as { navigation?: EventTarget }).navigation;
    nav?.addEventListener('navigatesuccess', onUrl);
    addEventListener('popstate', onUrl);
    abort.signal.addEventListener('abort', () => {
      nav?.removeEventListener('navigatesuccess', onUrl);
      removeEventListener('popstate', onUrl);
    });

    // Flush what earlier pages left in the outbox once the page is idle (opening IndexedDB is not
    // start-up work); the last try when this page goes away.
    idle(() => {
      if (!abort.signal.aborted) void outbox.flush();
    });
    const onHide = () => outbox.beacon();
    addEventListener('pagehide', onHide);
    abort.signal.addEventListener('abort', () => removeEventListener('pagehide', onHide));

    const draw = () =>
      render(
        <Widget
          view={view}
          lang={config.lang}
          rating={rating}
          gap={gap}
          panels={config.panels}
          mode={config.mode}
          questionSet={config.questionSet}
          contacts={config.contacts}
          engine={engine.value}
          needEngine={needEngine}
        />,
        root,
      );
    // Every change of this element's state draws its tree again (preact diffs; view state is kept).
    const off = notifier.subscribe(() => {
      if (!abort.signal.aborted) draw();
    });
    abort.signal.addEventListener('abort', off);
    draw();
    if (open) root.querySelector<HTMLElement>('#tf-dialog-title')?.focus();
    else if (hadFocus) root.querySelector<HTMLElement>('.tf-launcher')?.focus();
  }
}

/** Runs `job` when the browser is idle (within `timeout` anyway). */
function idle(job: () => void, timeout = 5_000): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(job, { timeout });
  else setTimeout(job, Math.min(timeout, 1_000));
}

/** Runs `job` in idle time once the page has loaded: the host page's own start comes first. */
function afterLoad(job: () => void): void {
  if (document.readyState === 'complete') idle(job, 1_000);
  else addEventListener('load', () => idle(job, 1_000), { once: true });
}

/** The lazy chunk, imported from the script's own URL (an ES module, so CORS applies cross-origin). */
function loadEngine(): Promise<typeof import('./engine')> {
  const url = new URL(engineFile, SCRIPT_URL || document.baseURI).href;
  return import(/* @vite-ignore */ url) as Promise<typeof import('./engine')>;
}

/**
 * One constructable stylesheet per shadow root, reset to the base rules on every (re)start so theme
 * rules never pile up; a <style> element only where the browser lacks constructable stylesheets.
 */
function adoptStyles(root: ShadowRoot): void {
  const adopted = root.adoptedStyleSheets?.[0];
  if (adopted) return adopted.replaceSync(css);
  if (root.querySelector('style')) return;
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [sheet];
  } catch {
    const style = document.createElement('style');
    style.textContent = css;
    root.append(style);
  }
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
