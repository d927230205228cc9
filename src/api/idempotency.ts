/**
 * The `Idempotency-Key` of `POST /requests` (SPEC §3): a SHA-256 of the draft's identity and of
 * everything sent. Retrying the same content gives the same key, so the proxy never creates two
 * requests; any change (a signer, a field, the message, the file's bytes) gives a new key. A new
 * draft identity (after a reset, or after a sent request) gives a new key for the same content,
 * so sending the same thing again on purpose is possible.
 * Pure: Web Crypto's `crypto.subtle` is not DOM.
 */

/** What identifies the draft, independently of its content. */
export interface DraftIdentity {
  /** The draft's own id (kept with the draft, renewed by reset). */
  draftId: string;
  /** The GED document id, when the proxy fetches it itself. */
  documentId?: string | null;
  /** The document version (ETag or Last-Modified) seen when loading it. */
  documentVersion?: string | null;
}

/** What will be sent. */
export interface IdempotentContent {
  /** The JSON payload (JSON body, or the `request` part of the multipart form). */
  payload: unknown;
  /** The uploaded bytes, when the document is uploaded. */
  file?: Blob | ArrayBuffer | ArrayBufferView | null;
}

/**
 * JSON with object keys sorted at every level and `undefined` properties dropped, so two equal
 * values always give the same text whatever order their properties were set in. Array order is
 * kept: it is content (the order of signers is shown to them).
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(canonical(value));
}

function canonical(value: unknown): unknown {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new TypeError('Not JSON: a non-finite number.');
    if (typeof value === 'bigint' || typeof value === 'function' || typeof value === 'symbol') {
      throw new TypeError(`Not JSON: a ${typeof value}.`);
    }
    return value;
  }
  if (Array.isArray(value)) return value.map((item) => (item === undefined ? null : canonical(item)));
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    const item = (value as Record<string, unknown>)[key];
    if (item !== undefined) out[key] = canonical(item);
  }
  return out;
}

/** Hex SHA-256 of bytes. */
export async function sha256Hex(data: ArrayBuffer | ArrayBufferView): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', data as BufferSource);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The key: 64 hex characters, stable for the same identity and content. */
export async function idempotencyKey(identity: DraftIdentity, content: IdempotentContent): Promise<string> {
  const file = content.file ?? null;
  let fileDigest: string | null = null;
  if (file !== null) {
    const bytes = file instanceof Blob ? await file.arrayBuffer() : file;
    fileDigest = await sha256Hex(bytes);
  }
  const text = canonicalJson({
    v: 1,
    draftId: identity.draftId,
    documentId: identity.documentId ?? null,
    documentVersion: identity.documentVersion ?? null,
    payload: content.payload,
    file: fileDigest,
  });
  return sha256Hex(new TextEncoder().encode(text));
}
