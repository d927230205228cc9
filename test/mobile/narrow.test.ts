/**
 * Issue 18: the element on a phone (360–430 px, touch) — or in a narrow panel of a wide screen,
 * since the layout follows the element's own width: toolbar controls whole (none cut, "+ Signature"
 * on one line), nothing wider than the element, the phone number and the country's name shown
 * whole, and on a touch screen two corner handles of at least 24 px lying outside the field (not
 * covering it) that a finger can drag. `(pointer: coarse)` is Chromium's own, through the touch
 * screen emulation of test/server/input-commands.mjs.
 */
import { expect } from '@open-wc/testing';
import type { JseSignRequest } from '../../src/jse-sign-request.js';
import type { Sandbox } from '../../src/testing/index.js';
import { input, pointIn, touchDrag } from '../helpers/input.js';
import { frames } from '../helpers/wait.js';
import { marie, mount, newSandbox, panelOf, paul, startWorker, twoPageUrl, until, viewerOf } from '../send/harness.js';

const NUMBER = '06 98 76 54 32';

function toolbar(el: JseSignRequest): HTMLElement {
  return el.shadowRoot!.querySelector<HTMLElement>('[part~="toolbar"]')!;
}

/** The width `text` takes in `el`'s font. */
function textWidth(el: HTMLElement, text: string): number {
  const ctx = document.createElement('canvas').getContext('2d')!;
  const style = getComputedStyle(el);
  ctx.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
  return ctx.measureText(text).width;
}

function contentWidth(el: HTMLElement): number {
  const style = getComputedStyle(el);
  return el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
}

function within(inner: DOMRect, outer: DOMRect): boolean {
  return inner.left >= outer.left - 0.5 && inner.right <= outer.right + 0.5 && inner.top >= outer.top - 0.5 && inner.bottom <= outer.bottom + 0.5;
}

function intersects(a: DOMRect, b: DOMRect): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

/** The field boxes of page 1. */
function fieldsOf(el: JseSignRequest): HTMLElement[] {
  const layer = viewerOf(el).shadowRoot!.querySelector('[data-page="1"] jse-placement-layer')!;
  return [...layer.shadowRoot!.querySelectorAll<HTMLElement>('[part~="field"]')];
}

describe('on a phone (issue 18)', function () {
  this.timeout(60000);
  let sandbox: Sandbox;
  let el: JseSignRequest | undefined;

  before(startWorker);
  beforeEach(async () => {
    sessionStorage.clear();
    sandbox = await newSandbox();
  });
  afterEach(async () => {
    await input({ type: 'touchscreen', value: false });
    el?.remove();
    el = undefined;
    await sandbox.stop();
  });

  async function narrow(width: number): Promise<JseSignRequest> {
    ({ el } = await mount(sandbox, await twoPageUrl(), (e) => {
      e.style.cssText = `display:flex;width:${width}px;height:800px`;
      e.signers = [{ ...marie, phone: NUMBER }, paul];
      e.fields = [{ signerId: 's1', page: 1, x: 100, y: 600, width: 180, height: 60 }];
    }));
    // A touch screen from here on (the harness's setViewport would have turned it off).
    await input({ type: 'touchscreen', value: true });
    await until(() => matchMedia('(pointer: coarse)').matches, 'a coarse pointer');
    await frames();
    return el;
  }

  for (const width of [360, 390, 430]) {
    it(`${width} px: the toolbar's controls all whole, "+ Signature" on one line, the signers panel as wide as the element`, async () => {
      const el = await narrow(width);
      const bar = toolbar(el);
      expect(bar.scrollWidth).to.be.at.most(bar.clientWidth);
      const box = bar.getBoundingClientRect();
      const controls = [...bar.querySelectorAll<HTMLElement>('button, select, .page-counter, .zoom-level')];
      expect(controls.length).to.be.greaterThan(6);
      for (const c of controls) expect(within(c.getBoundingClientRect(), box), `${c.className} ${c.textContent.trim()} inside the toolbar`).to.equal(true);
      const fit = bar.querySelector<HTMLElement>('[aria-label="Ajuster à la largeur"]')!;
      expect(within(fit.getBoundingClientRect(), el.getBoundingClientRect())).to.equal(true);
      const add = bar.querySelector<HTMLElement>('.add-field')!;
      const range = document.createRange();
      range.selectNodeContents(add);
      const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
      expect(add.textContent.trim()).to.equal('+ Signature');
      expect(lines.size).to.equal(1);
      expect(add.scrollWidth).to.be.at.most(add.clientWidth);
      // Three rows at most: the name; then the controls, shortened where they can be.
      const middle = (r: DOMRect) => Math.round((r.top + r.bottom) / 2 / 12);
      const rows = new Set(controls.filter((c) => c.getBoundingClientRect().height > 1).map((c) => middle(c.getBoundingClientRect())));
      expect(rows.size, 'rows of controls').to.be.at.most(width < 390 ? 3 : 2);
      const initials = bar.querySelector<HTMLElement>('.initials-open')!;
      expect(initials.innerText.trim()).to.equal('Parapher');
      expect(initials.getAttribute('aria-label')).to.equal('Parapher toutes les pages');

      const panel = panelOf(el);
      const root = panel.shadowRoot!.querySelector<HTMLElement>('[part~="signers"]')!;
      expect(root.scrollWidth).to.be.at.most(root.clientWidth);
      const side = el.shadowRoot!.querySelector<HTMLElement>('.side')!;
      expect(side.scrollWidth).to.be.at.most(side.clientWidth);
      // Stacked: the panel under the document, as wide as the element.
      expect(side.getBoundingClientRect().width).to.be.closeTo(el.getBoundingClientRect().width - 2, 2);
      expect(side.getBoundingClientRect().top).to.be.at.least(viewerOf(el).getBoundingClientRect().bottom - 1);
      const workspace = el.shadowRoot!.querySelector<HTMLElement>('.workspace')!;
      expect(workspace.scrollWidth).to.be.at.most(workspace.clientWidth);
    });
  }

  it('390 px: the phone number and the country names shown whole', async () => {
    const el = await narrow(390);
    const panel = panelOf(el).shadowRoot!;
    const phone = panel.querySelector<HTMLInputElement>('[data-signer-id="s1"] input[type="tel"]')!;
    expect(phone.value).to.equal(NUMBER);
    expect(phone.scrollWidth).to.be.at.most(phone.clientWidth);
    expect(textWidth(phone, NUMBER)).to.be.lessThan(contentWidth(phone));
    // Paul's number is from La Réunion: its picker shows the whole name and code.
    const country = panel.querySelector<HTMLSelectElement>('[data-signer-id="s2"] select')!;
    const label = country.selectedOptions[0].textContent.trim();
    expect(label).to.equal('La Réunion (+262)');
    const arrow = 24; // the picker's own arrow
    expect(textWidth(country, label) + arrow).to.be.lessThan(contentWidth(country));
    // Long names too: the picker is as wide as the signer's row.
    const longest = [...country.options].map((o) => textWidth(country, o.textContent.trim())).sort((a, b) => b - a)[10];
    expect(longest + arrow).to.be.lessThan(contentWidth(country));
    await expect(el).to.be.accessible();
  });

  it('390 px, touch: two corner handles of 24 px or more, outside the field; a finger resizes by one; axe clean', async () => {
    const el = await narrow(390);
    const field = fieldsOf(el)[0];
    field.scrollIntoView({ block: 'center' });
    field.focus();
    await frames();
    const shown = [...field.querySelectorAll<HTMLElement>('.handle')].filter((h) => getComputedStyle(h).display !== 'none');
    expect(shown.map((h) => h.dataset['handle'])).to.deep.equal(['nw', 'se']);
    // No arrow keys on a touch screen: their hint does not cover the page there.
    await el.updateComplete;
    const hint = el.shadowRoot!.querySelector<HTMLElement>('.key-hint');
    expect(hint && getComputedStyle(hint).display).to.equal('none');
    const box = field.getBoundingClientRect();
    for (const h of shown) {
      const r = h.getBoundingClientRect();
      expect(getComputedStyle(h).opacity).to.equal('1');
      expect(r.width).to.be.at.least(24);
      expect(r.height).to.be.at.least(24);
      expect(intersects(r, box), `${h.dataset['handle']} outside the field`).to.equal(false);
    }
    // The field's tools open over the page, inside the element (no sideways scrolling), whole.
    const tools = field.querySelector<HTMLElement>('.tools')!;
    const toolsBox = tools.getBoundingClientRect();
    const viewerBox = viewerOf(el).getBoundingClientRect();
    expect(toolsBox.width).to.be.greaterThan(50);
    expect(toolsBox.left).to.be.at.least(viewerBox.left - 0.5);
    expect(toolsBox.right).to.be.at.most(viewerBox.right + 0.5);
    expect(tools.scrollWidth).to.be.at.most(tools.clientWidth);
    await expect(el).to.be.accessible();

    const before = el.fields[0];
    // Nothing lies over them (the field's tools below the field, say): a finger gets them.
    for (const h of shown) {
      const p = pointIn(h);
      let hit: Element | null = document.elementFromPoint(p.x, p.y);
      while (hit?.shadowRoot?.elementFromPoint(p.x, p.y) && hit.shadowRoot.elementFromPoint(p.x, p.y) !== hit) hit = hit.shadowRoot.elementFromPoint(p.x, p.y);
      expect(hit, `${h.dataset['handle']} reachable`).to.equal(h);
    }
    const se = pointIn(shown[1]);
    await touchDrag(se, { x: se.x + 40, y: se.y + 20 });
    await until(() => el.fields[0].width > before.width, 'the field resized by a finger');
    expect(el.fields[0].height).to.be.greaterThan(before.height);
    expect(el.fields[0].x).to.be.closeTo(before.x, 0.01);
  });

  it('a fine pointer keeps its eight small handles on the field\'s edges', async () => {
    const el = await narrow(390);
    await input({ type: 'touchscreen', value: false });
    await until(() => !matchMedia('(pointer: coarse)').matches, 'a fine pointer');
    const field = fieldsOf(el)[0];
    field.focus();
    await frames();
    const shown = [...field.querySelectorAll<HTMLElement>('.handle')].filter((h) => getComputedStyle(h).display !== 'none');
    expect(shown).to.have.length(8);
    expect(shown[0].getBoundingClientRect().width).to.equal(12);
  });
});
