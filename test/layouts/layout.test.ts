/**
 * Layouts kept per kind of document (issue 16), the pure part: capture (draft → layout), apply
 * (layout → fields for a document of another length, size or rotation, checked against pdf.js's
 * own mapping), the signer slots and roles, the format's checks and the localStorage store.
 */
import { expect } from '@open-wc/testing';
import type { Field, Person, Signer } from '../../src/api/types.js';
import { normalizeRotation, type PageGeometry } from '../../src/document/geometry.js';
import { openPdf, type PDFPageProxy } from '../../src/document/pdfjs.js';
import { applyLayout, pagesNeeded, placeOnPage, planSigners, targetPages } from '../../src/layouts/apply.js';
import { captureLayout, countsFromEnd } from '../../src/layouts/capture.js';
import { parseLayout, type Layout, type LayoutField } from '../../src/layouts/layout.js';
import { resolveRole, roleOfEmail } from '../../src/layouts/roles.js';
import { LAYOUT_PREFIX, LocalLayoutStore, type LayoutStorage } from '../../src/layouts/store.js';
import { makePdf, type PageSpec } from '../helpers/documents.js';
import { useInstalledPdfJs } from '../helpers/element.js';

const A4: PageGeometry = { view: [0, 0, 595.28, 841.89], rotation: 0 };
const signers: Signer[] = [
  { id: 'a', email: 'client@example.fr', firstName: 'Marie', lastName: 'Dupont', phone: '+33612345678' },
  { id: 'b', email: 'expert@cabinet.fr', firstName: 'Paul', lastName: 'Durand', phone: '+33698765432' },
];

function capture(fields: Field[], pageCount: number, page: (n: number) => PageGeometry | undefined = () => A4): Layout {
  return captureLayout({ fields, signers, pageCount, page, documentName: 'LDM Dupont.pdf', savedAt: '2026-12-01T10:00:00.000Z' });
}

const sig = (page: number, x = 350, y = 80, signerId = 'a'): Field => ({ signerId, page, x, y, width: 180, height: 60, kind: 'signature' });
const ini = (page: number): Field => ({ signerId: 'a', page, x: 520, y: 30, width: 60, height: 30, kind: 'initials' });

function near(actual: { x: number; y: number; width: number; height: number }, expected: { x: number; y: number; width: number; height: number }, tol = 1e-6) {
  for (const k of ['x', 'y', 'width', 'height'] as const) expect(actual[k], k).to.be.closeTo(expected[k], tol);
}

describe('layout capture', () => {
  it('counts the first half of the pages from the start, the rest from the end (the middle page from the end)', () => {
    expect([1, 2, 3, 4].map((n) => countsFromEnd(n, 4))).to.deep.equal([false, false, true, true]);
    expect([1, 2, 3].map((n) => countsFromEnd(n, 3))).to.deep.equal([false, true, true]);
    expect(countsFromEnd(1, 1)).to.equal(true); // a one-page letter: its page is the last page
  });

  it('keeps pages from the start or the end, fractions of the page as seen, kinds and words, signer slots', () => {
    const mention: Field = { signerId: 'b', page: 1, x: 40, y: 700, width: 180, height: 40, kind: 'mention', text: 'Lu et approuvé' };
    const text: Field = { signerId: 'a', page: 3, x: 40, y: 400, width: 180, height: 30, kind: 'text', label: 'Ville', text: 'ignored' };
    const layout = capture([mention, text, sig(4), sig(4, 40, 80, 'b')], 4);
    expect(layout.v).to.equal(1);
    expect(layout.pageCount).to.equal(4);
    expect(layout.documentName).to.equal('LDM Dupont.pdf');
    expect(layout.signers).to.deep.equal([{}, {}]);
    expect(layout.fields.map((f) => [f.page, f.signer, f.kind])).to.deep.equal([
      [{ from: 'start', index: 1 }, 1, 'mention'],
      [{ from: 'end', index: 2 }, 0, 'text'],
      [{ from: 'end', index: 1 }, 0, 'signature'],
      [{ from: 'end', index: 1 }, 1, 'signature'],
    ]);
    expect(layout.fields[0].text).to.equal('Lu et approuvé');
    expect(layout.fields[1].label).to.equal('Ville');
    expect(layout.fields[1]).not.to.have.property('text'); // a text field keeps only its label
    const f = layout.fields[2];
    // Top-left corner as seen (y downwards): the PDF y of the top edge is 80 + 60.
    near(f, { x: 350 / 595.28, y: (841.89 - 140) / 841.89, width: 180 / 595.28, height: 60 / 841.89 });
    expect([f.seenWidth, f.seenHeight]).to.deep.equal([180, 60]);
  });

  it('keeps the same field on every page (or every page but the last) as one field', () => {
    const every = capture([ini(1), ini(2), ini(3), sig(3)], 3);
    expect(every.fields.map((f) => f.page)).to.deep.equal([{ every: 'page' }, { from: 'end', index: 1 }]);
    const butLast = capture([ini(1), ini(2), ini(3), sig(4)], 4);
    expect(butLast.fields.map((f) => f.page)).to.deep.equal([{ every: 'pageButLast' }, { from: 'end', index: 1 }]);
    // Not every page: each one is kept where it is.
    const some = capture([ini(1), ini(3)], 4);
    expect(some.fields.map((f) => f.page)).to.deep.equal([
      { from: 'start', index: 1 },
      { from: 'end', index: 2 },
    ]);
  });

  it('measures on the page as seen: a /Rotate 90 page keeps the width along the screen', () => {
    const rotated: PageGeometry = { view: [0, 0, 595.28, 841.89], rotation: 90 };
    // On a page seen sideways a 180 × 60 signature is 60 wide and 180 high in PDF space.
    const layout = capture([{ signerId: 'a', page: 1, x: 100, y: 200, width: 60, height: 180 }], 1, () => rotated);
    const f = layout.fields[0];
    expect([f.seenWidth, f.seenHeight]).to.deep.equal([180, 60]);
    // Rotate 90: screen x = pdf y − y1, screen y = pdf x − x1 (the page is 841.89 wide as seen).
    near(f, { x: 200 / 841.89, y: 100 / 595.28, width: 180 / 841.89, height: 60 / 595.28 });
  });

  it('records the role of each signer from signerRoles (by e-mail, `me` by the current user)', () => {
    const roles = { Client: { email: 'CLIENT@example.fr' }, 'Expert-comptable': 'me' as const };
    const me: Person = { email: 'expert@cabinet.fr', firstName: 'Paul', lastName: 'Durand' };
    expect(roleOfEmail(roles, me, 'client@example.fr')).to.equal('Client');
    expect(roleOfEmail(roles, me, 'expert@cabinet.fr')).to.equal('Expert-comptable');
    expect(roleOfEmail(roles, me, 'other@example.fr')).to.equal(undefined);
    expect(roleOfEmail(undefined, me, 'client@example.fr')).to.equal(undefined);
    const layout = captureLayout({
      fields: [sig(1), sig(1, 40, 80, 'b')],
      signers,
      pageCount: 1,
      page: () => A4,
      roleOf: (s) => roleOfEmail(roles, me, s.email),
      documentName: 'x.pdf',
      savedAt: '2026-12-01T10:00:00.000Z',
    });
    expect(layout.signers).to.deep.equal([{ role: 'Client' }, { role: 'Expert-comptable' }]);
  });

  it('leaves out fields on pages it has no geometry for, or of unknown signers', () => {
    const layout = capture([sig(1), sig(2), { ...sig(1), signerId: 'zz' }], 2, (n) => (n === 1 ? A4 : undefined));
    expect(layout.fields).to.have.length(1);
  });
});

describe('layout apply', () => {
  it('same page count and size: the very same rectangles, signers by slot', () => {
    const fields = [sig(1), ini(2), sig(3, 40, 80, 'b')];
    const layout = capture(fields, 3);
    const { fields: out, dropped } = applyLayout(layout, 3, () => A4, ['a', 'b']);
    expect(dropped).to.equal(0);
    expect(out.map((f) => [f.signerId, f.page, f.kind])).to.deep.equal([
      ['a', 1, 'signature'],
      ['a', 2, 'initials'],
      ['b', 3, 'signature'],
    ]);
    out.forEach((f, i) => near(f, fields[i], 1e-9));
  });

  it('a longer document: pages from the end go to its last pages, every-page fields to every page', () => {
    const layout = capture([ini(1), ini(2), ini(3), sig(1, 40, 500), sig(3)], 3);
    expect(pagesNeeded(layout, 6)).to.deep.equal([1, 2, 3, 4, 5, 6]);
    const { fields, dropped } = applyLayout(layout, 6, () => A4, ['a', 'b']);
    expect(dropped).to.equal(0);
    expect(fields.map((f) => [f.kind, f.page])).to.deep.equal([
      ['initials', 1], ['initials', 2], ['initials', 3], ['initials', 4], ['initials', 5], ['initials', 6],
      ['signature', 1],
      ['signature', 6],
    ]);
    near(fields[7], sig(3), 1e-9);
  });

  it('a shorter document: the last pages win, pages beyond the end are dropped and counted', () => {
    // Six pages: start 1, start 3, end 1 (page 6), end 3 (page 4).
    const layout = capture([sig(1), sig(3), sig(6), sig(4)], 6);
    expect(layout.fields.map((f) => f.page)).to.deep.equal([
      { from: 'start', index: 1 },
      { from: 'start', index: 3 },
      { from: 'end', index: 1 },
      { from: 'end', index: 3 },
    ]);
    // Two pages: end 1 → 2; end 3 → nothing; start 1 → 1; start 3 → beyond the end.
    expect(layout.fields.map((f) => targetPages(layout, f, 2))).to.deep.equal([[1], [], [2], []]);
    const two = applyLayout(layout, 2, () => A4, ['a', 'b']);
    expect(two.fields.map((f) => f.page)).to.deep.equal([1, 2]);
    expect(two.dropped).to.equal(2);
    // Three pages: end 3 lands on page 1, where start 1 would go: the end wins.
    expect(layout.fields.map((f) => targetPages(layout, f, 3))).to.deep.equal([[], [], [3], [1]]);
    // One page: only the last page's fields.
    const one = applyLayout(layout, 1, () => A4, ['a', 'b']);
    expect(one.fields.map((f) => f.page)).to.deep.equal([1]);
    expect(one.dropped).to.equal(3);
  });

  it('every page but the last on a one-page document places nothing', () => {
    const layout = capture([ini(1), ini(2), sig(3)], 3);
    expect(layout.fields[0].page).to.deep.equal({ every: 'pageButLast' });
    const { fields, dropped } = applyLayout(layout, 1, () => A4, ['a']);
    expect(fields.map((f) => f.kind)).to.deep.equal(['signature']);
    expect(dropped).to.equal(1);
  });

  it('another page size: the seen size in points, the centre at the same place relative to the page', () => {
    const letter: PageGeometry = { view: [0, 0, 612, 792], rotation: 0 };
    const layout = capture([sig(1, 350, 80)], 1);
    const [f] = applyLayout(layout, 1, () => letter, ['a']).fields;
    const cx = ((350 + 90) / 595.28) * 612;
    const cyFromTop = ((841.89 - 110) / 841.89) * 792;
    near(f, { x: cx - 90, y: 792 - cyFromTop - 30, width: 180, height: 60 }, 1e-9);
  });

  it('a field without its slot\'s signer is dropped', () => {
    const layout = capture([sig(1), sig(1, 40, 80, 'b')], 1);
    const { fields, dropped } = applyLayout(layout, 1, () => A4, ['a']);
    expect(fields).to.have.length(1);
    expect(dropped).to.equal(1);
  });

  it('keeps a field inside the page and at least its kind\'s minimum size', () => {
    const field: LayoutField = { page: { from: 'end', index: 1 }, signer: 0, kind: 'signature', x: 0.95, y: 0.98, width: 0.01, height: 0.01, seenWidth: 5, seenHeight: 5 };
    const r = placeOnPage(field, A4);
    expect([r.width, r.height]).to.deep.equal([60, 20]);
    expect(r.x + r.width).to.be.at.most(595.28 + 1e-9);
    expect(r.y).to.be.at.least(0);
  });
});

describe('layout apply on pages pdf.js maps (rotated, offset boxes)', () => {
  before(useInstalledPdfJs);

  async function pdfPages(specs: PageSpec[]): Promise<{ pages: PDFPageProxy[]; destroy: () => Promise<void> }> {
    const task = await openPdf({ data: await makePdf(specs) });
    const pdf = await task.promise;
    const pages = await Promise.all(specs.map((_, i) => pdf.getPage(i + 1)));
    return { pages, destroy: () => task.destroy() };
  }
  const geometryOf = (p: PDFPageProxy): PageGeometry => ({ view: p.view as unknown as PageGeometry['view'], rotation: normalizeRotation(p.rotate) });

  /** The field's rectangle as pdf.js shows it at scale 1 (top-left origin). */
  function seenRect(page: PDFPageProxy, f: { x: number; y: number; width: number; height: number }) {
    const vp = page.getViewport({ scale: 1 });
    const [ax, ay] = vp.convertToViewportPoint(f.x, f.y) as [number, number];
    const [bx, by] = vp.convertToViewportPoint(f.x + f.width, f.y + f.height) as [number, number];
    return { x: Math.min(ax, bx), y: Math.min(ay, by), width: Math.abs(bx - ax), height: Math.abs(by - ay), vw: vp.width, vh: vp.height };
  }

  it('captured on an upright A4 page, applied to /Rotate 90, 180, 270 and offset crop boxes: same place as seen (≤ 1.5 pt)', async () => {
    const { pages, destroy } = await pdfPages([
      {},
      { rotate: 90 },
      { rotate: 180, mediaBox: [0, 0, 800, 1000], cropBox: [100, 200, 695.28, 1041.89] },
      { rotate: 270, mediaBox: [-300, -420, 295.28, 421.89] },
    ]);
    try {
      const source = sig(1, 350, 80);
      const layout = capture([source], 1, () => geometryOf(pages[0]));
      const want = seenRect(pages[0], source);
      for (const page of pages.slice(1)) {
        const [f] = applyLayout(layout, 1, () => geometryOf(page), ['a']).fields;
        const got = seenRect(page, f);
        // The seen size is kept; the centre keeps its relative place on the page as seen.
        expect(got.width, `rotate ${page.rotate}`).to.be.closeTo(180, 1.5);
        expect(got.height).to.be.closeTo(60, 1.5);
        expect(got.x + got.width / 2).to.be.closeTo(((want.x + want.width / 2) / want.vw) * got.vw, 1.5);
        expect(got.y + got.height / 2).to.be.closeTo(((want.y + want.height / 2) / want.vh) * got.vh, 1.5);
      }
      // Same size and rotation as seen: the same PDF rectangle, whatever the box's origin (page 4 is A4 with a negative origin, seen sideways).
      const sideways = capture([{ signerId: 'a', page: 1, x: 100, y: 200, width: 60, height: 180 }], 1, () => geometryOf(pages[1]));
      const [back] = applyLayout(sideways, 1, () => geometryOf(pages[1]), ['a']).fields;
      near(back, { x: 100, y: 200, width: 60, height: 180 }, 1e-6);
    } finally {
      await destroy();
    }
  });
});

describe('layout signer slots and roles', () => {
  const me: Person = { email: 'expert@cabinet.fr', firstName: 'Paul', lastName: 'Durand', phone: '+33698765432' };
  const contacts: Person[] = [{ email: 'client@example.fr', firstName: 'Marie', lastName: 'Dupont', phone: '+33612345678' }];

  it('resolves `me`, a role completed from the contacts list or search, and nothing for an unknown role', async () => {
    const roles = { Client: { email: 'client@example.fr' }, Moi: 'me' as const, Autre: { email: 'x@example.fr', firstName: 'X' } };
    expect(await resolveRole(roles, 'Moi', { me })).to.deep.equal(me);
    expect(await resolveRole(roles, 'Moi', {})).to.equal(undefined);
    expect(await resolveRole(roles, 'Client', { contacts })).to.deep.equal(contacts[0]);
    const queries: string[] = [];
    const search = (q: string) => {
      queries.push(q);
      return Promise.resolve(contacts);
    };
    expect(await resolveRole(roles, 'Client', { contacts: search })).to.deep.equal(contacts[0]);
    expect(queries).to.deep.equal(['client@example.fr']);
    expect(await resolveRole(roles, 'Autre', { contacts: () => Promise.reject(new Error('down')) })).to.deep.equal({ email: 'x@example.fr', firstName: 'X', lastName: '' });
    expect(await resolveRole(roles, 'Inconnu', { me })).to.equal(undefined);
    expect(await resolveRole(roles, undefined, { me })).to.equal(undefined);
    expect(await resolveRole(roles, 'toString', { me })).to.equal(undefined); // not an own role
  });

  it('fills slots: a signer already there by e-mail, a new one for a person, free signers then empty rows for the rest', () => {
    let n = 0;
    const newId = () => `new${++n}`;
    const existing: Signer[] = [
      { id: 'h1', email: 'EXPERT@cabinet.fr', firstName: 'Paul', lastName: 'Durand', phone: '' },
      { id: 'h2', email: 'free@example.fr', firstName: 'F', lastName: 'R', phone: '' },
    ];
    const plan = planSigners([{ person: contacts[0] }, { person: me }, {}, {}], existing, newId);
    expect(plan.slotIds).to.deep.equal(['new1', 'h1', 'h2', 'new2']);
    expect(plan.signers.map((s) => [s.id, s.email])).to.deep.equal([
      ['h1', 'EXPERT@cabinet.fr'],
      ['h2', 'free@example.fr'],
      ['new1', 'client@example.fr'],
      ['new2', ''],
    ]);
    expect(plan.signers[2]).to.include({ firstName: 'Marie', lastName: 'Dupont', phone: '+33612345678' });
  });
});

describe('layout format and the localStorage store', () => {
  const layout = (): Layout => capture([sig(1), ini(1), ini(2), { signerId: 'b', page: 2, x: 40, y: 700, width: 180, height: 40, kind: 'mention', text: 'Bon pour accord' }], 2);

  it('a layout survives JSON, and anything else is refused', () => {
    const good = layout();
    expect(parseLayout(JSON.parse(JSON.stringify(good)))).to.deep.equal(good);
    const bad: unknown[] = [
      null,
      [],
      'x',
      { ...good, v: 2 },
      { ...good, pageCount: 0 },
      { ...good, signers: [{ role: 3 }] },
      { ...good, fields: [{ ...good.fields[0], signer: 5 }] },
      { ...good, fields: [{ ...good.fields[0], kind: 'stamp' }] },
      { ...good, fields: [{ ...good.fields[0], x: 1.5 }] },
      { ...good, fields: [{ ...good.fields[0], width: 0 }] },
      { ...good, fields: [{ ...good.fields[0], page: { from: 'middle', index: 1 } }] },
      { ...good, fields: [{ ...good.fields[0], page: { every: 'other' } }] },
      { ...good, fields: [{ ...good.fields[0], text: 4 }] },
    ];
    for (const value of bad) expect(parseLayout(value), JSON.stringify(value)?.slice(0, 80)).to.equal(undefined);
  });

  function mapStorage(): LayoutStorage & { map: Map<string, string> } {
    const map = new Map<string, string>();
    return { map, getItem: (k) => map.get(k) ?? null, setItem: (k, v) => void map.set(k, v) };
  }

  it('keeps one entry per key under its own prefix, and gives it back checked', () => {
    const storage = mapStorage();
    const store = new LocalLayoutStore(storage);
    const l = layout();
    store.set('lettre-de-mission', l);
    expect([...storage.map.keys()]).to.deep.equal([`${LAYOUT_PREFIX}lettre-de-mission`]);
    expect(LAYOUT_PREFIX).to.equal('jse-sign-request:layout:');
    expect(store.get('lettre-de-mission')).to.deep.equal(l);
    expect(store.get('mandat-sepa')).to.equal(undefined);
    // A value edited by hand, of another version or not JSON is as if none was kept.
    storage.map.set(`${LAYOUT_PREFIX}a`, '{not json');
    storage.map.set(`${LAYOUT_PREFIX}b`, JSON.stringify({ ...l, v: 0 }));
    expect(store.get('a')).to.equal(undefined);
    expect(store.get('b')).to.equal(undefined);
  });

  it('a storage that refuses costs the layout, never an exception', () => {
    const refusing: LayoutStorage = {
      getItem: () => {
        throw new DOMException('denied', 'SecurityError');
      },
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
    };
    const store = new LocalLayoutStore(refusing);
    expect(() => store.set('k', layout())).not.to.throw();
    expect(store.get('k')).to.equal(undefined);
    expect(new LocalLayoutStore(undefined).get('k')).to.equal(undefined);
  });

  it('uses the real localStorage by default', () => {
    const key = `test-${Date.now()}`;
    try {
      new LocalLayoutStore().set(key, layout());
      expect(parseLayout(JSON.parse(localStorage.getItem(LAYOUT_PREFIX + key)!))).to.deep.equal(layout());
    } finally {
      localStorage.removeItem(LAYOUT_PREFIX + key);
    }
  });
});
