/**
 * « + Date » then « + Mention » (the toolbar's add button, or Enter on the page's add button) drop
 * each field at the middle of what is shown: a review in the demo found the second on top of the
 * first. The new field goes below the fields it would cover (above where the page ends), as seen,
 * on upright and rotated pages — the pure rule, then the layer.
 */
import { expect } from '@open-wc/testing';
import { normalizeRotation, rectToScreen, type PageGeometry, type Rect } from '../../src/document/geometry.js';
import { clearOfOthers } from '../../src/placement/editing.js';
import { useInstalledPdfJs } from '../helpers/element.js';
import { mountPage, settle, type Mounted } from './harness.js';

const A4: PageGeometry = { view: [0, 0, 595, 842], rotation: 0 };
const R90: PageGeometry = { view: [50, 100, 645, 942], rotation: 90 };

function overlap(page: PageGeometry, a: Rect, b: Rect): boolean {
  const [s, t] = [rectToScreen(page, a, 1), rectToScreen(page, b, 1)];
  return s.x < t.x + t.width && t.x < s.x + s.width && s.y < t.y + t.height && t.y < s.y + s.height;
}

describe('a field added at the middle is clear of the others (pure)', () => {
  it('goes below the field it would cover, as seen, 8 pt apart; untouched when nothing is there', () => {
    const date = { x: 248, y: 411, width: 100, height: 20 };
    const mention = { x: 208, y: 401, width: 180, height: 40 };
    expect(clearOfOthers(A4, mention, [])).to.deep.equal(mention);
    const moved = clearOfOthers(A4, mention, [date]);
    expect(overlap(A4, moved, date)).to.equal(false);
    // Below as seen: a smaller y in PDF space on an upright page, same x.
    expect(moved).to.deep.include({ x: 208, width: 180, height: 40 });
    expect(moved.y + moved.height).to.be.closeTo(date.y - 8, 0.01);
  });

  it('past a column of fields; above them where the page ends; on a /Rotate 90 page as seen', () => {
    const stack = [0, 1, 2].map((i) => ({ x: 200, y: 400 - i * 50, width: 180, height: 40 }));
    const moved = clearOfOthers(A4, { x: 200, y: 400, width: 180, height: 40 }, stack);
    for (const o of stack) expect(overlap(A4, moved, o)).to.equal(false);
    const low = { x: 200, y: 10, width: 180, height: 40 };
    const up = clearOfOthers(A4, { x: 200, y: 12, width: 180, height: 40 }, [low]);
    expect(overlap(A4, up, low)).to.equal(false);
    expect(up.y).to.be.greaterThan(low.y + low.height);
    const sideways = { x: 300, y: 400, width: 60, height: 180 };
    const r = clearOfOthers(R90, { x: 310, y: 420, width: 60, height: 180 }, [sideways]);
    expect(overlap(R90, r, sideways)).to.equal(false);
    expect(rectToScreen(R90, r, 1).x).to.be.closeTo(rectToScreen(R90, { x: 310, y: 420, width: 60, height: 180 }, 1).x, 0.01);
  });
});

describe('a field added at the middle is clear of the others (the layer)', function () {
  this.timeout(30000);
  before(useInstalledPdfJs);
  let m: Mounted | undefined;
  afterEach(async () => {
    await m?.destroy();
    m = undefined;
  });

  for (const rotate of [0, 90] as const) {
    it(`« + Date » then « + Mention » then « + Signature » do not overlap (/Rotate ${rotate})`, async () => {
      m = await mountPage({ rotate }, { scale: 0.68 });
      m.draft.addSigner({ id: 's1', email: 'marie@example.fr', firstName: 'Marie', lastName: 'Dupont', phone: '+33612345678' });
      for (const kind of ['date', 'mention', 'signature'] as const) {
        m.draft.setPlacingKind(kind);
        m.layer.addFieldAtCenter();
        await settle(m);
      }
      const page: PageGeometry = { view: m.page.view as [number, number, number, number], rotation: normalizeRotation(m.page.rotate) };
      const fields = m.draft.fields;
      expect(fields.map((f) => f.kind)).to.deep.equal(['date', 'mention', 'signature']);
      for (let i = 0; i < fields.length; i++) {
        for (let j = i + 1; j < fields.length; j++) expect(overlap(page, fields[i], fields[j]), `${fields[i].kind} / ${fields[j].kind}`).to.equal(false);
      }
    });
  }
});
