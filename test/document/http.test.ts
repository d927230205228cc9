import { expect } from '@open-wc/testing';
import { contentLength, filenameFromDisposition, totalFromContentRange, versionOf } from '../../src/document/http.js';

const headers = (init: Record<string, string>) => new Headers(init);

describe('HTTP header reading (pure)', () => {
  it('reads the total size from Content-Range', () => {
    expect(totalFromContentRange('bytes 0-0/11000000')).to.equal(11_000_000);
    expect(totalFromContentRange('bytes */4096')).to.equal(4096);
    expect(totalFromContentRange('bytes 0-0/*')).to.equal(undefined);
    expect(totalFromContentRange(null)).to.equal(undefined);
  });

  it('trusts Content-Length only for an uncompressed body', () => {
    expect(contentLength(headers({ 'Content-Length': '1234' }))).to.equal(1234);
    expect(contentLength(headers({ 'Content-Length': '1234', 'Content-Encoding': 'gzip' }))).to.equal(undefined);
    expect(contentLength(headers({ 'Content-Length': '1234', 'Content-Encoding': 'identity' }))).to.equal(1234);
    expect(contentLength(headers({}))).to.equal(undefined);
  });

  it('keeps the ETag, else Last-Modified, as the version', () => {
    expect(versionOf(headers({ ETag: '"v1"', 'Last-Modified': 'Wed, 21 Oct 2026 07:28:00 GMT' }))).to.equal('"v1"');
    expect(versionOf(headers({ 'Last-Modified': 'Wed, 21 Oct 2026 07:28:00 GMT' }))).to.equal('Wed, 21 Oct 2026 07:28:00 GMT');
    expect(versionOf(headers({}))).to.equal(undefined);
  });

  it('reads the file name of Content-Disposition, filename* first, never a path', () => {
    expect(filenameFromDisposition('attachment; filename="lettre de mission.pdf"')).to.equal('lettre de mission.pdf');
    expect(filenameFromDisposition("attachment; filename=\"a.pdf\"; filename*=UTF-8''bilan%202026%20%C3%A9t%C3%A9.pdf")).to.equal(
      'bilan 2026 été.pdf',
    );
    expect(filenameFromDisposition('inline; filename=devis.pdf')).to.equal('devis.pdf');
    expect(filenameFromDisposition('attachment; filename="..\\\\..\\\\etc/passwd"')).to.equal('passwd');
    expect(filenameFromDisposition('attachment')).to.equal(undefined);
    expect(filenameFromDisposition(null)).to.equal(undefined);
  });
});
