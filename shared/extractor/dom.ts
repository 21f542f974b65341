/**
 * The part of the DOM the extractor reads, declared structurally: a browser's Document and a
 * Node DOM built by shared/node/html.ts both satisfy it. Declaring it here keeps `shared/` free of
 * the DOM library types, so the engine type-checks for Node programs without `document` existing
 * there, and it documents exactly what the engine touches: read-only members, nothing that writes.
 */

export interface DomNode {
  readonly nodeType: number;
  readonly previousSibling: DomNode | null;
  readonly textContent: string | null;
}

export interface DomText extends DomNode {
  readonly data: string;
}

export interface DomElement extends DomNode {
  readonly localName: string;
  readonly parentElement: DomElement | null;
  readonly lastChild: DomNode | null;
  readonly firstElementChild: DomElement | null;
  readonly nextElementSibling: DomElement | null;
  readonly previousElementSibling: DomElement | null;
  readonly childElementCount: number;
  readonly children: ArrayLike<DomElement>;
  readonly ownerDocument: DomDocument | null;
  getAttribute(name: string): string | null;
  hasAttribute(name: string): boolean;
  contains(other: DomNode | null): boolean;
}

export interface DomDocument extends DomNode {
  readonly body: DomElement | null;
  readonly documentElement: DomElement | null;
  querySelector(selectors: string): DomElement | null;
  querySelectorAll(selectors: string): ArrayLike<DomElement>;
  getElementById(id: string): DomElement | null;
}

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;
const DOCUMENT_NODE = 9;

export function isDocument(input: DomDocument | DomElement): input is DomDocument {
  return input.nodeType === DOCUMENT_NODE;
}
