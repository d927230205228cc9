/**
 * The element's internal parts are custom elements too (each with its own styles and tests).
 * They load and register when the first `<jse-sign-request>` is constructed — not at import time,
 * so `jse-sign-request/element` stays free of side effects, and in a chunk of their own, so a GED
 * page that loads the bundle pays for the viewer, the placement layer, the signers panel (with its
 * phone metadata) and the status view only once the element is used. The element renders their
 * tags at once; they upgrade when defined, keeping the properties already set on them.
 */
let loading: Promise<void> | undefined;

export function defineParts(): Promise<void> {
  loading ??= Promise.all([
    import('../viewer/document-viewer.js'),
    import('../placement/placement-layer.js'),
    import('../signers/signers-panel.js'),
    import('../status/status-view.js'),
  ]).then(([{ DocumentViewer }, { PlacementLayer }, { SignersPanel }, { StatusView }]) => {
    const parts: ReadonlyArray<[string, CustomElementConstructor]> = [
      ['jse-document-viewer', DocumentViewer],
      ['jse-placement-layer', PlacementLayer],
      ['jse-signers-panel', SignersPanel],
      ['jse-status-view', StatusView],
    ];
    for (const [name, ctor] of parts) {
      if (!customElements.get(name)) customElements.define(name, ctor);
    }
  });
  // A chunk that did not arrive (offline, a redeployed bundle) is asked again next time.
  loading.catch(() => (loading = undefined));
  return loading;
}
