import type { PageSpec } from '../helpers/documents.js';

/** A mixed document: A4 upright, /Rotate 90, /Rotate 270 Letter, an offset CropBox, Letter, /Rotate 180. */
export const MIXED: PageSpec[] = [
  { label: 'A4' },
  { rotate: 90, label: 'R90' },
  { rotate: 270, mediaBox: [0, 0, 612, 792], label: 'R270 Letter' },
  { mediaBox: [0, 0, 700, 900], cropBox: [50, 100, 650, 800], label: 'offset crop' },
  { mediaBox: [0, 0, 612, 792], label: 'Letter' },
  { rotate: 180, label: 'R180' },
];
