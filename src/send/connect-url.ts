/**
 * Which `connectUrl`s the widget opens (issue 19): the proxy's answer decides where a popup or a
 * link goes, so a `javascript:`, `data:` or `file:` URL — a compromised or misconfigured proxy —
 * must never reach `window.open` or an `href`. Only `https:` is accepted, and `http:` for the local
 * machine (`localhost`, `*.localhost`, `127.0.0.1`, `[::1]`: development and tests).
 * Pure: the base is an input (the page's `document.baseURI`).
 */
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Whether `url` (relative to `base`) may be opened as the connect page. */
export function isSafeConnectUrl(url: string, base: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url, base);
  } catch {
    return false;
  }
  if (parsed.protocol === 'https:') return true;
  if (parsed.protocol !== 'http:') return false;
  return LOOPBACK.has(parsed.hostname) || parsed.hostname.endsWith('.localhost');
}
