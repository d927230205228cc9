/**
 * Documents the tests generate themselves (SPEC §9), and the way to serve them through the test
 * server so the element loads them by URL like any GED file.
 */
import { PDFDocument, StandardFonts, degrees, rgb } from 'pdf-lib';

export interface PageSpec {
  /** Media box [x1, y1, x2, y2]; default A4 at the origin. */
  mediaBox?: [number, number, number, number];
  cropBox?: [number, number, number, number];
  rotate?: 0 | 90 | 180 | 270;
  /** Text drawn near the top-left of the box, to see the page is really rendered. */
  label?: string;
}

/** A PDF with the given pages; each page gets a black label and a red square to find on screen. */
export async function makePdf(pages: PageSpec[] = [{}]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const [i, spec] of pages.entries()) {
    const [x1, y1, x2, y2] = spec.mediaBox ?? [0, 0, 595.28, 841.89];
    const page = doc.addPage([x2 - x1, y2 - y1]);
    page.setMediaBox(x1, y1, x2 - x1, y2 - y1);
    if (spec.cropBox) {
      const [cx1, cy1, cx2, cy2] = spec.cropBox;
      page.setCropBox(cx1, cy1, cx2 - cx1, cy2 - cy1);
    }
    if (spec.rotate) page.setRotation(degrees(spec.rotate));
    const [bx1, , , by2] = spec.cropBox ?? [x1, y1, x2, y2];
    page.drawText(spec.label ?? `Page ${i + 1}`, { x: bx1 + 40, y: by2 - 60, size: 24, font, color: rgb(0, 0, 0) });
    page.drawRectangle({ x: bx1 + 40, y: by2 - 200, width: 100, height: 100, color: rgb(1, 0, 0) });
  }
  return doc.save({ useObjectStreams: false });
}

let uploads = 0;

/** Stores bytes on the test server and returns the URL that serves them (options go in the query). */
export async function serve(bytes: Uint8Array | string, name = 'document.pdf', type = 'application/pdf'): Promise<string> {
  uploads += 1;
  const path = `/__files/${Date.now().toString(36)}-${uploads}/${encodeURIComponent(name)}`;
  const body = typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes;
  const response = await fetch(path, { method: 'PUT', body: body as BodyInit, headers: { 'Content-Type': type } });
  if (!response.ok) throw new Error(`upload failed: ${response.status}`);
  return path;
}

/** True when the shared real-world corpus is present (SPEC §9). */
export async function fixturesPresent(): Promise<boolean> {
  const response = await fetch('/__fixtures/pdfs/INDEX.tsv', { method: 'HEAD' });
  return response.ok;
}
