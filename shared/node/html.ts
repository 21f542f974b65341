/**
 * Node-only. Parses HTML text into a Document as a browser does, running no script: parse5 (WHATWG-
 * conformant) decides the tree, so SSI pages with a second `</body></html><html><body>`, stray end
 * tags, unclosed `<p>`/`<li>`/`<td>`, content between table cells (foster parenting), misnested
 * formatting and character references come out as in Chromium, and `<noscript>` is raw text (scripting
 * on, as people load pages). A tree adapter builds that tree as linkedom nodes, which the engine walks
 * fast (each node's event-listener map is made only when first used: half the time and memory on big
 * pages). A text without `<html` is a fragment, read as a standards-mode page, so it gets a body.
 * Limits: parse5's known deviations from Chromium stay (`<template>` does not bound table scope; a
 * stray `</thead>`/`</tfoot>` in a row closes the row; no new-style `<select>` content, which the
 * audit skips anyway); linkedom's DOM simplifications stay (MathML gets only its namespace URI,
 * `getAttribute('class')` is space-normalised, the doctype has no siblings).
 */
import { DOMParser, EventTarget as LinkedomEventTarget } from 'linkedom';
import { html as P5, parse, type Token, type TreeAdapter, type TreeAdapterTypeMap } from 'parse5';
import type { DomDocument } from '../extractor';

/**
 * The parsed page. linkedom's document implements the DOM's Document, and programs that have the
 * DOM lib (tests, scripts) get that type; Node programs have no DOM lib and get the engine's view.
 */
type HtmlDocument = typeof globalThis extends { Document: { prototype: infer D } } ? D : DomDocument;

// The part of linkedom's DOM the tree adapter uses, typed here (Node programs have no DOM lib).
interface LNode {
  readonly nodeType: number;
  readonly parentNode: LNode | null;
  readonly firstChild: LNode | null;
  readonly lastChild: LNode | null;
  readonly nextSibling: LNode | null;
  readonly previousSibling: LNode | null;
  appendChild(node: LNode): unknown;
  insertBefore(node: LNode, reference: LNode | null): unknown;
  remove(): void;
  addEventListener(type: string, listener: () => void): void;
}
interface LText extends LNode {
  data: string;
}
interface LDoctype extends LNode {
  readonly name: string;
  readonly publicId: string;
  readonly systemId: string;
}
interface LElement extends LNode {
  readonly localName: string;
  readonly namespaceURI: string;
  readonly attributes: ArrayLike<{ readonly name: string; readonly value: string }>;
  /** A template's content fragment. */
  readonly content: LNode;
  hasAttribute(name: string): boolean;
  setAttribute(name: string, value: string): void;
}
interface LDocument extends LNode {
  readonly doctype: LDoctype | null;
  createElement(localName: string): LElement;
  createElementNS(namespaceURI: string, localName: string): LElement;
  createTextNode(data: string): LText;
  createComment(data: string): LText;
  createDocumentFragment(): LNode;
  createDocumentType(name: string, publicId: string, systemId: string): LDoctype;
}
type LinkedomMap = TreeAdapterTypeMap<LNode, LNode, LNode, LDocument, LNode, LElement, LText, LText, LElement, LDoctype>;

const emptyDocument = () => new DOMParser().parseFromString('', 'text/html') as unknown as LDocument;

const TEXT_NODE = 3;
const FRAGMENT_TEST = /<html[\s>]/i;

type ListenerMaps = WeakMap<object, Map<unknown, unknown>>;

/**
 * linkedom gives every node, as it is made, an empty event-listener map in one module-private
 * WeakMap: on a 20 MB page that is half the parse time and half the memory. This finds that WeakMap
 * (it is the one a new node is stored in, and the one `addEventListener` then fills), so that the
 * parse can leave it out (`withoutListenerMaps`); `addEventListener`/`removeEventListener` are
 * wrapped to make a node's map when first needed, so events still work on the parsed nodes.
 * Null (and nothing changed) if linkedom no longer works that way.
 */
function lazyListenerMaps(): ListenerMaps | null {
  const originalSet = WeakMap.prototype.set;
  const seen: ListenerMaps[] = [];
  const probeDocument = emptyDocument();
  let probe: LNode;
  WeakMap.prototype.set = function (this: ListenerMaps, key, value) {
    seen.push(this);
    return originalSet.call(this, key, value);
  };
  try {
    probe = probeDocument.createTextNode('');
  } finally {
    WeakMap.prototype.set = originalSet;
  }
  const maps = seen.find((candidate) => candidate.get(probe) instanceof Map);
  const eventTarget = LinkedomEventTarget as unknown as (new () => object) & { prototype: Record<string, unknown> };
  if (!maps || typeof eventTarget !== 'function' || !(probe instanceof eventTarget)) return null;
  probe.addEventListener('probe', () => {});
  if (!maps.get(probe)!.has('probe')) return null;
  for (const method of ['addEventListener', 'removeEventListener']) {
    const original = eventTarget.prototype[method] as (...args: unknown[]) => unknown;
    eventTarget.prototype[method] = function (this: object, ...args: unknown[]) {
      if (!maps.has(this)) originalSet.call(maps, this, new Map());
      return original.apply(this, args);
    };
  }
  return maps;
}

const LISTENER_MAPS = lazyListenerMaps();

/** Runs `build` with linkedom storing no listener map for the nodes it makes (see above). */
function withoutListenerMaps<T>(build: () => T): T {
  if (!LISTENER_MAPS) return build();
  Object.defineProperty(LISTENER_MAPS, 'set', { value: () => LISTENER_MAPS, configurable: true });
  try {
    return build();
  } finally {
    delete (LISTENER_MAPS as { set?: unknown }).set;
  }
}

/**
 * One string per distinct tag or attribute name: the tokenizer makes a fresh copy at every tag,
 * which every element would keep (about 10 MB on a 20 MB page).
 */
function nameInterner(): (name: string) => string {
  const names = new Map<string, string>();
  return (name) => {
    const known = names.get(name);
    if (known !== undefined) return known;
    names.set(name, name);
    return name;
  };
}

/**
 * A tree adapter that builds the parse5 tree into one fresh linkedom document; `finish` writes the
 * last text out once parse5 is done.
 */
function linkedomTreeAdapter(): { adapter: TreeAdapter<LinkedomMap>; finish(): void } {
  const doc = emptyDocument();
  let mode: P5.DOCUMENT_MODE = P5.DOCUMENT_MODE.NO_QUIRKS;
  const intern = nameInterner();
  // `xlink:href` and the like keep their prefix, as browsers name such attributes.
  const qualifiedName = (attr: Token.Attribute): string => intern(attr.prefix ? `${attr.prefix}:${attr.name}` : attr.name);
  // The text node still growing and its text so far, written to the node once it is complete.
  let pending: LText | null = null;
  let pendingData = '';
  const flushText = (): void => {
    if (pending === null) return;
    // Many `+=` make a rope of small strings (about 7× the memory of the text); reading a
    // character makes V8 flatten it into one string.
    pendingData.charCodeAt(0);
    pending.data = pendingData;
    pending = null;
    pendingData = '';
  };

  const adapter: TreeAdapter<LinkedomMap> = {
    createDocument: () => doc,
    createDocumentFragment: () => doc.createDocumentFragment(),

    createElement(name, namespaceURI, attrs) {
      const tagName = intern(name);
      let element: LElement;
      if (namespaceURI === P5.NS.HTML) element = doc.createElement(tagName);
      else {
        element = doc.createElementNS(namespaceURI, tagName);
        // linkedom knows SVG only: a MathML element would otherwise claim the HTML namespace.
        if (element.namespaceURI !== namespaceURI) Object.defineProperty(element, 'namespaceURI', { value: namespaceURI });
      }
      // linkedom puts each new attribute first: set them last to first to keep the source order.
      for (let i = attrs.length - 1; i >= 0; i--) element.setAttribute(qualifiedName(attrs[i]!), attrs[i]!.value);
      return element;
    },

    createCommentNode: (data) => doc.createComment(data),
    createTextNode: (value) => doc.createTextNode(value),

    appendChild(parent, node) {
      parent.appendChild(node);
    },
    insertBefore(parent, node, reference) {
      parent.insertBefore(node, reference);
    },
    detachNode(node) {
      node.remove();
    },

    insertText(parent, text) {
      // The tokenizer hands text over in runs (words and spaces apart): grow the last text node.
      const last = parent.lastChild;
      if (last !== null && last === pending) pendingData += text;
      else if (last !== null && last.nodeType === TEXT_NODE) {
        flushText();
        pending = last as LText;
        pendingData = pending.data + text;
      } else {
        flushText();
        pending = doc.createTextNode(text);
        pendingData = text;
        parent.appendChild(pending);
      }
    },
    insertTextBefore(parent, text, reference) {
      // Foster parenting: text met inside a table goes just before it, joining the text already there.
      const previous = reference.previousSibling;
      if (previous !== null && previous === pending) pendingData += text;
      else if (previous !== null && previous.nodeType === TEXT_NODE) (previous as LText).data += text;
      else parent.insertBefore(doc.createTextNode(text), reference);
    },

    adoptAttributes(recipient, attrs) {
      for (const attr of attrs) {
        const name = qualifiedName(attr);
        if (!recipient.hasAttribute(name)) recipient.setAttribute(name, attr.value);
      }
    },

    // linkedom's template already owns its content fragment; parse5 reads it back through here.
    getTemplateContent: (template) => template.content,
    setTemplateContent() {},

    setDocumentType(document, name, publicId, systemId) {
      const doctype = doc.createDocumentType(name, publicId, systemId);
      document.appendChild(doctype);
      // linkedom finds the doctype only as the first child; a comment may come before it.
      if (document.doctype !== doctype) Object.defineProperty(document, 'doctype', { value: doctype, configurable: true });
    },
    setDocumentMode(_document, documentMode) {
      mode = documentMode;
    },
    getDocumentMode: () => mode,

    getFirstChild: (node) => node.firstChild,
    getChildNodes(node) {
      const children: LNode[] = [];
      for (let child = node.firstChild; child; child = child.nextSibling) children.push(child);
      return children;
    },
    getParentNode: (node) => node.parentNode,
    getAttrList: (element) => Array.from(element.attributes, (attr) => ({ name: attr.name, value: attr.value })),

    getTagName: (element) => element.localName,
    getNamespaceURI: (element) => element.namespaceURI as P5.NS,
    getTextNodeContent: (textNode) => textNode.data,
    getCommentNodeContent: (commentNode) => commentNode.data,
    getDocumentTypeNodeName: (doctype) => doctype.name,
    getDocumentTypeNodePublicId: (doctype) => doctype.publicId,
    getDocumentTypeNodeSystemId: (doctype) => doctype.systemId,

    isTextNode: (node): node is LText => node.nodeType === TEXT_NODE,
    isCommentNode: (node): node is LText => node.nodeType === 8,
    isDocumentTypeNode: (node): node is LDoctype => node.nodeType === 10,
    isElementNode: (node): node is LElement => node.nodeType === 1,

    setNodeSourceCodeLocation() {},
    getNodeSourceCodeLocation: () => undefined,
    updateNodeSourceCodeLocation() {},
  };
  return { adapter, finish: flushText };
}

/** Parses `html` as a browser would load it (scripting on, nothing run) into a linkedom Document. */
export function parseHtmlDocument(html: string): HtmlDocument {
  const whole = FRAGMENT_TEST.test(html) ? html : `<!doctype html>${html}`;
  const { adapter, finish } = linkedomTreeAdapter();
  const document = withoutListenerMaps(() => parse(whole, { treeAdapter: adapter, scriptingEnabled: true }));
  finish();
  return document as unknown as HtmlDocument;
}
