/**
 * Keeps the draft for a document across remounts in the same tab session (SPEC §4): the element
 * removed and mounted again for the same document gets its signers, fields and message back, and
 * a draft already sent comes back as its request id (the element then attaches to the request).
 * Tab-scoped storage on purpose: signers' details are personal data, and a shared machine should
 * not keep them after the tab closes. The token is never stored. Pure: the storage is injected.
 */
import type { Field, SigningOrder } from '../api/types.js';
import type { DraftSigner } from './draft.js';
import type { StoredHistory } from './history.js';

/** Where a send stands, so a remount neither loses nor duplicates it. */
export interface SendRecord {
  /** The Idempotency-Key of the last attempt. */
  key: string;
  /** `unknown`: the outcome of the last attempt is unknown (draft locked); `sent`: the request exists. */
  state: 'unknown' | 'sent';
  requestId?: string;
}

export interface StoredDraft {
  v: 1;
  /** The draft's identity, part of its Idempotency-Key (renewed by `reset()`). */
  draftId?: string;
  /** With the phone country picked for each (`DraftSigner`). */
  signers: DraftSigner[];
  fields: Field[];
  message: string;
  send?: SendRecord;
  /** The undo/redo steps (src/draft/history.ts), checked against the draft when taken back. */
  history?: StoredHistory;
  /** SPEC §10: `sequential` when chosen (absent: parallel). */
  signingOrder?: SigningOrder;
  /** SPEC §10: the day picked as the deadline (`YYYY-MM-DD`), absent for the default. */
  deadline?: string;
}

/** The part of the Web Storage API this needs (sessionStorage in the element, a Map in tests). */
export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

const PREFIX = 'jse-sign-request:draft:';

export class DraftStore {
  constructor(private readonly storage: StorageLike | undefined) {}

  load(documentKey: string): StoredDraft | undefined {
    try {
      const raw = this.storage?.getItem(PREFIX + documentKey);
      if (!raw) return undefined;
      const value = JSON.parse(raw) as Partial<StoredDraft>;
      if (value.v !== 1 || !Array.isArray(value.signers) || !Array.isArray(value.fields)) return undefined;
      return {
        v: 1,
        ...(typeof value.draftId === 'string' ? { draftId: value.draftId } : {}),
        signers: value.signers,
        fields: value.fields,
        message: String(value.message ?? ''),
        ...(value.send ? { send: value.send } : {}),
        ...(value.history && typeof value.history === 'object' ? { history: value.history } : {}),
        ...(value.signingOrder === 'sequential' ? { signingOrder: 'sequential' as const } : {}),
        ...(typeof value.deadline === 'string' ? { deadline: value.deadline } : {}),
      };
    } catch {
      return undefined; // storage disabled or a value from another version: start afresh
    }
  }

  save(documentKey: string, draft: StoredDraft): void {
    try {
      this.storage?.setItem(PREFIX + documentKey, JSON.stringify(draft));
    } catch {
      // Quota or privacy mode: the draft still lives in memory; losing persistence is not an error to show.
    }
  }

  clear(documentKey: string): void {
    try {
      this.storage?.removeItem(PREFIX + documentKey);
    } catch {
      // as above
    }
  }
}

/**
 * Query parameters that sign a URL rather than name a file: presigned links (S3 SigV4 and V2,
 * Google Cloud Storage, CloudFront) get new ones each time the GED hands the file out, so they
 * are left out of the draft's key. Lower case; compared case-insensitively.
 */
const SIGNATURE_PARAMS = new Set([
  'x-amz-algorithm', 'x-amz-credential', 'x-amz-date', 'x-amz-expires', 'x-amz-signedheaders',
  'x-amz-signature', 'x-amz-security-token', 'x-amz-content-sha256', 'x-amz-user-agent',
  'awsaccesskeyid', 'signature', 'expires',
  'x-goog-algorithm', 'x-goog-credential', 'x-goog-date', 'x-goog-expires', 'x-goog-signedheaders',
  'x-goog-signature', 'googleaccessid',
  'key-pair-id', 'policy',
]);
/** Azure shared access signatures (with `sig`): their short names mean nothing without it. */
const AZURE_SAS_PARAMS = new Set([
  'sig', 'sv', 'ss', 'srt', 'sp', 'se', 'st', 'spr', 'sr', 'si', 'sdd', 'ses',
  'skoid', 'sktid', 'skt', 'ske', 'sks', 'skv', 'saoid', 'suoid', 'scid',
  'rscc', 'rscd', 'rsce', 'rscl', 'rsct',
]);

/**
 * The identity of a document for its draft (SPEC §4 "mounted again … the draft comes back"): the
 * GED id (`document-id`) when given; else the absolute file URL without its signature parameters
 * (see above) and fragment, so two presigned URLs of the same file share one draft.
 */
export function documentKey(documentId: string | undefined, src: string, base: string): string {
  if (documentId) return `id:${documentId}`;
  let url: URL;
  try {
    url = new URL(src, base);
  } catch {
    return `url:${src}`;
  }
  const names = [...url.searchParams.keys()].map((n) => n.toLowerCase());
  const azure = names.includes('sig');
  const kept = [...url.searchParams].filter(([name]) => {
    const lower = name.toLowerCase();
    return !SIGNATURE_PARAMS.has(lower) && !(azure && AZURE_SAS_PARAMS.has(lower));
  });
  url.search = new URLSearchParams(kept).toString();
  url.hash = '';
  return `url:${url.href}`;
}

/**
 * The identity of a set of documents (SPEC §10 `documents`) for its draft: the documents' own
 * identities, in order — the same selection in the same order brings its draft back.
 */
export function documentSetKey(keys: readonly string[]): string {
  return keys.length === 1 ? keys[0] : `set:${JSON.stringify(keys)}`;
}
