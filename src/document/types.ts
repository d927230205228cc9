/**
 * What the loader hands to the rest of the element: one opened document, PDF or image, already
 * loaded in pdf.js (an image is shown through its one-page PDF, so fields refer to that page).
 */
import type { PDFDocumentProxy } from 'pdfjs-dist';
import type { DocumentPages } from './pages.js';

/** The proxy's limits (`GET /me`); defaults apply until it answers. */
export interface DocumentLimits {
  maxDocumentBytes: number;
  acceptedTypes: readonly string[];
  acceptsEncrypted: boolean;
}

export const DEFAULT_LIMITS: DocumentLimits = {
  maxDocumentBytes: 10_000_000,
  acceptedTypes: ['application/pdf', 'image/png', 'image/jpeg'],
  acceptsEncrypted: false,
};

export interface LoadedDocument {
  /** Display and upload name. */
  name: string;
  /** Size in bytes of the file at `src`. */
  size: number;
  type: 'pdf' | 'image';
  /** Sniffed MIME type: application/pdf, image/png or image/jpeg. */
  mime: string;
  /** `ETag`, else `Last-Modified`, seen when loading (sent as `document.version`). */
  version?: string;
  /**
   * True when the PDF has any encryption (user or owner password). Only ever true when the proxy's
   * limits accept encrypted documents; the file is then sent as is.
   */
  encrypted: boolean;
  /** The PDF pdf.js shows (for an image: the converted one-page PDF). */
  pdf: PDFDocumentProxy;
  /**
   * The pages: page 1 read when the document opens, the others on demand (their size estimated
   * from the nearest page read until then), see pages.ts.
   */
  pages: DocumentPages;
  /** The bytes to upload: the PDF as it is, or the image converted to PDF. Fetched on first call. */
  bytes(): Promise<Uint8Array>;
  /** Releases pdf.js's worker and memory. */
  destroy(): Promise<void>;
}
