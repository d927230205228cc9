/** Mounting the element for viewer tests, and reading what its viewer shows. */
import type { JseSignRequest } from '../../src/jse-sign-request.js';
import type { DocumentViewer } from '../../src/viewer/document-viewer.js';
import { nextEvent } from '../helpers/element.js';

/** Mounts `<jse-sign-request src=url>` at a fixed size at the top-left of the page; resolves after jse-ready. */
export async function mount(url: string, size = { width: 1100, height: 700 }): Promise<{ el: JseSignRequest; viewer: DocumentViewer }> {
  const el = document.createElement('jse-sign-request');
  el.style.cssText = `position:fixed;left:0;top:0;width:${size.width}px;height:${size.height}px`;
  const ready = nextEvent(el, 'jse-ready', 30000);
  el.src = url;
  document.body.append(el);
  await ready;
  const viewer = el.shadowRoot!.querySelector('jse-document-viewer') as DocumentViewer;
  await viewer.whenIdle();
  return { el, viewer };
}

export function scroller(viewer: DocumentViewer): HTMLElement {
  return viewer.shadowRoot!.querySelector<HTMLElement>('.scroller')!;
}

export function pageBox(viewer: DocumentViewer, n: number): HTMLElement {
  return viewer.shadowRoot!.querySelector<HTMLElement>(`[data-page="${n}"]`)!;
}

/** Page boxes that intersect the scroller's visible area. */
export function visiblePages(viewer: DocumentViewer): number[] {
  const view = scroller(viewer).getBoundingClientRect();
  return [...viewer.shadowRoot!.querySelectorAll<HTMLElement>('.page')]
    .filter((box) => {
      const r = box.getBoundingClientRect();
      return r.bottom > view.top && r.top < view.bottom;
    })
    .map((box) => Number(box.dataset.page));
}

/** Canvases in the viewer that still hold pixels. */
export function liveDomCanvases(viewer: DocumentViewer): HTMLCanvasElement[] {
  return [...viewer.shadowRoot!.querySelectorAll('canvas')].filter((c) => c.width > 0 && c.height > 0);
}

/**
 * Where a viewport point falls on the page under it, as fractions of that page's box: the same
 * document spot after a zoom is the same fractions of the (resized) box.
 */
export function spotAt(viewer: DocumentViewer, x: number, y: number): { page: number; fx: number; fy: number } {
  for (const box of viewer.shadowRoot!.querySelectorAll<HTMLElement>('.page')) {
    const r = box.getBoundingClientRect();
    if (x >= r.left && x <= r.right && y >= r.top && y <= r.bottom) {
      return { page: Number(box.dataset.page), fx: (x - r.left) / r.width, fy: (y - r.top) / r.height };
    }
  }
  throw new Error(`no page under ${x},${y}`);
}

/** Viewport position of a spot found by `spotAt`, in the current layout. */
export function spotPosition(viewer: DocumentViewer, spot: { page: number; fx: number; fy: number }): { x: number; y: number } {
  const r = pageBox(viewer, spot.page).getBoundingClientRect();
  return { x: r.left + spot.fx * r.width, y: r.top + spot.fy * r.height };
}

export function frame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => resolve()));
}

/** Resolves on the viewer's next view event (zoom or current page changed). */
export function nextView(viewer: DocumentViewer): Promise<Event> {
  return new Promise((resolve) => viewer.addEventListener('jse-internal-view', resolve, { once: true }));
}

/**
 * Whether what is on screen of page `n` is drawn at `density` canvas pixels per CSS pixel: by the
 * page's canvas, or by a detail canvas covering the part on screen (deep zooms).
 */
export function sharpOnScreen(viewer: DocumentViewer, n: number, density: number): boolean {
  const box = pageBox(viewer, n);
  const r = box.getBoundingClientRect();
  const v = scroller(viewer).getBoundingClientRect();
  const shown = { left: Math.max(r.left, v.left), top: Math.max(r.top, v.top), right: Math.min(r.right, v.left + scroller(viewer).clientWidth), bottom: Math.min(r.bottom, v.top + scroller(viewer).clientHeight) };
  const base = box.querySelector<HTMLCanvasElement>('canvas:not(.detail)');
  if (base && base.width / r.width >= density * 0.995) return true;
  const detail = box.querySelector<HTMLCanvasElement>('canvas.detail');
  if (!detail || !detail.width) return false;
  const d = detail.getBoundingClientRect();
  const covers = d.left <= shown.left + 1 && d.top <= shown.top + 1 && d.right >= shown.right - 1 && d.bottom >= shown.bottom - 1;
  return covers && detail.width / d.width >= density * 0.995;
}
