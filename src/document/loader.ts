/**
 * Opens the document at `src`. (Foundation version: pdf.js fetches the URL itself. The loading
 * issue replaces this with size checks, sniffing, encryption and images.)
 */
import type { PageInfo } from '../events.js';
import { normalizeRotation, shownSize } from './geometry.js';
import { openPdf } from './pdfjs.js';
import { DEFAULT_LIMITS, type DocumentLimits, type LoadedDocument } from './types.js';

export interface LoadOptions {
  withCredentials?: boolean;
  limits?: DocumentLimits;
  /** Display name given by the host (`document-name`). */
  name?: string;
  signal?: AbortSignal;
}

export async function loadDocument(src: string, options: LoadOptions = {}): Promise<LoadedDocument> {
  void (options.limits ?? DEFAULT_LIMITS);
  const url = new URL(src, document.baseURI).href;
  const task = await openPdf({ url, withCredentials: options.withCredentials ?? false });
  options.signal?.addEventListener('abort', () => void task.destroy(), { once: true });
  const pdf = await task.promise;
  const pages: PageInfo[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    const view = [...page.view] as PageInfo['view'];
    const rotation = normalizeRotation(page.rotate);
    pages.push({ view, rotation, ...shownSize({ view, rotation }) });
  }
  const { length } = await pdf.getDownloadInfo();
  return {
    name: options.name ?? nameFromUrl(url),
    size: length,
    type: 'pdf',
    mime: 'application/pdf',
    encrypted: false,
    pdf,
    pages,
    bytes: () => pdf.getData(),
    destroy: () => task.destroy(),
  };
}

/** The last path segment of a URL, decoded; the host's `document-name` wins over it. */
export function nameFromUrl(src: string): string {
  try {
    const path = new URL(src, document.baseURI).pathname;
    return decodeURIComponent(path.slice(path.lastIndexOf('/') + 1)) || src;
  } catch {
    return src;
  }
}
