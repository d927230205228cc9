/**
 * What the sandbox checks in a `POST /requests` body before creating anything, answering 422 with
 * SPEC §3's JSON-Pointer paths (signer ids, field indexes) and codes. Pure (no DOM). The signer
 * rules are the widget's own (src/signers/validation.ts), so a proxy's 422 and the form agree;
 * on top, what a real proxy must check in data it cannot trust: the shape, E.164 phones (the wire
 * never carries a national form), known signers, known field kinds, a mention's words and a text
 * field's label, and fields inside their page.
 */
import type { Field, Signer, ValidationCode, ValidationProblem } from '../api/types.js';
import { isInsidePage, type PageGeometry } from '../document/geometry.js';
import { validateDraft } from '../signers/validation.js';
import { isFieldKind, missingText } from '../draft/field-kinds.js';
import { acceptableExpiry } from '../send/deadline.js';

/** The request part of a create, once its shape is known to be right. */
export interface CreateBody {
  signers: Signer[];
  fields: Field[];
  message?: string;
  locale?: string;
  document?: { id?: string; name?: string; version?: string };
  /** Several documents (SPEC §10), in order. */
  documents?: { id?: string; name?: string; version?: string | null }[];
  signingOrder?: string;
  expiresAt?: string;
}

/** What else `validateCreateBody` may check. */
export interface ValidateBodyOptions {
  /** Each document's pages, for a request of several documents (index = `documentIndex`). */
  documents?: readonly (readonly PageGeometry[] | null)[];
  /** The proxy's clock, to check `expiresAt` (1 to 90 days ahead). Without it, only its form is checked. */
  now?: number;
}

const MESSAGES: Record<'fr' | 'en', Partial<Record<ValidationCode, string>>> = {
  fr: {
    required: 'Ce champ est obligatoire.',
    invalid_phone: "Le numéro doit être au format international (+33…).",
    unknown_signer: 'Cet emplacement appartient à un signataire inconnu.',
    outside_page: 'Cet emplacement sort de la page.',
    unknown_document: 'Cet emplacement est sur un document que la demande n’a pas.',
    out_of_range: 'La date limite doit être entre 1 et 90 jours.',
  },
  en: {
    required: 'This field is required.',
    invalid_phone: 'The number must be in international format (+33…).',
    unknown_signer: 'This location belongs to an unknown signer.',
    outside_page: 'This location lies outside the page.',
    unknown_document: 'This location is on a document the request does not have.',
    out_of_range: 'The deadline must be between 1 and 90 days ahead.',
  },
};

const E164 = /^\+[1-9]\d{4,14}$/;

/** JSON Pointer escaping (RFC 6901), since signer ids come from the client. */
export function pointer(...segments: (string | number)[]): string {
  return segments.map((s) => '/' + String(s).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

/**
 * Checks a parsed create body. `pages` are the document's pages (pdf.js `view` and rotation);
 * when unknown (`null`) the field geometry is not checked.
 */
export function validateCreateBody(body: unknown, pages: readonly PageGeometry[] | null, options: ValidateBodyOptions = {}): ValidationProblem[] {
  const lang = isRecord(body) && body['locale'] === 'en' ? 'en' : 'fr';
  const problems: ValidationProblem[] = [];
  const add = (path: string, code: ValidationCode): void => {
    problems.push({ path, code, message: MESSAGES[lang][code] ?? code });
  };
  if (!isRecord(body)) {
    add('', 'required');
    return problems;
  }
  const rawSigners = Array.isArray(body['signers']) ? (body['signers'] as unknown[]) : [];
  const rawFields = Array.isArray(body['fields']) ? (body['fields'] as unknown[]) : [];

  // Shape first: the shared rules expect strings; a missing value is simply empty (→ required).
  const signers: Signer[] = [];
  rawSigners.forEach((raw, index) => {
    const id = isRecord(raw) ? raw['id'] : undefined;
    if (typeof id !== 'string' || id === '' || signers.some((s) => s.id === id)) {
      add(pointer('signers', index, 'id'), 'required');
      return;
    }
    const text = (key: string): string => (isRecord(raw) && typeof raw[key] === 'string' ? raw[key] : '');
    signers.push({ id, email: text('email'), firstName: text('firstName'), lastName: text('lastName'), phone: text('phone') });
  });
  const ids = new Set(signers.map((s) => s.id));
  const documents = options.documents ?? [pages];
  const fields: Field[] = [];
  rawFields.forEach((raw, index) => {
    const path = pointer('fields', index);
    if (!isField(raw)) add(path, 'required');
    else if (!ids.has(raw.signerId)) add(path, 'unknown_signer');
    else if ((raw.documentIndex ?? 0) >= documents.length) add(pointer('fields', index, 'documentIndex'), 'unknown_document');
    else {
      fields.push(raw);
      const missing = missingText(raw);
      if (missing) add(pointer('fields', index, missing), 'required');
      const docPages = documents[raw.documentIndex ?? 0] ?? null;
      const page = docPages?.[raw.page - 1];
      if (docPages && (!page || raw.width <= 0 || raw.height <= 0 || !isInsidePage(page, raw, 0.01))) add(path, 'outside_page');
    }
  });
  if (body['signingOrder'] !== undefined && body['signingOrder'] !== 'parallel' && body['signingOrder'] !== 'sequential') add('/signingOrder', 'required');
  const expiresAt = body['expiresAt'];
  if (expiresAt !== undefined) {
    if (typeof expiresAt !== 'string' || !Number.isFinite(Date.parse(expiresAt))) add('/expiresAt', 'required');
    else if (options.now !== undefined && !acceptableExpiry(expiresAt, options.now)) add('/expiresAt', 'out_of_range');
  }

  if (rawSigners.length > 0 && signers.length === 0) return problems;
  for (const problem of validateDraft({ signers, fields }, { lang })) {
    // A national form would pass the form's check (it knows the picker's country); the wire must be E.164.
    const signer = signers.find((s) => problem.path === pointer('signers', s.id, 'phone'));
    if (signer && signer.phone.trim() !== '' && !E164.test(signer.phone)) continue;
    problems.push(problem);
  }
  for (const signer of signers) {
    if (signer.phone.trim() !== '' && !E164.test(signer.phone)) add(pointer('signers', signer.id, 'phone'), 'invalid_phone');
  }
  return problems;
}

function isField(raw: unknown): raw is Field {
  if (!isRecord(raw) || typeof raw['signerId'] !== 'string') return false;
  if (!Number.isInteger(raw['page'])) return false;
  if (raw['documentIndex'] !== undefined && !(Number.isInteger(raw['documentIndex']) && (raw['documentIndex'] as number) >= 0)) return false;
  if (raw['kind'] !== undefined && !isFieldKind(raw['kind'])) return false;
  if (['text', 'label'].some((k) => raw[k] !== undefined && typeof raw[k] !== 'string')) return false;
  return ['x', 'y', 'width', 'height'].every((k) => typeof raw[k] === 'number' && Number.isFinite(raw[k]));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
