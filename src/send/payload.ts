/**
 * From the draft to what `POST /requests` sends (SPEC §3 Create), and everything that blocks
 * sending (SPEC §4). Pure: the element, `submit()` and the tests share it.
 */
import type { CreateRequestJson, CreateRequestPart, Field, ValidationProblem } from '../api/types.js';
import { missingTextProblems, outsidePageProblems, type PageBounds } from '../draft/field-problems.js';
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
  | { kind: 'json'; payload: CreateRequestJson }
  | { kind: 'upload'; payload: CreateRequestPart };

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
