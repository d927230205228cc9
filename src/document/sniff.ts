/**
 * What a file really is, from its first bytes (SPEC §4): never from its name or `Content-Type`,
 * which GEDs and presigned URLs get wrong. Pure: no DOM, no network.
 */

/** The types the element can show and send. */
export type SniffedType = 'pdf' | 'png' | 'jpeg';

/**
 * How far into the file `%PDF-` may start: pdf.js searches the first 1024 bytes for it and
 * parses from there, so junk before it (mail gateways, some scanners) still opens.
 */
export const PDF_HEADER_WINDOW = 1024;

/** Bytes the loader reads before deciding: enough for the PDF window and any image signature. */
export const SNIFF_BYTES = PDF_HEADER_WINDOW;

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const PDF_SIGNATURE = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"

export const MIME_TYPES: Record<SniffedType, string> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpeg: 'image/jpeg',
};

/** The file's type from its first bytes, or `undefined` when it is none the element accepts. */
export function sniffType(head: Uint8Array): SniffedType | undefined {
  if (startsWith(head, PNG_SIGNATURE, 0)) return 'png';
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'jpeg';
  if (pdfHeaderOffset(head) !== -1) return 'pdf';
  return undefined;
}

/** Where `%PDF-` starts within the first {@link PDF_HEADER_WINDOW} bytes, or -1. */
export function pdfHeaderOffset(head: Uint8Array): number {
  const last = Math.min(head.length, PDF_HEADER_WINDOW) - PDF_SIGNATURE.length;
  for (let i = 0; i <= last; i++) {
    if (startsWith(head, PDF_SIGNATURE, i)) return i;
  }
  return -1;
}

function startsWith(bytes: Uint8Array, signature: readonly number[], at: number): boolean {
  if (bytes.length < at + signature.length) return false;
  return signature.every((b, i) => bytes[at + i] === b);
}
