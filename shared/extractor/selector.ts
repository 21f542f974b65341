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

/** A selector for `el`, unique in its document. */
export function selectorFor(el: Element): string {
  const doc = el.ownerDocument;
  const steps: string[] = [];
  for (let node: Element | null = el; node; node = node.parentElement) {
    const tag = node.localName.toLowerCase();
    if (tag === 'html') {
      steps.unshift('html');
      break;
    }
    const id = node.getAttribute('id');
    if (id && PLAIN_ID.test(id) && doc && doc.querySelectorAll(`#${id}`).length === 1) {
      steps.unshift(`#${id}`);
      break;
    }
    steps.unshift(`${tag}:nth-of-type(${nthOfType(node)})`);
  }
  return steps.join(' > ');
}
