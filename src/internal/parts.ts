import type { LitElement } from 'lit';
import { importPart } from '../api/errors.js';

/**
 * The element's internal parts are custom elements too (each with its own styles and tests).
 * They load and register when the first `<jse-sign-request>` is constructed — not at import time,
 * so `jse-sign-request/element` stays free of side effects, and in chunks of their own, so a GED
 * page that loads the bundle pays for them only once the element is used: the viewer and the
 * placement layer at once (`defineViewerParts`), the signers panel (with its phone metadata) and
 * the status view once page 1 is painted (`defineParts`), so that nothing page 1 does not need
 * competes with it for the line (issue 13). The element renders their tags at once; they upgrade
 * when defined, keeping the properties already set on them.
 *
 * They are defined in a scoped custom element registry of this copy of the package (issue 19), not
 * in the page's global one: two versions (or two builds) of the package on one page each get their
 * own parts under the same tag names, instead of the first definition winning for both. The
 * element's shadow root and the viewer's (the one part that renders another part) are attached in
 * that registry, and Lit clones their templates into it (`renderOptions.creationScope`). A browser
 * without scoped registries (`new CustomElementRegistry()` throws) gets the parts in the global
 * registry, the first definition winning, as before.
 */
let loading: Promise<void> | undefined;
let registry: CustomElementRegistry | null | undefined;

/** This copy's registry for the parts, or `null` where the browser has no scoped registries. */
export function partsRegistry(): CustomElementRegistry | null {
  if (registry === undefined) {
    try {
      registry = new CustomElementRegistry();
    } catch {
      registry = null;
    }
  }
  return registry;
}

/** What the DOM spec's `importNode(node, { customElementRegistry })` takes (not yet in TypeScript's lib). */
type ImportNode = (node: Node, options: { customElementRegistry: CustomElementRegistry }) => Node;

/**
 * Attaches `host`'s shadow root in the parts' registry and has Lit create its templates' elements
 * there, so the parts it renders are this copy's. Call it in `createRenderRoot()` before `super`'s
 * (which keeps a shadow root already attached). Without scoped registries it does nothing.
 */
export function scopeRenderRoot(host: LitElement): void {
  const parts = partsRegistry();
  if (!parts || host.shadowRoot) return;
  const options = (host.constructor as typeof LitElement).shadowRootOptions;
  host.attachShadow({ ...options, customElementRegistry: parts });
  const doc = host.ownerDocument;
  (host.renderOptions as { creationScope?: unknown }).creationScope = {
    importNode: (node: Node) => (doc.importNode as unknown as ImportNode).call(doc, node, { customElementRegistry: parts }),
  };
}

/** A part whose own shadow root renders parts (the viewer's placement layers) in the same registry. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a mixin's base constructor must take any[]
function scoped<T extends new (...args: any[]) => LitElement>(base: T): T {
  class Scoped extends base {
    protected override createRenderRoot(): HTMLElement | DocumentFragment {
      scopeRenderRoot(this);
      return super.createRenderRoot();
    }
  }
  return Scoped;
}

/** The parts page 1 needs: the viewer and its placement layers. */
let viewerLoading: Promise<void> | undefined;

/** Defines `parts` (tag, module) in this copy's registry (or the global one). */
function define(parts: ReadonlyArray<[string, CustomElementConstructor]>): void {
  const target = partsRegistry() ?? customElements;
  for (const [name, ctor] of parts) {
    if (!target.get(name)) target.define(name, target === customElements || name !== 'jse-document-viewer' ? ctor : scoped(ctor as unknown as typeof LitElement));
  }
}

/**
 * The viewer and the placement layer: what page 1 needs. Loaded first, alone, so that nothing
 * competes with pdf.js's worker and the document's first bytes for the line (issue 13).
 */
export function defineViewerParts(): Promise<void> {
  // A chunk that did not arrive is network trouble (retryable), not a damaged document.
  viewerLoading ??= Promise.all([importPart(() => import('../viewer/document-viewer.js')), importPart(() => import('../placement/placement-layer.js'))]).then(([{ DocumentViewer }, { PlacementLayer }]) =>
    define([
      ['jse-document-viewer', DocumentViewer],
      ['jse-placement-layer', PlacementLayer],
    ]),
  );
  // A chunk that did not arrive (offline, a redeployed bundle) is asked again next time.
  viewerLoading.catch(() => (viewerLoading = undefined));
  return viewerLoading;
}

/**
 * Every part: the viewer's, and the signers panel (with its phone metadata) and the status view,
 * which the element asks for once page 1 is painted (or when there is no document to paint).
 */
export function defineParts(): Promise<void> {
  loading ??= Promise.all([defineViewerParts(), importPart(() => import('../signers/signers-panel.js')), importPart(() => import('../status/status-view.js'))]).then(([, { SignersPanel }, { StatusView }]) =>
    define([
      ['jse-signers-panel', SignersPanel],
      ['jse-status-view', StatusView],
    ]),
  );
  // A chunk that did not arrive (offline, a redeployed bundle) is asked again next time.
  loading.catch(() => (loading = undefined));
  return loading;
}
