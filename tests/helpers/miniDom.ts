// Renders React elements with react-dom/client into a minimal in-memory DOM, so Node unit tests can
// inspect what recharts 3 actually draws. Server rendering is no substitute: recharts 3 builds its
// chart from effects (size, axes, lines are reported to a store after mount), so renderToString
// yields an empty wrapper. This DOM has no layout: every element measures 0×0, so charts need a
// fixed width and height. A DOM method recharts or React starts to use fails loudly with a
// TypeError; add it here.
import { act, type ReactElement } from 'react';
import { createRoot } from 'react-dom/client';

const HTML_NS = 'http://www.w3.org/1999/xhtml';

export class MiniNode {
  parentNode: MiniNode | null = null;
  childNodes: MiniNode[] = [];

  constructor(
    readonly nodeType: number,
    readonly nodeName: string,
    public ownerDocument: MiniDocument | null,
  ) {}

  get firstChild(): MiniNode | null {
    return this.childNodes[0] ?? null;
  }
  get lastChild(): MiniNode | null {
    return this.childNodes.at(-1) ?? null;
  }
  get nextSibling(): MiniNode | null {
    const siblings = this.parentNode?.childNodes ?? [];
    return siblings[siblings.indexOf(this) + 1] ?? null;
  }
  get parentElement(): MiniNode | null {
    return this.parentNode;
  }
  get textContent(): string {
    return this.childNodes.map((c) => c.textContent).join('');
  }
  set textContent(text: string) {
    for (const c of this.childNodes) c.parentNode = null;
    this.childNodes = [];
    if (text) this.appendChild(new MiniText(String(text), this.ownerDocument));
  }

  appendChild<T extends MiniNode>(child: T): T {
    return this.insertBefore(child, null);
  }
  insertBefore<T extends MiniNode>(child: T, before: MiniNode | null): T {
    child.parentNode?.removeChild(child);
    const at = before ? this.childNodes.indexOf(before) : -1;
    if (at < 0) this.childNodes.push(child);
    else this.childNodes.splice(at, 0, child);
    child.parentNode = this;
    return child;
  }
  removeChild<T extends MiniNode>(child: T): T {
    const at = this.childNodes.indexOf(child);
    if (at >= 0) this.childNodes.splice(at, 1);
    child.parentNode = null;
    return child;
  }
  contains(node: MiniNode | null): boolean {
    for (let n = node; n; n = n.parentNode) if (n === this) return true;
    return false;
  }
  // No events are dispatched: nothing here is interactive.
  addEventListener(): void {}
  removeEventListener(): void {}
}

class MiniText extends MiniNode {
  constructor(
    public nodeValue: string,
    doc: MiniDocument | null,
  ) {
    super(3, '#text', doc);
  }
  get data(): string {
    return this.nodeValue;
  }
  override get textContent(): string {
    return this.nodeValue;
  }
  override set textContent(text: string) {
    this.nodeValue = text;
  }
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

export class MiniElement extends MiniNode {
  readonly attributes = new Map<string, string>();
  readonly style: Record<string, string> & {
    setProperty(name: string, value: string): void;
    removeProperty(name: string): void;
  };

  constructor(
    readonly tagName: string,
    readonly namespaceURI: string,
    doc: MiniDocument,
  ) {
    super(1, tagName.toUpperCase(), doc);
    const props: Record<string, string> = {};
    this.style = Object.assign(props, {
      setProperty: (name: string, value: string) => void (props[name] = value),
      removeProperty: (name: string) => void delete props[name],
    });
  }

  get localName(): string {
    return this.tagName;
  }
  getAttribute(name: string): string | null {
    return this.attributes.get(name) ?? null;
  }
  hasAttribute(name: string): boolean {
    return this.attributes.has(name);
  }
  setAttribute(name: string, value: unknown): void {
    this.attributes.set(name, String(value));
  }
  setAttributeNS(_ns: string | null, name: string, value: unknown): void {
    this.setAttribute(name, value);
  }
  removeAttribute(name: string): void {
    this.attributes.delete(name);
  }
  removeAttributeNS(_ns: string | null, name: string): void {
    this.removeAttribute(name);
  }
  /** Descendants whose class list holds `name`, in document order. */
  getElementsByClassName(name: string): MiniElement[] {
    const found: MiniElement[] = [];
    const walk = (node: MiniNode) => {
      for (const c of node.childNodes) {
        if (!(c instanceof MiniElement)) continue;
        if ((c.getAttribute('class') ?? '').split(/\s+/).includes(name)) found.push(c);
        walk(c);
      }
    };
    walk(this);
    return found;
  }
  getBoundingClientRect() {
    return { x: 0, y: 0, top: 0, left: 0, right: 0, bottom: 0, width: 0, height: 0 };
  }
  get clientWidth(): number {
    return 0;
  }
  get clientHeight(): number {
    return 0;
  }
  get offsetWidth(): number {
    return 0;
  }
  get offsetHeight(): number {
    return 0;
  }
  focus(): void {}
  blur(): void {}
  /** For debugging a failing test. */
  get outerHTML(): string {
    const attrs = [...this.attributes].map(([k, v]) => ` ${k}="${escape(v)}"`).join('');
    const inner = this.childNodes
      .map((c) => (c instanceof MiniElement ? c.outerHTML : escape(c.textContent)))
      .join('');
    return `<${this.tagName}${attrs}>${inner}</${this.tagName}>`;
  }
}

class MiniDocument extends MiniNode {
  readonly activeElement = null;
  readonly body: MiniElement;

  constructor(readonly defaultView: object) {
    super(9, '#document', null);
    const html = this.appendChild(this.createElement('html'));
    this.body = html.appendChild(this.createElement('body'));
  }
  createElement(tag: string): MiniElement {
    return new MiniElement(tag.toLowerCase(), HTML_NS, this);
  }
  createElementNS(ns: string, tag: string): MiniElement {
    return new MiniElement(tag, ns, this);
  }
  createTextNode(text: string): MiniText {
    return new MiniText(text, this);
  }
}

/**
 * The globals rendering reads: `window.event` (react-dom), `window.getComputedStyle` (recharts' axes)
 * and `document` (recharts' tooltip listens for Escape on it). `window.document` stays unset, so
 * recharts treats the page as server-side whenever it loads and never measures text.
 */
function ensureGlobals(): MiniDocument {
  const g = globalThis as { window?: object; document?: unknown; IS_REACT_ACT_ENVIRONMENT?: boolean };
  g.IS_REACT_ACT_ENVIRONMENT = true;
  g.window ??= {
    event: undefined,
    HTMLIFrameElement: class {},
    getComputedStyle: () => ({ fontSize: '', letterSpacing: '' }),
  };
  if (!(g.document instanceof MiniDocument)) g.document = new MiniDocument(g.window);
  return g.document as MiniDocument;
}

export interface Drawn {
  /** The container the element was rendered into. */
  root: MiniElement;
  unmount(): Promise<void>;
}

/** Mounts `element`, runs its effects and waits until follow-up renders (recharts' store) settle. */
export async function draw(element: ReactElement): Promise<Drawn> {
  const doc = ensureGlobals();
  const root = doc.body.appendChild(doc.createElement('div'));
  const reactRoot = createRoot(root as unknown as Element);
  await act(async () => reactRoot.render(element));
  for (let i = 0; i < 10; i++) {
    const before = root.outerHTML;
    await act(() => new Promise((resolve) => setTimeout(resolve, 20)));
    if (root.outerHTML === before) break;
  }
  return {
    root,
    unmount: async () => {
      await act(async () => reactRoot.unmount());
      doc.body.removeChild(root);
    },
  };
}
