/**
 * Suggestions from the document through the real element and pdf.js (SPEC §10): each kind of
 * source (a form field, Yousign and DocuSeal tags, each phrase) lands on its rectangle (checked
 * against pdf.js's own viewport, ≤ 1.5 pt) with its kind, on upright, rotated and offset-box
 * pages; ghosts are accepted by click, by Enter or all at once, dismissed by Escape; nothing is in
 * the draft until one is taken; undo takes it back.
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { openPdf, type PDFDocumentProxy } from '../../src/document/pdfjs.js';
import '../../src/index.js';
import type { DocumentViewer } from '../../src/viewer/document-viewer.js';
import { serve } from '../helpers/documents.js';
import { deepActiveElement, useInstalledPdfJs } from '../helpers/element.js';
import { until } from '../helpers/wait.js';
import { frame, mount, pageBox } from '../viewer/helpers.js';
import { suggestionsPdf, type Expected } from './documents.js';

function layer(viewer: DocumentViewer, n: number): ShadowRoot {
  return pageBox(viewer, n).querySelector('jse-placement-layer')!.shadowRoot!;
}
function ghosts(viewer: DocumentViewer, n: number): HTMLElement[] {
  const box = viewer.shadowRoot!.querySelector(`[data-page="${n}"] jse-placement-layer`);
  return box?.shadowRoot ? [...box.shadowRoot.querySelectorAll<HTMLElement>('.ghost')] : [];
}

describe('suggestions from the document, in the element', function () {
  this.timeout(60000);
  let bytes: Uint8Array;
  let expected: Expected[];
  let pdf: PDFDocumentProxy;

  before(async () => {
    useInstalledPdfJs();
    const made = await suggestionsPdf();
    expected = made.expected;
    bytes = made.bytes;
    pdf = await (await openPdf({ data: made.bytes.slice() })).promise;
  });
  after(() => void pdf.loadingTask.destroy());
  afterEach(() => {
    for (const el of document.querySelectorAll('jse-sign-request')) el.remove();
  });

  /** Ghosts of page `n`, once its text is read (scrolled to when it is not the first or the last). */
  async function ghostsOn(viewer: DocumentViewer, n: number, count: number): Promise<HTMLElement[]> {
    if (n !== 1) await viewer.scrollToPage(n);
    await viewer.whenIdle();
    return until(() => ghosts(viewer, n).length === count && ghosts(viewer, n), `${count} ghosts on page ${n} (${ghosts(viewer, n).length})`);
  }

  it('each source lands on its rectangle (vs pdf.js, ≤ 1.5 pt) with its kind, upright, rotated and offset; nothing is placed', async () => {
    // A URL of its own: a draft of another test does not come back from the session.
      const { el, viewer } = await mount(await serve(bytes, 'lettre-de-mission.pdf'), { width: 1000, height: 700 });
    for (const n of [1, 2, 3, 4, 5]) {
      const want = expected.filter((e) => e.page === n);
      const shown = await ghostsOn(viewer, n, want.length);
      const page = await pdf.getPage(n);
      const viewport = page.getViewport({ scale: viewer.scale });
      const box = pageBox(viewer, n).getBoundingClientRect();
      for (const e of want) {
        const [ax, ay] = viewport.convertToViewportPoint(e.rect.x, e.rect.y) as [number, number];
        const [bx, by] = viewport.convertToViewportPoint(e.rect.x + e.rect.width, e.rect.y + e.rect.height) as [number, number];
        const target = { left: Math.min(ax, bx), top: Math.min(ay, by), right: Math.max(ax, bx), bottom: Math.max(ay, by) };
        const errors = shown
          .filter((g) => g.dataset.kind === e.kind && (!e.source || g.dataset.suggestion!.includes(`:${e.source}:`)))
          .map((g) => {
            const r = g.getBoundingClientRect();
            const d = [r.left - box.left - target.left, r.top - box.top - target.top, r.right - box.left - target.right, r.bottom - box.top - target.bottom];
            return Math.max(...d.map(Math.abs)) / viewer.scale;
          });
        expect(Math.min(...errors), `page ${n} ${e.kind}: error in pt`).to.be.at.most(1.5);
      }
    }
    // The last page was read without being the page on screen; and still nothing in the draft.
    expect(el.fields).to.deep.equal([]);
    expect(el.signers).to.deep.equal([]);
    const button = el.shadowRoot!.querySelector<HTMLButtonElement>('.accept-suggestions')!;
    expect(button.textContent.trim()).to.equal(`Accepter les suggestions (${expected.length})`);
  });

  it('click and Enter accept one for the current signer, Escape dismisses one, the toolbar accepts the rest; undo takes them back; axe clean', async () => {
    // A URL of its own: a draft of another test does not come back from the session.
    const { el, viewer } = await mount(await serve(bytes, 'lettre-de-mission.pdf'), { width: 1000, height: 700 });
    el.signers = [
      { id: 'c', email: 'client@example.fr', firstName: 'Claire', lastName: 'Client', phone: '' },
      { id: 'e', email: 'expert@example.fr', firstName: 'Éric', lastName: 'Expert', phone: '' },
    ];
    const onFirst = expected.filter((x) => x.page === 1).length; // six sources on page 1
    const shown = await ghostsOn(viewer, 1, onFirst);
    expect(el.fields, 'the draft is empty until a suggestion is taken').to.deep.equal([]);
    await expect(el).to.be.accessible();

    // The mention, by click: for the signer new fields go to (the last one, Éric, until chosen).
    const mention = shown.find((g) => g.dataset.kind === 'mention')!;
    mention.click();
    await until(() => el.fields.length === 1, 'a field from the click');
    expect(el.fields[0]).to.deep.include({ signerId: 'e', page: 1, kind: 'mention', text: 'Lu et approuvé' });
    await until(() => deepActiveElement()?.classList.contains('field'), 'the new field focused');
    expect(ghosts(viewer, 1)).to.have.length(onFirst - 1);

    // The date, by keyboard: focus it, Enter.
    const date = ghosts(viewer, 1).find((g) => g.dataset.kind === 'date')!;
    date.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => el.fields.length === 2, 'a field from Enter');
    expect(el.fields[1]).to.deep.include({ kind: 'date', page: 1 });

    // Escape on the form field's ghost dismisses it (and the focus stays on the page).
    const widget = ghosts(viewer, 1).find((g) => g.dataset.suggestion!.includes(':widget:'))!;
    widget.focus();
    await sendKeys({ press: 'Escape' });
    await until(() => ghosts(viewer, 1).length === onFirst - 3, 'the ghost dismissed');
    expect(el.fields).to.have.length(2);
    expect(layer(viewer, 1).activeElement).to.not.equal(null);

    // The rest (page 1 and the last page) at once, one undo step.
    const button = el.shadowRoot!.querySelector<HTMLButtonElement>('.accept-suggestions')!;
    const offered = Number(/\((\d+)\)/.exec(button.textContent)![1]);
    // The signature and the tags left on page 1, the initials of the last page, and those of any other page seen.
    expect(offered).to.be.at.least(3);
    button.click();
    await until(() => el.fields.length === 2 + offered, 'all accepted');
    expect(el.fields.filter((f) => f.page === 5).map((f) => f.kind)).to.deep.equal(['initials']);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.accept-suggestions')).to.equal(null);
    await frame();
    el.shadowRoot!.querySelector<HTMLButtonElement>('button.undo')!.click();
    await until(() => el.fields.length === 2, 'accept-all undone');
    await until(() => ghosts(viewer, 1).length === onFirst - 3, 'their ghosts back');
    await expect(el).to.be.accessible();
  });

  it('at a low zoom, a ghost too small for its caption hides it, a bigger one fits its caption inside', async () => {
    // A URL of its own: a draft of another test does not come back from the session.
    const { viewer } = await mount(await serve(bytes, 'lettre-de-mission.pdf'), { width: 1000, height: 700 });
    const checked = { hidden: 0, shown: 0, squeezed: 0 };
    // 50 % and 33 % (the zoom steps around 40 %): boxes of 8 to 25 px tall.
    for (const zoom of [50, 33]) {
      while (viewer.zoomPercent > zoom) await viewer.zoomOut();
      expect(viewer.zoomPercent).to.equal(zoom);
      await viewer.whenIdle();
      for (const n of [1, 2]) {
        const shown = await ghostsOn(viewer, n, expected.filter((x) => x.page === n).length);
        for (const g of shown) {
          const box = g.getBoundingClientRect();
          const caption = g.querySelector<HTMLElement>('.ghost-caption')!;
          const c = caption.getBoundingClientRect();
          const what = `page ${n} ${g.dataset.suggestion} (${box.width.toFixed(1)} × ${box.height.toFixed(1)} px)`;
          // Under 14 px tall or 26 px wide, the box holds no readable word (2 px border, 4 px padding).
          if (box.height < 14 || box.width < 26) {
            expect(getComputedStyle(caption).display, what).to.equal('none');
            checked.hidden++;
          } else {
            // Inside the dashed border, not cut at the top (the box is aligned to its bottom), readable.
            const inner = { top: box.top + g.clientTop, bottom: box.top + g.clientTop + g.clientHeight };
            expect(c.height, what).to.be.above(0);
            expect(c.top, what).to.be.at.least(inner.top - 0.5);
            expect(c.bottom, what).to.be.at.most(inner.bottom + 0.5);
            const size = parseFloat(getComputedStyle(caption).fontSize);
            expect(size, what).to.be.at.least(7);
            checked.shown++;
            if (size < 11) checked.squeezed++; // the 11 px line would have been cut at the top
          }
        }
      }
    }
    // Both cases met.
    expect(checked.hidden, 'ghosts too small').to.be.above(0);
    expect(checked.shown, 'ghosts big enough').to.be.above(0);
    expect(checked.squeezed, 'ghosts whose caption is set smaller').to.be.above(0);
  });

  it('English labels', async () => {
    document.documentElement.lang = 'en';
    try {
      // A URL of its own: a draft of another test does not come back from the session.
    const { el, viewer } = await mount(await serve(bytes, 'lettre-de-mission.pdf'), { width: 1000, height: 700 });
      const [g] = await ghostsOn(viewer, 1, expected.filter((x) => x.page === 1).length);
      // The dashed outline says "suggestion"; the caption names the kind (in English), the name says both.
      expect(g.textContent.trim()).to.be.oneOf(['Signature', 'Initials', 'Date', 'Handwritten mention', 'Text']);
      expect(g.getAttribute('aria-label')).to.match(/^Suggestion: /);
      expect(g.getAttribute('aria-label')).to.match(/Enter to accept it, Escape to dismiss it\.$/);
      expect(el.shadowRoot!.querySelector('.accept-suggestions')!.textContent.trim()).to.match(/^Accept the suggestions \(\d+\)$/);
    } finally {
      document.documentElement.lang = '';
    }
  });
});

describe('suggestions in the demo’s lettre de mission', () => {
  it('its signature page offers the date, both signatures (one from the text tag) and the mention', async () => {
    useInstalledPdfJs();
    const { lettreDeMission } = await import('../../demo/documents.js');
    const { findSuggestions } = await import('../../src/suggestions/find.js');
    const doc = await (await openPdf({ data: await lettreDeMission(2) })).promise;
    const page = await doc.getPage(2);
    const text = await page.getTextContent();
    const found = findSuggestions({
      page: 2,
      geometry: { view: page.view as [number, number, number, number], rotation: 0 },
      items: text.items.filter((i) => 'str' in i),
      annotations: await page.getAnnotations(),
    });
    expect(found.map((s) => `${s.source} ${s.kind}`)).to.deep.equal(['tag signature', 'phrase date', 'phrase signature', 'phrase mention']);
    expect(found[0]).to.include({ signer: 1 });
    await doc.loadingTask.destroy();
  });
});
