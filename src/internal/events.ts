/**
 * The events the internal parts fire to the element, named once here (the element cannot import
 * the parts' modules statically: they load in a chunk of their own, see parts.ts). Each bubbles
 * and is not composed, so it never leaves the element's shadow root; the element turns those a
 * host must know of into public `jse-*` events (src/events.ts). (`PAINTED_EVENT` is fired on the
 * viewer itself and does not bubble.)
 */

/** The viewer's current page or zoom changed, so the element's toolbar follows ({@link ViewDetail}). */
export const VIEW_EVENT = 'jse-internal-view';

/** Detail of {@link VIEW_EVENT}: what the viewer shows now. */
export interface ViewDetail {
  /** The current page, 1-based. */
  page: number;
  /** The zoom in %, 100 % being the page at its printed size (1 pt = 96/72 CSS px). */
  zoom: number;
}
/**
 * Once per document, when the viewer painted its first page, or when pdf.js failed to draw it (the
 * element then fires `jse-ready`: the document did open).
 */
export const PAINTED_EVENT = 'jse-internal-painted';
/**
 * pdf.js cannot draw a page: the page stays a white box, the viewer says so over the pages, and the
 * element turns it into `jse-error`. Once per page while it stays undrawn.
 */
export const PAGE_FAILED_EVENT = 'jse-internal-page-failed';
/** The host's async `contacts` search rejected: the panel says so, the element fires `jse-error`. */
export const SEARCH_FAILED_EVENT = 'jse-internal-search-failed';

/** A field's "copy to all pages": the element reads the pages' geometry and places the copies. */
export const COPY_ALL_EVENT = 'jse-internal-copy-all';

/** Detail of {@link COPY_ALL_EVENT}. */
export interface CopyAllDetail {
  /** The draft key of the field to copy. */
  key: string;
}

/**
 * The {@link COPY_ALL_EVENT} of a layer: the layer sits in the viewer's shadow root, so this one
 * is composed to reach the element's shadow root, where the element stops it (it never reaches the host).
 */
export function copyAllEvent(key: string): CustomEvent<CopyAllDetail> {
  return new CustomEvent(COPY_ALL_EVENT, { detail: { key }, bubbles: true, composed: true });
}

/** Detail of {@link PAGE_FAILED_EVENT}. */
export interface PageFailedDetail {
  /** 1-based. */
  page: number;
  /** What pdf.js threw. */
  cause: unknown;
}

/** Detail of {@link SEARCH_FAILED_EVENT}. */
export interface SearchFailedDetail {
  query: string;
  /** What the host's search rejected with. */
  cause: unknown;
}

/** An internal event: bubbles to the element's shadow root, never beyond it. */
export function internalEvent<D>(type: string, detail: D): CustomEvent<D> {
  return new CustomEvent(type, { detail, bubbles: true, composed: false });
}

/**
 * The viewer drew page `page` (1-based) on screen: the user has seen it, so its text may be read
 * for suggestions (its bytes are here already). Once per drawing of a page in view.
 */
export const PAGE_SEEN_EVENT = 'jse-internal-page-seen';

/** Detail of {@link PAGE_SEEN_EVENT}. */
export interface PageSeenDetail {
  /** 1-based. */
  page: number;
}

/** A part has something to say in the element's live region (detail: the words, already translated). Composed: it comes from a layer inside the viewer. */
export const ANNOUNCE_EVENT = 'jse-internal-announce';
