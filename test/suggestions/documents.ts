/**
 * Generated documents for the suggestions (SPEC §10): each kind of source (an AcroForm signature
 * field made with pdf-lib's form API, Yousign and DocuSeal tags, each French phrase) on upright,
 * /Rotate 90, /Rotate 270 (text upright as seen) and offset-box pages, with the rectangle each must give, in
 * PDF user space, from where the text was drawn (the rule of src/suggestions/find.ts, computed here
 * on its own: along the text, below it or after it).
 */
import { PDFDocument, PDFName, StandardFonts, degrees, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import type { FieldKind } from '../../src/api/types.js';
import { ASCENT, DESCENT, GAP } from '../../src/suggestions/find.js';

export interface Expected {
  page: number;
  kind: FieldKind;
  rect: { x: number; y: number; width: number; height: number };
  /** A mention's words. */
  text?: string;
  /** The source the ghost must say it came from (its id has `:tag:`, `:widget:`, `:phrase:`), when checked. */
  source?: 'tag';
}

const SIZES: Record<string, [number, number]> = { signature: [180, 60], mention: [180, 40], date: [100, 20], initials: [60, 30] };

/** Text drawn at (x, y) along `angle` (0: left to right; -90: down the page), and its frame. */
function write(page: PDFPage, font: PDFFont, text: string, x: number, y: number, size: number, angle: 0 | -90 = 0, white = false) {
  page.drawText(text, { x, y, size, font, rotate: degrees(angle), color: white ? rgb(1, 1, 1) : rgb(0, 0, 0) });
  const u = angle === 0 ? [1, 0] : [0, -1];
  const v = angle === 0 ? [0, 1] : [1, 0];
  const rect = (s1: number, s2: number, t1: number, t2: number) => {
    const xs = [s1, s2].flatMap((s) => [t1, t2].map((t) => x + s * u[0] + t * v[0]));
    const ys = [s1, s2].flatMap((s) => [t1, t2].map((t) => y + s * u[1] + t * v[1]));
    return { x: Math.min(...xs), y: Math.min(...ys), width: Math.max(...xs) - Math.min(...xs), height: Math.max(...ys) - Math.min(...ys) };
  };
  const length = (t: string) => font.widthOfTextAtSize(t, size);
  return {
    below(kind: string) {
      const [w, h] = SIZES[kind];
      return rect(0, w, -DESCENT * size - GAP - h, -DESCENT * size - GAP);
    },
    after(kind: string, words = text) {
      const [w, h] = SIZES[kind];
      const end = length(words);
      const mid = ((ASCENT - DESCENT) * size) / 2;
      return rect(end + GAP, end + GAP + w, mid - h / 2, mid + h / 2);
    },
    tag(before: string, width: number, height: number) {
      const start = length(before);
      return rect(start, start + width, ASCENT * size - height, ASCENT * size);
    },
  };
}

/** Five pages; pages 2 to 4 must be scrolled to (seen) before their suggestions are read. */
export async function suggestionsPdf(): Promise<{ bytes: Uint8Array; expected: Expected[] }> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const expected: Expected[] = [];

  // 1. A4 upright: phrases, a tag in white, and a form's empty signature field under its label.
  const p1 = doc.addPage([595.28, 841.89]);
  write(p1, font, 'Lettre de mission — page de signature', 60, 780, 16);
  expected.push({ page: 1, kind: 'signature', rect: write(p1, font, 'Signature du client :', 60, 300, 11).below('signature') });
  expected.push({ page: 1, kind: 'mention', text: 'Lu et approuvé', rect: write(p1, font, 'Lu et approuvé', 330, 300, 11).below('mention') });
  expected.push({ page: 1, kind: 'date', rect: write(p1, font, 'Fait à Paris, le', 60, 420, 11).after('date') });
  expected.push({ page: 1, kind: 'initials', rect: write(p1, font, 'Paraphe {{s1|initials|40|20}}', 400, 60, 7, 0, true).tag('Paraphe ', 40, 20) });
  // A DocuSeal tag (no size given: the kind's default, 180 × 30 for a text field), in plain sight.
  expected.push({ page: 1, kind: 'text', source: 'tag', rect: write(p1, font, '{{Nom du client;role=Client;type=text}}', 60, 640, 8).tag('', 180, 30) });
  write(p1, font, 'Signature de l’expert-comptable', 330, 190, 10);
  const field = doc.getForm().createTextField('signature.cabinet');
  field.addToPage(p1, { x: 330, y: 120, width: 180, height: 56, borderWidth: 0 });
  field.acroField.dict.set(PDFName.of('FT'), PDFName.of('Sig'));
  expected.push({ page: 1, kind: 'signature', rect: { x: 330, y: 120, width: 180, height: 56 } });

  // 2. /Rotate 90, text drawn as on any page (it reads sideways on screen).
  const p2 = doc.addPage([595.28, 841.89]);
  p2.setRotation(degrees(90));
  expected.push({ page: 2, kind: 'signature', rect: write(p2, font, 'Signature', 100, 500, 12).below('signature') });
  expected.push({ page: 2, kind: 'initials', rect: write(p2, font, 'Paraphe :', 400, 60, 10).after('initials') });
  // A DocuSeal date tag after words on its line, sized by its own attributes.
  expected.push({
    page: 2,
    kind: 'date',
    source: 'tag',
    rect: write(p2, font, 'Le {{Date;role=Cabinet;type=date;width=120;height=24}}', 300, 300, 9).tag('Le ', 120, 24),
  });

  // 3. /Rotate 270 Letter, text drawn so it reads upright on screen (a scanned landscape page, say).
  const p3 = doc.addPage([612, 792]);
  p3.setRotation(degrees(270));
  expected.push({ page: 3, kind: 'mention', text: 'Bon pour accord', rect: write(p3, font, 'Bon pour accord', 300, 600, 12, -90).below('mention') });
  expected.push({ page: 3, kind: 'signature', rect: write(p3, font, '{{s1|signature|150|50}}', 420, 500, 8, -90).tag('', 150, 50) });

  // 4. An offset CropBox.
  const p4 = doc.addPage([700, 900]);
  p4.setCropBox(50, 100, 600, 700);
  expected.push({ page: 4, kind: 'date', rect: write(p4, font, 'Date :', 100, 200, 10).after('date') });
  expected.push({ page: 4, kind: 'signature', rect: write(p4, font, 'Pour le cabinet', 350, 400, 11).below('signature') });

  // 5. The last page: read without being seen.
  const p5 = doc.addPage([595.28, 841.89]);
  write(p5, font, 'Conditions générales', 60, 780, 14);
  expected.push({ page: 5, kind: 'initials', rect: write(p5, font, 'Initiales', 60, 100, 10).after('initials') });

  return { bytes: await doc.save({ useObjectStreams: false }), expected };
}
