/**
 * Issue 14: the element's layout survives the `display` the host page gives it. In a 900 × 700 px
 * box, whatever the host's display (block, inline, inline-block, a flex or grid item), the body
 * (document + signers panel) takes the element's whole width — side by side, not stacked as in a
 * narrow element — and, where the page gives the element a height, the whole height under the toolbar.
 */
import { expect } from '@open-wc/testing';
import '../../src/index.js';
import { makePdf, serve } from '../helpers/documents.js';
import { nextEvent, useInstalledPdfJs } from '../helpers/element.js';

interface Case {
  name: string;
  /** Style of the 900 px wide box around the element. */
  box: string;
  /** Style the host page sets on the element. */
  host: string;
  /** The element's expected outer width. */
  width: number;
  /** The element's expected outer height when the page sets one (else: at least 320 px). */
  height?: number;
  /** A sidebar of that width before the element (a plain div with a width, no flex set). */
  sidebar?: number;
}

const cases: Case[] = [
  { name: 'display: block', box: '', host: 'display: block', width: 900 },
  { name: 'display: block with a height', box: '', host: 'display: block; height: 700px', width: 900, height: 700 },
  { name: 'display: block with side margins', box: '', host: 'display: block; margin: 0 40px', width: 820 },
  { name: 'display: inline', box: '', host: 'display: inline', width: 900 },
  { name: 'display: inline-block', box: '', host: 'display: inline-block', width: 900 },
  { name: 'a flex item (row)', box: 'display: flex; height: 700px', host: '', width: 900, height: 700 },
  { name: 'a flex item (row) with display: block', box: 'display: flex; height: 700px', host: 'display: block', width: 900, height: 700 },
  { name: 'a flex item (column) with display: block', box: 'display: flex; flex-direction: column; height: 700px', host: 'display: block; flex: 1', width: 900, height: 700 },
  { name: 'a grid item with display: block', box: 'display: grid; height: 700px', host: 'display: block', width: 900, height: 700 },
  { name: 'its own display (none set)', box: '', host: 'height: 700px', width: 900, height: 700 },
  { name: 'a flex item (column) with no flex set', box: 'display: flex; flex-direction: column; height: 700px', host: '', width: 900, height: 700 },
  // Beside a 150 px sidebar: the element takes the free space, the sidebar keeps its width.
  { name: 'a flex item (row) beside a sidebar', box: 'display: flex; height: 700px', host: '', sidebar: 150, width: 750, height: 700 },
];

const frames = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));

describe('<jse-sign-request> layout under the host page\'s display (issue 14)', () => {
  before(useInstalledPdfJs);
  let url: string;
  before(async () => {
    url = await serve(await makePdf([{}]), 'layout.pdf');
  });

  for (const c of cases) {
    it(`fills its box as ${c.name}`, async () => {
      const box = document.createElement('div');
      box.setAttribute('style', `width: 900px; ${c.box}`);
      const sidebar = document.createElement('div');
      if (c.sidebar) {
        sidebar.setAttribute('style', `width: ${c.sidebar}px`);
        box.append(sidebar);
      }
      const el = document.createElement('jse-sign-request');
      if (c.host) el.setAttribute('style', c.host);
      const ready = nextEvent(el, 'jse-ready');
      el.src = url;
      box.append(el);
      document.body.append(box);
      try {
        await ready;
        await frames();
        const root = el.shadowRoot!;
        const host = el.getBoundingClientRect();
        const body = root.querySelector('.body')!.getBoundingClientRect();
        const toolbar = root.querySelector('[part="toolbar"]')!.getBoundingClientRect();
        const pages = root.querySelector('.pages')!.getBoundingClientRect();
        const side = root.querySelector('.side')!.getBoundingClientRect();
        // The body spans the element's width, inside its 1 px border (an inline host has none beside).
        expect(host.width, 'element width').to.be.closeTo(c.width, 0.5);
        if (c.sidebar) expect(sidebar.getBoundingClientRect().width, 'sidebar width').to.be.closeTo(c.sidebar, 0.5);
        expect(body.width, 'body width').to.be.within(c.width - 2.5, c.width + 0.5);
        // Wide enough for the document and the signers panel side by side.
        expect(side.left, 'signers panel beside the document').to.be.closeTo(pages.right, 1);
        expect(side.top, 'signers panel beside the document').to.be.closeTo(pages.top, 1);
        if (c.height !== undefined) {
          expect(host.height, 'element height').to.be.closeTo(c.height, 0.5);
          expect(body.bottom, 'body reaches the bottom').to.be.closeTo(host.bottom - 1, 1);
          expect(body.top, 'body under the toolbar').to.be.closeTo(toolbar.bottom, 1);
        } else {
          expect(body.bottom - toolbar.top, 'at least 320 px in all').to.be.at.least(317);
        }
      } finally {
        box.remove();
      }
    });
  }
});
