/** Placement through the whole element: the viewer's pages carry the layers (SPEC §2 `fields`). */
import { expect } from '@open-wc/testing';
import '../../src/index.js';
import type { Field } from '../../src/api/types.js';
import { openPdf, type PDFDocumentProxy } from '../../src/document/pdfjs.js';
import type { JseSignRequest } from '../../src/jse-sign-request.js';
import type { DocumentViewer } from '../../src/viewer/document-viewer.js';
import { makePdf, serve } from '../helpers/documents.js';
import { nextEvent, useInstalledPdfJs } from '../helpers/element.js';
import { input, mouseDrag, pointIn } from '../helpers/input.js';
import { redBounds } from './harness.js';
import { until } from '../helpers/wait.js';

const SPECS = [{}, { mediaBox: [50, 100, 645, 942] as [number, number, number, number], rotate: 90 as const }];

async function mount(src: string, before?: (el: JseSignRequest) => void): Promise<{ el: JseSignRequest; viewer: DocumentViewer }> {
  const el = document.createElement('jse-sign-request');
  el.style.cssText = 'position:fixed;left:0;top:0;width:1000px;height:650px';
  before?.(el);
  const ready = nextEvent(el, 'jse-ready', 30000);
  el.src = src;
  document.body.append(el);
  await ready;
  const viewer = el.shadowRoot!.querySelector('jse-document-viewer') as DocumentViewer;
  await viewer.whenIdle();
  return { el, viewer };
}

function pageBox(viewer: DocumentViewer, n: number): HTMLElement {
  return viewer.shadowRoot!.querySelector<HTMLElement>(`.page[data-page="${n}"]`)!;
}

function fieldsOf(viewer: DocumentViewer, n: number): HTMLElement[] {
  const layer = pageBox(viewer, n).querySelector('jse-placement-layer')!;
  return [...layer.shadowRoot!.querySelectorAll<HTMLElement>('.field')];
}

/** pdf.js's own viewport for page n at the scale the page box is shown. */
async function viewportOf(pdf: PDFDocumentProxy, viewer: DocumentViewer, n: number) {
  const page = await pdf.getPage(n);
  const box = pageBox(viewer, n).getBoundingClientRect();
  return page.getViewport({ scale: box.width / page.getViewport({ scale: 1 }).width });
}

describe('placing fields in <jse-sign-request>', () => {
  let url: string;
  let pdf: PDFDocumentProxy;
  let close: () => Promise<void>;
  before(async () => {
    useInstalledPdfJs();
    const bytes = await makePdf(SPECS);
    url = await serve(bytes, 'placement.pdf');
    const task = await openPdf({ data: bytes.slice() });
    pdf = await task.promise;
    close = () => task.destroy();
  });
  after(() => close());
  let el: JseSignRequest | undefined;
  afterEach(() => el?.remove());

  it('the viewer’s addFieldAtCenter(n): a field on page n, focused; none for a page not in the DOM', async () => {
    // A URL of its own: the draft kept for the session must not reach the other tests.
    const mounted = await mount(await serve(await makePdf(SPECS), 'centre.pdf'));
    el = mounted.el;
    const { viewer } = mounted;
    el.signers = [{ id: 's1', email: 'a@example.fr', firstName: 'Ana', lastName: 'Lopes', phone: '+33612345678' }];
    for (const n of [1, 2]) {
      const key = viewer.addFieldAtCenter(n);
      expect(key, `page ${n}`).to.be.a('string');
      expect(el.fields.at(-1)!.page).to.equal(n);
      await until(() => fieldsOf(viewer, n).length === 1, `the field drawn on page ${n}`);
      const layer = pageBox(viewer, n).querySelector('jse-placement-layer')!;
      expect(layer.shadowRoot!.activeElement, `focus on page ${n}`).to.equal(fieldsOf(viewer, n)[0]);
    }
    expect(viewer.addFieldAtCenter(99)).to.equal(undefined);
    expect(el.fields).to.have.length(2);
  });

  it('a click on a page adds a field there, in PDF points as pdf.js converts them', async () => {
    const m = await mount(url);
    el = m.el;
    const box = pageBox(m.viewer, 1).getBoundingClientRect();
    const at = { x: Math.round(box.left + 200), y: Math.round(box.top + 200) };
    await input({ type: 'mouse', action: 'down', ...at }, { type: 'mouse', action: 'up', ...at });
    await el.updateComplete;
    const vp = await viewportOf(pdf, m.viewer, 1);
    const [cx, cy] = vp.convertToPdfPoint(at.x - box.left, at.y - box.top) as [number, number];
    expect(el.signers).to.have.length(1);
    expect(el.fields).to.have.length(1);
    const f = el.fields[0];
    expect(f.page).to.equal(1);
    expect(f.x + f.width / 2).to.be.closeTo(cx, 0.05);
    expect(f.y + f.height / 2).to.be.closeTo(cy, 0.05);
    expect([f.width, f.height]).to.deep.equal([180, 60]);
    expect(fieldsOf(m.viewer, 1)[0].getAttribute('part')).to.equal('field');
  });

  it('a 100-step drag of a field renders no PDF page; zooming in and out keeps its PDF rectangle over the same content', async () => {
    const m = await mount(url);
    el = m.el;
    el.signers = [{ id: 'a', email: '', firstName: 'Marie', lastName: 'Dupont', phone: '' }];
    // The red square makePdf draws on page 1: 100 × 100 pt at (40, 842 - 200 + …).
    const view = (await pdf.getPage(1)).view as [number, number, number, number];
    const square = { x: view[0] + 40, y: view[3] - 200, width: 100, height: 100 };
    el.fields = [{ signerId: 'a', page: 1, x: square.x - 150, y: square.y - 120, width: 100, height: 100 }];
    await el.updateComplete;
    await m.viewer.whenIdle();
    const page = await (el as unknown as { document: { pdf: PDFDocumentProxy } }).document.pdf.getPage(1);
    const proto = Object.getPrototypeOf(page) as { render: (...args: unknown[]) => unknown };
    const original = proto.render;
    let renders = 0;
    proto.render = function (this: unknown, ...args: unknown[]) {
      renders++;
      return original.apply(this, args);
    };
    try {
      const vp = await viewportOf(pdf, m.viewer, 1);
      const [ax, ay] = vp.convertToViewportPoint(square.x - 150, square.y - 20) as [number, number]; // top-left as seen
      const [bx, by] = vp.convertToViewportPoint(square.x, square.y + 100) as [number, number];
      const fieldEl = fieldsOf(m.viewer, 1)[0];
      const grab = pointIn(fieldEl, 0.5, 0.5);
      await mouseDrag(grab, { x: grab.x + (bx - ax), y: grab.y + (by - ay) }, 100);
      await el.updateComplete;
      await m.viewer.whenIdle();
      expect(renders, 'PDF page renders during the drag').to.equal(0);
      // The counter does see the viewer's renders: a zoom repaints the page.
      await m.viewer.zoomIn();
      await m.viewer.whenIdle();
      expect(renders, 'renders after a zoom').to.be.greaterThan(0);
    } finally {
      proto.render = original;
    }
    const placed = el.fields[0];
    expect(placed.x).to.be.closeTo(square.x, 1);
    expect(placed.y).to.be.closeTo(square.y, 1);
    // Snap it exactly onto the square through the public API, then zoom both ways.
    el.fields = [{ ...placed, x: square.x, y: square.y }];
    const set = el.fields;
    for (const step of ['in', 'in', 'out', 'out', 'out'] as const) {
      await (step === 'in' ? m.viewer.zoomIn() : m.viewer.zoomOut());
      await m.viewer.whenIdle();
      await el.updateComplete;
      expect(el.fields).to.deep.equal(set);
      const canvas = pageBox(m.viewer, 1).querySelector('canvas')!;
      const red = redBounds(canvas);
      const c = canvas.getBoundingClientRect();
      const f = fieldsOf(m.viewer, 1)[0].getBoundingClientRect();
      expect(f.left - c.left, `left after zoom ${step}`).to.be.closeTo(red.left, 2);
      expect(f.top - c.top, `top after zoom ${step}`).to.be.closeTo(red.top, 2);
      expect(f.right - c.left, `right after zoom ${step}`).to.be.closeTo(red.right, 2);
      expect(f.bottom - c.top, `bottom after zoom ${step}`).to.be.closeTo(red.bottom, 2);
    }
  });

  it('`fields` draws what it is given on each page and reads it back unchanged; malformed lists throw TypeError', async () => {
    const m = await mount(url);
    el = m.el;
    el.signers = [
      { id: 'a', email: '', firstName: 'Marie', lastName: 'Dupont', phone: '' },
      { id: 'b', email: '', firstName: '', lastName: '', phone: '' },
    ];
    const list: Field[] = [
      { signerId: 'a', page: 1, x: 100.125, y: 200.5, width: 180, height: 60 },
      { signerId: 'b', page: 2, x: 60, y: 120, width: 60, height: 180 },
    ];
    el.fields = list;
    expect(el.fields).to.deep.equal(list);
    el.fields[0].x = 0; // a copy: the draft is not changed through it
    expect(el.fields).to.deep.equal(list);
    await el.updateComplete;
    pageBox(m.viewer, 2).scrollIntoView();
    await m.viewer.whenIdle();
    for (const [i, f] of list.entries()) {
      const vp = await viewportOf(pdf, m.viewer, f.page);
      const [ax, ay] = vp.convertToViewportPoint(f.x, f.y) as [number, number];
      const [bx, by] = vp.convertToViewportPoint(f.x + f.width, f.y + f.height) as [number, number];
      const box = pageBox(m.viewer, f.page).getBoundingClientRect();
      const r = fieldsOf(m.viewer, f.page)[0].getBoundingClientRect();
      expect(r.left - box.left, `field ${i} left`).to.be.closeTo(Math.min(ax, bx), 0.5);
      expect(r.top - box.top, `field ${i} top`).to.be.closeTo(Math.min(ay, by), 0.5);
      expect(r.width, `field ${i} width`).to.be.closeTo(Math.abs(bx - ax), 0.5);
      expect(r.height, `field ${i} height`).to.be.closeTo(Math.abs(by - ay), 0.5);
    }
    expect(fieldsOf(m.viewer, 1)[0].getAttribute('aria-label')).to.equal('Signature de Marie Dupont, page 1');
    expect(fieldsOf(m.viewer, 2)[0].getAttribute('aria-label')).to.equal('Signature du signataire 2, page 2');
    const bad: unknown[] = [
      null,
      [{ ...list[0], signerId: 'nobody' }],
      [{ ...list[0], page: 0 }],
      [{ ...list[0], width: -1 }],
      [{ ...list[0], y: 'top' }],
    ];
    for (const b of bad) expect(() => (el!.fields = b as Field[]), JSON.stringify(b)).to.throw(TypeError);
    expect(el.fields).to.deep.equal(list);
  });

  it('fields set before loading that fall outside their page are reported by jse-invalid and block sending', async () => {
    const invalid: CustomEvent[] = [];
    const m = await mount(url, (e) => {
      e.addEventListener('jse-invalid', (ev) => invalid.push(ev));
      e.signers = [{ id: 'a', email: 'marie@example.fr', firstName: 'Marie', lastName: 'Dupont', phone: '+33612345678' }];
      e.fields = [
        { signerId: 'a', page: 1, x: 100, y: 100, width: 180, height: 60 },
        { signerId: 'a', page: 1, x: 500, y: 100, width: 180, height: 60 }, // past the right edge of A4
        { signerId: 'a', page: 2, x: 10, y: 300, width: 60, height: 180 }, // left of page 2's box (x ≥ 50)
        { signerId: 'a', page: 3, x: 100, y: 100, width: 180, height: 60 }, // no page 3
      ];
    });
    el = m.el;
    // Page 2 is read once page 1 is painted (SPEC §10): its field is reported when it is read,
    // in an event of its own (or with page 1's, had it been read by then).
    const errors = invalid
      .flatMap((e) => (e.detail as { errors: { path: string; code: string; message: string }[] }).errors)
      .sort((a, b) => a.path.localeCompare(b.path));
    expect(invalid.length).to.be.within(1, 2);
    expect(errors.map((e) => [e.path, e.code])).to.deep.equal([
      ['/fields/1', 'outside_page'],
      ['/fields/2', 'outside_page'],
      ['/fields/3', 'outside_page'],
    ]);
    expect(errors[0].message).to.equal('La signature 2 dépasse de la page 1 : déplacez-la dans la page.');
    expect(el.fields).to.have.length(4); // kept as given
    const refused = await el.submit().then(
      () => undefined,
      (e: { code: string; errors?: { code: string }[] }) => e,
    );
    expect(refused?.code).to.equal('invalid_request');
    expect(refused?.errors?.filter((e) => e.code === 'outside_page')).to.have.length(3);
    // Set again once the pages are known: reported at once.
    invalid.length = 0;
    el.fields = [{ signerId: 'a', page: 2, x: 10, y: 300, width: 60, height: 180 }];
    expect(invalid).to.have.length(1);
    el.fields = [{ signerId: 'a', page: 2, x: 60, y: 300, width: 60, height: 180 }];
    expect(invalid).to.have.length(1);
  });
});
