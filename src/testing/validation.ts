/**
 * What the sandbox checks in a `POST /requests` body before creating anything, answering 422 with
 * SPEC §3's JSON-Pointer paths (signer ids, field indexes) and codes. Pure (no DOM): the checks a
 * real proxy would make on data it cannot trust, whatever the widget already checked.
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { Field, Signer, ValidationCode, ValidationProblem } from '../api/types.js';
import { isInsidePage, type PageGeometry } from '../document/geometry.js';

/** The request part of a create, once its shape is known to be right. */
export interface CreateBody {
  signers: Signer[];
  fields: Field[];
  message?: string;
  locale?: string;
  document?: { id?: string; name?: string; version?: string };
}

const MESSAGES: Record<'fr' | 'en', Record<ValidationCode, string>> = {
  fr: {
    required: 'Ce champ est obligatoire.',
    invalid_email: "L'adresse e-mail n'est pas valide.",
    duplicate_email: 'Cette adresse e-mail est déjà celle d’un autre signataire.',
    invalid_phone: "Le numéro de téléphone n'est pas valide.",
    not_mobile: "Le numéro doit être celui d'un téléphone mobile.",
    no_field: "Ce signataire n'a aucun emplacement de signature.",
    unknown_signer: "Cet emplacement appartient à un signataire inconnu.",
    outside_page: "Cet emplacement sort de la page.",
  },
  en: {
    required: 'This field is required.',
    invalid_email: 'The e-mail address is not valid.',
    duplicate_email: 'Another signer already has this e-mail address.',
    invalid_phone: 'The phone number is not valid.',
    not_mobile: 'The number must be a mobile phone.',
    no_field: 'This signer has no signature location.',
    unknown_signer: 'This location belongs to an unknown signer.',
    outside_page: 'This location lies outside the page.',
  },
};

/** The usual e-mail shape: something@domain.tld, no spaces. */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** JSON Pointer escaping (RFC 6901), since signer ids come from the client. */
export function pointer(...segments: (string | number)[]): string {
  return segments.map((s) => '/' + String(s).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

/**
 * Checks a parsed create body. `pages` are the document's pages (pdf.js `view` and rotation);
 * when unknown (`null`) the field geometry is not checked.
 */
export function validateCreateBody(body: unknown, pages: readonly PageGeometry[] | null): ValidationProblem[] {
  const locale = isRecord(body) && body['locale'] === 'en' ? 'en' : 'fr';
  const problems: ValidationProblem[] = [];
  const add = (path: string, code: ValidationCode): void => {
    problems.push({ path, code, message: MESSAGES[locale][code] });
  };
  if (!isRecord(body)) {
    add('', 'required');
    return problems;
  }
  const signers = Array.isArray(body['signers']) ? (body['signers'] as unknown[]) : [];
  const fields = Array.isArray(body['fields']) ? (body['fields'] as unknown[]) : [];
  if (signers.length === 0) add('/signers', 'required');

  const ids = new Set<string>();
  const emails = new Map<string, string>();
  signers.forEach((raw, index) => {
    if (!isRecord(raw) || typeof raw['id'] !== 'string' || raw['id'] === '' || ids.has(raw['id'])) {
      add(pointer('signers', index, 'id'), 'required');
      return;
    }
    const id = raw['id'];
    ids.add(id);
    for (const key of ['firstName', 'lastName'] as const) {
      if (typeof raw[key] !== 'string' || raw[key].trim() === '') add(pointer('signers', id, key), 'required');
    }
    const email = raw['email'];
    if (typeof email !== 'string' || email.trim() === '') add(pointer('signers', id, 'email'), 'required');
    else if (!EMAIL.test(email.trim())) add(pointer('signers', id, 'email'), 'invalid_email');
    else {
      const normal = email.trim().toLowerCase();
      if (emails.has(normal)) add(pointer('signers', id, 'email'), 'duplicate_email');
      else emails.set(normal, id);
    }
    const phone = raw['phone'];
    if (typeof phone !== 'string' || phone.trim() === '') add(pointer('signers', id, 'phone'), 'required');
    else {
      // The wire carries E.164 only: a national form is a client bug, not a number to guess at.
      const parsed = /^\+[1-9]\d{4,14}$/.test(phone) ? parsePhoneNumberFromString(phone) : undefined;
      if (!parsed || !parsed.isValid()) add(pointer('signers', id, 'phone'), 'invalid_phone');
      else {
        const type = parsed.getType();
        if (type !== 'MOBILE' && type !== 'FIXED_LINE_OR_MOBILE') add(pointer('signers', id, 'phone'), 'not_mobile');
      }
    }
  });

  const withField = new Set<string>();
  fields.forEach((raw, index) => {
    const path = pointer('fields', index);
    if (!isField(raw)) {
      add(path, 'required');
      return;
    }
    if (!ids.has(raw.signerId)) {
      add(path, 'unknown_signer');
      return;
    }
    withField.add(raw.signerId);
    if (pages) {
      const page = pages[raw.page - 1];
      if (!page || raw.width <= 0 || raw.height <= 0 || !isInsidePage(page, raw, 0.01)) add(path, 'outside_page');
    }
  });
  for (const id of ids) if (!withField.has(id)) add(pointer('signers', id), 'no_field');
  return problems;
}

function isField(raw: unknown): raw is Field {
  if (!isRecord(raw) || typeof raw['signerId'] !== 'string') return false;
  if (!Number.isInteger(raw['page'])) return false;
  return ['x', 'y', 'width', 'height'].every((k) => typeof raw[k] === 'number' && Number.isFinite(raw[k]));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
