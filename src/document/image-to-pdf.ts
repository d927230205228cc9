/**
 * An image (PNG, JPEG) as the one-page PDF it is shown and sent as (SPEC §3). pdf-lib is imported
 * here only, dynamically, when the first image opens.
 */
import { readOrientation, stripJpegExif, swapsSides } from './exif.js';
import { orientationMatrix, placeImage } from './image-layout.js';

/** Converts PNG or JPEG bytes to a one-page PDF (A4, centred, 10 mm margin, EXIF orientation applied). */
export async function imageToPdf(bytes: Uint8Array, type: 'png' | 'jpeg', title?: string): Promise<Uint8Array> {
  const { PDFDocument, concatTransformationMatrix, drawObject, popGraphicsState, pushGraphicsState } = await import('pdf-lib');
  const orientation = readOrientation(bytes);
  // No creation date nor producer: the same image gives the same PDF, byte for byte.
  const doc = await PDFDocument.create({ updateMetadata: false });
  if (title) doc.setTitle(title);
  const image = type === 'png' ? await doc.embedPng(bytes) : await doc.embedJpg(stripJpegExif(bytes));
  const sideways = swapsSides(orientation);
  const { page: size, box } = placeImage(sideways ? image.height : image.width, sideways ? image.width : image.height);
  const page = doc.addPage([size.width, size.height]);
  const name = page.node.newXObject('Image', image.ref);
  page.pushOperators(pushGraphicsState(), concatTransformationMatrix(...orientationMatrix(orientation, box)), drawObject(name), popGraphicsState());
  return doc.save({ useObjectStreams: false });
}
