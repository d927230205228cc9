/**
 * Recently used signers, so that sending several documents to the same person is quick (SPEC §1).
 *
 * Names, e-mails and phone numbers are personal data, and a GED often runs on a shared office
 * machine: they are kept in `sessionStorage` (this tab only, gone when it closes), never in
 * `localStorage`, and only for signers a request was really sent to (not everything typed).
 * A host that wants suggestions across sessions supplies them through `contacts`, from its own
 * address book and under its own access rules.
 */
import type { Person } from '../api/types.js';
import { isPerson } from './suggest.js';

export const RECENT_KEY = 'jse-sign-request.recent-signers';
export const RECENT_LIMIT = 8;

export interface RecentSigners {
  /** Most recent first. */
  load(): Person[];
  /** Puts these people first (most recent first), each e-mail once, at most RECENT_LIMIT kept. */
  remember(people: readonly Person[]): void;
}

/** Recent signers in `storage` (default: this tab's `sessionStorage`; none → nothing is kept). */
export function recentSigners(storage: Pick<Storage, 'getItem' | 'setItem'> | undefined = tabStorage()): RecentSigners {
  const load = (): Person[] => {
    try {
      const parsed: unknown = JSON.parse(storage?.getItem(RECENT_KEY) ?? '[]');
      return Array.isArray(parsed) ? parsed.filter(isPerson).map(pick) : [];
    } catch {
      return [];
    }
  };
  return {
    load,
    remember(people) {
      if (!storage) return;
      const next: Person[] = [];
      const seen = new Set<string>();
      for (const p of [...people.filter(isPerson).map(pick), ...load()]) {
        const key = p.email.trim().toLowerCase();
        if (seen.has(key)) continue;
        seen.add(key);
        next.push(p);
      }
      try {
        storage.setItem(RECENT_KEY, JSON.stringify(next.slice(0, RECENT_LIMIT)));
      } catch {
        // Storage full or refused (private mode): suggestions are a convenience, not worth an error.
      }
    },
  };
}

function pick(p: Person): Person {
  return {
    email: String(p.email),
    firstName: String(p.firstName ?? ''),
    lastName: String(p.lastName ?? ''),
    ...(p.phone ? { phone: String(p.phone) } : {}),
  };
}

function tabStorage(): Storage | undefined {
  try {
    return globalThis.sessionStorage;
  } catch {
    return undefined; // sandboxed iframes throw on access
  }
}
