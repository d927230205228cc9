/**
 * The loader on documents the tests generate (SPEC §4, §9): sizes, sniffing, empty, damaged and
 * encrypted files, unreachable URLs, versions, names, credentials.
 */
import { expect } from '@open-wc/testing';
import { DocumentError } from '../../src/document/errors.js';
import { loadDocument, type LoadOptions } from '../../src/document/loader.js';
import { isPdfJsRequested } from '../../src/document/pdfjs.js';
import { makePdf, serve } from '../helpers/documents.js';
import { useInstalledPdfJs } from '../helpers/element.js';
import { spyOnFetch } from '../helpers/fetch-spy.js';
import { blankPdf, encryptedPdf, md5ForTest } from './crafted.js';
import { canvasImage } from './images.js';

interface Stats {
  bytes: number;
  requests: { method: string; range: string | null; status: number; bytes: number }[];
}

let keys = 0;
const countKey = () => `loader-${Date.now().toString(36)}-${++keys}`;
const stats = async (key: string): Promise<Stats> => (await fetch(`/__stats/${key}`)).json() as Promise<Stats>;

/** The error a load fails with (the test fails if it loads). */
async function failure(src: string, options: LoadOptions = {}): Promise<DocumentError> {
  try {
    const doc = await loadDocument(src, options);
    await doc.destroy();
  } catch (error) {
    expect(error).to.be.instanceOf(DocumentError);
    return error as DocumentError;
  }
  throw new Error(`${src} loaded, a failure was expected`);
}

const ascii = (s: string) => new TextEncoder().encode(s);

/** A file of `size` bytes that starts like a PDF (its body is never needed: it must be refused first). */
function bigFile(size: number): Uint8Array {
  const bytes = new Uint8Array(size).fill(0x20);
  bytes.set(ascii('%PDF-1.7\n'));
  return bytes;
}

describe('loadDocument — generated documents', function () {
  this.timeout(60000);
  before(useInstalledPdfJs);

  it('has not loaded pdf.js before the first document opens', () => {
    // This file imports the loader, not pdf.js: only opening a document may request it.
    expect(isPdfJsRequested()).to.equal(false);
  });

  it('opens a generated PDF with its pages, size, name and type', async () => {
    const bytes = await makePdf([{}, { mediaBox: [0, 0, 842, 595], rotate: 90 }]);
    const doc = await loadDocument(await serve(bytes, 'lettre de mission.pdf'));
    expect(isPdfJsRequested()).to.equal(true);
    expect(doc).to.include({ name: 'lettre de mission.pdf', size: bytes.length, type: 'pdf', mime: 'application/pdf', encrypted: false });
    expect(doc.pages.count).to.equal(2);
    // Page 2 is read on demand (SPEC §10): estimated from page 1 until then.
    expect(doc.pages.isKnown(2)).to.equal(false);
    expect(doc.pages.list[1]).to.include({ number: 2, width: doc.pages.list[0].width, rotation: 0 });
    expect(await doc.pages.get(2)).to.deep.equal({ number: 2, view: [0, 0, 842, 595], rotation: 90, width: 595, height: 842 });
    expect(doc.pages.list[1]).to.deep.equal({ number: 2, view: [0, 0, 842, 595], rotation: 90, width: 595, height: 842 });
    expect([...(await doc.bytes())]).to.deep.equal([...bytes]);
    await doc.destroy();
  });

  describe('size (limit 10,000,000 bytes by default)', () => {
    let url: string;
    before(async () => {
      url = await serve(bigFile(11_000_000), 'gros.pdf');
    });

    it('refuses an 11 MB file from HEAD, without downloading its body', async () => {
      const key = countKey();
      const error = await failure(`${url}?count=${key}`);
      expect(error.code).to.equal('document_too_large');
      expect(error.facts).to.deep.equal({ size: 11_000_000, limit: 10_000_000 });
      expect(error.message).to.contain('11000000').and.contain('10000000');
      const s = await stats(key);
      expect(s.bytes).to.equal(0);
      expect(s.requests.map((r) => r.method)).to.deep.equal(['HEAD']);
    });

    it('learns the size from a one-byte Range probe when HEAD is refused', async () => {
      const key = countKey();
      const error = await failure(`${url}?count=${key}&head=refuse`);
      expect(error.code).to.equal('document_too_large');
      expect(error.facts.size).to.equal(11_000_000);
      const s = await stats(key);
      expect(s.bytes).to.equal(1);
      expect(s.requests.map((r) => [r.method, r.range, r.status])).to.deep.equal([
        ['HEAD', null, 403],
        ['GET', 'bytes=0-0', 206],
      ]);
    });

    it('refuses from Content-Length when both HEAD and the probe are refused', async () => {
      const key = countKey();
      const spy = spyOnFetch();
      const error = await failure(`${url}?count=${key}&head=refuse&probe=refuse&rate=2000000`).finally(() => spy.restore());
      expect(error.code).to.equal('document_too_large');
      expect(error.facts.size).to.equal(11_000_000);
      const s = await stats(key);
      expect(s.requests.map((r) => [r.method, r.range, r.status])).to.deep.equal([
        ['HEAD', null, 403],
        ['GET', 'bytes=0-0', 403],
        ['GET', null, 200],
      ]);
      // Stopped at the headers: not one byte of the body read, and the body cancelled.
      const whole = spy.requests(key).at(-1)!;
      expect(whole).to.include({ method: 'GET', range: null, status: 200, read: 0, cancelled: true });
    });

    it('stops a download of unknown size as soon as it passes the limit', async () => {
      const key = countKey();
      const limit = 300_000;
      const spy = spyOnFetch();
      const error = await failure(`${url}?count=${key}&head=refuse&probe=refuse&length=none&rate=1000000`, {
        limits: { maxDocumentBytes: limit },
      }).finally(() => spy.restore());
      expect(error.code).to.equal('document_too_large');
      expect(error.facts).to.deep.equal({ limit });
      // The client read just past the limit (one network chunk at most) and cancelled the rest.
      const whole = spy.requests(key).at(-1)!;
      expect(whole).to.include({ method: 'GET', range: null, status: 200, cancelled: true, done: false });
      expect(whole.read).to.be.above(limit).and.at.most(limit + 256 * 1024);
    });

    it("uses the proxy's limit and accepts a file just under it", async () => {
      const bytes = await makePdf();
      const src = await serve(bytes, 'a.pdf');
      expect((await failure(src, { limits: { maxDocumentBytes: bytes.length - 1 } })).facts).to.deep.equal({
        size: bytes.length,
        limit: bytes.length - 1,
      });
      const doc = await loadDocument(src, { limits: { maxDocumentBytes: bytes.length } });
      expect(doc.size).to.equal(bytes.length);
      await doc.destroy();
    });
  });

  describe('type sniffing: the bytes decide, never the name or Content-Type', () => {
    it('opens a PDF named .png served as image/png', async () => {
      const doc = await loadDocument(await serve(await makePdf(), 'scan.png', 'image/png'));
      expect(doc.type).to.equal('pdf');
      expect(doc.pages.count).to.equal(1);
      await doc.destroy();
    });

    it('opens a PNG named .pdf served as application/pdf as an image', async () => {
      const doc = await loadDocument(await serve(await canvasImage(40, 30, 'image/png'), 'facture.pdf'));
      expect(doc).to.include({ type: 'image', mime: 'image/png' });
      await doc.destroy();
    });

    it('refuses a text file named .pdf with unsupported_document', async () => {
      const error = await failure(await serve('Ceci n’est pas un PDF.\n'.repeat(50), 'contrat.pdf'));
      expect(error.code).to.equal('unsupported_document');
    });

    it('refuses a GIF, and a type the proxy does not accept', async () => {
      expect((await failure(await serve('GIF89a....', 'logo.gif'))).code).to.equal('unsupported_document');
      const png = await serve(await canvasImage(20, 20, 'image/png'), 'a.png');
      expect((await failure(png, { limits: { acceptedTypes: ['application/pdf'] } })).code).to.equal('unsupported_document');
    });

    it('opens a PDF with junk before %PDF within 1024 bytes, refuses it beyond', async () => {
      const pdf = await makePdf([{ label: 'après le bruit' }]);
      const withJunk = (n: number) => {
        const bytes = new Uint8Array(n + pdf.length).fill(0x58);
        bytes.set(pdf, n);
        return bytes;
      };
      const doc = await loadDocument(await serve(withJunk(700), 'junk.pdf'));
      expect(doc.type).to.equal('pdf');
      expect(doc.pages.list[0].width).to.be.closeTo(595.28, 0.01);
      const text = await (await doc.pdf.getPage(1)).getTextContent();
      expect(text.items.map((i) => ('str' in i ? i.str : '')).join('')).to.contain('après le bruit');
      await doc.destroy();
      expect((await failure(await serve(withJunk(1100), 'junk.pdf'))).code).to.equal('unsupported_document');
    });

    it('sniffs a large PDF from its first chunk only (one Range request), then lets pdf.js read by ranges, each range once', async () => {
      // Well over pdf.js's two 64 KiB chunks.
      const bytes = await makePdf(Array.from({ length: 400 }, (_, i) => ({ label: `Page ${i + 1}` })));
      expect(bytes.length).to.be.above(2 * 65536);
      const key = countKey();
      // Paced, so the pdf.js's first plain GET is cancelled before it brings everything (it is, once it sees ranges work).
      const doc = await loadDocument(`${await serve(bytes, 'long.pdf', 'application/octet-stream')}?count=${key}&rate=1000000`);
      expect(doc.pages.count).to.equal(400);
      const s = await stats(key);
      expect(s.requests[0]).to.include({ method: 'HEAD' });
      // pdf.js's first chunk: it has it then, and does not ask for it again.
      // (The reads ahead go alongside: found by its range, not by its place.)
      expect(s.requests.find((r) => r.range === 'bytes=0-65535')).to.include({ method: 'GET', status: 206, bytes: 65536 });
      // Its last chunk (startxref, the trailer), fetched ahead while the worker starts: asked once.
      const tail = `bytes=${Math.floor((bytes.length - 1) / 65536) * 65536}-${bytes.length - 1}`;
      const ranges = s.requests.filter((r) => r.range).map((r) => r.range);
      expect(ranges).to.include(tail);
      expect(ranges.length, ranges.join(', ')).to.equal(new Set(ranges).size);
      expect(s.requests.slice(2).every((r) => r.status === 206), 'range requests only').to.equal(true);
      await doc.destroy();
    });
  });

  describe('servers without Range support', () => {
    it('downloads the file once and hands pdf.js the bytes', async () => {
      const bytes = await makePdf(Array.from({ length: 400 }, () => ({})));
      const key = countKey();
      const doc = await loadDocument(`${await serve(bytes, 'a.pdf')}?count=${key}&ranges=0`);
      expect(doc.pages.count).to.equal(400);
      const s = await stats(key);
      expect(s.requests.map((r) => [r.method, r.status])).to.deep.equal([
        ['HEAD', 200],
        ['GET', 200],
      ]);
      expect(s.bytes).to.equal(bytes.length);
      expect([...(await doc.bytes())]).to.deep.equal([...bytes]);
      await doc.destroy();
    });

    it('uses the whole body a refused HEAD’s probe brought, without asking again', async () => {
      const bytes = await makePdf(Array.from({ length: 400 }, () => ({})));
      const key = countKey();
      const doc = await loadDocument(`${await serve(bytes, 'a.pdf')}?count=${key}&ranges=0&head=refuse`);
      expect(doc.size).to.equal(bytes.length);
      const s = await stats(key);
      expect(s.requests.map((r) => [r.method, r.range, r.status])).to.deep.equal([
        ['HEAD', null, 403],
        ['GET', 'bytes=0-0', 200],
      ]);
      await doc.destroy();
    });

    it('refuses an over-limit body whose probe came back whole, from its Content-Length', async () => {
      const key = countKey();
      const spy = spyOnFetch();
      const error = await failure(`${await serve(bigFile(11_000_000), 'g.pdf')}?count=${key}&ranges=0&head=refuse&rate=2000000`).finally(() =>
        spy.restore(),
      );
      expect(error.facts).to.deep.equal({ size: 11_000_000, limit: 10_000_000 });
      // What the client asked for and read, not what a loaded machine's socket happened to carry.
      const [head, probe, ...more] = spy.requests(key);
      expect(head).to.include({ method: 'HEAD', status: 403 });
      expect(probe).to.include({ method: 'GET', range: 'bytes=0-0', status: 200, read: 0, cancelled: true });
      expect(more).to.deep.equal([]);
    });
  });

  describe('empty and damaged files', () => {
    it('reports an empty file as damaged_document', async () => {
      expect((await failure(await serve(new Uint8Array(0), 'vide.pdf'))).code).to.equal('damaged_document');
    });

    it('shows a PDF pdf.js can recover (broken xref offsets)', async () => {
      const bytes = blankPdf();
      const text = new TextDecoder('latin1').decode(bytes).replace(/0000000\d\d\d 00000 n/g, '0000000001 00000 n');
      const doc = await loadDocument(await serve(Uint8Array.from(text, (c) => c.charCodeAt(0)), 'xref.pdf'));
      expect(doc.pages.list).to.deep.equal([{ number: 1, view: [0, 0, 400, 300], rotation: 0, width: 400, height: 300 }]);
      await doc.destroy();
    });

    it('shows a PDF pdf.js can recover (xref table missing, startxref wrong)', async () => {
      const text = new TextDecoder('latin1').decode(await makePdf([{ label: 'abîmé' }, { mediaBox: [0, 0, 300, 200] }]));
      const broken = text.slice(0, text.lastIndexOf('\nxref\n')) + '\n' + text.slice(text.lastIndexOf('trailer'));
      expect(broken).not.to.contain('\nxref\n');
      const doc = await loadDocument(await serve(Uint8Array.from(broken, (c) => c.charCodeAt(0)), 'cut.pdf'));
      expect((await doc.pages.read([1, 2])).map((p) => p.view)).to.deep.equal([
        [0, 0, 595.28, 841.89],
        [0, 0, 300, 200],
      ]);
      await doc.destroy();
    });

    it('refuses a PDF pdf.js cannot open with damaged_document', async () => {
      const noise = Uint8Array.from({ length: 4000 }, (_, i) => (i * 7919 + 13) % 251);
      const bytes = new Uint8Array(9 + noise.length);
      bytes.set(ascii('%PDF-1.7\n'));
      bytes.set(noise, 9);
      expect((await failure(await serve(bytes, 'bruit.pdf'))).code).to.equal('damaged_document');
    });

    it('refuses an image that cannot be decoded with damaged_document', async () => {
      const png = await canvasImage(50, 50, 'image/png');
      expect((await failure(await serve(png.subarray(0, 40), 'cut.png'))).code).to.equal('damaged_document');
    });
  });

  describe('encrypted PDFs (crafted: RC4 40-bit, revision 2)', () => {
    it('the crafting helper computes MD5 right', () => {
      const hex = (b: Uint8Array) => [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
      expect(hex(md5ForTest(ascii('')))).to.equal('d41d8cd98f00b204e9800998ecf8427e');
      expect(hex(md5ForTest(ascii('The quick brown fox jumps over the lazy dog')))).to.equal('9e107d9d372bb6826bd81d3542a419d6');
    });

    it('refuses owner-only encryption that grants every permission (pdf.js opens it silently)', async () => {
      const src = await serve(encryptedPdf({ permissions: -4 }), 'protégé.pdf');
      expect((await failure(src)).code).to.equal('encrypted_document');
      // The same file is a valid PDF: accepted when the proxy takes encrypted files, with no prompt.
      let asked = 0;
      const doc = await loadDocument(src, { limits: { acceptsEncrypted: true }, askPassword: () => Promise.resolve(String(++asked)) });
      expect(asked).to.equal(0);
      expect(doc.encrypted).to.equal(true);
      expect(doc.pages.list[0].view).to.deep.equal([0, 0, 400, 300]);
      await doc.destroy();
    });

    it('refuses a user-password PDF up front, without asking for the password', async () => {
      let asked = false;
      const error = await failure(await serve(encryptedPdf({ userPassword: 'secret' }), 'mdp.pdf'), {
        askPassword: () => ((asked = true), Promise.resolve('secret')),
      });
      expect(error.code).to.equal('encrypted_document');
      expect(asked).to.equal(false);
    });

    it('when accepted, asks for the password, says when it is wrong, and opens with the right one', async () => {
      const bytes = encryptedPdf({ userPassword: 'secret' });
      const requests: boolean[] = [];
      const answers = ['wrong', 'secret'];
      const doc = await loadDocument(await serve(bytes, 'mdp.pdf'), {
        limits: { acceptsEncrypted: true },
        askPassword: ({ incorrect }) => (requests.push(incorrect), Promise.resolve(answers.shift())),
      });
      expect(requests).to.deep.equal([false, true]);
      expect(doc.encrypted).to.equal(true);
      expect([...(await doc.bytes())]).to.deep.equal([...bytes]); // sent as is
      await doc.destroy();
    });

    it('gives encrypted_document when the user gives up the password prompt', async () => {
      const error = await failure(await serve(encryptedPdf({ userPassword: 'secret' }), 'mdp.pdf'), {
        limits: { acceptsEncrypted: true },
        askPassword: () => Promise.resolve(undefined),
      });
      expect(error.code).to.equal('encrypted_document');
    });
  });

  describe('unreachable files: document_unavailable, retryable', () => {
    for (const status of [401, 403, 404, 500]) {
      it(`maps HTTP ${status}`, async () => {
        const error = await failure(`${await serve(blankPdf(), 'a.pdf')}?status=${status}`);
        expect(error).to.include({ code: 'document_unavailable', retryable: true, status });
      });
    }

    it('maps a missing file and a network error', async () => {
      expect((await failure('/__files/nope/absent.pdf')).code).to.equal('document_unavailable');
      const error = await failure('http://127.0.0.1:9/closed-port.pdf');
      expect(error).to.include({ code: 'document_unavailable', retryable: true });
      expect(error.status).to.equal(undefined);
    });
  });

  describe('version, name and credentials', () => {
    it('keeps the ETag, else Last-Modified, as the version', async () => {
      const src = await serve(blankPdf(), 'a.pdf');
      const withEtag = await loadDocument(`${src}?etag=%22v42%22&modified=Wed,%2021%20Oct%202026%2007:28:00%20GMT`);
      expect(withEtag.version).to.equal('"v42"');
      await withEtag.destroy();
      const withDate = await loadDocument(`${src}?modified=Wed,%2021%20Oct%202026%2007:28:00%20GMT`);
      expect(withDate.version).to.equal('Wed, 21 Oct 2026 07:28:00 GMT');
      await withDate.destroy();
      const without = await loadDocument(src);
      expect(without.version).to.equal(undefined);
      await without.destroy();
    });

    it('keeps the version when HEAD is refused', async () => {
      const src = await serve(await makePdf(Array.from({ length: 60 }, () => ({}))), 'a.pdf');
      const doc = await loadDocument(`${src}?etag=%22p1%22&head=refuse`);
      expect(doc.version).to.equal('"p1"');
      await doc.destroy();
    });

    it('names the document: the host’s name, else Content-Disposition, else the URL', async () => {
      const src = await serve(blankPdf(), 'fichier 123.pdf');
      const fromUrl = await loadDocument(src);
      expect(fromUrl.name).to.equal('fichier 123.pdf');
      await fromUrl.destroy();
      const fromHeader = await loadDocument(`${src}?disposition=Bilan.pdf`);
      expect(fromHeader.name).to.equal('Bilan.pdf');
      await fromHeader.destroy();
      const fromHost = await loadDocument(`${src}?disposition=Bilan.pdf`, { name: 'Mon contrat.pdf' });
      expect(fromHost.name).to.equal('Mon contrat.pdf');
      await fromHost.destroy();
    });

    it('sends cookies cross-origin only with withCredentials (same-origin by default)', async () => {
      // Large enough for pdf.js to fetch it itself (by ranges), after the loader's own requests.
      const src = `${await serve(await makePdf(Array.from({ length: 400 }, () => ({}))), 'c.pdf')}?rate=2000000`;
      const seen: (RequestCredentials | undefined)[] = [];
      // eslint-disable-next-line @typescript-eslint/unbound-method -- the very function is put back afterwards
      const original = window.fetch;
      window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
        if (String(input instanceof Request ? input.url : input).includes('/__files/')) {
          seen.push(init?.credentials ?? (input instanceof Request ? input.credentials : undefined));
        }
        return original(input, init);
      };
      try {
        const plain = await loadDocument(src);
        await plain.destroy();
        expect(seen.length).to.be.above(2);
        expect(new Set(seen)).to.deep.equal(new Set(['same-origin']));
        seen.length = 0;
        const withCookies = await loadDocument(src, { withCredentials: true });
        await withCookies.destroy();
        expect(seen.length).to.be.above(2);
        expect(new Set(seen)).to.deep.equal(new Set(['include']));
      } finally {
        window.fetch = original;
      }
    });
  });
});
