/**
 * Builds a CSS selector that finds one element again: from the nearest ancestor with a plain,
 * unique id, then tag:nth-of-type steps. Used for evidence, so the extension can highlight a
 * finding and a saved audit can be re-anchored on the same page.
 */

const PLAIN_ID = /^[A-Za-z][\w-]*$/;

function nthOfType(el: Element): number {
  let n = 1;
  for (let sib = el.previousElementSibling; sib; sib = sib.previousElementSibling) {
    if (sib.localName === el.localName) n++;
  }
  return n;
}

/**
 * A selector for `el`, unique in its document. `cache` (one per extraction) remembers the
 * selectors of ancestors already walked, so evidence for many nodes costs little. Iterative:
 * deeply nested pages cannot overflow the stack.
 */
export function selectorFor(el: Element, cache: Map<Element, string> = new Map()): string {
  const chain: Element[] = [];
  let prefix = '';
  for (let node: Element | null = el; node; node = node.parentElement) {
    const known = cache.get(node);
    if (known !== undefined) {
      prefix = known;
      break;
    }
    const id = node.getAttribute('id');
    const tag = node.localName.toLowerCase();
    if (tag === 'html' || !node.parentElement) {
      prefix = tag;
      cache.set(node, prefix);
      break;
    }
    if (id && PLAIN_ID.test(id) && node.ownerDocument?.getElementById(id) === node) {
      prefix = `#${id}`;
      cache.set(node, prefix);
      break;
    }
    chain.push(node);
  }
  for (let i = chain.length - 1; i >= 0; i--) {
    const node = chain[i]!;
    prefix = `${prefix} > ${node.localName.toLowerCase()}:nth-of-type(${nthOfType(node)})`;
    cache.set(node, prefix);
  }
  return prefix;
}
