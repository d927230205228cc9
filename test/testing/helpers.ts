/**
 * What the sandbox tests share: a plain-fetch caller of the proxy (the protocol as any client
 * speaks it), request bodies, a drawn signature, and an encrypted PDF made from a generated one.
 */
import type { Field, Signer } from '../../src/api/types.js';
import type { Sandbox } from '../../src/testing/index.js';
import { makePdf } from '../helpers/documents.js';

export const PAUL: Signer = { id: 's1', email: 'paul.durand@example.fr', firstName: 'Paul', lastName: 'Durand', phone: '+33612345678' };
export const LEA: Signer = { id: 's2', email: 'lea.bernard@example.fr', firstName: 'Léa', lastName: 'Bernard', phone: '+33698765432' };

export const FIELD_PAUL: Field = { signerId: 's1', page: 1, x: 350, y: 100, width: 180, height: 60 };
export const FIELD_LEA: Field = { signerId: 's2', page: 1, x: 60, y: 100, width: 180, height: 60 };

export interface CreateJson {
  signers: Signer[];
  fields: Field[];
  message?: string;
  locale?: string;
  document?: { id?: string; name?: string; version?: string };
}

export function body(overrides: Partial<CreateJson> = {}): CreateJson {
  return { signers: [PAUL, LEA], fields: [FIELD_PAUL, FIELD_LEA], message: 'Merci de signer.', locale: 'fr', ...overrides };
}

/** The protocol spoken with plain fetch: a token from the token endpoint, then Bearer calls. */
export class PlainClient {
  token = '';
  constructor(readonly sandbox: Sandbox) {}

  async fetchToken(): Promise<{ token: string; expiresIn: number; proxyUrl: string }> {
    const response = await fetch(this.sandbox.tokenEndpoint, { method: 'POST', credentials: 'include' });
    if (!response.ok) throw new Error(`token endpoint answered ${response.status}`);
    const json = (await response.json()) as { token: string; expiresIn: number; proxyUrl: string };
    this.token = json.token;
    return json;
  }

  async call(method: string, path: string, init: { body?: BodyInit; headers?: Record<string, string> } = {}): Promise<Response> {
    if (!this.token) await this.fetchToken();
    return fetch(`${this.sandbox.proxyUrl}${path}`, {
      method,
      ...(init.body === undefined ? {} : { body: init.body }),
      headers: { Authorization: `Bearer ${this.token}`, ...init.headers },
    });
  }

  /** `POST /requests` as multipart: the PDF in `document`, the JSON in `request`. */
  create(pdf: Uint8Array, request: CreateJson, key: string, name = 'Lettre de mission.pdf'): Promise<Response> {
    const form = new FormData();
    form.append('document', new File([pdf as BlobPart], name, { type: 'application/pdf' }));
    form.append('request', new Blob([JSON.stringify(request)], { type: 'application/json' }));
    return this.call('POST', '/requests', { body: form, headers: { 'Idempotency-Key': key } });
  }

  createJson(request: CreateJson, key: string): Promise<Response> {
    return this.call('POST', '/requests', { body: JSON.stringify(request), headers: { 'Idempotency-Key': key, 'Content-Type': 'application/json' } });
  }
}

/**
 * A drawn signature: a wide, deliberately lopsided scribble on a transparent background with
 * empty margins — a tall loop on the left, a flat tail on the right at the baseline — so that a
 * stamp turned upside down or on its side shows in where the ink lies.
 */
export async function drawnSignature(): Promise<Blob> {
  const canvas = new OffscreenCanvas(640, 260);
  const ctx = canvas.getContext('2d')!;
  ctx.strokeStyle = '#10205a';
  ctx.lineWidth = 9;
  ctx.lineCap = 'round';
  ctx.beginPath();
  ctx.ellipse(150, 120, 50, 80, 0, 0, Math.PI * 2); // the tall loop, upper left
  ctx.stroke();
  ctx.beginPath();
  ctx.moveTo(100, 200);
  ctx.bezierCurveTo(250, 210, 400, 185, 580, 200); // the tail, along the bottom
  ctx.stroke();
  return canvas.convertToBlob({ type: 'image/png' });
}

/**
 * A generated PDF marked as encrypted: pdf-lib cannot encrypt, but an `/Encrypt` entry in the
 * trailer is what every reader (pdf-lib included) goes by.
 */
export async function encryptedPdf(): Promise<Uint8Array> {
  const text = new TextDecoder('latin1').decode(await makePdf());
  const marked = text.replace(/trailer\s*<</, (m) => `${m}\n/Encrypt << /Filter /Standard /V 1 /R 2 /O <00> /U <00> /P -4 >>`);
  if (marked === text) throw new Error('no trailer to mark');
  return Uint8Array.from(marked, (c) => c.charCodeAt(0));
}

/** A file that starts like a PDF and has nothing a parser can use. */
export function damagedPdf(): Uint8Array {
  return new TextEncoder().encode('%PDF-1.7\n%âãÏÓ\n1 0 obj << /Type /Catalog /Pages 9 0 R\nthis is not a pdf at all\n%%EOF\n');
}

/** A response's JSON body read as the type the protocol gives it (OpenAPI, src/api/types.ts). */
export async function jsonOf<T>(response: Response | Promise<Response>): Promise<T> {
  return (await (await response).json()) as T;
}

export async function problemOf(response: Response): Promise<{ code: string; status: number; errors?: { path: string; code: string }[] }> {
  return (await response.json()) as { code: string; status: number; errors?: { path: string; code: string }[] };
}
