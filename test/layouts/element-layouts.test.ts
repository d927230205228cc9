/**
 * Layouts kept per kind of document (issue 16) in the real element against the sandbox: a
 * lettre de mission sent with `layout-key` saves its layout (through the host's store, or
 * localStorage without one); a second one of another length offers it, places nothing until the
 * user accepts, and once accepted has its fields where pdf.js maps them (≤ 1.5 pt), its signers
 * filled from `signerRoles`.
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { Field } from '../../src/api/types.js';
import { openPdf, type PDFDocumentProxy, type PDFPageProxy } from '../../src/document/pdfjs.js';
import type { JseSignRequest } from '../../src/jse-sign-request.js';
import type { Layout, LayoutStore } from '../../src/layouts/layout.js';
import { LAYOUT_PREFIX } from '../../src/layouts/store.js';
import type { Sandbox } from '../../src/testing/index.js';
import { makePdf, serve, type PageSpec } from '../helpers/documents.js';
import { nextEvent } from '../helpers/element.js';
import { frames } from '../helpers/wait.js';
import { confirmDialog, marie, mount, newSandbox, pageBox, paul, sendButton, startWorker, until, viewerOf } from '../send/harness.js';

const A4: [number, number, number, number] = [0, 0, 595.28, 841.89];
/** The first lettre de mission: three upright A4 pages. */
const FIRST: PageSpec[] = [{ label: 'LDM 1/3' }, { label: 'LDM 2/3' }, { label: 'LDM 3/3' }];
/** The second: five pages, the second US Letter, the last /Rotate 90 (the signature page seen sideways). */
const SECOND: PageSpec[] = [{ label: 'LDM 1/5' }, { label: 'LDM 2/5', mediaBox: [0, 0, 612, 792] }, { label: 'LDM 3/5' }, { label: 'LDM 4/5' }, { label: 'LDM 5/5', rotate: 90 }];

const roles = { Client: { email: marie.email }, 'Expert-comptable': 'me' as const };
const me = { email: paul.email, firstName: paul.firstName, lastName: paul.lastName, phone: '+262692123456' };
const contacts = [{ email: marie.email, firstName: marie.firstName, lastName: marie.lastName, phone: '+33612345678' }];

/** What the first letter is sent with: initials on every page, a mention on page 1, both signatures on the last page. */
function firstFields(): Field[] {
  const initials = [1, 2, 3].map((page): Field => ({ signerId: 's1', page, x: 500, y: 30, width: 60, height: 30, kind: 'initials' }));
  return [
    ...initials,
    { signerId: 's1', page: 1, x: 60, y: 620, width: 180, height: 40, kind: 'mention', text: 'Lu et approuvé' },
    { signerId: 's1', page: 3, x: 60, y: 120, width: 180, height: 60, kind: 'signature' },
    { signerId: 's2', page: 3, x: 340, y: 120, width: 180, height: 60, kind: 'signature' },
  ];
}

function offerOf(el: JseSignRequest): HTMLElement | null {
  return el.shadowRoot!.querySelector<HTMLElement>('.layout-offer');
}

function countingStore(): LayoutStore & { gets: string[]; sets: [string, Layout][] } {
  const kept = new Map<string, string>();
  const gets: string[] = [];
  const sets: [string, Layout][] = [];
  return {
    gets,
    sets,
    get(key) {
      gets.push(key);
      const raw = kept.get(key);
      return Promise.resolve(raw ? (JSON.parse(raw) as Layout) : undefined); // what a backend gives back: JSON
    },
    set(key, layout) {
      sets.push([key, layout]);
      kept.set(key, JSON.stringify(layout));
      return Promise.resolve();
    },
  };
}

/** A field's rectangle as pdf.js shows its page at scale 1 (top-left origin), and the page's seen size. */
function seen(page: PDFPageProxy, f: Pick<Field, 'x' | 'y' | 'width' | 'height'>) {
  const vp = page.getViewport({ scale: 1 });
  const [ax, ay] = vp.convertToViewportPoint(f.x, f.y) as [number, number];
  const [bx, by] = vp.convertToViewportPoint(f.x + f.width, f.y + f.height) as [number, number];
  return { cx: (ax + bx) / 2, cy: (ay + by) / 2, width: Math.abs(bx - ax), height: Math.abs(by - ay), pageWidth: vp.width, pageHeight: vp.height };
}

/** Sends the draft through the send button and the confirmation, like a user; resolves with `jse-pending`. */
async function sendByHand(el: JseSignRequest) {
  sendButton(el).click();
  const dialog = confirmDialog(el);
  await until(() => dialog.open, 'the confirmation');
  const pending = nextEvent(el, 'jse-pending');
  dialog.querySelector<HTMLButtonElement>('button.primary')!.click();
  return (await pending).detail.request;
}

describe('layouts kept per kind of document (issue 16)', function () {
  this.timeout(90000);
  let sandbox: Sandbox;
  let el: JseSignRequest | undefined;
  let firstUrl: string;
  let secondUrl: string;
  let firstPdf: PDFDocumentProxy;
  let secondPdf: PDFDocumentProxy;
  const closers: (() => Promise<void>)[] = [];

  before(async () => {
    await startWorker();
    const [a, b] = [await makePdf(FIRST), await makePdf(SECOND)];
    firstUrl = await serve(a, 'Lettre de mission Dupont.pdf');
    secondUrl = await serve(b, 'Lettre de mission Martin.pdf');
    for (const [bytes, set] of [
      [a, (p: PDFDocumentProxy) => (firstPdf = p)],
      [b, (p: PDFDocumentProxy) => (secondPdf = p)],
    ] as const) {
      const task = await openPdf({ data: bytes.slice() });
      set(await task.promise);
      closers.push(() => task.destroy());
    }
  });
  after(async () => {
    for (const close of closers) await close();
  });
  beforeEach(async () => {
    sessionStorage.clear();
    sandbox = await newSandbox();
  });
  afterEach(async () => {
    el?.remove();
    el = undefined;
    await sandbox.stop();
  });

  it('saves the layout of a sent letter in the host store, offers it for a longer one, places nothing until accepted, then places every field where pdf.js maps it', async () => {
    const store = countingStore();
    // The first letter: nothing kept yet, so nothing offered.
    ({ el } = await mount(sandbox, firstUrl, (e) => {
      e.layoutKey = 'lettre-de-mission';
      e.layoutStore = store;
      e.signerRoles = roles;
      e.me = me;
      e.signers = [marie, paul];
    }));
    await until(() => store.gets.length === 1, 'the store asked on jse-ready');
    expect(store.gets).to.deep.equal(['lettre-de-mission']);
    el.fields = firstFields();
    const request = await sendByHand(el);
    expect(request.fields).to.have.length(6);
    await until(() => store.sets.length === 1, 'the layout saved');
    const [[key, layout]] = store.sets as [[string, Layout]];
    expect(key).to.equal('lettre-de-mission');
    expect(layout).to.include({ v: 1, documentName: 'Lettre de mission Dupont.pdf', pageCount: 3 });
    expect(layout.signers).to.deep.equal([{ role: 'Client' }, { role: 'Expert-comptable' }]);
    expect(layout.fields.map((f) => [f.kind, f.page])).to.deep.equal([
      ['initials', { every: 'page' }],
      ['mention', { from: 'start', index: 1 }],
      ['signature', { from: 'end', index: 1 }],
      ['signature', { from: 'end', index: 1 }],
    ]);
    expect(store.gets).to.have.length(1); // sending does not read
    el.remove();

    // The second letter, five pages, no signers yet: the roles fill them.
    ({ el } = await mount(sandbox, secondUrl, (e) => {
      e.layoutKey = 'lettre-de-mission';
      e.layoutStore = store;
      e.signerRoles = roles;
      e.me = me;
      e.contacts = contacts;
    }));
    const offer = await until(() => offerOf(el!), 'the offer');
    expect(store.gets).to.deep.equal(['lettre-de-mission', 'lettre-de-mission']);
    expect(offer.textContent).to.contain('Reprendre la mise en page du dernier document «\u202flettre de mission\u202f»\u202f?');
    expect(offer.textContent).to.contain('«\u202fLettre de mission Dupont.pdf\u202f»');
    expect(offer.textContent).to.contain('4 champs');
    // Nothing is placed by the offer itself.
    await frames();
    expect(el.fields).to.deep.equal([]);
    expect(el.signers).to.deep.equal([]);
    await expect(el).to.be.accessible();

    // Accepted from the keyboard.
    const accept = [...offer.querySelectorAll('button')].find((b) => b.textContent.includes('Reprendre la mise en page'))!;
    accept.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => el!.fields.length > 0, 'the fields placed');
    expect(offerOf(el)).to.equal(null);
    const note = el.shadowRoot!.querySelector<HTMLElement>('.layout-note')!;
    expect(note.textContent).to.contain('Mise en page reprise\u202f: 8 champs placés.');
    expect(el.shadowRoot!.activeElement).to.equal(note);

    expect(el.signers.map((s) => [s.email, s.firstName, s.lastName])).to.deep.equal([
      [marie.email, 'Marie', 'Dupont'],
      [paul.email, 'Paul', 'Durand'],
    ]);
    const [client, expert] = el.signers.map((s) => s.id) as [string, string];
    const fields = el.fields;
    expect(fields.map((f) => [f.kind, f.page, f.signerId])).to.deep.equal([
      ['initials', 1, client],
      ['initials', 2, client],
      ['initials', 3, client],
      ['initials', 4, client],
      ['initials', 5, client],
      ['mention', 1, client],
      ['signature', 5, client],
      ['signature', 5, expert],
    ]);
    expect(fields[5].text).to.equal('Lu et approuvé');

    // Each field: its seen size in points, its centre at the same place relative to the page as
    // seen, as pdf.js maps both letters' pages.
    const sources = firstFields();
    const sourceOf = (i: number) => (i < 5 ? sources[Math.min(i, 2)] : sources[i - 2]);
    for (const [i, f] of fields.entries()) {
      const src = sourceOf(i);
      const a = seen(await firstPdf.getPage(src.page), src);
      const b = seen(await secondPdf.getPage(f.page), f);
      const what = `field ${i} (${f.kind}, page ${f.page})`;
      expect(b.width, what).to.be.closeTo(a.width, 1.5);
      expect(b.height, what).to.be.closeTo(a.height, 1.5);
      expect(b.cx, what).to.be.closeTo((a.cx / a.pageWidth) * b.pageWidth, 1.5);
      expect(b.cy, what).to.be.closeTo((a.cy / a.pageHeight) * b.pageHeight, 1.5);
    }
    // The same A4 upright pages: the very rectangles of the first letter.
    for (const i of [0, 2, 3, 5]) {
      const src = sourceOf(i);
      for (const k of ['x', 'y', 'width', 'height'] as const) expect(fields[i][k]).to.be.closeTo(src[k], 0.01);
    }
    // On the sideways last page the signature is 180 wide as seen: 60 × 180 in PDF space.
    expect(fields[6].width).to.be.closeTo(60, 1e-6);
    expect(fields[6].height).to.be.closeTo(180, 1e-6);

    // And on screen: the fields drawn on page 5 are where pdf.js's viewport puts them.
    const viewer = viewerOf(el);
    await viewer.scrollToPage(5);
    await viewer.whenIdle();
    await frames();
    const box = pageBox(el, 5);
    const layer = box.querySelector('jse-placement-layer')!;
    const drawn = [...layer.shadowRoot!.querySelectorAll<HTMLElement>('.field')];
    expect(drawn).to.have.length(3);
    const page5 = await secondPdf.getPage(5);
    const rect = box.getBoundingClientRect();
    const vp = page5.getViewport({ scale: rect.width / page5.getViewport({ scale: 1 }).width });
    for (const f of fields.filter((x) => x.page === 5)) {
      const [ax, ay] = vp.convertToViewportPoint(f.x, f.y) as [number, number];
      const [bx, by] = vp.convertToViewportPoint(f.x + f.width, f.y + f.height) as [number, number];
      const want = { left: Math.min(ax, bx), top: Math.min(ay, by) };
      const hit = drawn.find((d) => {
        const r = d.getBoundingClientRect();
        return Math.abs(r.left - rect.left - want.left) <= 1.5 * vp.scale && Math.abs(r.top - rect.top - want.top) <= 1.5 * vp.scale;
      });
      expect(hit, `a field drawn at ${JSON.stringify(want)}`).to.not.equal(undefined);
    }
    expect(store.sets).to.have.length(1); // applying does not save
  });

  it('uses localStorage without a host store; Escape leaves the offer and places nothing (English)', async () => {
    const key = `mandat-sepa-${Date.now().toString(36)}`;
    localStorage.removeItem(LAYOUT_PREFIX + key);
    try {
      ({ el } = await mount(sandbox, firstUrl, (e) => {
        e.layoutKey = key;
        e.signers = [marie, paul];
      }));
      el.fields = firstFields();
      await el.submit();
      const raw = await until(() => localStorage.getItem(LAYOUT_PREFIX + key), 'the layout in localStorage');
      const kept = JSON.parse(raw) as Layout;
      expect(kept.pageCount).to.equal(3);
      expect(kept.signers).to.deep.equal([{}, {}]); // no roles given: slots by position
      el.remove();

      // A one-page document of the same kind: the last page's fields only, signers by position.
      const shortUrl = await serve(await makePdf([{ label: 'SEPA', mediaBox: A4 }]), 'Mandat.pdf');
      ({ el } = await mount(sandbox, shortUrl, (e) => {
        e.layoutKey = key;
        e.lang = 'en';
        e.signers = [marie, paul];
      }));
      const offer = await until(() => offerOf(el!), 'the offer');
      expect(offer.textContent).to.contain(`Reuse the layout of the last “${key.replace(/-/g, ' ')}” document?`);
      await expect(el).to.be.accessible();
      const accept = offer.querySelector<HTMLButtonElement>('button.primary')!;
      accept.focus();
      await sendKeys({ press: 'Escape' });
      await until(() => !offerOf(el!), 'the offer gone');
      expect(el.fields).to.deep.equal([]);
      expect(el.shadowRoot!.activeElement?.classList.contains('add-field')).to.equal(true);

      // Shown again (a remount of the same document), accepted this time with a click.
      el.remove();
      ({ el } = await mount(sandbox, shortUrl, (e) => {
        e.layoutKey = key;
        e.lang = 'en';
        e.signers = [marie, paul];
      }));
      (await until(() => offerOf(el!)?.querySelector<HTMLButtonElement>('button.primary'), 'the offer again')).click();
      await until(() => el!.fields.length > 0, 'the fields placed');
      // Initials on every page (1 here), the two signatures; the page-1 mention of a 3-page letter
      // lands on the page the last-page fields take, and is dropped.
      expect(el.fields.map((f) => [f.kind, f.page, f.signerId])).to.deep.equal([
        ['initials', 1, 's1'],
        ['signature', 1, 's1'],
        ['signature', 1, 's2'],
      ]);
      const note = el.shadowRoot!.querySelector('.layout-note')!;
      expect(note.textContent).to.contain('Layout reused: 3 fields placed. 1 field was not reused: this document has fewer pages.');
    } finally {
      localStorage.removeItem(LAYOUT_PREFIX + key);
    }
  });

  it('offers nothing when the draft already has fields (a draft kept for this document)', async () => {
    const store = countingStore();
    await store.set('ldm', { v: 1, savedAt: '2026-12-01T10:00:00.000Z', documentName: 'x.pdf', pageCount: 1, signers: [{}], fields: [{ page: { from: 'end', index: 1 }, signer: 0, kind: 'signature', x: 0.5, y: 0.8, width: 0.3, height: 0.07, seenWidth: 180, seenHeight: 60 }] });
    ({ el } = await mount(sandbox, firstUrl, (e) => {
      e.layoutKey = 'ldm';
      e.layoutStore = store;
      e.signers = [marie];
      e.fields = [{ signerId: 's1', page: 1, x: 60, y: 120, width: 180, height: 60 }];
    }));
    await until(() => store.gets.length === 1, 'the store asked');
    await el.updateComplete;
    expect(offerOf(el)).to.equal(null);
    // Without that field the offer is there: the check above could fail.
    el.fields = [];
    await el.updateComplete;
    expect(offerOf(el)).to.not.equal(null);
  });

  it('a layout-key given once the document is shown asks the store then (and no key, no call)', async () => {
    const store = countingStore();
    await store.set('pv-ag', { v: 1, savedAt: '2026-12-01T10:00:00.000Z', documentName: 'PV.pdf', pageCount: 1, signers: [{}], fields: [{ page: { from: 'end', index: 1 }, signer: 0, kind: 'signature', x: 0.5, y: 0.8, width: 0.3, height: 0.07, seenWidth: 180, seenHeight: 60 }] });
    ({ el } = await mount(sandbox, firstUrl, (e) => {
      e.layoutStore = store;
    }));
    expect(store.gets).to.deep.equal([]);
    el.layoutKey = 'pv-ag';
    const offer = await until(() => offerOf(el!), 'the offer');
    expect(store.gets).to.deep.equal(['pv-ag']);
    expect(offer.textContent).to.contain('«\u202fpv ag\u202f»');
    expect(el.fields).to.deep.equal([]);
  });
});
