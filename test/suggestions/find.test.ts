/**
 * The pure finder of suggestions (src/suggestions/find.ts) and the board (board.ts): what each
 * source gives, where, of which kind, and that nothing reaches the draft until accepted.
 */
import { expect } from '@open-wc/testing';
import { ASCENT, DESCENT, GAP, findSuggestions, normalize, textLines, type TextItemLike } from '../../src/suggestions/find.js';
import { SuggestionBoard } from '../../src/suggestions/board.js';
import { Draft } from '../../src/draft/draft.js';
import { DraftHistory } from '../../src/draft/history.js';
import type { PageGeometry } from '../../src/document/geometry.js';

const A4: PageGeometry = { view: [0, 0, 595, 842], rotation: 0 };
/** An item as pdf.js gives it: Helvetica-ish advance of 0.5 em per character. */
function item(str: string, x: number, y: number, size = 12, dir: 0 | 90 | 270 = 0): TextItemLike {
  const c = Math.round(Math.cos((dir * Math.PI) / 180));
  const s = Math.round(Math.sin((dir * Math.PI) / 180));
  return { str, transform: [size * c, size * s, -size * s, size * c, x, y], width: str.length * size * 0.5, height: size };
}
const find = (items: TextItemLike[], page: PageGeometry = A4, annotations: object[] = []) => findSuggestions({ page: 1, geometry: page, items, annotations });

describe('suggestions: finding them in a page', () => {
  it('« Signature du client » on its own line: a signature below the words', () => {
    const [s, ...rest] = find([item('Signature du client :', 60, 200)]);
    expect(rest).to.have.length(0);
    expect(s).to.deep.include({ kind: 'signature', source: 'phrase', anchor: 'Signature du client' });
    expect(s.rect).to.deep.equal({ x: 60, y: 200 - DESCENT * 12 - GAP - 60, width: 180, height: 60 });
  });

  it('a « Signatures » heading is a section title, not a label', () => {
    expect(find([item('Signatures', 60, 700, 16)])).to.deep.equal([]);
  });

  it('the same word in a sentence is not an anchor', () => {
    expect(find([item('La signature électronique du présent contrat vaut signature manuscrite.', 60, 200)])).to.deep.equal([]);
    expect(find([item('Date de la mission : voir annexe 2 pour le calendrier complet des travaux', 60, 200)])).to.deep.equal([]);
  });

  it('each phrase gets its kind; mentions keep their words', () => {
    const cases: [string, string, string?][] = [
      ['Signature', 'signature'],
      ['Le client', 'signature'],
      ['L’expert-comptable', 'signature'],
      ['Pour le cabinet', 'signature'],
      ['Lu et approuvé', 'mention', 'Lu et approuvé'],
      ['Bon pour accord', 'mention', 'Bon pour accord'],
      ['(signature précédée de la mention « Lu et approuvé »)', 'mention', 'Lu et approuvé'],
      ['Fait à Paris, le', 'date'],
      ['Fait à ____________ le ____________', 'date'],
      ['Date :', 'date'],
      ['Paraphe :', 'initials'],
      ['Initiales', 'initials'],
    ];
    for (const [words, kind, text] of cases) {
      const found = find([item(words, 60, 300)]);
      expect(found, words).to.have.length(1);
      expect(found[0].kind, words).to.equal(kind);
      if (text) expect(found[0].text, words).to.equal(text);
    }
  });

  it('« Fait à … le » and « Paraphe » put their field after the words, centred on the line', () => {
    const [date] = find([item('Fait à Lyon, le', 100, 400, 10)]);
    const end = 100 + 'Fait à Lyon, le'.length * 5;
    const mid = 400 + ((ASCENT - DESCENT) * 10) / 2;
    expect(date.rect).to.deep.equal({ x: end + GAP, y: mid - 10, width: 100, height: 20 });
    const [p] = find([item('Paraphe :', 100, 50, 10)]);
    expect(p.rect.x).to.be.closeTo(100 + 'Paraphe :'.length * 5 + GAP, 1e-9);
    expect(p.rect).to.include({ width: 60, height: 30 });
  });

  it('two signature columns on one baseline stay two anchors', () => {
    const found = find([item('Le client', 60, 200), item('L’expert-comptable', 330, 200)]);
    expect(found.map((s) => [s.kind, s.rect.x])).to.deep.equal([
      ['signature', 60],
      ['signature', 330],
    ]);
  });

  it('words split into several items are joined into one line', () => {
    const items = [item('Lu', 60, 200), item('et', 60 + 12 + 3, 200), item('approuvé', 60 + 24 + 6, 200)];
    expect(textLines(items).map((l) => l.text)).to.deep.equal(['Lu et approuvé']);
    expect(find(items)[0]).to.include({ kind: 'mention', text: 'Lu et approuvé' });
  });

  it('Yousign tags: signer, kind and size from the tag, top-left at the tag', () => {
    const found = find([item('Pour le client :', 60, 500, 10), item('{{s2|signature|150|50}}', 150, 500, 10), item('{{s1|initials|40|20}}', 500, 40, 8), item('{{s1|checkbox|10|10}}', 60, 40)]);
    expect(found).to.have.length(2);
    const [sig, ini] = found;
    const start = 150;
    expect(sig).to.deep.include({ kind: 'signature', source: 'tag', signer: 2, anchor: '{{s2|signature|150|50}}' });
    expect(sig.rect).to.deep.equal({ x: start, y: 500 + ASCENT * 10 - 50, width: 150, height: 50 });
    expect(ini).to.deep.include({ kind: 'initials', signer: 1 });
  });

  it('DocuSeal tags: type and role (signers numbered by role)', () => {
    const found = find([item('{{Signature client;role=Client;type=signature}}', 60, 500), item('{{Visa;role=Cabinet;type=initials}}', 60, 300), item('{{Date;role=Client;type=date}}', 60, 200)]);
    expect(found.map((s) => [s.kind, s.signer])).to.deep.equal([
      ['signature', 1],
      ['initials', 2],
      ['date', 1],
    ]);
  });

  it('empty AcroForm signature fields, over their own rectangle; signed, hidden and invisible ones are not offered', () => {
    const found = find([], A4, [
      { subtype: 'Widget', fieldType: 'Sig', fieldName: 'client', rect: [300, 100, 480, 160] },
      { subtype: 'Widget', fieldType: 'Tx', fieldName: 'nom', rect: [300, 200, 480, 220] },
      { subtype: 'Widget', fieldType: 'Sig', fieldName: 'signé', fieldValue: 'x', rect: [60, 100, 200, 160] },
      { subtype: 'Widget', fieldType: 'Sig', fieldName: 'invisible', rect: [0, 0, 0, 0] },
      { subtype: 'Widget', fieldType: 'Sig', fieldName: 'caché', hidden: true, rect: [60, 300, 200, 360] },
    ]);
    expect(found).to.have.length(1);
    expect(found[0]).to.deep.include({ kind: 'signature', source: 'widget', anchor: 'client', rect: { x: 300, y: 100, width: 180, height: 60 } });
    const signed = findSuggestions({ page: 1, geometry: A4, items: [], signed: true, annotations: [{ subtype: 'Widget', fieldType: 'Sig', hasAppearance: true, rect: [300, 100, 480, 160] }] });
    expect(signed).to.deep.equal([]);
  });

  it('a phrase over a form field or a tag is left to them', () => {
    const found = find([item('Signature', 300, 170)], A4, [{ subtype: 'Widget', fieldType: 'Sig', fieldName: 'client', rect: [300, 100, 480, 160] }]);
    expect(found.map((s) => s.source)).to.deep.equal(['widget']);
  });

  it('text drawn sideways gets its field along it, below as read', () => {
    // Text going up the page (90°): "below" as read is +x in user space.
    const [s] = find([item('Signature', 100, 300, 12, 90)], { view: [0, 0, 595, 842], rotation: 270 });
    expect(s.rect).to.deep.equal({ x: 100 + DESCENT * 12 + GAP, y: 300, width: 60, height: 180 });
  });

  it('stays inside the page, on an offset box too', () => {
    const box: PageGeometry = { view: [50, 100, 650, 800], rotation: 0 };
    const [s] = find([item('Signature', 560, 130)], box);
    expect(s.rect.x + s.rect.width).to.be.at.most(650);
    expect(s.rect.y).to.be.at.least(100);
  });

  it('normalises accents, case, apostrophes and spaces', () => {
    expect(normalize('  L’EXPERT-Comptable\u202f')).to.equal("l'expert-comptable");
  });
});

describe('suggestions: the board', () => {
  function setup() {
    const draft = new Draft();
    const history = new DraftHistory(draft);
    const board = new SuggestionBoard(draft);
    board.setPage(1, find([item('Signature du client', 60, 300), item('Lu et approuvé', 330, 300), item('{{s2|date|100|20}}', 60, 100)]));
    return { draft, history, board };
  }

  it('nothing is in the draft until a suggestion is taken', () => {
    const { draft, board } = setup();
    expect(board.offered).to.have.length(3);
    expect(draft.fields).to.deep.equal([]);
    expect(draft.signers).to.deep.equal([]);
  });

  it('accepting one adds its field for the current signer; it is then no longer offered; undo brings it back', () => {
    const { draft, history, board } = setup();
    const a = draft.addSigner({ email: 'a@example.fr' });
    const b = draft.addSigner({ email: 'b@example.fr' });
    draft.setActiveSigner(a.id);
    history.clear();
    const mention = board.offered.find((s) => s.kind === 'mention')!;
    const key = board.accept(mention.id)!;
    history.flush();
    expect(draft.field(key)).to.deep.include({ signerId: a.id, kind: 'mention', text: 'Lu et approuvé', page: 1, ...mention.rect });
    expect(board.offered.map((s) => s.id)).to.not.include(mention.id);
    // A tag naming the second signer goes to them.
    const tag = board.offered.find((s) => s.source === 'tag')!;
    expect(draft.field(board.accept(tag.id)!)!.signerId).to.equal(b.id);
    history.flush();
    history.undo();
    expect(draft.fields.map((f) => f.kind)).to.deep.equal(['mention']);
    history.undo();
    expect(draft.fields).to.deep.equal([]);
    expect(board.offered).to.have.length(3);
  });

  it('accept all is one step; dismissed ones are not offered again; without signers one row is added', () => {
    const { draft, history, board } = setup();
    board.dismiss(board.offered.find((s) => s.kind === 'date')!.id);
    const keys = board.acceptAll();
    expect(keys).to.have.length(2);
    expect(draft.signers).to.have.length(1);
    expect(draft.fields.map((f) => f.kind)).to.deep.equal(['signature', 'mention']);
    expect(board.offered).to.deep.equal([]);
    expect(history.undo()?.kind).to.equal('fieldsAdded');
    expect(draft.fields).to.deep.equal([]);
    expect(board.offered).to.have.length(2);
  });

  it('a locked draft takes nothing', () => {
    const { draft, board } = setup();
    draft.setReadOnly(true);
    expect(board.acceptAll()).to.deep.equal([]);
    expect(board.accept(board.offered[0].id)).to.equal(undefined);
  });
});
