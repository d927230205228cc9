/**
 * The host proxy of SPEC §3 as msw handlers over the sandbox's state: token endpoint, `/me`,
 * create (JSON or multipart, idempotent), follow (ETag / 304), signed document, cancel, with
 * RFC 9457 problems, and the faults armed in `SandboxFaults` applied to each call.
 */
import { http, HttpResponse, type HttpHandler } from 'msw';
import { canonicalJson } from '../api/idempotency.js';
import { codeForStatus } from '../api/problem.js';
import type { JseErrorCode, ValidationProblem } from '../api/types.js';
import type { SandboxFaults, SandboxRoute } from './faults.js';
import { inspectPdf } from './stamp.js';
import { signedName, type NewDocument, type SandboxState, type StoredRequest } from './state.js';
import type { PageGeometry } from '../document/geometry.js';
import { validateCreateBody, type CreateBody } from './validation.js';

/** One call the sandbox saw, and what it answered (`network-error` when the connection dropped). */
export interface SandboxCall {
  route: SandboxRoute;
  method: string;
  url: string;
  status: number | 'network-error';
  idempotencyKey: string | null;
  /** The request this call created or read, when there is one. */
  requestId?: string;
}

export interface HandlerContext {
  state: SandboxState;
  faults: SandboxFaults;
  /** Absolute URL of the proxy, without a trailing slash. */
  proxyUrl: string;
  /** Absolute URL of the token endpoint. */
  tokenEndpoint: string;
  calls: SandboxCall[];
}

const CORS_HEADERS: Record<string, string> = {
  'Access-Control-Allow-Headers': 'Authorization, Content-Type, Idempotency-Key, If-None-Match',
  'Access-Control-Allow-Methods': 'GET, POST, DELETE, OPTIONS',
  'Access-Control-Expose-Headers': 'ETag, Retry-After, Content-Disposition',
};

function cors(request: Request, headers: Record<string, string> = {}): Headers {
  const out = new Headers({ ...CORS_HEADERS, ...headers });
  out.set('Access-Control-Allow-Origin', request.headers.get('Origin') ?? '*');
  out.set('Vary', 'Origin');
  return out;
}

/** An RFC 9457 problem with the stable `code` the widget maps to `jse-error`. */
export function problem(
  request: Request,
  status: number,
  code: JseErrorCode,
  detail: string,
  extra: { errors?: ValidationProblem[]; retryAfter?: number; headers?: Record<string, string> } = {},
): Response {
  const body: Record<string, unknown> = { type: `https://jesignexpert.sandbox/problems/${code}`, title: code.replace(/_/g, ' '), status, code, detail };
  if (extra.errors) body['errors'] = extra.errors;
  const headers = cors(request, { 'Content-Type': 'application/problem+json', ...extra.headers });
  if (extra.retryAfter !== undefined) headers.set('Retry-After', String(extra.retryAfter));
  if (status === 401) headers.set('WWW-Authenticate', 'Bearer error="invalid_token"');
  return new Response(JSON.stringify(body), { status, headers });
}

function json(request: Request, body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: cors(request, { 'Content-Type': 'application/json', ...headers }) });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** `%PDF-` within the first 1024 bytes, as pdf.js accepts. */
function looksLikePdf(bytes: Uint8Array): boolean {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  return head.includes('%PDF-');
}

async function digest(...parts: (string | Uint8Array)[]): Promise<string> {
  const chunks = parts.map((p) => (typeof p === 'string' ? new TextEncoder().encode(p) : p));
  const all = new Uint8Array(chunks.reduce((n, c) => n + c.length + 1, 0));
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.length + 1; // a zero separator, so ("ab","c") and ("a","bc") differ
  }
  const hash = new Uint8Array(await crypto.subtle.digest('SHA-256', all));
  return Array.from(hash, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Creates the handlers. They read `ctx` on every call, so state and faults can change live. */
export function createHandlers(ctx: HandlerContext): HttpHandler[] {
  const { state, proxyUrl } = ctx;
  /** Keys of creates still being processed: a second attempt meanwhile is a conflict (docs/openapi.yaml). */
  const inFlight = new Set<string>();

  type Resolver = (request: Request, params: Record<string, string>, call: SandboxCall) => Promise<Response> | Response;

  const guarded =
    (route: SandboxRoute, resolve: Resolver) =>
    async ({ request, params }: { request: Request; params: Record<string, string | readonly string[] | undefined> }): Promise<Response> => {
      const call: SandboxCall = {
        route,
        method: request.method,
        url: request.url,
        status: 0,
        idempotencyKey: request.headers.get('Idempotency-Key'),
      };
      ctx.calls.push(call);
      const faults = ctx.faults.take(route);
      for (const fault of faults) {
        if (fault.kind === 'slow') await (typeof fault.wait === 'number' ? sleep(fault.wait) : fault.wait.catch(() => undefined));
      }
      const failure = faults.find((f) => f.kind !== 'slow');
      if (failure?.kind === 'drop' && failure.when === 'before') {
        call.status = 'network-error';
        return HttpResponse.error();
      }
      if (failure?.kind === 'status') {
        call.status = failure.status;
        const extra = failure.retryAfter === undefined ? {} : { retryAfter: failure.retryAfter };
        return problem(request, failure.status, route === 'token' ? 'token_failed' : codeForStatus(failure.status), 'Injected failure.', extra);
      }
      const plain: Record<string, string> = {};
      for (const [k, v] of Object.entries(params)) if (typeof v === 'string') plain[k] = v;
      const response = await resolve(request, plain, call);
      if (failure?.kind === 'drop' && failure.when === 'after') {
        call.status = 'network-error';
        return HttpResponse.error();
      }
      call.status = response.status;
      return response;
    };

  /** Checks the Bearer token and the account link; returns the problem to answer, if any. */
  const authorize = (request: Request, needsLink = true): Response | null => {
    const header = request.headers.get('Authorization') ?? '';
    const token = /^Bearer (.+)$/.exec(header)?.[1] ?? null;
    const check = state.checkToken(token);
    if (check === 'expired') return problem(request, 401, 'token_failed', 'The token has expired.');
    if (check !== 'ok') return problem(request, 401, 'token_failed', 'Missing or unknown token.');
    if (needsLink && !state.linked) return problem(request, 403, 'not_connected', 'The Jesignexpert account is not linked.');
    return null;
  };

  const find = (request: Request, id: string | undefined, call: SandboxCall): StoredRequest | Response => {
    const found = id === undefined ? undefined : state.getRequest(id);
    if (!found) return problem(request, 404, 'not_found', `No request ${id ?? ''}.`);
    call.requestId = found.id;
    return found;
  };

  const wire = (r: StoredRequest) => state.toWire(r, proxyUrl);

  async function create(request: Request, call: SandboxCall): Promise<Response> {
    const key = request.headers.get('Idempotency-Key');
    if (!key) return problem(request, 400, 'invalid_request', 'Idempotency-Key is required.');

    // Read the body: JSON with the GED's document id(s), or multipart with the PDF(s).
    let text: string;
    let uploads: { name: string; bytes: Uint8Array }[] = [];
    const type = request.headers.get('Content-Type') ?? '';
    const multipart = type.startsWith('multipart/form-data');
    if (multipart) {
      const form = await request.formData().catch(() => null);
      const part = form?.get('request');
      const one = form?.get('document');
      const several = form?.getAll('documents') ?? [];
      const files = one instanceof Blob ? [one] : several.filter((f): f is File => f instanceof Blob);
      if (part == null || files.length === 0 || (one != null && several.length > 0)) {
        return problem(request, 400, 'invalid_request', 'Parts "request" and "document" (or one "documents" part per document) are required.');
      }
      text = typeof part === 'string' ? part : await part.text();
      uploads = await Promise.all(
        files.map(async (file) => ({ name: file instanceof File && file.name ? file.name : 'document.pdf', bytes: new Uint8Array(await file.arrayBuffer()) })),
      );
    } else if (type.startsWith('application/json')) {
      text = await request.text();
    } else {
      return problem(request, 415, 'unsupported_document', 'Send JSON (document.id) or multipart/form-data.');
    }
    let body: CreateBody;
    try {
      body = JSON.parse(text) as CreateBody;
    } catch {
      return problem(request, 400, 'invalid_request', 'The request is not valid JSON.');
    }
    if (typeof body !== 'object' || body === null) return problem(request, 400, 'invalid_request', 'The request must be an object.');
    const set = body.documents !== undefined;
    if (set && (!Array.isArray(body.documents) || body.documents.length === 0 || body.document !== undefined)) {
      return problem(request, 400, 'invalid_request', 'Give `document` or a non-empty `documents` list, not both.');
    }
    const metas = set ? body.documents! : [body.document ?? {}];
    if (metas.some((m) => typeof m !== 'object' || m === null)) return problem(request, 400, 'invalid_request', 'Each document must be an object.');
    if (multipart && uploads.length !== metas.length) {
      return problem(request, 400, 'invalid_request', `${metas.length} documents announced, ${uploads.length} uploaded.`);
    }

    const documents: NewDocument[] = [];
    for (const [i, meta] of metas.entries()) {
      let document: NewDocument;
      if (multipart) {
        document = { name: uploads[i].name, bytes: uploads[i].bytes };
      } else {
        const id = meta.id;
        const what = set ? `documents[${i}].id` : 'document.id';
        if (typeof id !== 'string') return problem(request, 400, 'invalid_request', `${what} is required without an uploaded document.`);
        const ged = state.gedDocuments.get(id);
        if (!ged) return problem(request, 404, 'not_found', `No GED document ${id}.`);
        // `version: null` means the widget saw no ETag: nothing to compare, as a real proxy would do.
        if (typeof meta.version === 'string' && meta.version !== ged.version) {
          return problem(request, 409, 'conflict', `The GED document "${ged.name}" changed since it was loaded.`);
        }
        document = { name: ged.name, bytes: ged.bytes, gedDocument: { id, version: ged.version } };
      }
      if (typeof meta.name === 'string' && meta.name) document.name = meta.name;
      documents.push(document);
    }

    const fingerprint = await digest(canonicalJson(JSON.parse(text)), ...documents.map((d) => d.bytes));
    const existing = state.findByKey(key);
    if (existing) {
      if (existing.fingerprint !== fingerprint) return problem(request, 409, 'conflict', 'This Idempotency-Key was used for a different request.');
      call.requestId = existing.id;
      return json(request, wire(existing), 201, { ETag: state.etag(existing), Location: `${proxyUrl}/requests/${existing.id}`, 'Idempotent-Replayed': 'true' });
    }

    // Each document checked on its own, and refused by its name (SPEC §10); then all together.
    const named = (i: number) => (set ? `Document ${i + 1} ("${documents[i].name}")` : 'The document');
    const pages: (PageGeometry[] | null)[] = [];
    for (const [i, document] of documents.entries()) {
      const { bytes } = document;
      if (bytes.length > state.limits.maxDocumentBytes) {
        return problem(request, 413, 'document_too_large', `${named(i)} is ${bytes.length} bytes; the limit is ${state.limits.maxDocumentBytes}.`);
      }
      if (!looksLikePdf(bytes)) return problem(request, 415, 'unsupported_document', `${named(i)}: only PDF documents can be sent (images are converted by the widget).`);
      const inspection = await inspectPdf(bytes);
      if (!inspection.ok) {
        if (inspection.reason === 'encrypted' && !state.limits.acceptsEncrypted) {
          return problem(request, 415, 'encrypted_document', `${named(i)} is encrypted; send an unprotected copy.`);
        }
        // A provider that cannot open the file cannot stamp it either, whatever the limits say.
        return problem(request, 415, 'unsupported_document', `${named(i)} cannot be processed (${inspection.reason}).`);
      }
      pages.push(inspection.pages);
    }
    const total = documents.reduce((n, d) => n + d.bytes.length, 0);
    if (total > state.limits.maxRequestBytes) {
      return problem(request, 413, 'document_too_large', `The documents are ${total} bytes together; the limit is ${state.limits.maxRequestBytes}.`);
    }
    const errors = validateCreateBody(body, pages[0] ?? null, { documents: pages, now: state.now() });
    if (errors.length > 0) return problem(request, 422, 'invalid_request', 'The request has invalid data.', { errors });

    const first = documents[0];
    const created = state.createRequest({
      idempotencyKey: key,
      fingerprint,
      signers: body.signers.map((s) => ({ id: s.id, email: s.email.trim(), firstName: s.firstName.trim(), lastName: s.lastName.trim(), phone: s.phone })),
      fields: body.fields,
      documents: documents.map((d) => ({ ...d, name: d.name || 'document.pdf' })),
      ...(first.gedDocument ? { gedDocument: first.gedDocument } : {}),
      ...(typeof body.message === 'string' ? { message: body.message } : {}),
      ...(typeof body.locale === 'string' ? { locale: body.locale } : {}),
      ...(body.signingOrder === 'sequential' ? { signingOrder: 'sequential' as const } : {}),
      ...(typeof body.expiresAt === 'string' ? { expiresAt: new Date(body.expiresAt).toISOString() } : {}),
    });
    call.requestId = created.id;
    return json(request, wire(created), 201, { ETag: state.etag(created), Location: `${proxyUrl}/requests/${created.id}` });
  }

  /** A signed PDF as an attachment. */
  const signedFile = (request: Request, name: string, bytes: Uint8Array): Response =>
    new Response(bytes.slice().buffer, {
      status: 200,
      headers: cors(request, {
        'Content-Type': 'application/pdf',
        'Content-Length': String(bytes.length),
        'Content-Disposition': `attachment; filename="${name.replace(/[^\x20-\x7e]|"/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`,
      }),
    });

  return [
    http.options(`${proxyUrl}/*`, ({ request }) => new Response(null, { status: 204, headers: cors(request, { 'Access-Control-Max-Age': '600' }) })),

    http.post(
      ctx.tokenEndpoint,
      guarded('token', (request) => {
        const issued = state.issueToken();
        return json(request, { token: issued.token, expiresIn: state.tokenTtlSeconds, proxyUrl }, 200, { 'Cache-Control': 'no-store' });
      }),
    ),

    http.get(
      `${proxyUrl}/me`,
      guarded('me', (request) => {
        const denied = authorize(request, false);
        if (denied) return denied;
        if (!state.linked) return json(request, { connected: false, connectUrl: state.connectUrl });
        return json(request, { connected: true, user: state.user, limits: state.limits });
      }),
    ),

    http.post(
      `${proxyUrl}/requests`,
      guarded('create', async (request, _params, call) => {
        const denied = authorize(request);
        if (denied) return denied;
        const key = request.headers.get('Idempotency-Key');
        if (key === null) return create(request, call);
        if (inFlight.has(key)) return problem(request, 409, 'conflict', 'A request with this Idempotency-Key is still being processed.');
        inFlight.add(key);
        try {
          return await create(request, call);
        } finally {
          inFlight.delete(key);
        }
      }),
    ),

    http.get(
      `${proxyUrl}/requests/:id/signed-document`,
      guarded('signed-document', (request, params, call) => {
        const denied = authorize(request);
        if (denied) return denied;
        const found = find(request, params['id'], call);
        if (found instanceof Response) return found;
        if (found.status !== 'signed') return problem(request, 409, 'conflict', `The request is ${found.status}, not signed.`);
        return signedFile(request, signedName(found.documentName), found.current);
      }),
    ),

    http.get(
      `${proxyUrl}/requests/:id/documents/:index/signed-document`,
      guarded('signed-document', (request, params, call) => {
        const denied = authorize(request);
        if (denied) return denied;
        const found = find(request, params['id'], call);
        if (found instanceof Response) return found;
        const index = /^\d+$/.test(params['index'] ?? '') ? Number(params['index']) : -1;
        const document = found.documents[index];
        if (!document) return problem(request, 404, 'not_found', `No document ${params['index'] ?? ''} in ${found.id}.`);
        if (found.status !== 'signed') return problem(request, 409, 'conflict', `The request is ${found.status}, not signed.`);
        return signedFile(request, signedName(document.name), document.current);
      }),
    ),

    http.get(
      `${proxyUrl}/requests/:id`,
      guarded('get', (request, params, call) => {
        const denied = authorize(request);
        if (denied) return denied;
        const found = find(request, params['id'], call);
        if (found instanceof Response) return found;
        const etag = state.etag(found);
        const headers = { ETag: etag, 'Cache-Control': 'no-cache' };
        const match = request.headers.get('If-None-Match');
        if (match !== null && match.split(',').some((t) => t.trim() === etag || t.trim() === '*')) {
          return new Response(null, { status: 304, headers: cors(request, headers) });
        }
        return json(request, wire(found), 200, headers);
      }),
    ),

    http.delete(
      `${proxyUrl}/requests/:id`,
      guarded('cancel', (request, params, call) => {
        const denied = authorize(request);
        if (denied) return denied;
        const found = find(request, params['id'], call);
        if (found instanceof Response) return found;
        // Cancelling twice is not an error: a retried DELETE whose answer was lost must succeed.
        const outcome = found.status === 'cancelled' ? 'cancelled' : state.cancel(found.id);
        if (outcome === 'conflict') return problem(request, 409, 'conflict', `The request is ${found.status}; only a pending request can be cancelled.`);
        return new Response(null, { status: 204, headers: cors(request) });
      }),
    ),
  ];
}
