/**
 * A field's tools (signer, kind, words, mm, delete, duplicate, copy to all pages) open over the
 * page, whole: the viewer's scroller clips what hangs past the page's sides. A review in the demo
 * found the tools of a « Mention manuscrite » placed with « + Mention » (the page's centre, at the
 * viewer's fitted zoom) hanging past the page's left edge, the words' input cut; and those of a
 * field near the right edge, opened rightwards, past the right edge.
 */
import { expect } from '@open-wc/testing';
import type { FieldKind } from '../../src/api/types.js';
import { KIND_SIZES } from '../../src/draft/field-kinds.js';
import { useInstalledPdfJs } from '../helpers/element.js';
import { mountPage, settle, type Mounted } from './harness.js';

const marie = { id: 's1', email: 'marie@example.fr', firstName: 'Marie', lastName: 'Dupont', phone: '+33612345678' };
/** The demo's fitted zoom (51 %): an A4 page 406 px wide. */
const S = 0.68;

describe('the field tools stay over the page', function () {
  this.timeout(30000);
  before(useInstalledPdfJs);
  let m: Mounted | undefined;
  afterEach(async () => {
    await m?.destroy();
    m = undefined;
  });

  const cases: { kind: FieldKind; where: string; x: (w: number) => number }[] = [
    { kind: 'mention', where: 'at the centre', x: (w) => (595 - w) / 2 },
    { kind: 'date', where: 'at the centre', x: (w) => (595 - w) / 2 },
    { kind: 'signature', where: 'at the centre', x: (w) => (595 - w) / 2 },
    { kind: 'mention', where: 'at the left edge', x: () => 20 },
    { kind: 'mention', where: 'at the right edge', x: (w) => 575 - w },
    { kind: 'signature', where: 'left of the centre', x: () => 190 },
  ];
  for (const c of cases) {
    it(`${c.kind} ${c.where}`, async () => {
      m = await mountPage({}, { scale: S });
      m.draft.addSigner(marie);
      const { width, height } = KIND_SIZES[c.kind].default;
      m.draft.addField({ signerId: 's1', page: 1, x: c.x(width), y: 400, width, height, kind: c.kind, ...(c.kind === 'mention' ? { text: 'Lu et approuvé' } : {}) });
      await settle(m);
      m.fieldElements()[0].focus();
      await settle(m);
      const tools = m.fieldElements()[0].querySelector<HTMLElement>('.tools')!;
      const t = tools.getBoundingClientRect();
      const page = m.box.getBoundingClientRect();
      expect(t.width, 'the tools are shown').to.be.greaterThan(100);
      expect(t.left, 'left edge of the tools vs the page').to.be.at.least(page.left - 0.5);
      expect(t.right, 'right edge of the tools vs the page').to.be.at.most(page.right + 0.5);
    });
  }
});
