/**
 * Builds a CSS selector that finds one element again: from the nearest ancestor with a plain,
 * unique id, then tag:nth-of-type steps. Used for evidence, so the extension can highlight a
 * finding and a saved audit can be re-anchored on the same page.
 * A `SelectorBuilder` belongs to one extraction (no state is shared between extractions): it
 * remembers ancestors' selectors and each parent's nth-of-type numbering, so evidence for many
 * nodes under one long list costs one pass over that list, not one per node.
 */
import type { DomDocument, DomElement } from './dom';

const PLAIN_ID = /^[A-Za-z][\w-]*$/;

export interface SelectorBuilder {
  selectorFor(el: DomElement): string;
  /** What `doc.getElementById(id)` returns, from an index of the document's ids built on first use. */
  elementById(doc: DomDocument, id: string): DomElement | null;
}

export function createSelectorBuilder(): SelectorBuilder {
  const known = new Map<DomElement, string>();
  const nth = new Map<DomElement, number>();
  let ids: Map<string, DomElement> | null = null;
  let indexed: DomDocument | null = null;

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

  /**
   * One pass over the document's ids, then a map lookup: getElementById is a whole-tree walk in
   * linkedom, so one call per id'd element (cards, list items, tab panels) was O(N²) in Node.
   */
  function elementById(doc: DomDocument, id: string): DomElement | null {
    if (!ids || indexed !== doc) {
      ids = new Map();
      indexed = doc;
      const all = doc.querySelectorAll('[id]');
      for (let i = 0; i < all.length; i++) {
        const el = all[i]!;
        const own = el.getAttribute('id');
        if (own && !ids.has(own)) ids.set(own, el); // the first in document order, as getElementById
      }
    }
    return ids.get(id) ?? null;
  }

  function hasUniqueId(node: DomElement, id: string): boolean {
    return !!node.ownerDocument && elementById(node.ownerDocument, id) === node;
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

  return { selectorFor, elementById };
}
