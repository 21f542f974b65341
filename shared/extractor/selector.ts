/**
 * Builds a CSS selector that finds one element again: from the nearest ancestor with a plain,
 * unique id, then tag:nth-of-type steps. Used for evidence, so the extension can highlight a
 * finding and a saved audit can be re-anchored on the same page.
 * A `SelectorBuilder` belongs to one extraction (no state is shared between extractions): it
 * remembers ancestors' selectors and each parent's nth-of-type numbering, so evidence for many
 * nodes under one long list costs one pass over that list, not one per node.
 */
import type { DomElement } from './dom';

const PLAIN_ID = /^[A-Za-z][\w-]*$/;

export interface SelectorBuilder {
  selectorFor(el: DomElement): string;
}

export function createSelectorBuilder(): SelectorBuilder {
  const known = new Map<DomElement, string>();
  const nth = new Map<DomElement, number>();
  const uniqueId = new Map<string, DomElement | null>();

  /** Numbers every child of `el`'s parent by tag, once per parent. */
  function nthOfType(el: DomElement): number {
    const cached = nth.get(el);
    if (cached !== undefined) return cached;
    const parent = el.parentElement;
    if (!parent) return 1;
    const counts = new Map<string, number>();
    for (let child = parent.firstElementChild; child; child = child.nextElementSibling) {
      const n = (counts.get(child.localName) ?? 0) + 1;
      counts.set(child.localName, n);
      nth.set(child, n);
    }
    return nth.get(el) ?? 1;
  }

  function hasUniqueId(node: DomElement, id: string): boolean {
    if (!uniqueId.has(id)) uniqueId.set(id, node.ownerDocument?.getElementById(id) ?? null);
    return uniqueId.get(id) === node;
  }

  /** A selector for `el`, unique in its document. Iterative: deep pages cannot overflow the stack. */
  function selectorFor(el: DomElement): string {
    const chain: DomElement[] = [];
    let prefix = '';
    for (let node: DomElement | null = el; node; node = node.parentElement) {
      const cached = known.get(node);
      if (cached !== undefined) {
        prefix = cached;
        break;
      }
      const id = node.getAttribute('id');
      const tag = node.localName.toLowerCase();
      if (tag === 'html' || !node.parentElement) {
        prefix = tag;
        known.set(node, prefix);
        break;
      }
      if (id && PLAIN_ID.test(id) && hasUniqueId(node, id)) {
        prefix = `#${id}`;
        known.set(node, prefix);
        break;
      }
      chain.push(node);
    }
    for (let i = chain.length - 1; i >= 0; i--) {
      const node = chain[i]!;
      prefix = `${prefix} > ${node.localName.toLowerCase()}:nth-of-type(${nthOfType(node)})`;
      known.set(node, prefix);
    }
    return prefix;
  }

  return { selectorFor };
}
