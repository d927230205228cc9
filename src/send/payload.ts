/**
 * From the draft to what `POST /requests` sends (SPEC §3 Create), and everything that blocks
 * sending (SPEC §4). Pure: the element, `submit()` and the tests share it.
 */
import type { CreateRequestJsonOne, CreateRequestJsonSet, CreateRequestPartOne, CreateRequestPartSet, Field, SigningOrder, ValidationProblem } from '../api/types.js';
import { fieldsOutsidePages, missingTextProblems, outsidePageProblems, type PageBounds } from '../draft/field-problems.js';
import { wireField } from '../draft/field-kinds.js';
import { format, type Lang } from '../i18n/messages.js';
import { toWireSigner, validateDraft } from '../signers/validation.js';
import type { DraftSigner } from '../draft/draft.js';

export interface DraftContent {
  /** Each with the phone country picked for it, which reads a phone in national form. */
  readonly signers: readonly DraftSigner[];
  readonly fields: readonly Field[];
  readonly message: string;
}

export interface DocumentFacts {
  name: string;
  type: 'pdf' | 'image';
  /** ETag (else Last-Modified) seen when loading the file. */
  version?: string | undefined;
}

/** JSON when the proxy fetches the GED's PDF itself; an upload otherwise (images always). */
export type Prepared =
  | { kind: 'json'; payload: CreateRequestJsonOne }
  | { kind: 'upload'; payload: CreateRequestPartOne };

/** Several documents (SPEC §10): JSON when every one is a GED PDF sent by id; all uploaded otherwise. */
export type PreparedSet =
  | { kind: 'json'; payload: CreateRequestJsonSet }
  | { kind: 'upload'; payload: CreateRequestPartSet };

/** One document of a set as the payload needs it: what was loaded, and its GED id when the host gave one. */
export interface SetDocumentFacts extends DocumentFacts {
  documentId?: string | undefined;
}

/** Order and deadline of a request (SPEC §10). */
export interface RequestOptions {
  signingOrder?: SigningOrder;
  /** ISO 8601; from {@link expiresAtOf} for the date picked. */
  expiresAt?: string;
}

/**
 * The payload of a request of several documents: one signer list, the fields with their
 * `documentIndex`, the order and the deadline. JSON (`documents: [{ id, name, version }]`) when
 * every document is a PDF with a GED id; otherwise every document is uploaded, one part each
 * (a mixed set is uploaded whole, so the proxy never has to merge two sources).
 */
export function preparePayloadSet(draft: DraftContent, docs: readonly SetDocumentFacts[], locale: Lang, options: RequestOptions = {}): PreparedSet {
  if (docs.length === 0) throw new TypeError('A request needs at least one document.');
  const content = {
    signers: draft.signers.map((s) => toWireSigner(s)),
    fields: draft.fields.map((f) => ({ ...wireField(f), documentIndex: f.documentIndex ?? 0 })),
    ...(draft.message.trim() ? { message: draft.message } : {}),
    locale,
    signingOrder: options.signingOrder ?? 'parallel',
    ...(options.expiresAt ? { expiresAt: options.expiresAt } : {}),
  };
  if (docs.every((d) => sendsById(d.documentId, d))) {
    return { kind: 'json', payload: { ...content, documents: docs.map((d) => ({ id: d.documentId!, name: d.name, version: d.version ?? null })) } };
  }
  return { kind: 'upload', payload: { ...content, documents: docs.map((d) => ({ name: uploadName(d), version: d.version ?? null })) } };
}

/** Whether the document is sent by id (the proxy fetches it) rather than uploaded. */
export function sendsById(documentId: string | undefined, doc: DocumentFacts): documentId is string {
  return Boolean(documentId) && doc.type === 'pdf';
}

/** The payload: signers as sent (trimmed, E.164), fields as placed (with their kind), the message when there is one. */
export function preparePayload(draft: DraftContent, doc: DocumentFacts, documentId: string | undefined, locale: Lang): Prepared {
  const content = {
    signers: draft.signers.map((s) => toWireSigner(s)),
    fields: draft.fields.map((f) => wireField(f)),
    ...(draft.message.trim() ? { message: draft.message } : {}),
    locale,
  };
  if (sendsById(documentId, doc)) {
    return { kind: 'json', payload: { ...content, document: { id: documentId, name: doc.name, version: doc.version ?? null } } };
  }
  return { kind: 'upload', payload: { ...content, document: { name: uploadName(doc), version: doc.version ?? null } } };
}

/** An image is sent as its converted PDF, so its upload name ends in .pdf. */
export function uploadName(doc: DocumentFacts): string {
  if (doc.type === 'pdf') return doc.name;
  return `${doc.name.replace(/\.[a-z0-9]{2,5}$/i, '')}.pdf`;
}

/**
 * Everything that blocks sending, in the proxy's problem shape: the signers' problems (no signer,
 * a signer without a field, each value), a mention without words or a text field without a label,
 * then the fields outside their page.
 */
export function problemsOf(
  draft: DraftContent,
  pages: readonly PageBounds[] | undefined,
  lang: Lang,
): ValidationProblem[] {
  const problems = validateDraft(draft, { lang });
  problems.push(
    ...missingTextProblems(draft.fields, (f, missing) => format(lang, missing === 'text' ? 'send.error.missingText' : 'send.error.missingLabel', { page: f.page })),
  );
  if (pages) {
    problems.push(...outsidePageProblems(draft.fields, pages, (f) => format(lang, 'send.error.outsidePage', { page: f.page })));
  }
  return problems;
}

/**
 * The fields of a set checked against their own document's pages (`docsPages[documentIndex]`;
 * undefined for a document whose pages are not known, skipped): outside their page, or on a
 * document the set does not have.
 */
export function setPageProblems(fields: readonly Field[], docsPages: readonly (readonly PageBounds[] | undefined)[], lang: Lang): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  fields.forEach((f, i) => {
    const d = f.documentIndex ?? 0;
    if (d >= docsPages.length) {
      problems.push({ path: `/fields/${i}/documentIndex`, code: 'unknown_document', message: format(lang, 'send.error.unknownDocument') });
      return;
    }
    const pages = docsPages[d];
    if (pages && fieldsOutsidePages([f], pages).length) {
      problems.push({ path: `/fields/${i}`, code: 'outside_page', message: format(lang, 'send.error.outsidePage', { page: f.page }) });
    }
  });
  return problems;
}
