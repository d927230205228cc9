/**
 * The element's internal parts are custom elements too (each with its own styles and tests).
 * They are registered when the first `<jse-sign-request>` is constructed, not at import time, so
 * `jse-sign-request/element` stays free of side effects.
 */
import { DocumentViewer } from '../viewer/document-viewer.js';
import { PlacementLayer } from '../placement/placement-layer.js';
import { SignersPanel } from '../signers/signers-panel.js';
import { StatusView } from '../status/status-view.js';

const parts: ReadonlyArray<[string, CustomElementConstructor]> = [
  ['jse-document-viewer', DocumentViewer],
  ['jse-placement-layer', PlacementLayer],
  ['jse-signers-panel', SignersPanel],
  ['jse-status-view', StatusView],
];

export function defineParts(): void {
  for (const [name, ctor] of parts) {
    if (!customElements.get(name)) customElements.define(name, ctor);
  }
}
