/**
 * PDFs written by hand, for what pdf-lib cannot make: an encrypted file (Standard security handler,
 * RC4 40-bit, revision 2 — PDF 1.7 §7.6.3), and a file with exact byte control.
 */
import { concat } from '../helpers/bytes.js';

const PADDING = [
  0x28, 0xbf, 0x4e, 0x5e, 0x4e, 0x75, 0x8a, 0x41, 0x64, 0x00, 0x4e, 0x56, 0xff, 0xfa, 0x01, 0x08, 0x2e, 0x2e, 0x00, 0xb6, 0xd0, 0x68,
  0x3e, 0x80, 0x2f, 0x0c, 0xa9, 0xfe, 0x64, 0x53, 0x69, 0x7a,
];

/** A PDF file from its objects (bodies without "n 0 obj"), with a correct xref table. */
export function handmadePdf(objects: string[], trailerExtra = '', header = '%PDF-1.4\n'): Uint8Array {
  let text = header;
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(text.length);
    text += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = text.length;
  text += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) text += `${String(o).padStart(10, '0')} 00000 n \n`;
  text += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailerExtra}>>\nstartxref\n${xref}\n%%EOF\n`;
  // Latin-1: one byte per character, so the offsets above are byte offsets.
  return Uint8Array.from(text, (c) => c.charCodeAt(0));
}

/** One blank page with no content stream, so nothing in it needs encrypting. */
const BLANK_PAGE_OBJECTS = [
  '<< /Type /Catalog /Pages 2 0 R >>',
  '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
  '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 400 300] >>',
];

export function blankPdf(): Uint8Array {
  return handmadePdf(BLANK_PAGE_OBJECTS);
}

/**
 * A blank-page PDF with an /Encrypt dictionary. With an empty user password it opens with no
 * prompt (owner-only protection); `permissions` -4 grants every permission.
 */
export function encryptedPdf({ userPassword = '', ownerPassword = 'owner', permissions = -4 } = {}): Uint8Array {
  const id = Uint8Array.from({ length: 16 }, (_, i) => (i * 37 + 11) & 0xff);
  const o = rc4(md5(pad(ownerPassword)).subarray(0, 5), pad(userPassword));
  const p = new Uint8Array(4);
  new DataView(p.buffer).setInt32(0, permissions, true);
  const key = md5(concat(pad(userPassword), o, p, id)).subarray(0, 5);
  const u = rc4(key, Uint8Array.from(PADDING));
  const encrypt = `<< /Filter /Standard /V 1 /R 2 /Length 40 /O <${hex(o)}> /U <${hex(u)}> /P ${permissions} >>`;
  return handmadePdf([...BLANK_PAGE_OBJECTS, encrypt], `/Encrypt 4 0 R /ID [<${hex(id)}> <${hex(id)}>] `);
}

function pad(password: string): Uint8Array {
  const bytes = Uint8Array.from(password.slice(0, 32), (c) => c.charCodeAt(0));
  return concat(bytes, Uint8Array.from(PADDING.slice(0, 32 - bytes.length)));
}

function hex(bytes: Uint8Array): string {
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}


function rc4(key: Uint8Array, data: Uint8Array): Uint8Array {
  const s = Uint8Array.from({ length: 256 }, (_, i) => i);
  for (let i = 0, j = 0; i < 256; i++) {
    j = (j + s[i] + key[i % key.length]) & 0xff;
    [s[i], s[j]] = [s[j], s[i]];
  }
  const out = new Uint8Array(data.length);
  for (let n = 0, i = 0, j = 0; n < data.length; n++) {
    i = (i + 1) & 0xff;
    j = (j + s[i]) & 0xff;
    [s[i], s[j]] = [s[j], s[i]];
    out[n] = data[n] ^ s[(s[i] + s[j]) & 0xff];
  }
  return out;
}

/** MD5 (RFC 1321); Web Crypto has none. */
function md5(data: Uint8Array): Uint8Array {
  const shifts = [7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21];
  const k = Array.from({ length: 64 }, (_, i) => Math.floor(Math.abs(Math.sin(i + 1)) * 2 ** 32) >>> 0);
  const length = ((data.length + 8) >>> 6) * 64 + 64;
  const bytes = new Uint8Array(length);
  bytes.set(data);
  bytes[data.length] = 0x80;
  const view = new DataView(bytes.buffer);
  view.setUint32(length - 8, (data.length * 8) >>> 0, true);
  view.setUint32(length - 4, Math.floor(data.length / 0x20000000), true);
  let [a0, b0, c0, d0] = [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476];
  for (let chunk = 0; chunk < length; chunk += 64) {
    let [a, b, c, d] = [a0, b0, c0, d0];
    for (let i = 0; i < 64; i++) {
      let f: number;
      let g: number;
      if (i < 16) [f, g] = [(b & c) | (~b & d), i];
      else if (i < 32) [f, g] = [(d & b) | (~d & c), (5 * i + 1) % 16];
      else if (i < 48) [f, g] = [b ^ c ^ d, (3 * i + 5) % 16];
      else [f, g] = [c ^ (b | ~d), (7 * i) % 16];
      const sum = (a + f + k[i] + view.getUint32(chunk + g * 4, true)) >>> 0;
      const s = shifts[(i >>> 4) * 4 + (i % 4)];
      [a, d, c] = [d, c, b];
      b = (b + ((sum << s) | (sum >>> (32 - s)))) >>> 0;
    }
    a0 = (a0 + a) >>> 0;
    b0 = (b0 + b) >>> 0;
    c0 = (c0 + c) >>> 0;
    d0 = (d0 + d) >>> 0;
  }
  const out = new Uint8Array(16);
  const outView = new DataView(out.buffer);
  [a0, b0, c0, d0].forEach((word, i) => outView.setUint32(i * 4, word, true));
  return out;
}

/** Exposed for the helper's own check against a known digest. */
export const md5ForTest = md5;
