import { expect } from '@open-wc/testing';
import type { Field } from '../../src/api/types.js';
import type { Handle } from '../../src/placement/editing.js';
import type { PageSpec } from '../helpers/documents.js';
import { useInstalledPdfJs } from '../helpers/element.js';
import { input, mouseDrag, pointIn, touchDrag } from '../helpers/input.js';
import { deepActiveElement, mountPage, redBounds, settle, type Mounted, type Screen } from './harness.js';

const TOL = 0.05; // points

function expectRect(actual: Field | undefined, expected: { x: number; y: number; width: number; height: number }, tol = TOL): void {
  expect(actual, 'a field').to.not.equal(undefined);
  for (const k of ['x', 'y', 'width', 'height'] as const) expect(actual![k], k).to.be.closeTo(expected[k], tol);
}

/** A field of the default size as seen, centred on (cx, cy) page-box px, computed by pdf.js. */
function defaultAt(_m: Mounted, cx: number, cy: number, scale: number): Screen {
  return { x: cx - 90 * scale, y: cy - 30 * scale, width: 180 * scale, height: 60 * scale };
}

const PAGES: [string, PageSpec][] = [
  ['an unrotated A4 page', {}],
  ['a /Rotate 90 page whose box starts at (50, 100)', { mediaBox: [50, 100, 645, 942], rotate: 90 }],
];
const S = 0.6;

function withSigner(m: Mounted, firstName = 'Marie', lastName = 'Dupont'): string {
  return m.draft.addSigner({ firstName, lastName, email: `${firstName.toLowerCase()}@example.fr` }).id;
}

/** Puts a default-size field centred on (cx, cy) page-box px into the draft and returns its key and screen rect. */
async function seedField(m: Mounted, cx: number, cy: number, signerId?: string): Promise<{ key: string; screen: Screen; el: HTMLElement }> {
  const id = signerId ?? m.draft.signers[0]?.id ?? withSigner(m);
  const screen = defaultAt(m, cx, cy, S);
  const key = m.draft.addField({ signerId: id, page: 1, ...m.pdfRect(screen) });
  await settle(m);
  const el = m.layer.shadowRoot!.querySelector<HTMLElement>(`.field[data-key="${key}"]`)!;
  return { key, screen, el };
}

function handleOf(el: HTMLElement, h: Handle): HTMLElement {
  return el.querySelector<HTMLElement>(`[data-handle="${h}"]`)!;
}

function resized(s: Screen, h: Handle, dx: number, dy: number): Screen {
  let [l, t, r, b] = [s.x, s.y, s.x + s.width, s.y + s.height];
  if (h.includes('w')) l += dx;
  if (h.includes('e')) r += dx;
  if (h.includes('n')) t += dy;
  if (h.includes('s')) b += dy;
  return { x: l, y: t, width: r - l, height: b - t };
}

function shifted(s: Screen, dx: number, dy: number): Screen {
  return { ...s, x: s.x + dx, y: s.y + dy };
}

/** A finger on a point for a short moment. */
async function tap(at: { x: number; y: number }): Promise<void> {
  await input({ type: 'touch', action: 'start', points: [at] }, { type: 'pause', ms: 30 }, { type: 'touch', action: 'end', points: [] });
}

/** A mouse drag with Alt held: the field goes exactly where the pointer takes it, nothing snaps. */
async function altDrag(a: { x: number; y: number }, b: { x: number; y: number }, n = 10): Promise<void> {
  await input({ type: 'key', action: 'down', key: 'Alt' });
  try {
    await mouseDrag(a, b, n);
  } finally {
    await input({ type: 'key', action: 'up', key: 'Alt' });
  }
}

async function keys(...names: string[]): Promise<void> {
  const steps = [];
  for (const name of names) {
    const parts = name.split('+');
    const key = parts.pop()!;
    for (const p of parts) steps.push({ type: 'key' as const, action: 'down' as const, key: p });
    steps.push({ type: 'key' as const, action: 'press' as const, key });
    for (const p of parts.reverse()) steps.push({ type: 'key' as const, action: 'up' as const, key: p });
  }
  await input(...steps);
}

describe('<jse-placement-layer>', () => {
  before(useInstalledPdfJs);
  let m: Mounted;
  afterEach(async () => {
    await m?.destroy();
  });

  // First of all: in this rig, once real touch drags have run, Chromium may stop turning a tap into
  // a click (seen with CDP touch input), so the tap that needs a click runs before them.
  for (const [name, spec] of PAGES) {
    describe(`by touch, the field's tools, on ${name}`, () => {
      beforeEach(async () => {
        m = await mountPage(spec, { scale: S, scrollable: true });
      });
      it(`a tap on the delete button removes the field (${name})`, async () => {
        const f = await seedField(m, 200, 150);
        f.el.focus();
        await settle(m);
        const del = f.el.querySelector<HTMLElement>('.delete')!;
        // Chromium sends the click of a tap once its gesture detector has decided: wait for it.
        const clicked = new Promise((resolve) => del.addEventListener('click', resolve, { once: true }));
        await tap(pointIn(del));
        await clicked;
        await settle(m);
        expect(m.draft.fields).to.have.length(0);
      });
    });
  }

  for (const [name, spec] of PAGES) {
    describe(`by touch, on ${name}`, () => {
      beforeEach(async () => {
        m = await mountPage(spec, { scale: S, scrollable: true });
      });

      it('a tap drops a default field centred on it', async () => {
        await tap(m.client(200, 150));
        await settle(m);
        expect(m.draft.fields).to.have.length(1);
        expectRect(m.draft.fields[0], m.pdfRect(defaultAt(m, 200, 150, S)));
      });

      it('a finger drags a field without scrolling the page', async () => {
        const f = await seedField(m, 200, 150);
        const a = pointIn(f.el);
        const scrollBefore = [m.scroller.scrollTop, scrollY];
        const seen: number[] = [];
        const onScroll = () => seen.push(m.scroller.scrollTop);
        m.scroller.addEventListener('scroll', onScroll);
        // To a place more than the snapping threshold away from every page line (a finger has no Alt).
        await touchDrag(a, { x: a.x + 45, y: a.y + 60 }, 12);
        await settle(m);
        m.scroller.removeEventListener('scroll', onScroll);
        expect(seen, 'scroll events').to.deep.equal([]);
        expect([m.scroller.scrollTop, scrollY]).to.deep.equal(scrollBefore);
        expectRect(m.draft.field(f.key), m.pdfRect(shifted(f.screen, 45, 60)));
      });

      it('a finger on the page elsewhere scrolls it and places nothing', async () => {
        const a = m.client(200, 300);
        const log: string[] = [];
        for (const t of ['pointerdown', 'pointercancel', 'pointerup']) m.layer.addEventListener(t, (e) => log.push(`${e.type}`));
        await touchDrag(a, { x: a.x, y: a.y - 150 }, 10);
        expect(log).to.deep.equal(['pointerdown', 'pointercancel']);
        await input({ type: 'pause', ms: 100 });
        await settle(m);
        expect(m.scroller.scrollTop).to.be.greaterThan(50);
        expect(m.draft.fields).to.have.length(0);
      });

      for (const h of ['se', 'nw'] as Handle[]) {
        it(`a finger resizes by the ${h} handle`, async () => {
          const f = await seedField(m, 200, 150);
          const a = pointIn(handleOf(f.el, h));
          // Edges kept away from the page's lines (a finger has no Alt to stop snapping).
          await touchDrag(a, { x: a.x + 20, y: a.y - 6 }, 8);
          await settle(m);
          expect(m.scroller.scrollTop).to.equal(0);
          expectRect(m.draft.field(f.key), m.pdfRect(resized(f.screen, h, 20, -6)));
        });
      }

      it('a finger drags a field past the left edge and it stops there', async () => {
        const f = await seedField(m, 200, 150);
        const a = pointIn(f.el);
        await touchDrag(a, { x: 3, y: a.y }, 12);
        await settle(m);
        expectRect(m.draft.field(f.key), m.pdfRect({ ...f.screen, x: 0 }), 0.5);
      });

    });

  }

  for (const [name, spec] of PAGES) {
    describe(`by mouse, on ${name}`, () => {
      beforeEach(async () => {
        m = await mountPage(spec, { scale: S });
      });

      it('a click drops a 180 × 60 field as seen, centred on the click, for a new empty signer', async () => {
        const at = m.client(200, 150);
        await input({ type: 'mouse', action: 'down', x: at.x, y: at.y }, { type: 'mouse', action: 'up', x: at.x, y: at.y });
        await settle(m);
        expect(m.draft.signers).to.have.length(1);
        expect(m.draft.signers[0]).to.include({ firstName: '', lastName: '', email: '', phone: '' });
        expect(m.draft.fields).to.have.length(1);
        expect(m.draft.fields[0]).to.include({ page: 1, signerId: m.draft.signers[0].id });
        expectRect(m.draft.fields[0], m.pdfRect(defaultAt(m, 200, 150, S)));
        const r = m.fieldElements()[0].getBoundingClientRect();
        expect(r.width).to.be.closeTo(180 * S, 0.5);
        expect(r.height).to.be.closeTo(60 * S, 0.5);
        expect(deepActiveElement()).to.equal(m.fieldElements()[0]);
      });

      it('a second click gives the field to the signer last used', async () => {
        const a = withSigner(m, 'Anne', 'Martin');
        const b = withSigner(m, 'Bruno', 'Petit');
        const f = await seedField(m, 150, 100, a);
        await input({ type: 'mouse', action: 'down', ...pointIn(f.el) }, { type: 'mouse', action: 'up', ...pointIn(f.el) });
        const at = m.client(200, 250);
        await input({ type: 'mouse', action: 'down', ...at }, { type: 'mouse', action: 'up', ...at });
        await settle(m);
        expect(m.draft.fields.map((x) => x.signerId)).to.deep.equal([a, a]);
        expect(b).to.be.a('string');
      });

      it('a drag draws a field between the two points', async () => {
        withSigner(m);
        await mouseDrag(m.client(40, 60), m.client(240, 160));
        await settle(m);
        expect(m.draft.fields).to.have.length(1);
        expectRect(m.draft.fields[0], m.pdfRect({ x: 40, y: 60, width: 200, height: 100 }));
      });

      it('a drag shorter than the minimum draws a 60 × 20 field as seen', async () => {
        withSigner(m);
        await mouseDrag(m.client(100, 100), m.client(110, 104));
        await settle(m);
        expectRect(m.draft.fields[0], m.pdfRect({ x: 100, y: 100, width: 60 * S, height: 20 * S }));
      });

      it('dragging a field moves it', async () => {
        const f = await seedField(m, 200, 150);
        const a = pointIn(f.el);
        await altDrag(a, { x: a.x + 30, y: a.y + 20 });
        await settle(m);
        expectRect(m.draft.field(f.key), m.pdfRect(shifted(f.screen, 30, 20)));
      });

      for (const h of ['nw', 'n', 'ne', 'e', 'se', 's', 'sw', 'w'] as Handle[]) {
        it(`the ${h} handle resizes, the opposite edges staying`, async () => {
          const f = await seedField(m, 200, 150);
          const a = pointIn(handleOf(f.el, h));
          await altDrag(a, { x: a.x + 15, y: a.y + 12 });
          await settle(m);
          expectRect(m.draft.field(f.key), m.pdfRect(resized(f.screen, h, h.includes('w') || h.includes('e') ? 15 : 0, h.includes('n') || h.includes('s') ? 12 : 0)));
        });
      }

      it('the minimum size holds when a handle is dragged past the opposite corner', async () => {
        const f = await seedField(m, 200, 150);
        const a = pointIn(handleOf(f.el, 'se'));
        await mouseDrag(a, { x: a.x - 150, y: a.y - 80 });
        await settle(m);
        expectRect(m.draft.field(f.key), m.pdfRect({ x: f.screen.x, y: f.screen.y, width: 60 * S, height: 20 * S }));
      });

      it('the delete button removes the field and the focus goes to the next one', async () => {
        const f1 = await seedField(m, 150, 80);
        const f2 = await seedField(m, 150, 250);
        await input({ type: 'mouse', action: 'down', ...pointIn(f1.el) }, { type: 'mouse', action: 'up', ...pointIn(f1.el) });
        const del = f1.el.querySelector<HTMLElement>('.delete')!;
        expect(getComputedStyle(del.parentElement!).display).to.equal('flex');
        await input({ type: 'mouse', action: 'down', ...pointIn(del) }, { type: 'mouse', action: 'up', ...pointIn(del) });
        await settle(m);
        expect(m.draft.entries.map((e) => e.key)).to.deep.equal([f2.key]);
        expect(deepActiveElement()).to.equal(f2.el);
      });

      const edges: [string, (box: DOMRect) => { x: number; y: number }, (s: Screen, w: number, h: number) => Screen][] = [
        ['left', () => ({ x: 3, y: 0 }), (s) => ({ ...s, x: 0 })],
        ['right', () => ({ x: innerWidth - 3, y: 0 }), (s, w) => ({ ...s, x: w - s.width })],
        ['top', () => ({ x: 0, y: 3 }), (s) => ({ ...s, y: 0 })],
        ['bottom', () => ({ x: 0, y: innerHeight - 3 }), (s, _w, h) => ({ ...s, y: h - s.height })],
      ];
      for (const [edge, target, expected] of edges) {
        it(`a field dragged past the ${edge} edge stops at it`, async () => {
          const f = await seedField(m, m.viewport.width / 2, m.viewport.height / 2);
          const a = pointIn(f.el);
          const t = target(m.box.getBoundingClientRect());
          const b = { x: t.x || a.x, y: t.y || a.y };
          await mouseDrag(a, b, 15);
          await settle(m);
          const rect = expected(f.screen, m.viewport.width, m.viewport.height);
          expectRect(m.draft.field(f.key), m.pdfRect(rect), 0.5);
          // Exactly on the page's edge in PDF units.
          const [x1, y1, x2, y2] = m.page.view as [number, number, number, number];
          const field = m.draft.field(f.key)!;
          expect(field.x).to.be.at.least(x1 - 1e-6);
          expect(field.y).to.be.at.least(y1 - 1e-6);
          expect(field.x + field.width).to.be.at.most(x2 + 1e-6);
          expect(field.y + field.height).to.be.at.most(y2 + 1e-6);
          const touching = [field.x - x1, field.y - y1, x2 - field.x - field.width, y2 - field.y - field.height].some((d) => Math.abs(d) < 1e-6);
          expect(touching, 'flush with an edge').to.equal(true);
        });
      }

      it('a resize handle dragged past the page edge stops at it', async () => {
        const f = await seedField(m, m.viewport.width / 2, m.viewport.height / 2);
        const a = pointIn(handleOf(f.el, 'nw'));
        await mouseDrag(a, { x: 3, y: 3 }, 15);
        await settle(m);
        expectRect(m.draft.field(f.key), m.pdfRect({ x: 0, y: 0, width: f.screen.x + f.screen.width, height: f.screen.y + f.screen.height }), 0.5);
      });

      it('Escape cancels a drag', async () => {
        const f = await seedField(m, 200, 150);
        const before = { ...m.draft.field(f.key)! };
        const a = pointIn(f.el);
        await input(
          { type: 'mouse', action: 'move', ...a },
          { type: 'mouse', action: 'down', ...a },
          { type: 'mouse', action: 'move', x: a.x + 40, y: a.y + 30, steps: 5 },
          { type: 'key', action: 'press', key: 'Escape' },
          { type: 'mouse', action: 'move', x: a.x + 60, y: a.y + 40, steps: 3 },
          { type: 'mouse', action: 'up', x: a.x + 60, y: a.y + 40 },
        );
        await settle(m);
        expect(m.draft.field(f.key)).to.deep.equal(before);
        expect(f.el.getBoundingClientRect().left).to.be.closeTo(m.client(f.screen.x, 0).x, 0.5);
      });

      it('a 100-step drag re-renders no PDF page and leaves the draft alone until the drop', async () => {
        const f = await seedField(m, 200, 150);
        let renders = 0;
        const proto = Object.getPrototypeOf(m.page) as { render: (...args: unknown[]) => unknown };
        const original = proto.render;
        proto.render = function (this: unknown, ...args: unknown[]) {
          renders++;
          return original.apply(this, args);
        };
        // Grabbing the field makes its signer the one new fields go to: a draft change of its own.
        m.draft.setActiveSigner(m.draft.field(f.key)!.signerId);
        let changes = 0;
        const off = m.draft.subscribe(() => changes++);
        try {
          const a = pointIn(f.el);
          await altDrag(a, { x: a.x + 50, y: a.y + 40 }, 100);
          await settle(m);
        } finally {
          proto.render = original;
          off();
        }
        expect(renders).to.equal(0);
        expect(changes).to.equal(1);
        expectRect(m.draft.field(f.key), m.pdfRect(shifted(f.screen, 50, 40)));
      });
    });

    describe(`by keyboard, on ${name}`, () => {
      beforeEach(async () => {
        m = await mountPage(spec, { scale: S });
      });

      it('fields are focusable and labelled with the signer and the page', async () => {
        const f = await seedField(m, 200, 150);
        expect(f.el.tabIndex).to.equal(0);
        expect(f.el.getAttribute('aria-label')).to.equal('Signature de Marie Dupont, page 1');
        m.draft.addSigner();
        const g = await seedField(m, 200, 300, m.draft.signers[1].id);
        expect(g.el.getAttribute('aria-label')).to.equal('Signature du signataire 2, page 1');
        document.documentElement.lang = 'en';
        await new Promise((r) => setTimeout(r));
        await settle(m);
        expect(f.el.getAttribute('aria-label')).to.equal('Signature of Marie Dupont, page 1');
        document.documentElement.removeAttribute('lang');
      });

      it('arrows move by 1 pt along the screen axes, Shift by 10 pt', async () => {
        const f = await seedField(m, 200, 150);
        f.el.focus();
        await keys('ArrowRight', 'ArrowRight', 'ArrowDown', 'Shift+ArrowLeft', 'Shift+ArrowUp', 'Shift+ArrowUp');
        await settle(m);
        expectRect(m.draft.field(f.key), m.pdfRect(shifted(f.screen, (2 - 10) * S, (1 - 20) * S)));
        expect(deepActiveElement()).to.equal(f.el);
      });

      it('Alt + arrows resize as seen (right and down grow, left and up shrink)', async () => {
        const f = await seedField(m, 200, 150);
        f.el.focus();
        await keys('Alt+ArrowRight', 'Alt+Shift+ArrowRight', 'Alt+ArrowDown', 'Alt+ArrowUp', 'Alt+ArrowUp');
        await settle(m);
        expectRect(m.draft.field(f.key), m.pdfRect({ ...f.screen, width: (180 + 11) * S, height: (60 - 1) * S }));
      });

      it('Alt + arrows stop at the minimum size', async () => {
        const f = await seedField(m, 200, 150);
        f.el.focus();
        await keys(...Array<string>(15).fill('Alt+Shift+ArrowLeft'), ...Array<string>(5).fill('Alt+Shift+ArrowUp'));
        await settle(m);
        expectRect(m.draft.field(f.key), m.pdfRect({ ...f.screen, width: 60 * S, height: 20 * S }));
      });

      it('arrows stop at the page edge', async () => {
        const f = await seedField(m, 100, 60);
        f.el.focus();
        await keys(...Array<string>(12).fill('Shift+ArrowLeft'), ...Array<string>(12).fill('Shift+ArrowUp'));
        await settle(m);
        expectRect(m.draft.field(f.key), m.pdfRect({ ...f.screen, x: 0, y: 0 }));
      });

      it('Delete removes the field; the focus goes to a neighbour, then to "add a signature"', async () => {
        const f1 = await seedField(m, 150, 80);
        const f2 = await seedField(m, 150, 250);
        f2.el.focus();
        await keys('Delete');
        await settle(m);
        expect(m.draft.entries.map((e) => e.key)).to.deep.equal([f1.key]);
        expect(deepActiveElement()).to.equal(f1.el);
        await keys('Delete');
        await settle(m);
        expect(m.draft.fields).to.have.length(0);
        expect(deepActiveElement()?.classList.contains('add')).to.equal(true);
      });

      it('"add a signature" (Tab, Enter) drops a default field in the middle of the page and focuses it', async () => {
        withSigner(m);
        const before = document.createElement('button');
        before.textContent = 'before';
        document.body.prepend(before);
        before.focus();
        await keys('Tab');
        const add = deepActiveElement() as HTMLElement;
        expect(add.classList.contains('add')).to.equal(true);
        expect(add.textContent).to.equal('Ajouter une signature sur cette page');
        await keys('Enter');
        await settle(m);
        before.remove();
        expect(m.draft.fields).to.have.length(1);
        expectRect(m.draft.fields[0], m.pdfRect(defaultAt(m, m.viewport.width / 2, m.viewport.height / 2, S)), 0.5);
        expect(deepActiveElement()).to.equal(m.fieldElements()[0]);
      });

      it('the signer list reassigns the field; its colour and label follow', async () => {
        const a = withSigner(m, 'Anne', 'Martin');
        const b = withSigner(m, 'Bruno', 'Petit');
        const f = await seedField(m, 200, 150, a);
        const colour = getComputedStyle(f.el).borderTopColor;
        f.el.focus();
        await keys('Tab');
        const select = deepActiveElement() as HTMLSelectElement;
        expect(select.tagName).to.equal('SELECT');
        expect([...select.options].map((o) => o.textContent.trim())).to.deep.equal(['Anne Martin', 'Bruno Petit']);
        await keys('ArrowDown');
        await settle(m);
        expect(m.draft.field(f.key)!.signerId).to.equal(b);
        expect(f.el.getAttribute('aria-label')).to.equal('Signature de Bruno Petit, page 1');
        expect(getComputedStyle(f.el).borderTopColor).to.not.equal(colour);
        expect(deepActiveElement()).to.equal(select);
        expectRect(m.draft.field(f.key), m.pdfRect(f.screen));
      });
    });
  }

  describe('geometry through zoom and programmatic fields', () => {
    it('axe finds nothing in a layer with a focused field and its tools', async () => {
      m = await mountPage({}, { scale: S });
      const f = await seedField(m, 200, 150);
      f.el.focus();
      await settle(m);
      await expect(m.layer).to.be.accessible();
    });

    it('on a /Rotate 90 page the default field is 180 × 60 on screen and 60 × 180 in the PDF', async () => {
      m = await mountPage({ rotate: 90 }, { scale: S });
      const at = m.client(250, 170);
      await input({ type: 'mouse', action: 'down', ...at }, { type: 'mouse', action: 'up', ...at });
      await settle(m);
      const f = m.draft.fields[0];
      expect(f.width).to.be.closeTo(60, 1e-6);
      expect(f.height).to.be.closeTo(180, 1e-6);
      const r = m.fieldElements()[0].getBoundingClientRect();
      expect(r.width / S).to.be.closeTo(180, 0.5);
      expect(r.height / S).to.be.closeTo(60, 0.5);
    });

    for (const [name, spec] of PAGES) {
      it(`zooming in and out after placing keeps the PDF rectangle and draws it over the same content (${name})`, async () => {
        m = await mountPage(spec, { scale: S });
        withSigner(m);
        // The red square makePdf draws: 100 × 100 pt at (box x1 + 40, box y2 - 200).
        const [x1, , , y2] = m.page.view as [number, number, number, number];
        const square = m.screenRect({ x: x1 + 40, y: y2 - 200, width: 100, height: 100 });
        await mouseDrag(m.client(Math.round(square.x), Math.round(square.y)), m.client(Math.round(square.x + square.width), Math.round(square.y + square.height)));
        await settle(m);
        const placed = { ...m.draft.fields[0] };
        for (const scale of [1.1, 0.4, S]) {
          await m.zoom(scale);
          expect(m.draft.fields[0]).to.deep.equal(placed);
          const red = redBounds(m.canvas);
          const field = m.fieldElements()[0].getBoundingClientRect();
          const box = m.box.getBoundingClientRect();
          expect(field.left - box.left, `left at ${scale}`).to.be.closeTo(red.left, 2);
          expect(field.top - box.top, `top at ${scale}`).to.be.closeTo(red.top, 2);
          expect(field.right - box.left, `right at ${scale}`).to.be.closeTo(red.right, 2);
          expect(field.bottom - box.top, `bottom at ${scale}`).to.be.closeTo(red.bottom, 2);
        }
      });
    }

    it('fields set in the draft are drawn where pdf.js puts them, and read back unchanged', async () => {
      m = await mountPage({ mediaBox: [50, 100, 645, 942], rotate: 90 }, { scale: S });
      m.draft.setSigners([{ id: 'a', firstName: 'Marie', lastName: 'Dupont' }, { id: 'b' }]);
      const list: Field[] = [
        { signerId: 'a', page: 1, x: 60.5, y: 110.25, width: 60, height: 180 },
        { signerId: 'b', page: 1, x: 300, y: 500, width: 100, height: 40 },
        { signerId: 'b', page: 2, x: 300, y: 500, width: 100, height: 40 },
      ];
      m.draft.setFields(list);
      await settle(m);
      expect(m.draft.fields).to.deep.equal(list);
      const els = m.fieldElements();
      expect(els).to.have.length(2); // page 2's field is another layer's
      const box = m.box.getBoundingClientRect();
      for (const [i, el] of els.entries()) {
        const want = m.screenRect(list[i]);
        const r = el.getBoundingClientRect();
        expect(r.left - box.left).to.be.closeTo(want.x, 0.5);
        expect(r.top - box.top).to.be.closeTo(want.y, 0.5);
        expect(r.width).to.be.closeTo(want.width, 0.5);
        expect(r.height).to.be.closeTo(want.height, 0.5);
      }
      expect(els[0].querySelector('.initials')!.textContent).to.equal('MD');
      expect(els[1].querySelector('.initials')!.textContent).to.equal('2');
    });
  });
});
