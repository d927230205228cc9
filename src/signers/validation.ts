/**
 * Signer validation, shared by the signers panel (inline errors) and `submit()` (the `jse-invalid`
 * list and the wire format). Pure: no DOM, no Lit.
 *
 * Problems use SPEC §3's shape (`{ path, code, message }`, `path` a JSON Pointer with signer ids),
 * so a proxy's 422 and our own checks land on the same field.
 *
 * Phones use libphonenumber-js's `max` metadata: it is the only bundled metadata that tells a
 * landline (FIXED_LINE → `not_mobile`) from a number that may be either (FIXED_LINE_OR_MOBILE, as in
 * the US and Canada → accepted). `mobile` metadata answers MOBILE for US numbers but calls a French
 * landline simply invalid, so `not_mobile` could never be said; `min` has no types at all.
 * Cost measured with esbuild (parse + AsYouType, minified, gzip -9): min 35 kB, mobile 40 kB,
 * max 56 kB — about 16 kB more than `mobile` for a message the user can act on.
 */
import {
  AsYouType,
  getCountries,
  getCountryCallingCode,
  isSupportedCountry,
  parsePhoneNumberFromString,
  type CountryCode,
  type PhoneNumber,
} from 'libphonenumber-js/max';
import type { Field, Person, Signer, ValidationCode, ValidationProblem } from '../api/types.js';
import type { DraftSigner } from '../draft/draft.js';
import { format, type Lang, type MessageKey } from '../i18n/messages.js';
import { signerLabel } from './label.js';

export { signerLabel };

export type { CountryCode };

/** The signer properties the sender types, in the order the form shows them. */
export const SIGNER_KEYS = ['email', 'firstName', 'lastName', 'phone'] as const;
export type SignerKey = (typeof SIGNER_KEYS)[number];

/** The country the phone picker starts on. */
export const DEFAULT_COUNTRY: CountryCode = 'FR';

/** `value` when it is a country the phone metadata knows. */
export function knownCountry(value: string | undefined): CountryCode | undefined {
  return value !== undefined && isSupportedCountry(value) ? value : undefined;
}

/** The country a signer's phone is read in: the one picked for it (`DraftSigner.phoneCountry`) when known, else France. */
export function phoneCountryOf(signer: Pick<DraftSigner, 'phoneCountry'>): CountryCode {
  return knownCountry(signer.phoneCountry) ?? DEFAULT_COUNTRY;
}

/**
 * French territories whose numbers are written in national form like metropolitan ones (a leading
 * 0): a sender in France types a Réunion mobile as `0692 …`, not `+262 692 …`. Parsed as France
 * such a number is invalid, so it is tried against these. New Caledonia, Polynesia and Wallis have
 * no trunk 0 (six-digit numbers): guessing them from a short typo would accept a wrong number.
 */
export const FRENCH_NATIONAL_FAMILY: readonly CountryCode[] = ['FR', 'RE', 'YT', 'GP', 'MQ', 'GF', 'BL', 'MF', 'PM'];

/** JSON Pointer (RFC 6901) to a signer or one of its properties; ids come from hosts, so escaped. */
export function signerPath(id: string, key?: SignerKey): string {
  const escaped = id.replace(/~/g, '~0').replace(/\//g, '~1');
  return key ? `/signers/${escaped}/${key}` : `/signers/${escaped}`;
}

// ---------------------------------------------------------------------------------------------
// E-mail

/**
 * A deliberate, common-sense syntax: a local part without spaces or consecutive dots, `@`, a domain
 * of letters/digits/hyphens labels (Unicode letters allowed for IDN domains) with a dot and a TLD of
 * two or more letters. Stricter than the HTML `type=email` rule, which accepts `a@b` (no TLD), a
 * frequent typo that would make an invitation bounce.
 */
const EMAIL =
  /^(?!\.)(?!.*\.\.)[\p{L}\p{N}.!#$%&'*+/=?^_`{|}~-]+(?<!\.)@(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.)+\p{L}{2,63}$/u;

/** Whether `email` (trimmed) is an e-mail address the invitation can go to. */
export function isValidEmail(email: string): boolean {
  const value = email.trim();
  return value.length <= 254 && EMAIL.test(value);
}

// ---------------------------------------------------------------------------------------------
// Phone

export type PhoneCheck =
  | {
      ok: true;
      /** `+33612345678` */
      e164: string;
      /** The territory the number belongs to (the picker's when it shares the calling code). */
      country: CountryCode | undefined;
      type: 'MOBILE' | 'FIXED_LINE_OR_MOBILE';
      /** `+262 692 12 34 56`, for showing. */
      international: string;
      /** `0692 12 34 56`, for showing in the input. */
      national: string;
    }
  | { ok: false; code: 'required' | 'invalid_phone' | 'not_mobile'; e164?: string; country?: CountryCode };

/**
 * Parses what the sender typed with the picker's country: international forms (`+32 …`, `0032 …`)
 * win over the picker; a French national form (`0692…`, `0690…`, `0639…`) that is not a French
 * number is resolved to its territory. Accepts MOBILE and FIXED_LINE_OR_MOBILE only.
 */
export function checkPhone(text: string, country: CountryCode = DEFAULT_COUNTRY): PhoneCheck {
  const value = text.trim();
  if (value === '') return { ok: false, code: 'required' };
  // Letters (other than an extension marker, refused below) mean it is not a phone number.
  if (/[^\d\s+().\-/]/.test(value.replace(/\b(?:ext|x|poste)\b\.?/gi, ''))) return { ok: false, code: 'invalid_phone' };
  const number = resolve(value, country);
  if (!number || !number.isValid() || number.ext) return { ok: false, code: 'invalid_phone' };
  const territory = territoryOf(number, country);
  const type = number.getType();
  if (type !== 'MOBILE' && type !== 'FIXED_LINE_OR_MOBILE') {
    return { ok: false, code: 'not_mobile', e164: number.number, ...(territory ? { country: territory } : {}) };
  }
  return {
    ok: true,
    e164: number.number,
    country: territory,
    type,
    international: number.formatInternational(),
    national: number.formatNational(),
  };
}

function resolve(value: string, country: CountryCode): PhoneNumber | undefined {
  const first = parse(value, country);
  if (first?.isValid()) return first;
  const national = /^0(?!0)/.test(value.replace(/[\s().\-/]/g, ''));
  if (national && FRENCH_NATIONAL_FAMILY.includes(country)) {
    for (const other of FRENCH_NATIONAL_FAMILY) {
      if (other === country) continue;
      const candidate = parse(value, other);
      if (candidate?.isValid()) return candidate;
    }
  }
  return first;
}

function parse(value: string, country: CountryCode): PhoneNumber | undefined {
  try {
    return parsePhoneNumberFromString(value, country);
  } catch {
    return undefined;
  }
}

/**
 * Guadeloupe, Saint-Barthélemy and Saint-Martin share +590 and one numbering plan: the metadata
 * names one of them by number range, so the picker's choice among them is kept.
 */
const SHARED_PLAN: readonly CountryCode[] = ['GP', 'BL', 'MF'];

function territoryOf(number: PhoneNumber, picked: CountryCode): CountryCode | undefined {
  if (number.country && SHARED_PLAN.includes(number.country) && SHARED_PLAN.includes(picked)) return picked;
  return number.country;
}

/** The phone as the user types it, formatted for the picker's country (`06 12 34 56 78`). */
export function formatPhoneAsYouType(text: string, country: CountryCode = DEFAULT_COUNTRY): string {
  if (text.trim() === '') return text;
  return new AsYouType(country).input(text);
}

/**
 * What the draft stores for a phone being typed: its E.164 when the number parses (even a landline,
 * so `not_mobile` is what `submit()` reports), else the text as typed. A national text typed with a
 * non-French picker gets the picker's calling code in front, so that `submit()` — which only has the
 * draft — reads it in the same country the sender meant.
 */
export function phoneForDraft(text: string, country: CountryCode = DEFAULT_COUNTRY): string {
  const value = text.trim();
  if (value === '') return '';
  const check = checkPhone(value, country);
  if (check.e164) return check.e164;
  if (value.startsWith('+') || value.startsWith('00') || FRENCH_NATIONAL_FAMILY.includes(country)) return value;
  return `+${getCountryCallingCode(country)} ${value}`;
}

/** How a stored phone is shown in the input, and the picker country to show with it. */
export function phoneForInput(stored: string, fallback: CountryCode = DEFAULT_COUNTRY): { text: string; country: CountryCode } {
  if (stored.trim() === '') return { text: '', country: fallback };
  const check = checkPhone(stored, fallback);
  if (check.ok && check.country) return { text: check.national, country: check.country };
  return { text: stored, country: check.country ?? fallback };
}

/** Every country the picker offers, with its calling code. */
export function phoneCountries(): { code: CountryCode; callingCode: string }[] {
  return getCountries().map((code) => ({ code, callingCode: getCountryCallingCode(code) }));
}

// ---------------------------------------------------------------------------------------------
// Signers and the draft

const MESSAGE_KEYS: Record<Exclude<ValidationCode, 'unknown_signer' | 'outside_page' | 'unknown_document' | 'out_of_range'>, MessageKey> = {
  required: 'signers.error.required',
  invalid_email: 'signers.error.invalid_email',
  duplicate_email: 'signers.error.duplicate_email',
  invalid_phone: 'signers.error.invalid_phone',
  not_mobile: 'signers.error.not_mobile',
  no_field: 'signers.error.no_field',
};

const REQUIRED_KEYS: Record<SignerKey, MessageKey> = {
  email: 'signers.error.required.email',
  firstName: 'signers.error.required.firstName',
  lastName: 'signers.error.required.lastName',
  phone: 'signers.error.required.phone',
};

export interface ValidateOptions {
  /** Language of the messages (default French). */
  lang?: Lang;
}

/**
 * Problems of the signers' own values: required names, e-mail and phone; e-mail syntax; duplicate
 * e-mails (case-insensitive, reported on every occurrence after the first); phone validity and
 * type, a phone in national form read in the signer's `phoneCountry` (France by default).
 */
export function validateSigners(signers: readonly DraftSigner[], options: ValidateOptions = {}): ValidationProblem[] {
  const lang = options.lang ?? 'fr';
  const problems: ValidationProblem[] = [];
  const seen = new Set<string>();
  signers.forEach((signer, index) => {
    const add = (key: SignerKey, code: ValidationCode): void => {
      const messageKey = code === 'required' ? REQUIRED_KEYS[key] : MESSAGE_KEYS[code as keyof typeof MESSAGE_KEYS];
      problems.push({
        path: signerPath(signer.id, key),
        code,
        message: format(lang, messageKey, { name: signerLabel(signer, index, lang) }),
      });
    };
    const email = signer.email.trim();
    if (email === '') add('email', 'required');
    else if (!isValidEmail(email)) add('email', 'invalid_email');
    else if (seen.has(email.toLowerCase())) add('email', 'duplicate_email');
    else seen.add(email.toLowerCase());
    if (signer.firstName.trim() === '') add('firstName', 'required');
    if (signer.lastName.trim() === '') add('lastName', 'required');
    const phone = checkPhone(signer.phone, phoneCountryOf(signer));
    if (!phone.ok) add('phone', phone.code);
  });
  return problems;
}

/** What the draft looks like to validation: `Draft` itself fits. */
export interface DraftLike {
  readonly signers: readonly DraftSigner[];
  readonly fields: readonly Field[];
}

/**
 * Everything that blocks sending on the signers' side: no signer at all (`/signers` required),
 * a signer without a field (`/signers/<id>` no_field), and each signer's own problems.
 * Field geometry (`outside_page`) is the placement layer's to check.
 */
export function validateDraft(draft: DraftLike, options: ValidateOptions = {}): ValidationProblem[] {
  const lang = options.lang ?? 'fr';
  if (draft.signers.length === 0) {
    return [{ path: '/signers', code: 'required', message: format(lang, 'signers.error.no_signer') }];
  }
  const problems = validateSigners(draft.signers, options);
  const withField = new Set(draft.fields.map((f) => f.signerId));
  draft.signers.forEach((signer, index) => {
    if (!withField.has(signer.id)) {
      problems.push({
        path: signerPath(signer.id),
        code: 'no_field',
        message: format(lang, 'signers.error.no_field', { name: signerLabel(signer, index, lang) }),
      });
    }
  });
  return problems;
}

/**
 * The signer as sent: names and e-mail trimmed (text otherwise as typed: markup and emoji are
 * data), phone in E.164 (read in its `phoneCountry`), no `phoneCountry`. Call after validation
 * passed; an invalid phone is returned trimmed.
 */
export function toWireSigner(signer: DraftSigner): Signer {
  const phone = checkPhone(signer.phone, phoneCountryOf(signer));
  return {
    id: signer.id,
    email: signer.email.trim(),
    firstName: signer.firstName.trim(),
    lastName: signer.lastName.trim(),
    phone: phone.ok ? phone.e164 : signer.phone.trim(),
  };
}


/** A person (from `me`, `/me` or contacts) as draft values; the phone normalised when it parses. */
export function personToSigner(person: Person): Omit<Signer, 'id'> {
  const phone = person.phone ? checkPhone(person.phone) : undefined;
  return {
    email: String(person.email ?? '').trim(),
    firstName: String(person.firstName ?? '').trim(),
    lastName: String(person.lastName ?? '').trim(),
    phone: phone?.e164 ?? String(person.phone ?? '').trim(),
  };
}
