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
import { deepActiveElement, nextEvent, useInstalledPdfJs } from '../helpers/element.js';
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

  it('undo and redo by keyboard walk 20 mixed edits back to the empty draft and forward again', async () => {
    const e = await mount();
    const root = e.shadowRoot!;
    const viewer = root.querySelector('jse-document-viewer') as DocumentViewer;
    const panel = root.querySelector('jse-signers-panel')!;
    const snap = () => JSON.stringify({ s: e.signers, f: e.fields });
    const start = { signers: e.signers, fields: e.fields };
    expect(start.fields).to.have.length(0);
    const states = [snap()];
    /** One edit: waits for the draft to change as said, and for it to be one step (checked by the walk back). */
    const record = async (what: string, check: () => boolean) => {
      const before = states.at(-1);
      await until(() => snap() !== before && check(), what);
      states.push(snap());
    };
    const layerOf = (n: number) => viewer.shadowRoot!.querySelector(`.page[data-page="${n}"] jse-placement-layer`)?.shadowRoot ?? null;
    const fieldOf = (n: number, key: string) => layerOf(n)?.querySelector<HTMLElement>(`.field[data-key="${CSS.escape(key)}"]`) ?? null;
    const focusedField = () => deepActiveElement()?.closest?.('.field') as HTMLElement | null;
    /** Tab from the focused field through its tools to the control named `name` (real Tab presses). */
    const tabTo = async (name: string) => {
      for (let i = 0; i < 20; i++) {
        const a = deepActiveElement() as HTMLElement | null;
        if (a && (a.getAttribute('aria-label') ?? a.title ?? a.textContent.trim()) === name) return a;
        await combo('Tab');
      }
      throw new Error(`Tab never reached ${name}`);
    };
    /** Types `text` key by key into the focused box, its content first selected with Ctrl+A. */
    const typeOver = async (text: string) => {
      await combo('Control', 'a');
      await input(...[...text].map((key): InputStep => ({ type: 'key', action: 'press', key })));
    };

    // 1: a signature added from the toolbar (Enter); it takes the focus.
    byName(root, 'button.add-field', 'Ajouter une signature sur la page 1').focus();
    await combo('Enter');
    await record('1 added', () => e.fields.length === 1);
    const a = (await until(() => focusedField(), 'the new field has the focus')).dataset.key!;
    // 2–5: moved and resized with the arrows.
    for (const [i, keys] of [['ArrowRight'], ['ArrowDown'], ['Alt', 'ArrowRight'], ['Shift', 'ArrowDown']].entries()) {
      await combo(...keys);
      await record(`${i + 2} ${keys.join('+')}`, () => true);
    }
    expect(e.fields[0].width).to.be.above(180); // Alt+→ widened it
    // 6: duplicated (Tab to the tool, Enter); the copy takes the focus. 7: the copy deleted with Delete.
    await tabTo('Dupliquer le champ');
    await combo('Enter');
    await record('6 duplicated', () => e.fields.length === 2);
    const copy = (await until(() => (focusedField()?.dataset.key !== a ? focusedField() : null), 'the copy has the focus')).dataset.key!;
    expect(copy).to.not.equal(a);
    await combo('Delete');
    await record('7 deleted', () => e.fields.length === 1);
    // 8: the kind, on the field's kind picker (↓: signature → initials).
    fieldOf(1, a)!.focus();
    await tabTo('Type de ce champ');
    await combo('ArrowDown');
    await record('8 kind', () => e.fields[0].kind === 'initials');
    // 9–10: width and left typed in millimetres in the field's properties.
    await tabTo('Position et taille (mm)');
    await combo('Enter');
    const prop = (dim: string) => until(() => fieldOf(1, a)?.querySelector<HTMLInputElement>(`input[data-prop="${dim}"]`), `the ${dim} box`);
    (await prop('width')).focus();
    await typeOver('40');
    await combo('Enter');
    await record('9 width typed', () => Math.abs(e.fields[0].width - (40 * 72) / 25.4) < 1e-3);
    (await prop('x')).focus();
    await typeOver('25');
    await combo('Enter');
    await record('10 left typed', () => Math.abs(e.fields[0].x - (25 * 72) / 25.4) < 1e-3); // A4 upright: from x = 0
    // 11: a second signer from the panel (Enter); its e-mail box takes the focus.
    byName(panel.shadowRoot!, 'button', 'Ajouter un signataire').focus();
    await combo('Enter');
    await record('11 signer added', () => e.signers.length === 2);
    const second = e.signers[1].id;
    const row = panel.shadowRoot!.querySelector(`li.signer[data-signer-id="${CSS.escape(second)}"]`)!;
    await until(() => deepActiveElement() === row.querySelector('input[id^="email-"]'), 'the e-mail box has the focus');
    // 12: the e-mail typed, 15 keys: one step (typing in one box merges, by design).
    await typeOver('jean@example.fr');
    await record('12 e-mail typed', () => e.signers[1].email === 'jean@example.fr');
    // 13: the first name, in its own box: another step (another box, so no merge).
    row.querySelector<HTMLInputElement>('input[id^="firstName-"]')!.focus();
    await typeOver('Jean');
    await record('13 first name typed', () => e.signers[1].firstName === 'Jean');
    // 14: the field given to the second signer, on its signer list (↓).
    fieldOf(1, a)!.focus();
    await tabTo('Signataire de cette signature');
    await combo('ArrowDown');
    await record('14 reassigned', () => e.fields[0].signerId === second);
    // 15: copied to all pages (Tab, Enter).
    fieldOf(1, a)!.focus();
    await tabTo('Copier le champ sur toutes les pages');
    await combo('Enter');
    await record('15 copied to all pages', () => e.fields.length === MIXED.length);
    // 16: initials on all pages (the toolbar's button, the dialog's signer and "Parapher", by keyboard).
    byName(root, 'button', 'Parapher toutes les pages').focus();
    await combo('Enter');
    const dialog = await until(() => root.querySelector<HTMLDialogElement>('dialog.initials[open]'), 'the dialog opens');
    // For the first signer (↑ on the dialog's signer list): the second has initials on every page already.
    const forWhom = dialog.querySelector<HTMLSelectElement>('#jse-initials-signer')!;
    expect(forWhom.value).to.equal(second);
    forWhom.focus();
    await combo('ArrowUp');
    expect(forWhom.value).to.equal(e.signers[0].id);
    byName(dialog, 'button', 'Parapher').focus();
    await combo('Enter');
    await record('16 initials on all pages', () => e.fields.length === 2 * MIXED.length);
    // 17–20 on the /Rotate 90 page: the copy made a mention by type-ahead ("m"), its words typed,
    // moved with Shift+→, and the page's initials deleted.
    viewer.shadowRoot!.querySelector('.page[data-page="2"]')!.scrollIntoView();
    const onPage2 = () => [...(layerOf(2)?.querySelectorAll<HTMLElement>('.field') ?? [])];
    await until(() => onPage2().length === 2, 'page 2 drawn', 8000);
    // The copy of the first field (40 mm wide as seen) and the page's initials (60 × 30 pt as seen).
    const widest = () => onPage2().reduce((w, f) => (f.getBoundingClientRect().width > w.getBoundingClientRect().width ? f : w));
    const copyKey = widest().dataset.key!;
    const page2 = () => e.fields.filter((f) => f.page === 2);
    const mention = () => page2().find((f) => f.kind === 'mention');
    fieldOf(2, copyKey)!.focus();
    await tabTo('Type de ce champ');
    await combo('m');
    await record('17 kind by type-ahead', () => page2().some((f) => f.kind === 'mention'));
    expect(fieldOf(2, copyKey)!.dataset.kind).to.equal('mention');
    fieldOf(2, copyKey)!.focus();
    await tabTo('Mots que le signataire écrit');
    await typeOver('Bon pour accord');
    await combo('Enter');
    await record('18 words typed', () => mention()?.text === 'Bon pour accord');
    fieldOf(2, copyKey)!.focus();
    await combo('Shift', 'ArrowRight');
    await record('19 moved on the rotated page', () => true);
    const initials2 = onPage2().find((f) => f.dataset.key !== copyKey)!;
    initials2.focus();
    await combo('Delete');
    await record('20 initials deleted', () => page2().length === 1);
    expect(states).to.have.length(21);
    const end = JSON.parse(states[20]) as unknown;

    // Back: Ctrl+Z ×20 from the first field (it lives until the last step is undone).
    fieldOf(1, a)!.focus();
    for (let i = 19; i >= 0; i--) {
      await combo('Control', 'z');
      await until(() => snap() === states[i], `undo to ${i}`);
    }
    expect(e.fields).to.deep.equal([]);
    expect(e.signers).to.deep.equal(start.signers);
    // The last undo took the focused field away: the focus went to "Annuler", and the keys still work.
    await until(() => deepActiveElement() === byName(root, 'button', 'Annuler'), 'the focus kept in the element');
    await combo('Control', 'z');
    await until(() => live(e) === 'Rien à annuler', 'nothing left to undo');
    // Forward: Shift+Ctrl+Z ×20, from there.
    for (let i = 1; i <= 20; i++) {
      await combo('Control', 'Shift', 'Z');
      await until(() => snap() === states[i], `redo to ${i}`);
    }
    expect(JSON.parse(snap())).to.deep.equal(end);
    expect({ s: e.signers, f: e.fields }).to.deep.equal(end);
    // Ctrl+Y redoes too.
    await combo('Control', 'z');
    await until(() => snap() === states[19], 'one back');
    await combo('Control', 'y');
    await until(() => snap() === states[20], 'Ctrl+Y forward');
    await expect(e).to.be.accessible();
  });
});

