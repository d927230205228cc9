/**
 * The sandbox's memory: what a host proxy plus Jesignexpert would hold for one GED user.
 * Pure (no DOM, no msw, no pdf-lib): the handlers, the signer journey and the tests all read and
 * change this one model, so what a test asserts is what the proxy would answer.
 */
import type { Field, Person, RequestSigner, RequestStatus, SignRequest, Signer, SigningOrder } from '../api/types.js';

/** What `GET /me` reports as `limits` (SPEC §3). */
export interface SandboxLimits {
  maxDocumentBytes: number;
  acceptedTypes: string[];
  acceptsEncrypted: boolean;
  /** All the documents of one request together (SPEC §10). */
  maxRequestBytes: number;
}

export const DEFAULT_LIMITS: SandboxLimits = {
  maxDocumentBytes: 10_000_000,
  acceptedTypes: ['application/pdf', 'image/png', 'image/jpeg'],
  acceptsEncrypted: false,
  maxRequestBytes: 25_000_000,
};

/** Days a request stays open when the sender gives no `expiresAt` (SPEC §10). */
export const DEFAULT_REQUEST_DAYS = 14;

/**
 * The sandbox's clock: the time the proxy and Jesignexpert go by. Tests move it forward instead
 * of waiting (no real timer is involved): `sandbox.clock.advance(15 * 24 * 3600_000)` and every
 * pending request past its `expiresAt` is `expired` at once.
 */
export class SandboxClock {
  readonly #base: () => number;
  #offset = 0;
  readonly #moved = new Set<() => void>();

  constructor(base: () => number = () => Date.now()) {
    this.#base = base;
  }

  /** Now, in ms since the epoch. */
  now(): number {
    return this.#base() + this.#offset;
  }

  /** Moves the clock `ms` forward (what expires meanwhile expires now). */
  advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError('The clock only moves forward, by a finite number of ms.');
    this.#offset += ms;
    for (const listener of this.#moved) listener();
  }

  /** Moves the clock to `at` (an ISO string or ms), never backwards. */
  advanceTo(at: string | number): void {
    const target = typeof at === 'number' ? at : Date.parse(at);
    this.advance(Math.max(0, target - this.now()));
  }

  /** @internal The state listens to sweep expiries. */
  onMove(listener: () => void): () => void {
    this.#moved.add(listener);
    return () => this.#moved.delete(listener);
  }
}

export const DEFAULT_USER: Person = {
  email: 'claire.martin@cabinet-exemple.fr',
  firstName: 'Claire',
  lastName: 'Martin',
  phone: '+33612345678',
};

/** A file of the simulated GED, fetched by the proxy when the widget sends `document.id`. */
export interface GedDocument {
  name: string;
  bytes: Uint8Array;
  /** The `ETag` the GED serves it with; a create with another `document.version` is a conflict. */
  version: string;
}

export interface OutboxEmail {
  id: string;
  to: string;
  subject: string;
  text: string;
  kind: 'invitation' | 'signed-copy';
  /** The signed copies (one per document) of a `signed-copy` e-mail, in the request's order. */
  attachments?: { name: string; type: 'application/pdf'; bytes: Uint8Array }[];
  requestId: string;
  signerId: string;
  /** For invitations: the "Consulter les documents et signer" link, opened with `journey.open()`. */
  link?: string;
  /** The first signed copy (the only one for a one-document request). */
  attachment?: { name: string; type: 'application/pdf'; bytes: Uint8Array };
  sentAt: string;
}

export interface OutboxSms {
  id: string;
  to: string;
  text: string;
  /** The 4-digit code, also inside `text`. */
  code: string;
  requestId: string;
  signerId: string;
  sentAt: string;
}

/** Where one signer is in the journey of the seed (accept, code, draw, terms, sign). */
export interface SignerProgress {
  documentAccepted: boolean;
  code: string | null;
  wrongCodes: number;
  locked: boolean;
  codeVerified: boolean;
  /** The drawn signature (PNG bytes) as the signer drew it. */
  signature: Uint8Array | null;
  /** The drawn initials (PNG bytes), when the signer has initials to place. */
  initials: Uint8Array | null;
  /** What the signer wrote for each of their mentions and texts, in the order they were asked. */
  answers: string[];
  termsOfUse: boolean;
  dataProtection: boolean;
}

export interface StoredSigner extends RequestSigner {
  /** Secret of the invitation link. */
  inviteToken: string;
  /** When the invitation was sent; null while a sequential request waits for earlier signers. */
  invitedAt: string | null;
  refusalReason?: string;
  progress: SignerProgress;
}

export interface StoredRequest {
  id: string;
  status: RequestStatus;
  createdAt: string;
  updatedAt: string;
  /** Bumped on every change; the `ETag` is derived from it. */
  version: number;
  idempotencyKey: string;
  /** Digest of what was sent, to tell a retry from a different request reusing a key. */
  fingerprint: string;
  signers: StoredSigner[];
  fields: Field[];
  message: string;
  locale: string;
  /** The first document's name, bytes as received and as stamped so far (`documents[0]`). */
  documentName: string;
  /** The document as received. */
  original: Uint8Array;
  /** The document with the signatures stamped so far (the signed PDF once all have signed). */
  current: Uint8Array;
  /** When the GED's copy was used (`document.id`), its id and version. */
  gedDocument?: { id: string; version: string };
  /** Every document of the request, in order (one for a one-document request). */
  documents: StoredDocument[];
  signingOrder: SigningOrder;
  /** When the request expires if not everyone has signed (ISO 8601). */
  expiresAt: string;
}

/** One document of a request. */
export interface StoredDocument {
  name: string;
  original: Uint8Array;
  /** With the signatures stamped so far. */
  current: Uint8Array;
  gedDocument?: { id: string; version: string };
}

/** A document of a new request (`NewRequest.documents`). */
export interface NewDocument {
  name: string;
  bytes: Uint8Array;
  gedDocument?: { id: string; version: string };
}

export interface NewRequest {
  idempotencyKey: string;
  fingerprint: string;
  signers: Signer[];
  fields: Field[];
  message?: string;
  locale?: string;
  /** One document: its name and bytes (or give `documents`). */
  documentName?: string;
  bytes?: Uint8Array;
  gedDocument?: { id: string; version: string };
  /** Several documents, in order (SPEC §10); wins over `documentName`/`bytes`. */
  documents?: NewDocument[];
  signingOrder?: SigningOrder;
  /** ISO 8601; default `requestTtlMs` after creation. */
  expiresAt?: string;
}

export interface IssuedToken {
  token: string;
  expiresAt: number;
}

export interface SandboxStateOptions {
  /** Whether the user's Jesignexpert account is linked at start (default true). */
  linked?: boolean;
  /** The GED user (the `user` of `/me`). */
  user?: Person;
  limits?: Partial<SandboxLimits>;
  /** The page that links the account (`connectUrl` of `/me`). */
  connectUrl?: string;
  /** Lifetime of the proxy tokens, in seconds (default 300). */
  tokenTtlSeconds?: number;
  /** Requests sent without `expiresAt` expire this long after creation (default 14 days). */
  requestTtlMs?: number;
  /** The clock's source (default `Date.now`); tests move it to expire tokens or requests, or use `clock.advance()`. */
  now?: () => number;
  /** Source of randomness for tokens and SMS codes (default `crypto.getRandomValues`). */
  random?: () => number;
}

type Listener = () => void;

/** The sandbox's state. Everything is in memory and lost with the page. */
export class SandboxState {
  readonly limits: SandboxLimits;
  user: Person;
  linked: boolean;
  readonly connectUrl: string;
  /** A nonce in `connectUrl`, so the connect page links this sandbox and no other. */
  readonly connectState: string;
  tokenTtlSeconds: number;
  readonly requestTtlMs: number;
  /** The clock every date of the sandbox comes from; `clock.advance(ms)` moves it. */
  readonly clock: SandboxClock;
  readonly now: () => number;
  readonly #random: () => number;

  readonly requests = new Map<string, StoredRequest>();
  readonly #byKey = new Map<string, string>();
  readonly tokens = new Map<string, IssuedToken>();
  readonly gedDocuments = new Map<string, GedDocument>();
  readonly emails: OutboxEmail[] = [];
  readonly sms: OutboxSms[] = [];
  readonly #listeners = new Set<Listener>();
  #sequence = 0;

  constructor(options: SandboxStateOptions = {}) {
    this.limits = { ...DEFAULT_LIMITS, ...options.limits };
    this.user = { ...(options.user ?? DEFAULT_USER) };
    this.linked = options.linked ?? true;
    this.clock = new SandboxClock(options.now ?? (() => Date.now()));
    this.now = () => this.clock.now();
    this.clock.onMove(() => this.expireDue());
    this.#random = options.random ?? cryptoRandom;
    this.connectState = this.#secret(12);
    const connect = options.connectUrl ?? 'connect.html';
    this.connectUrl = `${connect}${connect.includes('?') ? '&' : '?'}state=${this.connectState}`;
    this.tokenTtlSeconds = options.tokenTtlSeconds ?? 300;
    this.requestTtlMs = options.requestTtlMs ?? DEFAULT_REQUEST_DAYS * 24 * 3600 * 1000;
  }

  /** Called after every change (the demo re-renders its outboxes). Returns the unsubscribe. */
  subscribe(listener: Listener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Marks a change: listeners run. */
  changed(): void {
    for (const listener of this.#listeners) listener();
  }

  // ── account ─────────────────────────────────────────────────────────────────────────────────

  /** Links the user's Jesignexpert account (what the connect page does). */
  link(user?: Partial<Person>): void {
    if (user) this.user = { ...this.user, ...user };
    this.linked = true;
    this.changed();
  }

  unlink(): void {
    this.linked = false;
    this.changed();
  }

  // ── tokens ──────────────────────────────────────────────────────────────────────────────────

  issueToken(): IssuedToken {
    const issued = { token: `sbx_${this.#secret(24)}`, expiresAt: this.now() + this.tokenTtlSeconds * 1000 };
    this.tokens.set(issued.token, issued);
    return issued;
  }

  /** `ok`, `expired` (known but past its lifetime) or `unknown`. */
  checkToken(token: string | null): 'ok' | 'expired' | 'unknown' {
    const issued = token === null ? undefined : this.tokens.get(token);
    if (!issued) return 'unknown';
    return issued.expiresAt > this.now() ? 'ok' : 'expired';
  }

  /** Every token issued so far expires now (the next proxy call answers 401). */
  expireTokens(): void {
    const now = this.now();
    for (const issued of this.tokens.values()) issued.expiresAt = Math.min(issued.expiresAt, now);
  }

  // ── requests ────────────────────────────────────────────────────────────────────────────────

  findByKey(key: string): StoredRequest | undefined {
    const id = this.#byKey.get(key);
    return id === undefined ? undefined : this.getRequest(id);
  }

  createRequest(input: NewRequest): StoredRequest {
    this.#sequence += 1;
    const created = this.now(); // one reading: the default deadline is exactly requestTtlMs after createdAt
    const at = new Date(created).toISOString();
    const documents: StoredDocument[] = (
      input.documents ?? [{ name: input.documentName ?? 'document.pdf', bytes: input.bytes ?? new Uint8Array(0), ...(input.gedDocument ? { gedDocument: input.gedDocument } : {}) }]
    ).map((d) => ({ name: d.name, original: d.bytes, current: d.bytes, ...(d.gedDocument ? { gedDocument: d.gedDocument } : {}) }));
    if (documents.length === 0) throw new Error('a request needs a document');
    const first = documents[0];
    const request: StoredRequest = {
      id: `req_${this.#sequence.toString().padStart(4, '0')}`,
      status: 'pending',
      createdAt: at,
      updatedAt: at,
      version: 1,
      idempotencyKey: input.idempotencyKey,
      fingerprint: input.fingerprint,
      signers: input.signers.map((s) => ({
        id: s.id,
        email: s.email,
        firstName: s.firstName,
        lastName: s.lastName,
        phone: s.phone,
        status: 'waiting',
        signedAt: null,
        inviteToken: this.#secret(16),
        invitedAt: null,
        progress: {
          documentAccepted: false,
          code: null,
          wrongCodes: 0,
          locked: false,
          codeVerified: false,
          signature: null,
          initials: null,
          answers: [],
          termsOfUse: false,
          dataProtection: false,
        },
      })),
      fields: input.fields.map((f) => ({ ...f })),
      message: input.message ?? '',
      locale: input.locale ?? 'fr',
      documentName: first.name,
      original: first.original,
      current: first.current,
      ...(first.gedDocument ? { gedDocument: first.gedDocument } : {}),
      documents,
      signingOrder: input.signingOrder ?? 'parallel',
      expiresAt: input.expiresAt ?? new Date(created + this.requestTtlMs).toISOString(),
    };
    this.requests.set(request.id, request);
    this.#byKey.set(input.idempotencyKey, request.id);
    // One invitation per signer for every document; in order, the first signer only.
    if (request.signingOrder === 'sequential') this.#sendInvitation(request, request.signers[0]);
    else for (const signer of request.signers) this.#sendInvitation(request, signer);
    this.changed();
    return request;
  }

  /** The request, after applying its expiry on the sandbox clock. */
  getRequest(id: string): StoredRequest | undefined {
    const request = this.requests.get(id);
    if (request && request.status === 'pending' && this.now() >= Date.parse(request.expiresAt)) {
      this.#transition(request, 'expired');
    }
    return request;
  }

  /** Every pending request past its `expiresAt` becomes `expired` (run when the clock moves). */
  expireDue(): void {
    for (const id of this.requests.keys()) this.getRequest(id);
  }

  /** In a sequential request, the signer being waited for now (undefined once all have signed, or in parallel). */
  awaited(request: StoredRequest): StoredSigner | undefined {
    if (request.signingOrder !== 'sequential' || request.status !== 'pending') return undefined;
    return request.signers.find((s) => s.status === 'waiting');
  }

  /** `DELETE` semantics: only a pending request can be cancelled. */
  cancel(id: string): 'cancelled' | 'not_found' | 'conflict' {
    const request = this.getRequest(id);
    if (!request) return 'not_found';
    if (request.status !== 'pending') return 'conflict';
    this.#transition(request, 'cancelled');
    return 'cancelled';
  }

  /** The request reaches its deadline now. */
  expire(id: string): StoredRequest {
    const request = this.#pending(id);
    this.#transition(request, 'expired');
    return request;
  }

  /** A signer declines: the whole request is refused (Jesignexpert stops the circuit). */
  refuse(id: string, signerId: string, reason = ''): StoredRequest {
    const request = this.#pending(id);
    const signer = this.#signer(request, signerId);
    if (signer.status !== 'waiting') throw new Error(`signer ${signerId} already ${signer.status}`);
    signer.status = 'refused';
    signer.refusalReason = reason;
    this.#transition(request, 'refused');
    return request;
  }

  /**
   * Records a signature: `stamped` is the document with this signer's signature drawn in (for a
   * request of several documents, one per document, in order). In a sequential request the next
   * signer is invited now. When everybody has signed, the request becomes `signed` and each signer
   * gets the copies.
   */
  recordSignature(id: string, signerId: string, stamped: Uint8Array | readonly Uint8Array[]): StoredRequest {
    const request = this.#pending(id);
    const signer = this.#signer(request, signerId);
    if (signer.status !== 'waiting') throw new Error(`signer ${signerId} already ${signer.status}`);
    if (signer.invitedAt === null) throw new Error(`signer ${signerId} is not invited yet`);
    const all = stamped instanceof Uint8Array ? [stamped] : stamped;
    if (all.length !== request.documents.length) throw new Error(`${all.length} stamped documents for ${request.documents.length}`);
    signer.status = 'signed';
    signer.signedAt = this.#iso();
    all.forEach((bytes, i) => (request.documents[i].current = bytes));
    request.current = request.documents[0].current;
    if (request.signers.every((s) => s.status === 'signed')) {
      this.#transition(request, 'signed');
      for (const s of request.signers) this.#sendSignedCopy(request, s);
      this.changed(); // the copies are in the outbox only now: tell the listeners again
    } else {
      const next = this.awaited(request);
      if (next && next.invitedAt === null) this.#sendInvitation(request, next);
      this.#touch(request);
    }
    return request;
  }

  /** Sends a fresh 4-digit code to the signer's mobile (after they accepted the document). */
  sendCode(request: StoredRequest, signer: StoredSigner): OutboxSms {
    const code = Math.floor(this.#random() * 10000).toString().padStart(4, '0');
    signer.progress.code = code;
    const sms: OutboxSms = {
      id: this.#messageId(),
      to: signer.phone,
      text: request.locale === 'en' ? `Jesignexpert: your signing code is ${code}` : `Jesignexpert : votre code de signature est ${code}`,
      code,
      requestId: request.id,
      signerId: signer.id,
      sentAt: this.#iso(),
    };
    this.sms.push(sms);
    this.changed();
    return sms;
  }

  /** The `ETag` of the request's current version. */
  etag(request: StoredRequest): string {
    return `"${request.id}-v${request.version}"`;
  }

  /** The request as the proxy returns it (SPEC §3). */
  toWire(request: StoredRequest, proxyUrl: string): SignRequest {
    return {
      id: request.id,
      status: request.status,
      createdAt: request.createdAt,
      updatedAt: request.updatedAt,
      signers: request.signers.map((s) => ({
        id: s.id,
        email: s.email,
        firstName: s.firstName,
        lastName: s.lastName,
        phone: s.phone,
        status: s.status,
        signedAt: s.signedAt ?? null,
      })),
      fields: request.fields.map((f) => ({ ...f })),
      signedDocumentUrl: request.status === 'signed' ? `${proxyUrl}/requests/${request.id}/signed-document` : null,
      documents: request.documents.map((d, i) => ({
        name: d.name,
        signedDocumentUrl: request.status === 'signed' ? `${proxyUrl}/requests/${request.id}/documents/${i}/signed-document` : null,
      })),
      signingOrder: request.signingOrder,
      expiresAt: request.expiresAt,
    };
  }

  /** The signer's place in a request, by the secret of their invitation link. */
  findInvitation(inviteToken: string): { request: StoredRequest; signer: StoredSigner } | undefined {
    for (const request of this.requests.values()) {
      const signer = request.signers.find((s) => s.inviteToken === inviteToken && s.invitedAt !== null);
      if (signer) return { request: this.getRequest(request.id)!, signer };
    }
    return undefined;
  }

  /** The e-mails sent to an address (all when omitted), oldest first. */
  emailsTo(address?: string): OutboxEmail[] {
    return address === undefined ? [...this.emails] : this.emails.filter((m) => m.to.toLowerCase() === address.toLowerCase());
  }

  /** The SMS sent to a number (all when omitted), oldest first. */
  smsTo(phone?: string): OutboxSms[] {
    return phone === undefined ? [...this.sms] : this.sms.filter((m) => m.to === phone);
  }

  #pending(id: string): StoredRequest {
    const request = this.getRequest(id);
    if (!request) throw new Error(`no request ${id}`);
    if (request.status !== 'pending') throw new Error(`request ${id} is ${request.status}`);
    return request;
  }

  #signer(request: StoredRequest, signerId: string): StoredSigner {
    const signer = request.signers.find((s) => s.id === signerId);
    if (!signer) throw new Error(`no signer ${signerId} in ${request.id}`);
    return signer;
  }

  #transition(request: StoredRequest, status: RequestStatus): void {
    request.status = status;
    this.#touch(request);
  }

  #touch(request: StoredRequest): void {
    request.version += 1;
    request.updatedAt = this.#iso();
    this.changed();
  }

  #sendInvitation(request: StoredRequest, signer: StoredSigner): void {
    const en = request.locale === 'en';
    const sender = `${this.user.firstName} ${this.user.lastName}`;
    signer.invitedAt = this.#iso();
    const names = request.documents.map((d) => d.name);
    const what = en
      ? names.length === 1
        ? `"${names[0]}"`
        : `${names.length} documents: ${names.map((n) => `"${n}"`).join(', ')}`
      : names.length === 1
        ? `« ${names[0]} »`
        : `${names.length} documents : ${names.map((n) => `« ${n} »`).join(', ')}`;
    const lines = en
      ? [`Hello ${signer.firstName} ${signer.lastName},`, '', `${sender} asks you to sign ${what}.`]
      : [`Bonjour ${signer.firstName} ${signer.lastName},`, '', `${sender} vous demande de signer ${what}.`];
    const deadline = new Date(request.expiresAt).toLocaleDateString(en ? 'en-GB' : 'fr-FR');
    lines.push('', en ? `Please sign before ${deadline}.` : `Merci de signer avant le ${deadline}.`);
    if (request.message) lines.push('', request.message);
    lines.push('', en ? 'Review the documents and sign' : 'Consulter les documents et signer');
    const link = `jse-sandbox://sign/${signer.inviteToken}`;
    this.emails.push({
      id: this.#messageId(),
      to: signer.email,
      subject: en ? `Signature request: ${request.documentName}` : `Demande de signature : ${request.documentName}`,
      text: lines.join('\n'),
      kind: 'invitation',
      requestId: request.id,
      signerId: signer.id,
      link,
      sentAt: this.#iso(),
    });
  }

  #sendSignedCopy(request: StoredRequest, signer: StoredSigner): void {
    const en = request.locale === 'en';
    this.emails.push({
      id: this.#messageId(),
      to: signer.email,
      subject: en ? `Signed: ${request.documentName}` : `Document signé : ${request.documentName}`,
      text:
        request.documents.length > 1
          ? en
            ? 'Please find attached a copy of the signed documents.'
            : 'Vous trouverez ci-joint une copie des documents signés.'
          : en
            ? 'Please find attached a copy of the signed document.'
            : 'Vous trouverez ci-joint une copie du document signé.',
      kind: 'signed-copy',
      requestId: request.id,
      signerId: signer.id,
      attachment: { name: signedName(request.documentName), type: 'application/pdf', bytes: request.current },
      attachments: request.documents.map((d) => ({ name: signedName(d.name), type: 'application/pdf' as const, bytes: d.current })),
      sentAt: this.#iso(),
    });
  }

  #messageId(): string {
    return `msg_${(this.emails.length + this.sms.length + 1).toString().padStart(4, '0')}`;
  }

  #iso(): string {
    return new Date(this.now()).toISOString();
  }

  #secret(length: number): string {
    const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
    let out = '';
    for (let i = 0; i < length; i++) out += alphabet[Math.floor(this.#random() * alphabet.length)];
    return out;
  }
}

/** `contrat.pdf` → `contrat (signé).pdf`. */
export function signedName(name: string): string {
  const base = name.replace(/\.pdf$/i, '');
  return `${base} (signé).pdf`;
}

function cryptoRandom(): number {
  const word = new Uint32Array(1);
  crypto.getRandomValues(word);
  return word[0] / 2 ** 32;
}
