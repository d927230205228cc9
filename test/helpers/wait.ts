/**
 * The one way tests wait: for a condition or for an event, never for a span of time. A test that
 * sleeps and then asserts that nothing happened passes wrongly on a slow machine; wait for the
 * signal that the thing is over instead (an event, a counter, a later request served in order).
 */

/**
 * Resolves with `check()`'s first truthy value (awaited: a check may ask the server), polling every 20 ms; rejects naming `what` after
 * `ms` (default 30 s: on a loaded machine the test's own timeout is the real limit).
 */
type Falsy = false | null | undefined | 0 | '';

export async function until<T>(check: () => T | Falsy | Promise<T | Falsy>, what: string, ms = 30000): Promise<T> {
  const end = performance.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (performance.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/**
 * Resolves with the next event of that type fired at `target`. No hidden deadline by default: the
 * test's timeout decides; pass `ms` to fail earlier with the event's name.
 */
export function nextEvent<K extends keyof HTMLElementEventMap>(target: EventTarget, type: K, ms?: number): Promise<HTMLElementEventMap[K]> {
  return new Promise((resolve, reject) => {
    const timer = ms === undefined ? undefined : setTimeout(() => reject(new Error(`no ${type} within ${ms} ms`)), ms);
    target.addEventListener(
      type,
      (e) => {
        clearTimeout(timer);
        resolve(e as HTMLElementEventMap[K]);
      },
      { once: true },
    );
  });
}

/** Two animation frames: what the browser needs to lay out and paint what a test just changed. */
export async function frames(n = 2): Promise<void> {
  for (let i = 0; i < n; i++) await new Promise((r) => requestAnimationFrame(r));
}
