/**
 * Two copies of the package on one page (two builds, or two versions, each bundled into its own
 * script): each element renders its own parts, not whichever copy defined the tag names first
 * (issue 19). The copies are the same source loaded under two URLs (test/server/copies.mjs).
 */
import { expect } from '@open-wc/testing';
import { makePdf, serve } from '../helpers/documents.js';
import { inkPixels, nextEvent, PDFJS_DIST } from '../helpers/element.js';

import type * as ElementEntry from '../../src/element.js';
import type * as ViewerModule from '../../src/viewer/document-viewer.js';
import type * as LayerModule from '../../src/placement/placement-layer.js';
import type * as PanelModule from '../../src/signers/signers-panel.js';

type ElementModule = typeof ElementEntry;
interface Parts {
  viewer: typeof ViewerModule.DocumentViewer;
  layer: typeof LayerModule.PlacementLayer;
  panel: typeof PanelModule.SignersPanel;
}

async function loadCopy(name: string): Promise<{ mod: ElementModule; parts: Parts }> {
  const base = `/__copy/${name}/src/`;
  const mod = (await import(`${base}element.ts`)) as ElementModule;
  mod.configure({ assetsBase: PDFJS_DIST });
  const [viewer, layer, panel] = await Promise.all([
    import(`${base}viewer/document-viewer.ts`) as Promise<typeof ViewerModule>,
    import(`${base}placement/placement-layer.ts`) as Promise<typeof LayerModule>,
    import(`${base}signers/signers-panel.ts`) as Promise<typeof PanelModule>,
  ]);
  return { mod, parts: { viewer: viewer.DocumentViewer, layer: layer.PlacementLayer, panel: panel.SignersPanel } };
}

/** The part `tag` in `el`'s shadow root once it is an instance of one of `classes`. */
async function upgraded(el: Element, tag: string, classes: ReadonlyArray<abstract new () => Element>): Promise<Element> {
  for (;;) {
    const part = el.shadowRoot?.querySelector(tag);
    if (part && classes.some((c) => part instanceof c)) return part;
    await new Promise((r) => requestAnimationFrame(r));
  }
}

describe('two copies of the package on one page', () => {
  it('each element renders a document with its own copy’s parts', async () => {
    const a = await loadCopy('a');
    const b = await loadCopy('b');
    expect(a.mod.JseSignRequest).not.to.equal(b.mod.JseSignRequest);
    customElements.define('copy-a-sign-request', a.mod.JseSignRequest);
    customElements.define('copy-b-sign-request', b.mod.JseSignRequest);
    const src = await serve(await makePdf([{ label: 'Two copies' }]));
    const els = ['copy-a-sign-request', 'copy-b-sign-request'].map((tag) => {
      const el = document.createElement(tag) as InstanceType<ElementModule['JseSignRequest']>;
      el.style.width = '600px';
      el.src = src;
      return el;
    });
    const ready = els.map((el) => nextEvent(el, 'jse-ready', 30000));
    document.body.append(...els);
    try {
      // The signers panels come while the documents load: whose are they?
      const panels = await Promise.all(els.map((el) => upgraded(el, 'jse-signers-panel', [a.parts.panel, b.parts.panel])));
      expect(panels[0], 'copy a’s panel').to.be.instanceOf(a.parts.panel);
      expect(panels[1], 'copy b’s panel').to.be.instanceOf(b.parts.panel);
      await Promise.all(ready);
      for (const [el, own, other] of [
        [els[0]!, a.parts, b.parts],
        [els[1]!, b.parts, a.parts],
      ] as const) {
        const root = el.shadowRoot!;
        const viewer = root.querySelector('jse-document-viewer')!;
        const panel = root.querySelector('jse-signers-panel')!;
        await (viewer as InstanceType<Parts['viewer']>).updateComplete;
        const layer = viewer.shadowRoot!.querySelector('[data-page="1"] jse-placement-layer')!;
        expect(viewer, 'viewer').to.be.instanceOf(own.viewer);
        expect(viewer, 'viewer').not.to.be.instanceOf(other.viewer);
        expect(panel, 'panel').to.be.instanceOf(own.panel);
        expect(panel, 'panel').not.to.be.instanceOf(other.panel);
        expect(layer, 'layer').to.be.instanceOf(own.layer);
        expect(layer, 'layer').not.to.be.instanceOf(other.layer);
        const canvas = viewer.shadowRoot!.querySelector<HTMLCanvasElement>('[data-page="1"] canvas')!;
        expect(inkPixels(canvas)).to.be.greaterThan(500);
      }
      // The page's global registry is left alone: the parts are scoped to each copy.
      expect(customElements.get('jse-document-viewer')).to.equal(undefined);
    } finally {
      els.forEach((el) => el.remove());
    }
  });
});
