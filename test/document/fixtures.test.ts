/**
 * Every file of the shared real-world corpus (SPEC §9) with its outcome: pages (size as shown,
 * rotation, box), or the exact error code. The corpus folder is JSE_FIXTURES (default
 * ../shared/fixtures); when it is absent these tests are skipped, saying why, and loader.test.ts
 * and images.test.ts cover the same behaviours on generated documents.
 */
import { expect } from '@open-wc/testing';
import type { JseErrorCode } from '../../src/api/types.js';
import { DocumentError } from '../../src/document/errors.js';
import { loadDocument } from '../../src/document/loader.js';
import type { LoadedDocument } from '../../src/document/types.js';
import { fixturesPresent } from '../helpers/documents.js';
import { useInstalledPdfJs } from '../helpers/element.js';
import { averageColour, renderPage } from './render.js';

type Box = [number, number, number, number];
const LETTER: Box = [0, 0, 612, 792];
const A4_PORTRAIT: Box = [0, 0, 595.28, 841.89];
const A4_LANDSCAPE: Box = [0, 0, 841.89, 595.28];

interface Opens {
  type: 'pdf' | 'image';
  /** Each page: [view, rotation]; width/height as shown follow from them and are checked too. */
  pages: [Box, 0 | 90 | 180 | 270][];
}
interface Refused {
  error: JseErrorCode;
  /** For encrypted files: the password that opens it when the proxy accepts encrypted files ('' = no prompt). */
  password?: string;
}

const upright = (box: Box, count = 1): Opens['pages'] => Array.from({ length: count }, () => [box, 0]);

/** Expected outcome of every file, by path under the corpus folder. */
const EXPECTED: Record<string, Opens | Refused> = {
  'pdfs/rotation.pdf': { type: 'pdf', pages: [[LETTER, 0], [LETTER, 90]] },
  'pdfs/issue14415.pdf': { type: 'pdf', pages: [[LETTER, 180]] },
  'pdfs/pr20043.pdf': { type: 'pdf', pages: [[LETTER, 270]] },
  'pdfs/issue6413.pdf': { type: 'pdf', pages: [[[173, 247, 1014, 1437], 0]] },
  'pdfs/issue1350.pdf': { type: 'pdf', pages: [[[0, 0, 612, 492], 0], [[0, 482, 361, 792], 0], [[357, 490, 612, 631], 0]] },
  'pdfs/sizes.pdf': { type: 'pdf', pages: [[LETTER, 0], [[0, 0, 649, 323], 0], [[0, 0, 792, 612], 0]] },
  // The zero-area CropBox of page 3 is ignored by pdf.js, which shows the MediaBox.
  'pdfs/boundingBox_invalid.pdf': { type: 'pdf', pages: [[LETTER, 0], [[0, 0, 800, 600], 0], [[0, 0, 600, 800], 0]] },
  'pdfs/pdkids.pdf': { type: 'pdf', pages: upright(LETTER, 55) },
  'pdfs/pr6531_1.pdf': { error: 'encrypted_document', password: 'asdfasdf' },
  'pdfs/pr6531_2.pdf': { error: 'encrypted_document', password: 'asdfasdf' },
  'pdfs/issue3371.pdf': { error: 'encrypted_document', password: 'ELXRTQWS' },
  'pdfs/issue17215.pdf': { error: 'encrypted_document', password: '' },
  'pdfs/issue15590.pdf': { type: 'pdf', pages: upright(LETTER) },
  'pdfs/poppler-67295-0.pdf': { type: 'pdf', pages: upright(LETTER) },
  'pdfs/bug1020226.pdf': { error: 'damaged_document' },
  'pdfs/issue9105_other.pdf': { type: 'pdf', pages: upright(LETTER) },
  'pdfs/empty.pdf': { type: 'pdf', pages: upright(LETTER) },
  'pdfs/bug793632.pdf': { type: 'pdf', pages: upright(LETTER, 4) },
  'pdfs/bug854315.pdf': { type: 'pdf', pages: upright(LETTER) },
  'pdfs/issue17069.pdf': { error: 'encrypted_document', password: '' },
  'pdfs/issue7229.pdf': { type: 'pdf', pages: upright([0, 0, 596, 842], 2) },
  'pdfs/issue12963.pdf': { type: 'pdf', pages: upright([0, 0, 595.2, 841.44], 8) },
  'pdfs/libreoffice-writer-password.pdf': { error: 'encrypted_document', password: 'openpassword' },
  // Images become one A4 page, landscape when the image is wider than tall.
  'images/samplesignature.png': { type: 'image', pages: upright(A4_LANDSCAPE) },
  'images/photo.jpg': { type: 'image', pages: upright(A4_LANDSCAPE) },
  'images/interlaced-1bit.png': { type: 'image', pages: upright(A4_PORTRAIT) },
  'images/greyscale_bird.png': { type: 'image', pages: upright(A4_LANDSCAPE) },
};

async function indexed(folder: string): Promise<string[]> {
  const text = await (await fetch(`/__fixtures/${folder}/INDEX.tsv`)).text();
  return text
    .split('\n')
    .slice(1)
    .map((line) => line.split('\t')[0].trim())
    .filter(Boolean)
    .map((file) => `${folder}/${file}`);
}

async function expectPages(doc: LoadedDocument, pages: Opens['pages']): Promise<void> {
  expect(doc.pages.count, 'page count').to.equal(pages.length);
  // Every page read (on demand: SPEC §10).
  const read = await doc.pages.read(pages.map((_, i) => i + 1));
  pages.forEach(([view, rotation], i) => {
    const page = read[i];
    const label = `page ${i + 1}`;
    page.view.forEach((v, k) => expect(v, `${label} view`).to.be.closeTo(view[k], 0.01));
    expect(page.rotation, `${label} rotation`).to.equal(rotation);
    const [w, h] = [view[2] - view[0], view[3] - view[1]];
    const sideways = rotation === 90 || rotation === 270;
    expect(page.width, `${label} width`).to.be.closeTo(sideways ? h : w, 0.01);
    expect(page.height, `${label} height`).to.be.closeTo(sideways ? w : h, 0.01);
  });
}

describe('the real-world corpus (../shared/fixtures)', function () {
  this.timeout(60000);

  before(async function () {
    if (!(await fixturesPresent())) {
      console.warn('corpus tests skipped: no fixtures at JSE_FIXTURES (default ../shared/fixtures); generated-document tests cover the same behaviours');
      this.skip();
    }
    useInstalledPdfJs();
  });

  it('has an expected outcome for every file of both INDEX.tsv', async () => {
    const files = [...(await indexed('pdfs')), ...(await indexed('images'))];
    expect(files.length).to.be.above(20);
    expect(files.filter((f) => !(f in EXPECTED)), 'files without an expectation').to.deep.equal([]);
  });

  for (const [file, expected] of Object.entries(EXPECTED)) {
    const src = `/__fixtures/${file}`;
    if ('error' in expected) {
      it(`${file}: refused with ${expected.error}`, async () => {
        try {
          const doc = await loadDocument(src);
          await doc.destroy();
          expect.fail(`${file} opened`);
        } catch (error) {
          expect(error).to.be.instanceOf(DocumentError);
          expect((error as DocumentError).code).to.equal(expected.error);
        }
      });
      if (expected.password !== undefined) {
        const { password } = expected;
        it(`${file}: opens when the proxy accepts encrypted files${password ? ', after a wrong password' : ', with no prompt'}`, async () => {
          const asked: boolean[] = [];
          const answers = ['not-the-password', password];
          const doc = await loadDocument(src, {
            limits: { acceptsEncrypted: true },
            askPassword: ({ incorrect }) => (asked.push(incorrect), Promise.resolve(answers.shift())),
          });
          expect(asked).to.deep.equal(password ? [false, true] : []);
          expect(doc.encrypted).to.equal(true);
          expect(doc.pages.count).to.equal(1);
          await doc.destroy();
        });
      }
    } else {
      it(`${file}: ${expected.type}, ${expected.pages.length} page(s)`, async () => {
        const doc = await loadDocument(src);
        expect(doc.type).to.equal(expected.type);
        expect(doc.encrypted).to.equal(false);
        await expectPages(doc, expected.pages);
        await doc.destroy();
      });
    }
  }

  it('libreoffice-writer-password.pdf also opens with its owner password', async () => {
    const doc = await loadDocument('/__fixtures/pdfs/libreoffice-writer-password.pdf', {
      limits: { acceptsEncrypted: true },
      askPassword: () => Promise.resolve('permissionpassword'),
    });
    expect(doc.pages.count).to.equal(1);
    await doc.destroy();
  });

  for (const file of ['images/photo.jpg', 'images/greyscale_bird.png']) {
    it(`${file}: drawn centred inside the 10 mm margin`, async () => {
      const doc = await loadDocument(`/__fixtures/${file}`);
      const canvas = await renderPage(doc, 1, 1);
      const margin = (10 / 25.4) * 72;
      // Landscape: the image fills the height between the margins; the margins stay white.
      const white = averageColour(canvas, 0, 0, canvas.width, margin - 2);
      expect(Math.min(...white)).to.be.above(254);
      const centre = averageColour(canvas, canvas.width / 2 - 50, canvas.height / 2 - 50, 100, 100);
      expect(Math.min(...centre)).to.be.below(250);
      await doc.destroy();
    });
  }
});
