/**
 * The default layout store: `localStorage`, one entry per layout key under the element's own
 * namespace. What comes back is checked (a value of another version, edited by hand or from
 * another program is ignored), and a storage that refuses (privacy settings, quota) costs the
 * layout, never the send. Pure: the storage is injected.
 */
import { parseLayout, type Layout, type LayoutStore } from './layout.js';

/** The part of the Web Storage API this needs (localStorage in the element, a Map in tests). */
export interface LayoutStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** Every entry of this store starts so (other keys of the host's origin are never touched). */
export const LAYOUT_PREFIX = 'jse-sign-request:layout:';

export class LocalLayoutStore implements LayoutStore {
  constructor(private readonly storage: LayoutStorage | undefined = safeLocalStorage()) {}

  /** The storage key of a layout key. */
  static keyOf(key: string): string {
    return LAYOUT_PREFIX + key;
  }

  get(key: string): Layout | undefined {
    try {
      const raw = this.storage?.getItem(LocalLayoutStore.keyOf(key));
      return raw ? parseLayout(JSON.parse(raw)) : undefined;
    } catch {
      return undefined; // unreadable or blocked: as if none was kept
    }
  }

  set(key: string, layout: Layout): void {
    try {
      this.storage?.setItem(LocalLayoutStore.keyOf(key), JSON.stringify(layout));
    } catch {
      // Quota or privacy settings: the layout is not kept, the request was sent all the same.
    }
  }
}

function safeLocalStorage(): LayoutStorage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}
