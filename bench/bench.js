// Runs in the bench page; bench/run.mjs drives it, one fresh tab per measurement.
// `?variant=` says what opens the document, `?file=` which one (served by run.mjs). Nothing of pdf.js or
// of the element is loaded before the variant starts: every variant pays for its own scripts.
// The element is measured only through what a host sees: its public properties and events, its
// shadow trees (canvases, `part="page"` / `part="field"`), its toolbar buttons, real mouse input.
const T0 = performance.now();
performance.mark('bench-start');
const params = new URLSearchParams(location.search);
const variant = params.get('variant');
const fileUrl = `/__bench/${params.get('file')}.pdf?run=${params.get('run') ?? ''}`;
const PDFJS = '/node_modules/pdfjs-dist/build/pdf.min.mjs';
const WORKER = '/node_modules/pdfjs-dist/build/pdf.worker.min.mjs';
const ELEMENT = '/dist/standalone/jse-sign-request.js';
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const frame = () => new Promise((r) => requestAnimationFrame(() => r()));

// Counters, installed before anything else runs ----------------------------------------------------

const counters = { paints: 0, lastPaint: 0, mutationObservers: 0, observers: { MutationObserver: new Set(), ResizeObserver: new Set(), IntersectionObserver: new Set() } };

/** Counts observers created and those observing now (observe() called, disconnect() not). */
function countObservers(name) {
  const Native = window[name];
  const live = counters.observers[name];
  window[name] = class extends Native {
    constructor(...args) {
      super(...args);
      if (name === 'MutationObserver') counters.mutationObservers++;
    }
    observe(...args) {
      live.add(this);
      return super.observe(...args);
    }
    disconnect() {
      live.delete(this);
      return super.disconnect();
    }
  };
}
for (const name of Object.keys(counters.observers)) countObservers(name);

// Every pdf.js render takes its canvas's 2D context (and so does any copy of a canvas): a paint.
const nativeGetContext = HTMLCanvasElement.prototype.getContext;
HTMLCanvasElement.prototype.getContext = function (...args) {
  counters.paints++;
  counters.lastPaint = performance.now();
  return nativeGetContext.apply(this, args);
};

// Canvases created, kept weakly: those drawn but not (or no longer) in the DOM still hold memory.
const created = [];
const nativeCreateElement = Document.prototype.createElement;
Document.prototype.createElement = function (tag, ...rest) {
  const el = nativeCreateElement.call(this, tag, ...rest);
  if (el instanceof HTMLCanvasElement) created.push(new WeakRef(el));
  return el;
};

// The DOM, shadow trees included ------------------------------------------------------------------

function deepElements(root) {
  const out = [];
  const walk = (node) => {
    for (const el of node.querySelectorAll('*')) {
      out.push(el);
      if (el.shadowRoot) walk(el.shadowRoot);
    }
  };
  walk(root);
  return out;
}

/** All nodes (elements, text, comments) in the shadow trees of `host` and those nested in them. */
function shadowNodeCount(host) {
  let nodes = 0;
  let elements = 0;
  const walkRoot = (root) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_ALL);
    while (walker.nextNode()) {
      nodes++;
      const n = walker.currentNode;
      if (n.nodeType === Node.ELEMENT_NODE) {
        elements++;
        if (n.shadowRoot) walkRoot(n.shadowRoot);
      }
    }
  };
  if (host.shadowRoot) walkRoot(host.shadowRoot);
  return { nodes, elements };
}

/** Canvas memory (width × height × 4) of the canvases in the document, and of all created ones still sized. */
function canvasMemory() {
  let inDom = 0;
  let largest = 0;
  let count = 0;
  const sizes = [];
  for (const c of deepElements(document)) {
    if (!(c instanceof HTMLCanvasElement)) continue;
    const px = c.width * c.height;
    if (!px) continue;
    sizes.push(`${c.width}x${c.height}`);
    inDom += px * 4;
    count++;
    largest = Math.max(largest, px);
  }
  let all = 0;
  for (const ref of created) {
    const c = ref.deref();
    if (c) {
      all += c.width * c.height * 4;
      largest = Math.max(largest, c.width * c.height);
    }
  }
  return { inDom, all, largest, count, sizes };
}

/** Whether a canvas shows something: a smaller copy of it (averaged, so thin text counts) has a pixel that is not white. */
function inked(canvas) {
  if (!canvas.width || !canvas.height || !canvas.isConnected || !canvas.checkVisibility()) return false;
  const w = Math.min(canvas.width, 160);
  const h = Math.max(1, Math.round((canvas.height * w) / canvas.width));
  const probe = new OffscreenCanvas(w, h);
  const g = probe.getContext('2d', { willReadFrequently: true });
  g.imageSmoothingQuality = 'high';
  g.fillStyle = '#fff';
  g.fillRect(0, 0, w, h);
  g.drawImage(canvas, 0, 0, w, h);
  const px = g.getImageData(0, 0, w, h).data;
  for (let i = 0; i < px.length; i += 4) if (px[i] < 245 || px[i + 1] < 245 || px[i + 2] < 245) return true;
  return false;
}

const canvasesIn = (box) => [...box.querySelectorAll('canvas'), ...deepElements(box).flatMap((e) => (e.shadowRoot ? [...e.shadowRoot.querySelectorAll('canvas')] : []))];

/** The `part="page"` boxes (1-based, in document order) that show a painted canvas. */
function inkedPages(el) {
  return deepElements(el.shadowRoot)
    .filter((e) => e.part?.contains('page'))
    .flatMap((box, i) => (canvasesIn(box).some(inked) ? [i + 1] : []));
}

/** The first element with `part~=name` in `root`'s shadow trees, looking no further than needed. */
function firstPart(root, name) {
  const hit = root.querySelector(`[part~="${name}"]`);
  if (hit) return hit;
  for (const el of root.querySelectorAll('*')) {
    const inner = el.shadowRoot && firstPart(el.shadowRoot, name);
    if (inner) return inner;
  }
  return null;
}

/**
 * Page 1 is on screen when the first `part="page"` box holds a canvas with ink in it. Polled every
 * frame until then, so it must cost little: the box is looked for only until found.
 */
let pageOne = null;
let detectorMs = 0;
function pageOneShown(el) {
  const t = performance.now();
  if (!pageOne?.isConnected) pageOne = firstPart(el.shadowRoot, 'page');
  const shown = !!pageOne && [...pageOne.querySelectorAll('canvas')].some(inked);
  detectorMs += performance.now() - t;
  return shown;
}

// The variants ------------------------------------------------------------------------------------

const host = document.createElement('div');
host.className = 'host';
document.body.append(host);

async function loadPdfJs() {
  const pdfjs = await import(PDFJS);
  pdfjs.GlobalWorkerOptions.workerSrc = WORKER;
  return pdfjs;
}

/** Page 1 into a canvas at the host's width, as the element shows it by default. */
async function paintPageOne(pdf) {
  const page = await pdf.getPage(1);
  const base = page.getViewport({ scale: 1 });
  // The width the element's pages get (its scrolling box, measured by run.mjs), minus its margins.
  const cssScale = ((Number(params.get('cw')) || host.clientWidth) - 32) / base.width;
  const viewport = page.getViewport({ scale: cssScale * (window.devicePixelRatio || 1) });
  const canvas = document.createElement('canvas');
  canvas.width = Math.floor(viewport.width);
  canvas.height = Math.floor(viewport.height);
  canvas.style.width = `${Math.floor(base.width * cssScale)}px`;
  host.append(canvas);
  await page.render({ canvas, viewport }).promise;
  return performance.now();
}

const pdfjsAssets = (dir) => ({ cMapUrl: `${dir}cmaps/`, cMapPacked: true, standardFontDataUrl: `${dir}standard_fonts/`, wasmUrl: `${dir}wasm/` });

const variants = {
  /** The whole file, then pdf.js on its bytes (pdf.js's script loaded meanwhile). */
  async naive() {
    const [pdfjs, bytes] = await Promise.all([loadPdfJs(), fetch(fileUrl).then((r) => r.arrayBuffer())]);
    const pdf = await pdfjs.getDocument({ data: new Uint8Array(bytes), ...pdfjsAssets('/node_modules/pdfjs-dist/') }).promise;
    return { painted: await paintPageOne(pdf) };
  },
  /** pdf.js alone, by ranges, fetching nothing it does not need. */
  async pdfjs() {
    const pdfjs = await loadPdfJs();
    const pdf = await pdfjs.getDocument({ url: fileUrl, disableAutoFetch: true, disableStream: true, ...pdfjsAssets('/node_modules/pdfjs-dist/') }).promise;
    window.benchPdf = pdf;
    return { painted: await paintPageOne(pdf) };
  },
  /** pdf.js's own viewer component with its defaults, fitted to the width. */
  async viewer() {
    const css = document.createElement('link');
    css.rel = 'stylesheet';
    css.href = '/node_modules/pdfjs-dist/web/pdf_viewer.css';
    document.head.append(css);
    const pdfjs = await loadPdfJs();
    globalThis.pdfjsLib ??= pdfjs;
    const { EventBus, PDFLinkService, PDFViewer } = await import('/node_modules/pdfjs-dist/web/pdf_viewer.mjs');
    host.classList.add('viewer');
    const container = document.createElement('div');
    container.className = 'viewer-container';
    // The same scrolling box as the element's, when run.mjs measured it.
    if (params.get('w')) Object.assign(container.style, { width: `${params.get('w')}px`, height: `${params.get('h')}px` });
    const inner = document.createElement('div');
    inner.className = 'pdfViewer';
    container.append(inner);
    host.append(container);
    const eventBus = new EventBus();
    const linkService = new PDFLinkService({ eventBus });
    const viewer = new PDFViewer({ container, viewer: inner, eventBus, linkService });
    linkService.setViewer(viewer);
    eventBus.on('pagesinit', () => (viewer.currentScaleValue = 'page-width'));
    const painted = new Promise((resolve) =>
      eventBus.on('pagerendered', (e) => {
        if (e.pageNumber === 1 && !e.cssTransform) resolve(performance.now());
      }),
    );
    const pdf = await pdfjs.getDocument({ url: fileUrl, ...pdfjsAssets('/node_modules/pdfjs-dist/') }).promise;
    viewer.setDocument(pdf);
    linkService.setDocument(pdf);
    window.benchViewer = { viewer, container, eventBus };
    return { painted: await painted };
  },
  /** `<jse-sign-request>`: `src` set to `jse-ready`, and page 1's canvas showing. */
  async element() {
    await import(ELEMENT);
    const el = document.createElement('jse-sign-request');
    el.lang = 'en';
    host.append(el);
    const ready = new Promise((resolve, reject) => {
      // Whether page 1 shows, looked at when the event comes (the contract: it fires once page 1 is painted).
      el.addEventListener('jse-ready', (e) => resolve({ at: performance.now(), detail: e.detail, shown: pageOneShown(el), inked: inkedPages(el) }), { once: true });
      el.addEventListener('jse-error', (e) => reject(new Error(`jse-error ${e.detail.code}: ${e.detail.message}`)), { once: true });
    });
    const srcSet = performance.now();
    el.src = fileUrl;
    window.benchElement = el;
    let painted = 0;
    let gaveUp = false;
    const watch = (async () => {
      while (!painted && !gaveUp) {
        if (pageOneShown(el)) painted = performance.now();
        else await frame();
      }
    })();
    const { at, detail, shown, inked: inkedAtReady } = await ready;
    if (shown && !painted) painted = at;
    const readyBeforePaint = !shown;
    // A page 1 that never shows is reported (NaN), not waited for forever.
    await Promise.race([watch, sleep(15000).then(() => (gaveUp = true))]);
    if (!painted) painted = NaN;
    return { painted: Math.max(painted, at), ready: at, srcToReady: at - srcSet, readyBeforePaint, inkedAtReady, detectorMs, pageCount: detail.pageCount, pagesKnown: detail.pages?.length };
  },
};

// What run.mjs calls ------------------------------------------------------------------------------

const opened = variant ? variants[variant]() : Promise.resolve({});

window.bench = {
  /** Times since the bench module started (the variant's work starts there), and the wall clock of page 1. */
  async firstPage() {
    const r = await Promise.race([opened, sleep(90000).then(() => Promise.reject(new Error('page 1 not painted in 90 s')))]);
    return { ...r, ms: r.painted - T0, startWall: performance.timeOrigin + T0, paintedWall: performance.timeOrigin + r.painted, ready: r.ready && r.ready - T0 };
  },

  /** Waits until no canvas was painted for `quietMs`; the wall clock of that moment (ms). */
  async quiet(quietMs = 500, maxMs = 8000) {
    const start = performance.now();
    while (performance.now() - Math.max(counters.lastPaint, start) < quietMs && performance.now() - start < maxMs) await sleep(50);
    return performance.timeOrigin + performance.now();
  },

  paints: () => counters.paints,

  /** Zooms the variant to `percent` (the element through its toolbar buttons, as a user would). */
  async zoom(percent) {
    if (variant === 'viewer') {
      window.benchViewer.viewer.currentScale = percent / 100;
      return percent;
    }
    const el = window.benchElement;
    const find = (label) => deepElements(el.shadowRoot).find((e) => e.getAttribute?.('aria-label') === label);
    const level = () => Number(/(\d+)\s*%/.exec(deepElements(el.shadowRoot).find((e) => e.getAttribute?.('role') === 'group' && /^\d+\s*%$/.test(e.getAttribute('aria-label') ?? ''))?.getAttribute('aria-label') ?? '')?.[1]);
    for (let i = 0; i < 30 && level() !== percent; i++) {
      find(level() < percent ? 'Zoom in' : 'Zoom out')?.click();
      await sleep(150);
    }
    return level();
  },

  /**
   * The same scroll script for both: top to bottom in `seconds` of scrolling at an even speed (the
   * position follows the clock, so a busy main thread means fewer, longer steps, not a longer
   * run), stopping `stops` times and at the bottom for 1 s; canvas memory sampled at every step
   * (`stepMs` apart at best) and every 100 ms while stopped; at each stop, the pages in view
   * without a painted canvas.
   */
  async scroll({ seconds, stops, stepMs }) {
    const box = variant === 'viewer' ? window.benchViewer.container : scroller(window.benchElement);
    const pages = () => (variant === 'viewer' ? [...box.querySelectorAll('.page')] : deepElements(window.benchElement.shadowRoot).filter((e) => e.part?.contains('page')));
    const end = box.scrollHeight - box.clientHeight;
    const stopAt = [...Array.from({ length: stops }, (_, i) => (i + 1) / (stops + 1)), 1];
    let peak = { inDom: 0, all: 0, largest: 0, count: 0, sizes: [] };
    let sampling = 0;
    const sample = () => {
      const s0 = performance.now();
      const m = canvasMemory();
      sampling += performance.now() - s0;
      // The canvases in the DOM at the peak (their sizes), to say what it was made of.
      const at = m.inDom > peak.inDom ? m.sizes : peak.sizes;
      peak = { inDom: Math.max(peak.inDom, m.inDom), all: Math.max(peak.all, m.all), largest: Math.max(peak.largest, m.largest), count: Math.max(peak.count, m.count), sizes: at };
    };
    const blanks = [];
    const paintsBefore = counters.paints;
    const t = performance.now();
    let clock = 0;
    let last = t;
    let steps = 0;
    for (let next = 0; next < stopAt.length; ) {
      const now = performance.now();
      clock += now - last;
      last = now;
      const f = Math.min(stopAt[next], clock / (seconds * 1000));
      box.scrollTop = f * end;
      steps++;
      await sleep(stepMs);
      sample();
      if (f < stopAt[next]) continue;
      const stopped = performance.now();
      while (performance.now() - stopped < 1000) {
        await sleep(100);
        sample();
      }
      const view = box.getBoundingClientRect();
      const inView = pages().filter((p) => {
        const r = p.getBoundingClientRect();
        return r.bottom > view.top && r.top < view.bottom && r.right > view.left && r.left < view.right;
      });
      const blank = inView.filter((p) => !canvasesIn(p).some(inked));
      // What a blank page was: how much of it showed, and its canvases (size, visible).
      const why = blank.map((p) => {
        const r = p.getBoundingClientRect();
        return { page: pages().indexOf(p) + 1, shownPx: Math.round(Math.min(r.bottom, view.bottom) - Math.max(r.top, view.top)), canvases: canvasesIn(p).map((c) => `${c.width}x${c.height}${c.checkVisibility() ? '' : ' hidden'}`) };
      });
      blanks.push({ at: Math.round(box.scrollTop), inView: inView.length, blank: blank.length, why });
      next++;
      last = performance.now();
    }
    globalThis.gc?.();
    const heap = performance.memory?.usedJSHeapSize ?? 0;
    return { box: { width: box.offsetWidth, height: box.offsetHeight }, heap, peak, blanks, steps, ms: performance.now() - t, sampling, paints: counters.paints - paintsBefore, scrollHeight: box.scrollHeight, reachedBottom: Math.abs(box.scrollTop - end) < 2 };
  },

  /** DOM nodes in the element's shadow trees and the observers of the page. */
  dom() {
    const el = window.benchElement;
    return {
      ...shadowNodeCount(el),
      mutationObserversCreated: counters.mutationObservers,
      observing: Object.fromEntries(Object.entries(counters.observers).map(([k, v]) => [k, v.size])),
    };
  },

  /** Gives the element a signer and one field on page 1; the field's box centre in the viewport. */
  async placeField() {
    const el = window.benchElement;
    el.signers = [{ id: 's1', email: 'anne.martin@example.fr', firstName: 'Anne', lastName: 'Martin', phone: '+33612345678' }];
    el.fields = [{ signerId: 's1', page: 1, x: 72, y: 500, width: 180, height: 60 }];
    for (let i = 0; i < 100; i++) {
      const field = deepElements(el.shadowRoot).find((e) => e.part?.contains('field'));
      const r = field?.getBoundingClientRect();
      if (r?.width) return { x: r.left + r.width / 2, y: r.top + r.height / 2, field: { ...el.fields[0] } };
      await sleep(50);
    }
    throw new Error('no part="field" appeared');
  },

  field: () => ({ ...window.benchElement.fields[0] }),

  /** The element's scrolling box (CSS px), which the other variants then get. */
  box() {
    const box = scroller(window.benchElement);
    return { width: box.offsetWidth, height: box.offsetHeight, clientWidth: box.clientWidth };
  },
};

function scroller(el) {
  // The element's scrolling box: the largest scrollable box in its shadow trees.
  const boxes = deepElements(el.shadowRoot).filter((e) => e.scrollHeight > e.clientHeight + 10 && getComputedStyle(e).overflowY !== 'visible');
  return boxes.sort((a, b) => b.scrollHeight - a.scrollHeight)[0];
}
