/**
 * Entry of the widget's UI chunk (widget/dist/tthc-feedback-ui.<hash>.js, an ES module the first
 * file imports from its own URL): configuration, models, outbox, the rendered panels. The first
 * file stays a small loader, so a host page pays almost nothing while it loads; this chunk runs in
 * idle time after the load (or at once when a citizen presses the floating launcher). It draws
 * only once the strings chunk of the element's language is loaded (no untranslated flash). One
 * controller per <tthc-feedback> element, no module state. Never throws into the host page.
 */
import { render } from 'preact';
import { createNotifier } from './cell';
import { readConfig, readLang, type AgencyFile, type AttributeName, type WidgetConfig } from './attributes';
import { autoGapReport, cleanUrl, createGapModel, createRatingModel, pageKey, type Deliver } from './model';
import { createOutbox, type Outbox } from './outbox';
import { Widget, createViewState, type EngineState, type Strings } from './Widget';
import type { EngineView } from './engine';
import type { Locale } from '../../shared/i18n/format';

type SchemaModule = typeof import('./agency-file');

export interface Host {
  element: HTMLElement;
  root: ShadowRoot;
  /** The widget's stylesheet text (carried by the first file, which may have adopted it already). */
  css: string;
  /** Absolute URLs of the lazy chunks: engine, the strings of each language. */
  urls: Record<'engine' | 'schema' | Locale, string>;
}

export interface Controller {
  /** (Re)starts the element from its current attributes; `open` opens the floating dialog. */
  mount(open?: boolean): void;
  /** Stops listening and sending and empties the shadow root. */
  destroy(): void;
}

const warn = (attribute: string, problem: string) => console.warn(`[tthc-feedback] attribute "${attribute}": ${problem}.`);

export function createController(host: Host): Controller {
  const { element, root, css } = host;
  let outbox: Outbox | null = null;
  let abort: AbortController | null = null;
  /** Whether preact has drawn into the shadow root (else it holds the plain first view or nothing). */
  let rendered = false;
  /** The agency file, once fetched and valid, with the URL it came from. */
  let agency: { url: string; file: AgencyFile } | null = null;
  /** The strings of each language, once imported. */
  const strings: Partial<Record<Locale, Strings>> = {};
  /** The schema chunk (zod/mini), imported when an element has `contacts` or `config`. */
  let schema: SchemaModule | null = null;
  let schemaFailed = false;
  /** Set while a start waits for its chunks; a newer start or destroy() replaces it. */
  let waiting: object | null = null;

  const teardown = () => {
    abort?.abort();
    outbox?.dispose();
    outbox = null;
  };

  const safeMount = (open = false) => {
    try {
      mount(open);
    } catch (error) {
      console.warn('[tthc-feedback] could not start:', error);
    }
  };

  function mount(open = false): void {
    // The strings of the element's language before anything is drawn; until then the previous
    // view, or the loader's, stays. Not fetched (offline): again when the network is back.
    const lang = readLang(element.getAttribute('lang'), document.documentElement.lang);
    const wantSchema = !schema && !schemaFailed && (['contacts', 'config'] as const).some((n) => element.getAttribute(n)?.trim());
    if (!strings[lang] || wantSchema) {
      const token = (waiting = {});
      const again = () => token === waiting && element.isConnected && safeMount(open);
      void Promise.all([
        strings[lang] ||
          (import(/* @vite-ignore */ host.urls[lang]) as Promise<{ messages: Strings }>).then((m) => void (strings[lang] = m.messages)),
        wantSchema &&
          (import(/* @vite-ignore */ host.urls.schema) as Promise<SchemaModule>).then(
            (m) => void (schema = m),
            () => void (schemaFailed = true),
          ),
      ]).then(again, () => addEventListener('online', again, { once: true }));
      return;
    }
    waiting = null;
    teardown();
    // The plain first view (launcher) gives way to the rendered one; its focus moves along.
    const hadFocus = !rendered && root.activeElement !== null;
    if (!rendered) root.replaceChildren();
    rendered = true;
    adoptStyles(root, css);
    const config: WidgetConfig = readConfig(
      (name: AttributeName) => element.getAttribute(name),
      document.documentElement.lang,
      document.baseURI,
      warn,
      agency?.file,
      schema?.parseContacts,
    );
    const configUrl = config.configUrl;
    if (configUrl && agency?.url !== configUrl) {
      // Fetched once per URL; the element starts again with it (attributes still win).
      void fetch(configUrl, { credentials: 'omit' })
        .then((r) => (r.ok ? r.json() : null))
        .then((data: unknown) => {
          const file = schema?.parseAgencyFile(data);
          if (!file) return warn('config', 'not a valid agency file; ignored');
          agency = { url: configUrl, file };
          if (element.isConnected) safeMount();
        })
        .catch(() => warn('config', 'file not readable; ignored'));
    }
    const themed = Object.entries(config.theme);
    if (themed.length) {
      const sheet = root.adoptedStyleSheets?.[0];
      // A rule in the adopted sheet, not a style attribute: a strict style-src allows it.
      sheet?.insertRule(`:host{${themed.map(([k, v]) => `${k}:${v}`).join(';')}}`, sheet.cssRules.length);
    }
    const stop = (abort = new AbortController());
    const box = (outbox = createOutbox());
    const endpoint = config.endpoint;
    /** Tells the host page what became of each submission: tthc-feedback:submitted / tthc-feedback:error. */
    const announce = (type: 'submitted' | 'error', detail: Record<string, unknown>) => {
      try {
        element.dispatchEvent(new CustomEvent(`tthc-feedback:${type}`, { bubbles: true, composed: true, detail }));
      } catch {
        /* a host listener's failure stays the host's */
      }
    };
    const deliver: Deliver | undefined = endpoint
      ? (s, listen) =>
          box.submit(s, endpoint, (d) => {
            listen(d);
            if (d.state === 'sent') announce('submitted', { id: s.id, kind: s.kind, receipt: d.receipt ?? null });
            else if (d.state === 'rejected') announce('error', { id: s.id, kind: s.kind, code: d.code });
          })
      : undefined;
    const notifier = createNotifier();
    // The full address: the models send it cleaned (cleanUrl) and remember by pageKey.
    const pageUrl = location.href;
    // One options object for both models: what the engine reads later (code, name, agency) is seen by both.
    const common = {
      lang: config.lang,
      pageUrl,
      procedureCode: config.procedureCode,
      procedureName: config.procedureName,
      agency: config.agency,
      deliver,
      notifier,
      questionSet: config.questionSet === 'none' ? undefined : config.questionSet,
      scale: config.scale,
    };
    const rating = createRatingModel(common);
    const gap = config.panels.includes('gap-report') ? createGapModel(common) : undefined;
    const engine = notifier.cell<EngineState>({ state: 'idle', view: null });
    const view = createViewState(notifier);
    view.open.value = open;

    const needEngine = () => {
      if (engine.value.state !== 'idle') return;
      engine.value = { state: 'loading', view: null };
      (import(/* @vite-ignore */ host.urls.engine) as Promise<typeof import('./engine')>)
        .then((m) => {
          if (stop.signal.aborted) return;
          engine.value = { state: 'loading', view: null, loaded: true, questionSets: m.questionSets };
          return m.auditHostPage(document, cleanUrl(location.href), config.lang).then((found: EngineView) => {
            if (stop.signal.aborted) return;
            engine.value = { state: 'done', view: found, loaded: true, questionSets: m.questionSets };
            gap?.setReport(found.report);
            // No code from the webmaster: the one the page publishes, when the engine found it.
            const read = found.report;
            if (!common.procedureCode && read.procedure.code && /^[\p{L}\p{N}._-]{1,64}$/u.test(read.procedure.code))
              common.procedureCode = read.procedure.code;
            // Likewise the name and the agency the page publishes, when the webmaster gave none.
            common.procedureName ||= read.procedure.name?.trim() || undefined;
            // (an agency published on several lines, e.g. the competent and the handling one, on one)
            common.agency ||=
              read.results
                .find((r) => r.id === 'agency' && r.present)
                ?.value?.trim()
                .replace(/\s*\n\s*/g, '; ') || undefined;
            const auto = config.autoReport && deliver ? autoGapReport(common, found.report) : null;
            if (auto && deliver) void deliver(auto, () => undefined);
          });
        })
        .catch(() => {
          if (!stop.signal.aborted) engine.value = { ...engine.value, state: 'failed', view: null };
        });
    };

    // The engine in idle time when the page must be read anyway (no code given, or auto-report).
    if (!config.procedureCode || config.autoReport) idle(needEngine);
    if (config.panels[0] !== 'rating') needEngine();

    // Single-page portals: a new address is a new procedure, so the element starts afresh.
    const onUrl = () => {
      if (pageKey(location.href) !== pageKey(pageUrl) && !stop.signal.aborted) queueMicrotask(() => element.isConnected && safeMount());
    };
    const nav = (globalThis as { navigation?: EventTarget }).navigation;
    nav?.addEventListener('navigatesuccess', onUrl);
    addEventListener('popstate', onUrl);
    stop.signal.addEventListener('abort', () => {
      nav?.removeEventListener('navigatesuccess', onUrl);
      removeEventListener('popstate', onUrl);
    });

    // Flush what earlier pages left in the outbox once the page is idle (opening IndexedDB is not
    // start-up work); the last try when this page goes away.
    idle(() => {
      if (!stop.signal.aborted) void box.flush();
    });
    const onHide = () => box.beacon();
    addEventListener('pagehide', onHide);
    stop.signal.addEventListener('abort', () => removeEventListener('pagehide', onHide));

    const draw = () =>
      render(
        <Widget
          view={view}
          lang={config.lang}
          strings={strings[config.lang]!}
          rating={rating}
          gap={gap}
          panels={config.panels}
          mode={config.mode}
          questionSet={config.questionSet}
          contacts={config.contacts}
          engine={engine.value}
          needEngine={needEngine}
          procedure={{ name: common.procedureName, agency: common.agency }}
        />,
        root,
      );
    // Every change of this element's state draws its tree again (preact diffs; view state is kept).
    const off = notifier.subscribe(() => {
      if (!stop.signal.aborted) draw();
    });
    stop.signal.addEventListener('abort', off);
    draw();
    if (open) root.querySelector<HTMLElement>('#tf-dialog-title')?.focus();
    else if (hadFocus) root.querySelector<HTMLElement>('.tf-launcher')?.focus();
  }

  return {
    mount: safeMount,
    destroy() {
      waiting = null;
      try {
        teardown();
        render(null, root);
        rendered = false;
      } catch {
        /* nothing to undo */
      }
    },
  };
}

/** Runs `job` when the browser is idle (soon anyway). */
function idle(job: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(job, { timeout: 5_000 });
  else setTimeout(job, 1_000);
}

/**
 * One constructable stylesheet per shadow root, reset to the base rules on every (re)start so theme
 * rules never pile up; a <style> element only where the browser lacks constructable stylesheets.
 */
function adoptStyles(root: ShadowRoot, css: string): void {
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
