/**
 * Field kinds (SPEC §10, issue 15): the wire default, the draft, the payload and the sandbox's
 * checks (pure), then each kind placed and drawn by the layer on upright and rotated pages, with
 * sizes checked against pdf.js's own mapping.
 */
import { expect } from '@open-wc/testing';
import type { Field, FieldKind } from '../../src/api/types.js';
import { Draft } from '../../src/draft/draft.js';
import { FIELD_KINDS, KIND_SIZES, fieldKind, wireField } from '../../src/draft/field-kinds.js';
import { drawRect, placeDefault, resizeRect } from '../../src/placement/editing.js';
import { rectToScreen, type PageGeometry } from '../../src/document/geometry.js';
import { preparePayload, problemsOf } from '../../src/send/payload.js';
import { validateCreateBody } from '../../src/testing/validation.js';
import { nextEvent, useInstalledPdfJs } from '../helpers/element.js';
import { input, mouseDrag } from '../helpers/input.js';
import { makePdf, serve, type PageSpec } from '../helpers/documents.js';
import '../../src/index.js';
import type { JseSignRequest } from '../../src/jse-sign-request.js';
import type { DocumentViewer } from '../../src/viewer/document-viewer.js';
import { deepActiveElement, mountPage, settle, type Mounted } from './harness.js';

const marie = { id: 's1', email: 'marie@example.fr', firstName: 'Marie', lastName: 'Dupont', phone: '+33612345678' };
const A4: PageGeometry = { view: [0, 0, 595, 842], rotation: 0 };
const R270: PageGeometry = { view: [50, 100, 645, 942], rotation: 270 };

describe('field kinds (pure)', () => {
  it('a field without kind is a signature; the wire always says the kind and only the text it uses', () => {
    const old: Field = { signerId: 's1', page: 1, x: 1, y: 2, width: 180, height: 60 };
    expect(fieldKind(old)).to.equal('signature');
    expect(wireField(old)).to.deep.equal({ ...old, kind: 'signature' });
    expect(wireField({ ...old, kind: 'mention', text: 'Lu et approuvé', label: 'stray' })).to.deep.equal({ ...old, kind: 'mention', text: 'Lu et approuvé' });
    expect(wireField({ ...old, kind: 'text', label: 'Ville', text: 'stray' })).to.deep.equal({ ...old, kind: 'text', label: 'Ville' });
    expect(wireField({ ...old, kind: 'date', text: 'x' })).to.deep.equal({ ...old, kind: 'date' });
  });

  it('the draft keeps kind, text and label as given, and refuses an unknown kind', () => {
    const d = new Draft();
    d.addSigner(marie);
    const given: Field[] = [
      { signerId: 's1', page: 1, x: 1, y: 2, width: 180, height: 60 },
      { signerId: 's1', page: 1, x: 1, y: 2, width: 60, height: 30, kind: 'initials' },
      { signerId: 's1', page: 1, x: 1, y: 2, width: 180, height: 40, kind: 'mention', text: 'Bon pour accord' },
    ];
    d.setFields(given);
    expect(d.fields).to.deep.equal(given);
    expect(() => d.setFields([{ ...given[0], kind: 'stamp' as FieldKind }])).to.throw(TypeError, /kind/);
    expect(() => d.setFields([{ ...given[0], text: 3 as unknown as string }])).to.throw(TypeError, /text/);
    expect(d.placingKind).to.equal('signature');
    d.setPlacingKind('date');
    expect(d.placingKind).to.equal('date');
    d.setPlacingKind('nope' as FieldKind);
    expect(d.placingKind).to.equal('date');
  });

  it('a mention without words and a text field without label block sending, at their JSON Pointer', () => {
    const fields: Field[] = [
      { signerId: 's1', page: 1, x: 10, y: 10, width: 180, height: 40, kind: 'mention', text: '  ' },
      { signerId: 's1', page: 1, x: 10, y: 60, width: 180, height: 30, kind: 'text' },
      { signerId: 's1', page: 1, x: 10, y: 100, width: 100, height: 20, kind: 'date' },
    ];
    const problems = problemsOf({ signers: [marie], fields, message: '' }, [{ view: [0, 0, 595, 842], rotation: 0 }], 'fr');
    expect(problems.map((p) => [p.path, p.code])).to.deep.equal([
      ['/fields/0/text', 'required'],
      ['/fields/1/label', 'required'],
    ]);
    expect(problems[0].message).to.contain('\u202f:');
    const en = problemsOf({ signers: [marie], fields, message: '' }, undefined, 'en');
    expect(en[1].message).to.equal('A text field on page 1 has no label: say what the signer must type.');
  });

  it('the payload carries each kind; the sandbox accepts old payloads and refuses a bad kind or a mention without text', () => {
    const fields: Field[] = FIELD_KINDS.map((kind, i) => ({
      signerId: 's1',
      page: 1,
      x: 10,
      y: 10 + i * 70,
      width: 180,
      height: 60,
      kind,
      ...(kind === 'mention' ? { text: 'Lu et approuvé' } : {}),
      ...(kind === 'text' ? { label: 'Ville' } : {}),
    }));
    const { payload } = preparePayload({ signers: [marie], fields, message: '' }, { name: 'a.pdf', type: 'pdf' }, 'ged', 'fr');
    expect(payload.fields.map((f) => f.kind)).to.deep.equal(['signature', 'initials', 'date', 'mention', 'text']);
    const pages = [A4];
    expect(validateCreateBody({ signers: [marie], fields: payload.fields, locale: 'fr' }, pages)).to.deep.equal([]);
    const old = { signerId: 's1', page: 1, x: 10, y: 10, width: 180, height: 60 };
    expect(validateCreateBody({ signers: [marie], fields: [old] }, pages)).to.deep.equal([]);
    const bad = validateCreateBody({ signers: [marie], fields: [{ ...old, kind: 'stamp' }, { ...old, kind: 'mention' }] }, pages);
    expect(bad.map((p) => [p.path, p.code])).to.deep.equal([
      ['/fields/0', 'required'],
      ['/fields/1/text', 'required'],
    ]);
  });

  it('each kind drops its default size and stops at its minimum, as seen, on a /Rotate 270 page too', () => {
    for (const kind of FIELD_KINDS) {
      const { default: def, min } = KIND_SIZES[kind];
      for (const page of [A4, R270]) {
        const placed = rectToScreen(page, placeDefault(page, { x: 300, y: 300 }, 1, kind), 1);
        expect([placed.width, placed.height], `${kind} default`).to.deep.equal([def.width, def.height]);
        const drawn = rectToScreen(page, drawRect(page, { x: 100, y: 100 }, { x: 101, y: 101 }, 1, kind), 1);
        expect([drawn.width, drawn.height], `${kind} min`).to.deep.equal([min.width, min.height]);
        const shrunk = rectToScreen(page, resizeRect(page, placeDefault(page, { x: 300, y: 300 }, 1, kind), 'se', { x: -500, y: -500 }, 1, kind), 1);
        expect([shrunk.width, shrunk.height], `${kind} resize min`).to.deep.equal([min.width, min.height]);
      }
    }
    expect(KIND_SIZES.initials.default).to.deep.equal({ width: 60, height: 30 });
    expect(KIND_SIZES.date.default).to.deep.equal({ width: 100, height: 20 });
    expect(KIND_SIZES.mention.default).to.deep.equal({ width: 180, height: 40 });
  });
});

const PAGES: [string, PageSpec][] = [
  ['an upright page', {}],
  ['a /Rotate 90 page whose box starts at (50, 100)', { mediaBox: [50, 100, 645, 942], rotate: 90 }],
  ['a /Rotate 270 page', { rotate: 270 }],
];
const S = 0.6;

describe('field kinds in <jse-placement-layer>', () => {
  before(useInstalledPdfJs);
  let m: Mounted;
  afterEach(async () => {
    await m?.destroy();
  });

  for (const [name, spec] of PAGES) {
    it(`a click drops the chosen kind at its default size as seen, where pdf.js puts it (${name})`, async () => {
      m = await mountPage(spec, { scale: S });
      m.draft.addSigner(marie);
      const centres: Record<FieldKind, [number, number]> = {
        signature: [150, 60],
        initials: [300, 60],
        date: [150, 160],
        mention: [150, 230],
        text: [150, 300],
      };
      for (const kind of FIELD_KINDS) {
        m.draft.setPlacingKind(kind);
        const [cx, cy] = centres[kind];
        const at = m.client(cx, cy);
        // The field placed before, in focus, has its tools open below it over the page: leave it first.
        (deepActiveElement() as HTMLElement | null)?.blur();
        await settle(m);
        await input({ type: 'mouse', action: 'down', ...at }, { type: 'mouse', action: 'up', ...at });
        await settle(m);
      }
      expect(m.draft.fields.map((f) => f.kind)).to.deep.equal([...FIELD_KINDS]);
      for (const f of m.draft.fields) {
        const kind = f.kind!;
        const [cx, cy] = centres[kind];
        const { width, height } = KIND_SIZES[kind].default;
        const expected = m.pdfRect({ x: cx - (width * S) / 2, y: cy - (height * S) / 2, width: width * S, height: height * S });
        for (const k of ['x', 'y', 'width', 'height'] as const) expect(f[k], `${kind}.${k}`).to.be.closeTo(expected[k], 0.05);
      }
      expect(m.draft.fields[3].text).to.equal('Lu et approuvé');
      expect(m.draft.fields[4].label).to.equal('Texte libre');
      // Each kind drawn its own way, in the signer's colour, with its caption.
      const els = m.fieldElements();
      expect(els.map((e) => e.dataset['kind'])).to.deep.equal([...FIELD_KINDS]);
      const captions = els.map((e) => e.querySelector('.caption')!.textContent.trim());
      expect(captions).to.deep.equal(['Signature', 'Paraphe', 'Date (jj/mm/aaaa)', 'Mention «\u202fLu et approuvé\u202f»', 'Texte\u202f: Texte libre']);
      const colours = new Set(els.map((e) => getComputedStyle(e).borderBottomColor));
      expect(colours.size).to.equal(1);
      const styles = new Set(els.map((e) => `${getComputedStyle(e).borderTopStyle}/${getComputedStyle(e).borderTopWidth}`));
      expect(styles.size, 'borders differ by kind').to.be.greaterThan(2);
      expect(els[1].getAttribute('aria-label')).to.equal('Paraphe de Marie Dupont, page 1');
    });
  }

  it('a drag draws initials no smaller than their minimum', async () => {
    m = await mountPage({}, { scale: S });
    m.draft.setPlacingKind('initials');
    await mouseDrag(m.client(100, 100), m.client(106, 105), 3);
    await settle(m);
    const r = m.fieldElements()[0].getBoundingClientRect();
    expect(r.width / S).to.be.closeTo(KIND_SIZES.initials.min.width, 0.5);
    expect(r.height / S).to.be.closeTo(KIND_SIZES.initials.min.height, 0.5);
  });

  it('the field tools change the kind and the words by keyboard; axe finds nothing', async () => {
    m = await mountPage({ rotate: 90 }, { scale: S });
    m.draft.addSigner(marie);
    const key = m.draft.addField({ signerId: 's1', page: 1, x: 100, y: 100, width: 60, height: 180 });
    await settle(m);
    const el = m.fieldElements()[0];
    el.focus();
    await settle(m);
    await input({ type: 'key', action: 'press', key: 'Tab' }, { type: 'key', action: 'press', key: 'Tab' });
    const select = deepActiveElement() as HTMLSelectElement;
    expect(select.classList.contains('kind')).to.equal(true);
    // Choosing "Mention manuscrite" by keyboard: arrows on a focused closed select change its value.
    for (let i = 0; i < 3; i++) await input({ type: 'key', action: 'press', key: 'ArrowDown' });
    await settle(m);
    expect(m.draft.field(key)!.kind).to.equal('mention');
    expect(m.draft.field(key)!.text).to.equal('Lu et approuvé');
    await input({ type: 'key', action: 'press', key: 'Tab' });
    const words = deepActiveElement() as HTMLInputElement;
    expect(words.classList.contains('words')).to.equal(true);
    words.select();
    for (const ch of 'Bon pour accord') await input({ type: 'key', action: 'press', key: ch === ' ' ? 'Space' : ch });
    await input({ type: 'key', action: 'press', key: 'Tab' });
    await settle(m);
    expect(m.draft.field(key)).to.include({ kind: 'mention', text: 'Bon pour accord' });
    expect(m.draft.fields).to.have.length(1); // typing did not delete the field
    m.fieldElements()[0].focus();
    await settle(m);
    await expect(m.layer).to.be.accessible();
  });
});

describe('the kind picker in the toolbar of <jse-sign-request>', () => {
  before(useInstalledPdfJs);
  let el: JseSignRequest | undefined;
  afterEach(() => el?.remove());

  it('chosen by keyboard, "+ Paraphe" then places initials on the current page; axe finds nothing', async () => {
    const url = await serve(await makePdf([{ rotate: 90 }, {}]), 'kinds.pdf');
    el = document.createElement('jse-sign-request');
    el.style.cssText = 'position:fixed;left:0;top:0;width:1000px;height:650px';
    const ready = nextEvent(el, 'jse-ready', 30000);
    el.src = url;
    document.body.append(el);
    await ready;
    const viewer = el.shadowRoot!.querySelector('jse-document-viewer') as DocumentViewer;
    await viewer.whenIdle();
    el.signers = [marie];
    await el.updateComplete;
    const picker = el.shadowRoot!.querySelector<HTMLSelectElement>('select.field-kind')!;
    expect(picker.getAttribute('aria-label')).to.equal('Type de champ à placer');
    picker.focus();
    await input({ type: 'key', action: 'press', key: 'ArrowDown' });
    await el.updateComplete;
    const add = el.shadowRoot!.querySelector<HTMLButtonElement>('button.add-field')!;
    expect(add.textContent.trim()).to.equal('+ Paraphe');
    expect(add.getAttribute('aria-label')).to.equal('Ajouter un champ «\u202fParaphe\u202f» sur la page 1');
    add.focus();
    await input({ type: 'key', action: 'press', key: 'Enter' });
    await el.updateComplete;
    const [field] = el.fields;
    expect(field).to.include({ kind: 'initials', page: 1, signerId: 's1' });
    // Page 1 is /Rotate 90: 60 × 30 as seen is 30 × 60 in the PDF.
    expect([field.width, field.height]).to.deep.equal([30, 60]);
    await expect(el).to.be.accessible();
  });
});
