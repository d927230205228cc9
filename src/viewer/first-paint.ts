import { PAINTED_EVENT } from '../internal/events.js';

/** A wait for page 1's first paint, and the way to end it early. */
export interface FirstPaintWait {
  /** Resolves once the viewer has tried to paint page 1, or while it has no size. */
  readonly done: Promise<void>;
  /** Ends the wait now (harmless: the load that waited is no longer current). */
  readonly stop: () => void;
}

/**
 * Waits until the `jse-document-viewer` in `root` has tried to paint page 1 — or at once, and
 * whenever that becomes so, while it has no size (the element in a `display: none` panel):
 * nothing is painted then, the document is loaded all the same. No viewer: resolved at once.
 */
export function waitForFirstPaint(root: ParentNode): FirstPaintWait {
  const viewer = root.querySelector('jse-document-viewer');
  if (!viewer) return { done: Promise.resolve(), stop: () => undefined };
  let stop: () => void = () => undefined;
  const done = new Promise<void>((resolve) => {
    const hidden = () => viewer.clientWidth === 0 || viewer.clientHeight === 0;
    const sizes = new ResizeObserver(() => {
      if (hidden()) stop();
    });
    stop = () => {
      viewer.removeEventListener(PAINTED_EVENT, stop);
      sizes.disconnect();
      resolve();
    };
    viewer.addEventListener(PAINTED_EVENT, stop);
    sizes.observe(viewer);
    if (hidden()) stop();
  });
  return { done, stop: () => stop() };
}
