/**
 * Entry of the one-file widget bundle (widget/dist/tthc-feedback.js). Registers <tthc-feedback>
 * and, when the page has none, places one right after the script tag that loaded it, configured
 * from the tag's data-* attributes. It must never break the host page: every step is guarded and
 * everything it draws lives inside a shadow root.
 *
 * Attributes: collector (URL of the collector), procedure-code (national code), lang (vi|en).
 */
import { render } from 'preact';
import { resolveLocale } from '../../shared/i18n/format';
import { createFeedbackModel } from './model';
import { httpTransport } from './transport';
import { Widget } from './Widget';
import css from './style.css?inline';

export const TAG_NAME = 'tthc-feedback';

class TthcFeedbackElement extends HTMLElement {
  #root: ShadowRoot | null = null;

  connectedCallback(): void {
    try {
      this.#root ??= this.attachShadow({ mode: 'open' });
      const collector = this.getAttribute('collector')?.trim();
      const model = createFeedbackModel({
        lang: resolveLocale(this.getAttribute('lang') ?? document.documentElement.lang),
        pageUrl: location.href,
        procedureCode: this.getAttribute('procedure-code')?.trim() || undefined,
        send: collector ? httpTransport(collector) : undefined,
      });
      render(
        <>
          <style>{css}</style>
          <Widget model={model} />
        </>,
        this.#root,
      );
    } catch (error) {
      console.warn('[tthc-feedback] could not start:', error);
    }
  }

  disconnectedCallback(): void {
    if (this.#root) render(null, this.#root);
  }
}

function placeNextToScript(script: HTMLScriptElement | null): void {
  if (!script || document.querySelector(TAG_NAME)) return;
  const element = document.createElement(TAG_NAME);
  for (const [data, attribute] of [
    ['collector', 'collector'],
    ['procedureCode', 'procedure-code'],
    ['lang', 'lang'],
  ] as const) {
    const value = script.dataset[data];
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
