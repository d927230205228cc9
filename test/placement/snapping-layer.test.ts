/**
 * Snapping and typed millimetres in `<jse-placement-layer>` (issue 15, SPEC §10 "Placing faster"),
 * with real mouse, touch and keyboard input, real pdf.js, on upright, /Rotate 90 and /Rotate 270
 * pages with offset boxes. Every expected rectangle comes from pdf.js's own viewport.
 */
import { expect } from '@open-wc/testing';
import type { Field } from '../../src/api/types.js';
import { openPdf } from '../../src/document/pdfjs.js';
import '../../src/index.js';
import type { JseSignRequest } from '../../src/jse-sign-request.js';
import type { PlacementLayer } from '../../src/placement/placement-layer.js';
import type { DocumentViewer } from '../../src/viewer/document-viewer.js';
import { makePdf, serve, type PageSpec } from '../helpers/documents.js';
import { nextEvent, useInstalledPdfJs } from '../helpers/element.js';
import { input, mouseDrag, pointIn, touchDrag } from '../helpers/input.js';
import { deepActiveElement, mountPage, settle, type Mounted, type Screen } from './harness.js';

const S = 0.6;
const MM = 72 / 25.4; // points per millimetre
/** 10 mm, the page margin fields snap to. */
const MARGIN = 10 * MM;

const PAGES: [string, PageSpec][] = [
  ['an upright A4 page', {}],
  ['a /Rotate 90 page whose box starts at (50, 100)', { mediaBox: [50, 100, 645, 942], rotate: 90 }],
  ['a /Rotate 270 page with an offset crop box', { mediaBox: [0, 0, 700, 900], cropBox: [30, 40, 625, 882], rotate: 270 }],
];

function expectRect(actual: Field | undefined, expected: { x: number; y: number; width: number; height: number }, tol: number): void {
  expect(actual, 'a field').to.not.equal(undefined);
  for (const k of ['x', 'y', 'width', 'height'] as const) expect(actual![k], k).to.be.closeTo(expected[k], tol);
}

/** A signature field of the default size (180 × 60 as seen) with its top-left at (x, y) page-box px. */
async function seed(m: Mounted, x: number, y: number): Promise<{ key: string; screen: Screen; el: HTMLElement }> {
  const signerId = m.draft.signers[0]?.id ?? m.draft.addSigner({ firstName: 'Marie', lastName: 'Dupont', email: 'marie@example.fr' }).id;
  const screen = { x, y, width: 180 * S, height: 60 * S };
  const key = m.draft.addField({ signerId, page: 1, ...m.pdfRect(screen) });
  await settle(m);
  return { key, screen, el: m.layer.shadowRoot!.querySelector<HTMLElement>(`.field[data-key="${key}"]`)! };
}

function guides(m: Mounted): HTMLElement[] {
  return [...m.layer.shadowRoot!.querySelectorAll<HTMLElement>('.guide')];
}

/** Runs `steps` with Alt held. */
async function withAlt(steps: () => Promise<void>): Promise<void> {
  await input({ type: 'key', action: 'down', key: 'Alt' });
  try {
    await steps();
  } finally {
    await input({ type: 'key', action: 'up', key: 'Alt' });
  }
}

async function press(...names: string[]): Promise<void> {
  const steps = [];
  for (const name of names) {
    const parts = name.length > 1 ? name.split('+') : [name];
    const key = parts.pop()!;
    for (const p of parts) steps.push({ type: 'key' as const, action: 'down' as const, key: p });
    steps.push({ type: 'key' as const, action: 'press' as const, key });
    for (const p of parts.reverse()) steps.push({ type: 'key' as const, action: 'up' as const, key: p });
  }
  await input(...steps);
}

/** Types text with the real keyboard, one key at a time. */
async function type(text: string): Promise<void> {
  await input(...[...text].map((key) => ({ type: 'key' as const, action: 'press' as const, key })));
}

describe('snapping in <jse-placement-layer>', () => {
  before(useInstalledPdfJs);
  let m: Mounted;
  afterEach(async () => {
    await m?.destroy();
  });

  for (const [name, spec] of PAGES) {
    describe(`on ${name}`, () => {
      beforeEach(async () => {
        m = await mountPage(spec, { scale: S });
      });

      // A at (96, 62); B at (176, 182), dragged so that its left edge comes 3 px right of A's.
      const target = (a: Screen, b: Screen) => ({ dx: a.x + 3 - b.x, dy: 20 });

      it('a field dragged near a neighbour lands with its left edge exactly on the neighbour’s, with a guide while it is there', async () => {
        const a = await seed(m, 96, 62);
        const b = await seed(m, 176, 182);
        const { dx, dy } = target(a.screen, b.screen);
        const from = pointIn(b.el);
        const to = { x: from.x + dx, y: from.y + dy };
        await input({ type: 'mouse', action: 'move', ...from }, { type: 'mouse', action: 'down', ...from }, { type: 'mouse', action: 'move', ...to, steps: 10 });
        let vertical: { left: number; height: number; border: string }[];
        try {
          await settle(m);
          // While the pointer is down: vertical guides drawn in the layer (read now, checked once the button is up).
          vertical = guides(m)
            .filter((g) => g.classList.contains('x'))
            .map((g) => ({ left: g.getBoundingClientRect().left, height: g.getBoundingClientRect().height, border: getComputedStyle(g).borderLeftStyle }));
        } finally {
          await input({ type: 'mouse', action: 'up', ...to });
        }
        await settle(m);
        expect(vertical.length, 'vertical guides').to.be.at.least(1);
        const aLeft = a.el.getBoundingClientRect().left;
        expect(vertical.some((g) => Math.abs(g.left - aLeft) < 1), 'a guide on A’s left edge').to.equal(true);
        expect(vertical[0].border).to.equal('dashed');
        expect(vertical[0].height).to.be.greaterThan(50);
        expect(guides(m), 'no guide after the drop').to.have.length(0);
        // In PDF points: B is where pdf.js puts the rectangle whose left edge is A's.
        const field = m.draft.field(b.key)!;
        expectRect(field, m.pdfRect({ ...b.screen, x: a.screen.x, y: b.screen.y + dy }), 0.5);
        // And exactly on A's edge as seen (pdf.js's mapping of both, back in points).
        const seenA = m.screenRect(m.draft.field(a.key)!);
        const seenB = m.screenRect(field);
        expect(Math.abs(seenB.x - seenA.x) / S, 'left edges apart (pt)').to.be.at.most(0.5);
        expect(Math.abs(seenB.x - seenA.x) / S, 'left edges apart (pt)').to.be.below(0.01);
      });

      it('with Alt held the same drag does not snap and shows no guide', async () => {
        const a = await seed(m, 96, 62);
        const b = await seed(m, 176, 182);
        const { dx, dy } = target(a.screen, b.screen);
        const from = pointIn(b.el);
        const to = { x: from.x + dx, y: from.y + dy };
        let guidesSeen = 0;
        await withAlt(async () => {
          await input({ type: 'mouse', action: 'move', ...from }, { type: 'mouse', action: 'down', ...from }, { type: 'mouse', action: 'move', ...to, steps: 10 });
          try {
            await settle(m);
            guidesSeen = guides(m).length;
          } finally {
            await input({ type: 'mouse', action: 'up', ...to });
          }
        });
        await settle(m);
        expect(guidesSeen, 'guides during an Alt drag').to.equal(0);
        const field = m.draft.field(b.key)!;
        expectRect(field, m.pdfRect({ ...b.screen, x: b.screen.x + dx, y: b.screen.y + dy }), 0.05);
        const apart = Math.abs(m.screenRect(field).x - m.screenRect(m.draft.field(a.key)!).x) / S;
        expect(apart, 'left edges apart (pt)').to.be.closeTo(3 / S, 0.05);
      });

      it('resizing by a handle snaps the moved edge onto the neighbour’s; Alt does not', async () => {
        const a = await seed(m, 96, 62); // right edge at 204
        const b = await seed(m, 60, 182); // right edge at 168
        const handle = () => b.el.querySelector<HTMLElement>('[data-handle="e"]')!;
        let h = pointIn(handle());
        await mouseDrag(h, { x: h.x + 33, y: h.y + 5 });
        await settle(m);
        let field = m.draft.field(b.key)!;
        expectRect(field, m.pdfRect({ ...b.screen, width: 204 - 60 }), 0.5);
        const seenA = m.screenRect(m.draft.field(a.key)!);
        const right = (r: Screen) => r.x + r.width;
        expect(Math.abs(right(m.screenRect(field)) - right(seenA)) / S, 'right edges apart (pt)').to.be.below(0.01);
        // Back, then the same resize with Alt: 3 px short of the neighbour's edge.
        m.draft.updateField(b.key, m.pdfRect(b.screen));
        await settle(m);
        h = pointIn(handle());
        await withAlt(() => mouseDrag(h, { x: h.x + 33, y: h.y + 5 }));
        await settle(m);
        field = m.draft.field(b.key)!;
        expectRect(field, m.pdfRect({ ...b.screen, width: 201 - 60 }), 0.05);
      });

      it('a field drawn by a drag starting and ending near a neighbour’s edges takes them; with Alt it does not', async () => {
        const a = await seed(m, 96, 62); // left 96, right 204
        // A field in focus has its tools open below it over the page: leave it before each drag.
        const leave = async () => {
          (deepActiveElement() as HTMLElement | null)?.blur();
          await settle(m);
        };
        await leave();
        await mouseDrag(m.client(98, 150), m.client(202, 190));
        await settle(m);
        const drawn = m.draft.fields[1];
        expectRect(drawn, m.pdfRect({ x: 96, y: 150, width: 108, height: 40 }), 0.5);
        const seenA = m.screenRect(m.draft.field(a.key)!);
        const seen = m.screenRect(drawn);
        expect(Math.abs(seen.x - seenA.x) / S, 'left edges apart (pt)').to.be.below(0.01);
        expect(Math.abs(seen.x + seen.width - seenA.x - seenA.width) / S, 'right edges apart (pt)').to.be.below(0.01);
        await leave();
        await withAlt(() => mouseDrag(m.client(98, 250), m.client(202, 290)));
        await settle(m);
        expectRect(m.draft.fields[2], m.pdfRect({ x: 98, y: 250, width: 104, height: 40 }), 0.05);
      });

      it('a field dragged near the page’s 10 mm margin as seen lands on it', async () => {
        const b = await seed(m, 176, 182);
        const from = pointIn(b.el);
        // Left edge to 3 px right of the margin, top far from any line.
        const dx = MARGIN * S + 3 - b.screen.x;
        await mouseDrag(from, { x: from.x + dx, y: from.y + 13 });
        await settle(m);
        const field = m.draft.field(b.key)!;
        expectRect(field, m.pdfRect({ ...b.screen, x: MARGIN * S, y: b.screen.y + 13 }), 0.5);
        expect(m.screenRect(field).x / S, 'left edge from the page’s left as seen (pt)').to.be.closeTo(MARGIN, 0.01);
      });
    });
  }

  it('the threshold is in screen pixels whatever the zoom: at 200 %, 5 px (2.5 pt) snaps, 8 px (4 pt) does not', async () => {
    m = await mountPage({}, { scale: 2 });
    const signerId = m.draft.addSigner({ firstName: 'Marie', lastName: 'Dupont', email: 'marie@example.fr' }).id;
    const aKey = m.draft.addField({ signerId, page: 1, ...m.pdfRect({ x: 100, y: 100, width: 360, height: 120 }) });
    const start = { x: 300, y: 400, width: 360, height: 120 };
    const bKey = m.draft.addField({ signerId, page: 1, ...m.pdfRect(start) });
    await settle(m);
    const el = m.layer.shadowRoot!.querySelector<HTMLElement>(`.field[data-key="${bKey}"]`)!;
    const leftApart = () => Math.abs(m.screenRect(m.draft.field(bKey)!).x - m.screenRect(m.draft.field(aKey)!).x) / 2;
    let from = pointIn(el, 0.5, 0.8);
    await mouseDrag(from, { x: from.x + (100 + 8 - 300), y: from.y + 20 });
    await settle(m);
    expect(leftApart(), '8 px away: left where dropped (pt)').to.be.closeTo(4, 0.05);
    m.draft.updateField(bKey, m.pdfRect(start));
    await settle(m);
    from = pointIn(el, 0.5, 0.8);
    await mouseDrag(from, { x: from.x + (100 + 5 - 300), y: from.y + 20 });
    await settle(m);
    expect(leftApart(), '5 px away: on the edge (pt)').to.be.below(0.01);
  });

  it('a finger drag snaps too', async () => {
    m = await mountPage(PAGES[1][1], { scale: S, scrollable: true });
    const a = await seed(m, 96, 62);
    const b = await seed(m, 176, 182);
    const from = pointIn(b.el);
    await touchDrag(from, { x: from.x + (a.screen.x + 3 - b.screen.x), y: from.y + 20 }, 10);
    await settle(m);
    const field = m.draft.field(b.key)!;
    expect(Math.abs(m.screenRect(field).x - m.screenRect(m.draft.field(a.key)!).x) / S, 'left edges apart (pt)').to.be.below(0.01);
    expect(guides(m)).to.have.length(0);
  });

  it('a finger resize snaps too', async () => {
    m = await mountPage(PAGES[2][1], { scale: S, scrollable: true });
    const a = await seed(m, 96, 62); // right edge at 204
    const b = await seed(m, 60, 182); // right edge at 168
    const h = pointIn(b.el.querySelector<HTMLElement>('[data-handle="e"]')!);
    await touchDrag(h, { x: h.x + 33, y: h.y + 5 }, 8);
    await settle(m);
    const right = (r: Screen) => r.x + r.width;
    expect(Math.abs(right(m.screenRect(m.draft.field(b.key)!)) - right(m.screenRect(m.draft.field(a.key)!))) / S, 'right edges apart (pt)').to.be.below(0.01);
  });
});

describe('position and size in mm in a field’s tools', () => {
  before(useInstalledPdfJs);
  let m: Mounted;
  afterEach(async () => {
    m?.layer.removeAttribute('lang');
    await m?.destroy();
  });

  const box = (dim: string) => m.layer.shadowRoot!.querySelector<HTMLInputElement>(`.props input[data-prop="${dim}"]`);

  /** Focuses the field, then opens its properties with the keyboard: Tab to "mm", Enter. */
  async function openByKeyboard(el: HTMLElement): Promise<void> {
    el.focus();
    await settle(m);
    const toggle = el.querySelector<HTMLElement>('.props-toggle')!;
    for (let i = 0; i < 6 && deepActiveElement() !== toggle; i++) await press('Tab');
    expect(deepActiveElement(), 'the mm toggle, reached by Tab').to.equal(toggle);
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    await press('Enter');
    await settle(m);
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
  }

  /** Tab into a box (which selects its text), type, Enter. */
  async function typeInto(dim: string, text: string): Promise<void> {
    const el = box(dim)!;
    for (let i = 0; i < 8 && deepActiveElement() !== el; i++) await press('Tab');
    expect(deepActiveElement(), `the ${dim} box, reached by Tab`).to.equal(el);
    await type(text);
    await press('Enter');
    await settle(m);
  }

  for (const [name, spec] of PAGES) {
    it(`typed millimetres give the rectangle pdf.js maps from the page’s top-left as seen (${name})`, async () => {
      m = await mountPage(spec, { scale: S });
      const f = await seed(m, 176, 182);
      await openByKeyboard(f.el);
      // The boxes show the field as it is, in French notation.
      expect(box('x')!.value).to.equal(new Intl.NumberFormat('fr', { maximumFractionDigits: 2 }).format(Math.round((176 / S / MM) * 100) / 100));
      expect(box('width')!.value).to.equal('63,5'); // 180 pt
      await typeInto('x', '25,4');
      expectRect(m.draft.field(f.key), m.pdfRect({ ...f.screen, x: 72 * S }), 0.01);
      // Tab on to y, width, height, each applied on Enter; "." accepted too.
      await typeInto('y', '50');
      await typeInto('width', '80');
      await typeInto('height', '25.5');
      const expected = m.pdfRect({ x: 25.4 * MM * S, y: 50 * MM * S, width: 80 * MM * S, height: 25.5 * MM * S });
      expectRect(m.draft.field(f.key), expected, 0.01);
      expect(m.draft.field(f.key)!.width * m.draft.field(f.key)!.height).to.be.closeTo(80 * 25.5 * MM * MM, 0.05);
      expect([box('x')!.value, box('y')!.value, box('width')!.value, box('height')!.value]).to.deep.equal(['25,4', '50', '80', '25,5']);
      // Moved by the keyboard (Shift+→: 10 pt), the boxes follow.
      f.el.focus();
      await press('Shift+ArrowRight');
      await settle(m);
      expect(box('x')!.value).to.equal('28,93'); // 25.4 mm + 10 pt
      // Moved by the mouse (Alt: no snapping), they follow too.
      const at = pointIn(f.el, 0.5, 0.3);
      await withAlt(() => mouseDrag(at, { x: at.x, y: at.y + 30 }));
      await settle(m);
      const y = m.screenRect(m.draft.field(f.key)!).y / S / MM;
      expect(y).to.be.closeTo(50 + 30 / S / MM, 0.01);
      expect(box('y')!.value).to.equal(new Intl.NumberFormat('fr', { maximumFractionDigits: 2 }).format(Math.round(y * 100) / 100));
    });
  }

  it('a value that would take the field off the page or below its minimum is refused and the range said; axe finds nothing, in French and in English', async () => {
    m = await mountPage({}, { scale: S });
    const f = await seed(m, 176, 182);
    await openByKeyboard(f.el);
    await expect(m.layer).to.be.accessible();
    const before = { ...m.draft.field(f.key)! };
    await typeInto('width', '300');
    expect(m.draft.field(f.key)).to.deep.equal(before);
    const width = box('width')!;
    expect(width.value, 'the refused text stays to be corrected').to.equal('300');
    expect(width.getAttribute('aria-invalid')).to.equal('true');
    const error = m.layer.shadowRoot!.getElementById(width.getAttribute('aria-describedby')!)!;
    expect(error.getAttribute('role')).to.equal('alert');
    // 60 pt (a signature's minimum) = 21.17 mm up; the page's width less the left edge, down.
    const max = Math.floor(((595.28 - 176 / S) / MM) * 100) / 100;
    expect(error.textContent).to.equal(`Valeur refusée\u202f: saisissez entre 21,17 et ${String(max).replace('.', ',')} mm (le champ garde sa taille minimale et reste dans la page).`);
    await expect(m.layer).to.be.accessible();
    // Not a number, in English.
    m.layer.setAttribute('lang', 'en');
    await settle(m);
    width.focus();
    width.select();
    await type('abc');
    await press('Enter');
    await settle(m);
    expect(m.draft.field(f.key)).to.deep.equal(before);
    expect(m.layer.shadowRoot!.querySelector('.prop-error')!.textContent).to.equal(
      `Value refused: enter between 21.17 and ${max} mm (the field keeps its minimum size and stays on the page).`,
    );
    expect(m.layer.shadowRoot!.querySelector('.props legend')!.textContent).to.equal('Position and size (mm)');
    // Escape: the field's value back, the error gone, nothing applied.
    await press('Escape');
    await settle(m);
    expect(width.value, 'the width in English notation').to.equal('63.5');
    expect(m.layer.shadowRoot!.querySelector('.prop-error')).to.equal(null);
    expect(m.draft.field(f.key)).to.deep.equal(before);
    // Corrected: applied, the error gone.
    width.select();
    await type('100');
    await press('Enter');
    await settle(m);
    expect(m.draft.field(f.key)!.width).to.be.closeTo(100 * MM, 0.01);
    expect(m.layer.shadowRoot!.querySelector('.prop-error')).to.equal(null);
    expect(width.getAttribute('aria-invalid')).to.equal('false');
    await expect(m.layer).to.be.accessible();
  });
});

describe('position and size in mm in <jse-sign-request>', () => {
  before(useInstalledPdfJs);
  let el: JseSignRequest | undefined;
  afterEach(() => el?.remove());

  it('typed by keyboard on a /Rotate 90 page with an offset box, they give the rectangle pdf.js maps; axe finds nothing', async () => {
    const spec: PageSpec = { mediaBox: [50, 100, 645, 942], rotate: 90 };
    const bytes = await makePdf([spec]);
    const url = await serve(bytes, 'mm.pdf');
    el = document.createElement('jse-sign-request');
    el.style.cssText = 'position:fixed;left:0;top:0;width:1000px;height:650px';
    const ready = nextEvent(el, 'jse-ready', 30000);
    el.src = url;
    document.body.append(el);
    await ready;
    const viewer = el.shadowRoot!.querySelector('jse-document-viewer') as DocumentViewer;
    await viewer.whenIdle();
    el.signers = [{ id: 's1', email: 'marie@example.fr', firstName: 'Marie', lastName: 'Dupont', phone: '+33612345678' }];
    await el.updateComplete;
    el.shadowRoot!.querySelector<HTMLButtonElement>('button.add-field')!.focus();
    await press('Enter');
    await el.updateComplete;
    const layer = viewer.shadowRoot!.querySelector('jse-placement-layer') as PlacementLayer;
    await layer.updateComplete;
    const field = layer.shadowRoot!.querySelector<HTMLElement>('.field')!;
    expect(deepActiveElement(), 'the new field has the focus').to.equal(field);
    const toggle = field.querySelector<HTMLElement>('.props-toggle')!;
    for (let i = 0; i < 6 && deepActiveElement() !== toggle; i++) await press('Tab');
    await press('Enter');
    await layer.updateComplete;
    const typed = { x: '20', y: '30', width: '70', height: '25' };
    for (const [dim, text] of Object.entries(typed)) {
      const box = field.querySelector<HTMLInputElement>(`input[data-prop="${dim}"]`)!;
      for (let i = 0; i < 8 && deepActiveElement() !== box; i++) await press('Tab');
      expect(deepActiveElement(), dim).to.equal(box);
      await type(text);
      await press('Enter');
      await layer.updateComplete;
    }
    // pdf.js on the same bytes, at scale 1 (one viewport px per point as seen).
    const task = await openPdf({ data: bytes });
    try {
      const page = await (await task.promise).getPage(1);
      const viewport = page.getViewport({ scale: 1 });
      const [ax, ay] = viewport.convertToPdfPoint(20 * MM, 30 * MM) as [number, number];
      const [bx, by] = viewport.convertToPdfPoint(90 * MM, 55 * MM) as [number, number];
      const expected = { x: Math.min(ax, bx), y: Math.min(ay, by), width: Math.abs(bx - ax), height: Math.abs(by - ay) };
      expectRect(el.fields[0], expected, 0.01);
      expect(el.fields[0].width, 'the PDF width is the height as seen').to.be.closeTo(25 * MM, 0.01);
    } finally {
      await task.destroy();
    }
    await expect(el).to.be.accessible();
  });
});
