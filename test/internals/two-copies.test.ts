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
import type * as PartsModule from '../../src/internal/parts.js';

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

describe('two copies of the package on one page', () => {
  it('each element renders a document with its own copy’s parts', async () => {
    const a = await loadCopy('a');
    const b = await loadCopy('b');
    expect(a.mod.JseSignRequest).not.to.equal(b.mod.JseSignRequest);
    customElements.define('copy-a-sign-request', a.mod.JseSignRequest);
    customElements.define('copy-b-sign-request', b.mod.JseSignRequest);
    const src = await serve(await makePdf([{ label: 'Two copies' }]));
    // Copy a's parts load first (as when its element was used first on the page).
    const partsOfA = '/__copy/a/src/internal/parts.ts';
    await ((await import(partsOfA)) as typeof PartsModule).defineParts();
    const els = ['copy-a-sign-request', 'copy-b-sign-request'].map((tag) => {
      const el = document.createElement(tag) as InstanceType<ElementModule['JseSignRequest']>;
      el.style.width = '600px';
      return el;
    });
    // Copy b's element opens a document first: are its parts its own?
    document.body.append(...els);
    try {
      const readyB = nextEvent(els[1], 'jse-ready', 30000);
      els[1].src = src;
      // The panel shows while the document loads: whose is it, once copy b's parts are defined too?
      const partsOfB = '/__copy/b/src/internal/parts.ts';
      await ((await import(partsOfB)) as typeof PartsModule).defineParts();
      await els[1].updateComplete;
      const panelB = els[1].shadowRoot!.querySelector('jse-signers-panel');
      expect(panelB, 'copy b’s panel').to.be.instanceOf(b.parts.panel);
      expect(panelB, 'copy b’s panel').not.to.be.instanceOf(a.parts.panel);
      await readyB;
      const readyA = nextEvent(els[0], 'jse-ready', 30000);
      els[0].src = src;
      await readyA;
      for (const [el, own, other] of [
        [els[0], a.parts, b.parts],
        [els[1], b.parts, a.parts],
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
