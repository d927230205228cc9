import { expect } from '@open-wc/testing';
import { PDF_HEADER_WINDOW, pdfHeaderOffset, sniffType } from '../../src/document/sniff.js';
import { concat } from '../helpers/bytes.js';

const ascii = (s: string) => new TextEncoder().encode(s);

describe('sniffType (pure)', () => {
  it('recognises PDF, PNG and JPEG by their signatures', () => {
    expect(sniffType(ascii('%PDF-1.7\n%âãÏÓ'))).to.equal('pdf');
    expect(sniffType(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]))).to.equal('png');
    expect(sniffType(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16]))).to.equal('jpeg');
  });

  it('refuses everything else, whatever it claims to be', () => {
    expect(sniffType(ascii('Bonjour, ceci est un fichier texte.'))).to.equal(undefined);
    expect(sniffType(ascii('GIF89a'))).to.equal(undefined);
    expect(sniffType(ascii('PK\u0003\u0004 docx'))).to.equal(undefined);
    expect(sniffType(new Uint8Array([0x89, 0x50, 0x4e, 0x47]))).to.equal(undefined); // truncated PNG signature
    expect(sniffType(new Uint8Array([0xff, 0xd8]))).to.equal(undefined);
    expect(sniffType(new Uint8Array(0))).to.equal(undefined);
    expect(sniffType(ascii('%PDF'))).to.equal(undefined); // "%PDF-" is the signature
  });

  it('accepts junk before %PDF- within the first 1024 bytes, as pdf.js does', () => {
    const junk = (n: number) => new Uint8Array(n).fill(0x41);
    expect(pdfHeaderOffset(concat(junk(500), ascii('%PDF-1.4')))).to.equal(500);
    expect(sniffType(concat(junk(PDF_HEADER_WINDOW - 5), ascii('%PDF-1.4')))).to.equal('pdf');
    expect(sniffType(concat(junk(PDF_HEADER_WINDOW - 4), ascii('%PDF-1.4')))).to.equal(undefined);
    expect(sniffType(concat(junk(2000), ascii('%PDF-1.4')))).to.equal(undefined);
  });
});
