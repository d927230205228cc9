/**
 * Placing faster through the whole element (SPEC §10): "Parapher toutes les pages", copy to all
 * pages, and undo/redo by keyboard, on a generated mixed document (A4, /Rotate 90, /Rotate 270
 * Letter, an offset CropBox, Letter, /Rotate 180). Every rectangle is checked with pdf.js's own
 * mapping (`convertToViewportPoint`), and controls are found by their accessible names.
 */
import { expect } from '@open-wc/testing';
import '../../src/index.js';
import type { Field } from '../../src/api/types.js';
import { openPdf, type PageViewport, type PDFDocumentProxy } from '../../src/document/pdfjs.js';
import type { JseSignRequest } from '../../src/jse-sign-request.js';
import { DEFAULT_INITIALS_PLACE } from '../../src/placement/replicate.js';
import type { DocumentViewer } from '../../src/viewer/document-viewer.js';
import { makePdf, serve } from '../helpers/documents.js';
import { nextEvent, useInstalledPdfJs } from '../helpers/element.js';
import { input, type InputStep } from '../helpers/input.js';
import { until } from '../helpers/wait.js';
import { MIXED } from './mixed.js';

async function combo(...parts: string[]): Promise<void> {
  const steps: InputStep[] = parts.map((key) => ({ type: 'key', action: 'down', key }));
  for (const key of [...parts].reverse()) steps.push({ type: 'key', action: 'up', key });
  await input(...steps);
}

function byName<T extends HTMLElement = HTMLElement>(root: ParentNode, selector: string, name: string): T {
  const found = [...root.querySelectorAll<T>(selector)].find((e) => (e.getAttribute('aria-label') ?? e.textContent.trim()) === name);
  if (!found) throw new Error(`no ${selector} named ${name}`);
  return found;
}

function relative(viewport: PageViewport, r: Field) {
  const [ax, ay] = viewport.convertToViewportPoint(r.x, r.y) as [number, number];
  const [bx, by] = viewport.convertToViewportPoint(r.x + r.width, r.y + r.height) as [number, number];
  const x = Math.min(ax, bx);
  const y = Math.min(ay, by);
  const width = Math.abs(bx - ax);
  const height = Math.abs(by - ay);
  return { cx: (x + width / 2) / viewport.width, cy: (y + height / 2) / viewport.height, width, height };
}

describe('placing faster in <jse-sign-request> (mixed document)', () => {
  let url: string;
  let pdf: PDFDocumentProxy;
  let close: () => Promise<void>;
  const viewports: PageViewport[] = [];
  before(async () => {
    useInstalledPdfJs();
    const bytes = await makePdf(MIXED);
    url = await serve(bytes, 'mixed.pdf');
    const task = await openPdf({ data: bytes.slice() });
    pdf = await task.promise;
    close = () => task.destroy();
    for (let n = 1; n <= pdf.numPages; n++) viewports.push((await pdf.getPage(n)).getViewport({ scale: 1 }));
  });
  after(() => close());
  let el: JseSignRequest | undefined;
  afterEach(() => el?.remove());

  async function mount(): Promise<JseSignRequest> {
    sessionStorage.clear();
    const e = document.createElement('jse-sign-request');
    e.lang = 'fr';
    e.style.cssText = 'position:fixed;left:0;top:0;width:1100px;height:700px';
    const ready = nextEvent(e, 'jse-ready', 30000);
    e.src = url;
    document.body.append(e);
    await ready;
    await (e.shadowRoot!.querySelector('jse-document-viewer') as DocumentViewer).whenIdle();
    el = e;
    return e;
  }

  const live = (e: JseSignRequest) => e.shadowRoot!.querySelector('[role="status"][aria-live]')!.textContent.trim();

  it('initials on all pages but the last, by keyboard, land at the same place as seen; one undo takes them back', async () => {
    const e = await mount();
    const root = e.shadowRoot!;
    const open = byName(root, 'button', 'Parapher toutes les pages');
    open.focus();
    await combo('Enter');
    const dialog = await until(() => root.querySelector<HTMLDialogElement>('dialog.initials[open]'), 'the dialog opens');
    await expect(e).to.be.accessible();
    // Down to "Toutes sauf la dernière" with the keyboard, then the "Parapher" button.
    const all = dialog.querySelector<HTMLInputElement>('input[value="all"]')!;
    all.focus();
    await combo('ArrowDown');
    expect(dialog.querySelector<HTMLInputElement>('input[value="allButLast"]')!.checked).to.equal(true);
    byName(dialog, 'button', 'Parapher').focus();
    await combo('Enter');
    await until(() => e.fields.length === MIXED.length - 1, 'initials on all pages but the last');
    expect(dialog.open).to.equal(false);
    const fields = e.fields;
    expect(fields.map((f) => f.page)).to.deep.equal([1, 2, 3, 4, 5]);
    expect(e.signers).to.have.length(1); // an empty signer row for them
    for (const f of fields) {
      const r = relative(viewports[f.page - 1], f);
      expect(f.kind).to.equal('initials');
      expect(r.cx, `page ${f.page}`).to.be.closeTo(DEFAULT_INITIALS_PLACE.cx, 1e-6);
      expect(r.cy, `page ${f.page}`).to.be.closeTo(DEFAULT_INITIALS_PLACE.cy, 1e-6);
      expect(r.width, `page ${f.page}`).to.be.closeTo(60, 1e-6);
      expect(r.height, `page ${f.page}`).to.be.closeTo(30, 1e-6);
    }
    await until(() => live(e) === '5 paraphes placés', 'announced');
    await expect(e).to.be.accessible();
    // Ctrl+Z from the toolbar: the whole replication (and the row it created) in one step.
    open.focus();
    await combo('Control', 'z');
    await until(() => e.fields.length === 0, 'undone');
    expect(e.signers).to.have.length(0);
    expect(live(e)).to.equal('Annulé\u202f: 5 champs ajoutés');
    await combo('Control', 'Shift', 'Z');
    await until(() => e.fields.length === 5, 'redone');
    expect(live(e)).to.equal('Rétabli\u202f: 5 champs ajoutés');
  });

  it('a field copied to all pages lands at the same place as seen on each', async () => {
    const e = await mount();
    e.signers = [{ id: 's1', email: 'marie@example.fr', firstName: 'Marie', lastName: 'Dupont', phone: '' }];
    // On the /Rotate 90 page, 180 × 40 as seen.
    const vp = viewports[1];
    const [ax, ay] = vp.convertToPdfPoint(300, 60) as [number, number];
    const [bx, by] = vp.convertToPdfPoint(480, 100) as [number, number];
    const model: Field = { signerId: 's1', page: 2, x: Math.min(ax, bx), y: Math.min(ay, by), width: Math.abs(bx - ax), height: Math.abs(by - ay), kind: 'date' };
    e.fields = [model];
    const viewer = e.shadowRoot!.querySelector('jse-document-viewer') as DocumentViewer;
    const layer = await until(
      () => viewer.shadowRoot!.querySelector('.page[data-page="2"] jse-placement-layer')?.shadowRoot?.querySelector<HTMLElement>('.field'),
      'the field is drawn',
      8000,
    );
    layer.focus();
    let leaked = 0;
    const spy = () => leaked++;
    document.addEventListener('jse-internal-copy-all', spy);
    byName(layer, 'button', 'Copier le champ sur toutes les pages').click();
    await until(() => e.fields.length === MIXED.length, 'copies on every page', 8000);
    const want = relative(vp, model);
    for (const f of e.fields) {
      const r = relative(viewports[f.page - 1], f);
      expect(f.kind).to.equal('date');
      expect(r.cx, `page ${f.page}`).to.be.closeTo(want.cx, 1e-6);
      expect(r.cy, `page ${f.page}`).to.be.closeTo(want.cy, 1e-6);
      expect(r.width, `page ${f.page}`).to.be.closeTo(180, 1e-6);
      expect(r.height, `page ${f.page}`).to.be.closeTo(40, 1e-6);
    }
    expect(e.fields.map((f) => f.page).sort()).to.deep.equal([1, 2, 3, 4, 5, 6]);
    document.removeEventListener('jse-internal-copy-all', spy);
    expect(leaked).to.equal(0); // the internal event stops in the element
    await until(() => live(e) === '5 copies placées', 'announced', 8000);
    await expect(e).to.be.accessible();
  });

  it('the steps come back with the draft when the element is mounted again in the tab', async () => {
    const e = await mount();
    const root = e.shadowRoot!;
    byName(root, 'button', 'Parapher toutes les pages').click();
    const dialog = await until(() => root.querySelector<HTMLDialogElement>('dialog.initials[open]'), 'dialog', 8000);
    byName(dialog, 'button', 'Parapher').click();
    await until(() => e.fields.length === MIXED.length, 'initials', 8000);
    e.remove(); // saves at once
    const again = document.createElement('jse-sign-request');
    again.lang = 'fr';
    again.style.cssText = e.style.cssText;
    const ready = nextEvent(again, 'jse-ready', 30000);
    again.src = url;
    document.body.append(again);
    el = again;
    await ready;
    await until(() => again.fields.length === MIXED.length, 'the draft is back', 8000);
    const undo = await until(() => byName(again.shadowRoot!, 'button', 'Annuler'), 'undo button', 8000);
    expect(undo.getAttribute('aria-disabled')).to.equal('false');
    undo.click();
    await until(() => again.fields.length === 0, 'undone after the remount', 8000);
  });

  it('undo and redo by keyboard walk mixed edits back to the empty draft and forward again', async () => {
    const e = await mount();
    const root = e.shadowRoot!;
    const viewer = root.querySelector('jse-document-viewer') as DocumentViewer;
    const snap = () => JSON.stringify({ s: e.signers, f: e.fields });
    const states = [snap()];
    const record = async (what: string, check: () => boolean) => {
      await until(check, what);
      states.push(snap());
    };
    const fieldEl = () => deepActive()?.closest?.('.field') as HTMLElement | null;
    // 1: add a signature by the toolbar (keyboard).
    byName(root, 'button.add-field', 'Ajouter une signature sur la page 1').focus();
    await combo('Enter');
    await record('added', () => e.fields.length === 1);
    await until(() => fieldEl(), 'the new field has the focus');
    // 2–5: moves and resizes by arrows.
    for (const keys of [['ArrowRight'], ['ArrowDown'], ['Alt', 'ArrowRight'], ['Shift', 'ArrowDown']]) {
      const before = snap();
      await combo(...keys);
      await record(keys.join('+'), () => snap() !== before);
    }
    // 6: duplicate (the copy takes the focus).
    byName(fieldEl()!, 'button', 'Dupliquer le champ').click();
    await record('duplicated', () => e.fields.length === 2);
    await until(() => fieldEl() && e.fields.length === 2, 'focus on the copy');
    // 7: delete it with the Delete key.
    await until(() => fieldEl(), 'a field focused');
    fieldEl()!.focus();
    await combo('Delete');
    await record('deleted', () => e.fields.length === 1);
    // 8: initials on all pages.
    byName(root, 'button', 'Parapher toutes les pages').click();
    const dialog = await until(() => root.querySelector<HTMLDialogElement>('dialog.initials[open]'), 'dialog');
    byName(dialog, 'button', 'Parapher').click();
    await record('initials', () => e.fields.length === 1 + MIXED.length);
    // 9: the kind of the first field, by keyboard on its kind picker.
    const firstField = () => viewer.shadowRoot!.querySelector('.page[data-page="1"] jse-placement-layer')!.shadowRoot!.querySelector<HTMLElement>('.field[data-kind="signature"], .field[data-kind="date"]')!;
    firstField().focus();
    const kindPicker = byName<HTMLSelectElement>(firstField(), 'select', 'Type de ce champ');
    kindPicker.focus();
    await combo('ArrowDown');
    await record('kind changed', () => e.fields.some((f) => f.kind === 'initials' && f.width !== 60));
    // 10: a second signer (the panel's button, by keyboard), 11: the copy of a field to all pages.
    const panel = root.querySelector('jse-signers-panel')!;
    byName(panel.shadowRoot!, 'button', 'Ajouter un signataire').focus();
    await combo('Enter');
    await record('signer added', () => e.signers.length === 2);
    expect(states).to.have.length(11);
    const layer1 = viewer.shadowRoot!.querySelector('.page[data-page="1"] jse-placement-layer')!;
    const first = layer1.shadowRoot!.querySelector<HTMLElement>('.field')!;
    first.focus();
    // Undo all by keyboard, from a field, then redo all.
    for (let i = states.length - 2; i >= 0; i--) {
      await combo('Control', 'z');
      await until(() => snap() === states[i], `undo to ${i}`);
    }
    expect(e.fields).to.have.length(0);
    expect(e.signers).to.have.length(0);
    byName(root, 'button', 'Rétablir').focus();
    for (let i = 1; i < states.length; i++) {
      await combo('Control', i % 2 ? 'y' : 'Shift', ...(i % 2 ? [] : ['Z']));
      await until(() => snap() === states[i], `redo to ${i}`);
    }
  });
});

function deepActive(): Element | null {
  let a = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a;
}
