/** Host pages in iframes (the built bundle as a page without a build step would use it). */
import type { JseSignRequest } from '../../src/jse-sign-request.js';
import { nextEvent } from './element.js';
import { until } from './wait.js';

export async function openFrame(url: string, size = { width: 800, height: 900 }): Promise<HTMLIFrameElement> {
  const frame = document.createElement('iframe');
  frame.style.width = `${size.width}px`;
  frame.style.height = `${size.height}px`;
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.src = url;
  document.body.append(frame);
  await loaded;
  return frame;
}

/** Sets `src` on the frame's element and waits for `jse-ready` (a `jse-error` fails instead). */
export async function showIn(frame: HTMLIFrameElement, src: string): Promise<{ el: JseSignRequest; detail: HTMLElementEventMap['jse-ready']['detail'] }> {
  const win = frame.contentWindow as Window & typeof globalThis;
  await win.customElements.whenDefined('jse-sign-request');
  const el = frame.contentDocument!.querySelector('jse-sign-request') as JseSignRequest;
  const ready = nextEvent(el, 'jse-ready', 30000);
  const failed = nextEvent(el, 'jse-error', 30000).then((e) => {
    throw new Error(`jse-error ${e.detail.code}: ${e.detail.message}`);
  });
  el.src = src;
  const { detail } = await Promise.race([ready, failed]);
  return { el, detail };
}

/** The CSP violations the browser reported for pages under /__csp/ (and their workers). */
export async function cspReports(): Promise<unknown[]> {
  return (await (await fetch('/__csp-report')).json()) as unknown[];
}

/**
 * The violations reported for a page under /__csp/, once all it did so far has been reported:
 * the page then makes one deliberate violation (an image from a blocked origin) and its report is
 * the signal that earlier ones have arrived — instead of waiting a while and hoping. Returns the
 * reports other than that one.
 */
export async function cspViolationsOf(frame: HTMLIFrameElement): Promise<unknown[]> {
  const canary = `https://csp-canary.invalid/${Math.random().toString(36).slice(2)}.png`;
  const img = frame.contentDocument!.createElement('img');
  img.alt = '';
  img.src = canary;
  frame.contentDocument!.body.append(img);
  const isCanary = (r: unknown) => JSON.stringify(r).includes('csp-canary.invalid');
  const reports = await until(async () => {
    const all = await cspReports();
    return all.some(isCanary) && all;
  }, 'the canary violation report');
  return reports.filter((r) => !isCanary(r));
}
