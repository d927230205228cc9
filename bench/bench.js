// Runs in the page: the built standalone bundle against pdf.js used directly (the baseline).
import '../dist/standalone/jse-sign-request.js';
import * as pdfjs from '../node_modules/pdfjs-dist/build/pdf.min.mjs';

pdfjs.GlobalWorkerOptions.workerSrc = '/node_modules/pdfjs-dist/build/pdf.worker.min.mjs';
// The baseline keeps one worker for all its documents, as the element does: only the work per document is compared.
const worker = new pdfjs.PDFWorker();
const WIDTH = 800;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function deepCanvases(root = document) {
  const out = [];
  const walk = (node) => {
    for (const el of node.querySelectorAll('*')) {
      if (el instanceof HTMLCanvasElement) out.push(el);
      if (el.shadowRoot) walk(el.shadowRoot);
    }
  };
  walk(root);
  return out;
}

function canvasStats() {
  const live = deepCanvases().filter((c) => c.width * c.height > 0);
  return { canvases: live.length, canvasPixels: live.reduce((n, c) => n + c.width * c.height, 0) };
}

async function baselineOpen(url) {
  const t0 = performance.now();
  const task = pdfjs.getDocument({ url, worker });
  const pdf = await task.promise;
  const page = await pdf.getPage(1);
  const base = page.getViewport({ scale: 1 });
  const viewport = page.getViewport({ scale: (WIDTH / base.width) * (window.devicePixelRatio || 1) });
  const canvas = document.createElement('canvas');
  canvas.width = viewport.width;
  canvas.height = viewport.height;
  document.body.append(canvas);
  await page.render({ canvas, viewport }).promise;
  const ms = performance.now() - t0;
  canvas.remove();
  await task.destroy();
  return ms;
}

async function elementOpen(url) {
  const el = document.createElement('jse-sign-request');
  const ready = new Promise((resolve, reject) => {
    el.addEventListener('jse-ready', resolve, { once: true });
    el.addEventListener('jse-error', (e) => reject(new Error(e.detail.message)), { once: true });
  });
  const t0 = performance.now();
  el.src = url;
  document.body.append(el);
  await ready;
  const ms = performance.now() - t0;
  return { ms, el };
}

function scroller(el) {
  // The scrolling box is the element's page area (the viewer); found as the largest scrollable box.
  const boxes = [el, ...deepAll(el.shadowRoot)].filter((e) => e.scrollHeight > e.clientHeight + 10);
  return boxes.sort((a, b) => b.scrollHeight - a.scrollHeight)[0];
}

function deepAll(root) {
  const out = [];
  for (const e of root.querySelectorAll('*')) {
    out.push(e);
    if (e.shadowRoot) out.push(...deepAll(e.shadowRoot));
  }
  return out;
}

async function scrollThrough(box) {
  let peak = { canvases: 0, canvasPixels: 0 };
  const step = box.clientHeight * 0.8;
  for (let y = 0; y <= box.scrollHeight; y += step) {
    box.scrollTop = y;
    await sleep(60);
    const s = canvasStats();
    if (s.canvasPixels > peak.canvasPixels) peak = s;
  }
  await sleep(500);
  return peak;
}

async function naiveViewer(url) {
  const box = document.createElement('div');
  box.className = 'naive';
  document.body.append(box);
  const task = pdfjs.getDocument({ url, worker });
  const pdf = await task.promise;
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    const base = page.getViewport({ scale: 1 });
    const viewport = page.getViewport({ scale: (WIDTH / base.width) * (window.devicePixelRatio || 1) });
    const canvas = document.createElement('canvas');
    canvas.width = viewport.width;
    canvas.height = viewport.height;
    box.append(canvas);
    await page.render({ canvas, viewport }).promise;
  }
  return { box, task };
}

function heap() {
  globalThis.gc?.();
  return performance.memory?.usedJSHeapSize ?? 0;
}

window.runBench = async () => {
  const url = '/__bench/document.pdf';
  const head = await fetch(url, { method: 'HEAD' });
  const bytes = Number(head.headers.get('content-length'));
  const runs = 5;
  const base = [];
  const elem = [];
  await baselineOpen(url); // warm both paths (module parsing, worker start)
  (await elementOpen(url)).el.remove();
  for (let i = 0; i < runs; i++) {
    base.push(await baselineOpen(url));
    const { ms, el } = await elementOpen(url);
    elem.push(ms);
    el.remove();
    await sleep(100);
  }

  const { el } = await elementOpen(url);
  const elementPeak = await scrollThrough(scroller(el));
  const elementHeap = heap();
  el.remove();
  await sleep(300);

  const naive = await naiveViewer(url);
  const naivePeak = canvasStats();
  const naiveHeap = heap();
  naive.box.remove();
  await naive.task.destroy();

  return {
    bytes,
    open: { runs, baseline: median(base), element: median(elem) },
    scroll: { element: { ...elementPeak, heap: elementHeap }, baseline: { ...naivePeak, heap: naiveHeap } },
  };
};
