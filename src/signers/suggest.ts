/**
 * Signer suggestions: which people (contacts, recently used signers) match what the sender types.
 * Pure (no DOM): the panel renders them, the tests call them directly.
 */
import type { Person } from '../api/types.js';

/** A person offered as a signer, and where the offer comes from. */
export interface Suggestion {
  person: Person;
  /** `recent`: a signer this tab sent a request to; `contact`: from the host's `contacts`. */
  source: 'recent' | 'contact';
}

/** Case- and accent-insensitive form for matching ("Zoé" matches "zoe"). */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();
}

/** Whether every word of the query starts a word of the person's names or e-mail, or appears in the e-mail. */
export function matchesPerson(person: Person, query: string): boolean {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const names = fold(`${person.firstName ?? ''} ${person.lastName ?? ''}`).split(/[\s'’-]+/);
  const email = fold(person.email ?? '');
  return words.every((w) => email.includes(w) || names.some((n) => n.startsWith(w)));
}

/** Keeps only objects that look like people: a host's data may be anything. */
export function isPerson(value: unknown): value is Person {
  if (typeof value !== 'object' || value === null) return false;
  const p = value as Record<string, unknown>;
  return typeof p['email'] === 'string' && p['email'].trim() !== '';
}

/**
 * The suggestions for a query: recent signers first, then contacts; each e-mail once; people
 * already in the draft (`exclude`, e-mails) left out; at most `limit`.
 */
export function mergeSuggestions(
  recents: readonly Person[],
  contacts: readonly unknown[],
  query: string,
  exclude: readonly string[],
  limit = 8,
): Suggestion[] {
  const seen = new Set(exclude.map((e) => e.trim().toLowerCase()));
  const out: Suggestion[] = [];
  const offer = (list: readonly unknown[], source: Suggestion['source'], filter: boolean): void => {
    for (const p of list) {
      if (out.length >= limit) return;
      if (!isPerson(p)) continue;
      const key = p.email.trim().toLowerCase();
      if (seen.has(key) || (filter && !matchesPerson(p, query))) continue;
      seen.add(key);
      out.push({ person: p, source });
    }
  };
  offer(recents, 'recent', true);
  offer(contacts, 'contact', true);
  return out;
}
