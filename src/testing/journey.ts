/**
 * The signer's side, as the seed describes it: the e-mail "Consulter les documents et signer",
 * "J'ai lu et j'accepte le document ci-dessus", a 4-digit SMS code (3 attempts), the drawn
 * signature (and initials when the signer has some to place), each mention to write and each text
 * to type in order (SPEC §10), the terms of use and the data-protection terms, "Signer", and the
 * signed copy by e-mail. Tests and the demo play the signer through this API; each step checks the
 * ones before, as Jesignexpert's pages would.
 */
import type { Field, SignRequest } from '../api/types.js';
import { fieldKind } from '../draft/field-kinds.js';
import { signingDate, stampFields, trimToInk, type Stamp } from './stamp.js';
import type { OutboxEmail, OutboxSms, SandboxState, StoredRequest, StoredSigner } from './state.js';

/** Wrong codes allowed before the signer is locked out. */
export const MAX_CODE_ATTEMPTS = 3;

export type JourneyErrorCode =
  | 'no_invitation'
  | 'closed'
  | 'already_done'
  | 'document_not_accepted'
  | 'code_not_verified'
  | 'locked'
  | 'no_signature'
  | 'no_initials'
  | 'mention_mismatch'
  | 'empty_text'
  | 'texts_missing'
  | 'terms_not_accepted';

/** A mention to write or a text to type, as the signing page asks for it. */
export interface TextPrompt {
  /** The field's index in the request's `fields`. */
  fieldIndex: number;
  kind: 'mention' | 'text';
  /** The document it is on (0-based, SPEC §10). */
  documentIndex: number;
  page: number;
  /** The words of the mention, or the label of the text. */
  prompt: string;
}

/** Options of `signAs`: the initials drawn (the signature by default) and the texts typed, in order. */
export interface SignAsOptions {
  initials?: Blob | Uint8Array | ArrayBuffer;
  /** One per text field of the signer, in the order asked (default: each field's label). */
  texts?: readonly string[];
}

/** A mention is written as given: compared without case, accents' forms or extra spaces. */
function sameWords(a: string, b: string): boolean {
  const norm = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim().toLocaleLowerCase('fr');
  return norm(a) === norm(b);
}

function toBytes(image: Blob | Uint8Array | ArrayBuffer): Promise<Uint8Array> | Uint8Array {
  if (image instanceof Blob) return image.arrayBuffer().then((b) => new Uint8Array(b));
  return new Uint8Array(image instanceof ArrayBuffer ? image.slice(0) : image.slice());
}

/** A step the signer cannot take now (the page would not offer it). */
export class JourneyError extends Error {
  override readonly name = 'JourneyError';
  readonly code: JourneyErrorCode;
  constructor(code: JourneyErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}

export interface CodeResult {
  accepted: boolean;
  /** Wrong codes still allowed. */
  attemptsLeft: number;
  locked: boolean;
}

const INVITE = /^jse-sandbox:\/\/sign\/([a-z0-9]+)$/;

/** The signer journey over a sandbox's state. */
export class SandboxJourney {
  readonly #state: SandboxState;
  readonly #proxyUrl: string;
  /** Signing rewrites the whole file: signatures on one request are stamped one after the other. */
  readonly #queues = new Map<string, Promise<unknown>>();

  constructor(state: SandboxState, proxyUrl: string) {
    this.#state = state;
    this.#proxyUrl = proxyUrl;
  }

  #serialize = <T>(requestId: string, task: () => Promise<T>): Promise<T> => {
    const run = (this.#queues.get(requestId) ?? Promise.resolve()).catch(() => undefined).then(task);
    this.#queues.set(requestId, run);
    return run;
  };

  /** Invitations in the e-mail outbox (to one address when given), oldest first. */
  invitations(email?: string): OutboxEmail[] {
    return this.#state.emailsTo(email).filter((m) => m.kind === 'invitation');
  }

  /**
   * Opens the signing pages from an invitation: the e-mail itself, its link, or the signer's
   * address (their latest invitation).
   */
  open(invitation: OutboxEmail | string): SignerSession {
    let link: string | undefined;
    if (typeof invitation !== 'string') link = invitation.link;
    else if (INVITE.test(invitation)) link = invitation;
    else link = this.invitations(invitation).at(-1)?.link;
    const token = link === undefined ? undefined : INVITE.exec(link)?.[1];
    const found = token === undefined ? undefined : this.#state.findInvitation(token);
    if (!found) throw new JourneyError('no_invitation', `No invitation for ${typeof invitation === 'string' ? invitation : invitation.to}.`);
    return new SignerSession(this.#state, this.#proxyUrl, found.request.id, found.signer.id, this.#serialize);
  }

  /**
   * Plays a whole signer journey the happy way (for tests that only need a signed request): the
   * signature, the initials (the signature unless given), each mention as asked, each text from
   * `options.texts` in order (else its label).
   */
  async signAs(email: string, signature: Blob | Uint8Array | ArrayBuffer, options: SignAsOptions = {}): Promise<SignRequest> {
    const session = this.open(email);
    const sms = session.acceptDocument();
    session.enterCode(sms.code);
    await session.drawSignature(signature);
    if (session.needsInitials) await session.drawInitials(options.initials ?? signature);
    let t = 0;
    for (let prompt = session.nextPrompt(); prompt; prompt = session.nextPrompt()) {
      session.answer(prompt.kind === 'mention' ? prompt.prompt : (options.texts?.[t++] ?? prompt.prompt));
    }
    session.acceptTerms({ termsOfUse: true, dataProtection: true });
    return session.sign();
  }
}

/** One signer on the signing pages of one request. */
export class SignerSession {
  readonly #state: SandboxState;
  readonly #proxyUrl: string;
  readonly #serialize: <T>(requestId: string, task: () => Promise<T>) => Promise<T>;
  readonly requestId: string;
  readonly signerId: string;

  /** @internal Sessions come from `SandboxJourney.open()`. */
  constructor(
    state: SandboxState,
    proxyUrl: string,
    requestId: string,
    signerId: string,
    serialize: <T>(requestId: string, task: () => Promise<T>) => Promise<T>,
  ) {
    this.#state = state;
    this.#proxyUrl = proxyUrl;
    this.requestId = requestId;
    this.signerId = signerId;
    this.#serialize = serialize;
  }

  /** The document the signer reads (with the signatures already given); the first one of a set. */
  get document(): Uint8Array {
    return this.#open().request.current;
  }

  /** Every document of the request, in order, as the signer reads them (one invitation for all). */
  get documents(): { name: string; bytes: Uint8Array }[] {
    return this.#open().request.documents.map((d) => ({ name: d.name, bytes: d.current }));
  }

  /** The sender's message to the signers (empty when none): in the invitation and on the first signing page. */
  get message(): string {
    return this.#open(false).request.message;
  }

  /** The name of the document to sign, as the sender gave it. */
  get documentName(): string {
    return this.#open(false).request.documentName;
  }

  /** The request as the proxy would return it now. */
  get request(): SignRequest {
    return this.#state.toWire(this.#open(false).request, this.#proxyUrl);
  }

  /** "J'ai lu et j'accepte le document ci-dessus": the SMS code is sent. */
  acceptDocument(): OutboxSms {
    const { request, signer } = this.#open();
    if (signer.progress.locked) throw new JourneyError('locked', 'Too many wrong codes.');
    signer.progress.documentAccepted = true;
    return this.#state.sendCode(request, signer);
  }

  /** Sends a new code (the previous one no longer works); not after a lock-out. */
  resendCode(): OutboxSms {
    const { request, signer } = this.#open();
    if (!signer.progress.documentAccepted) throw new JourneyError('document_not_accepted', 'Accept the document first.');
    if (signer.progress.locked) throw new JourneyError('locked', 'Too many wrong codes.');
    return this.#state.sendCode(request, signer);
  }

  /** Enters the SMS code. A wrong code is refused; the third wrong one locks the signer out. */
  enterCode(code: string): CodeResult {
    const { signer } = this.#open();
    const progress = signer.progress;
    if (progress.locked) throw new JourneyError('locked', 'Too many wrong codes.');
    if (!progress.documentAccepted || progress.code === null) throw new JourneyError('document_not_accepted', 'Accept the document first.');
    if (progress.codeVerified) return { accepted: true, attemptsLeft: MAX_CODE_ATTEMPTS - progress.wrongCodes, locked: false };
    if (code.trim() === progress.code) {
      progress.codeVerified = true;
    } else {
      progress.wrongCodes += 1;
      if (progress.wrongCodes >= MAX_CODE_ATTEMPTS) {
        progress.locked = true;
        progress.code = null;
      }
    }
    this.#state.changed();
    return { accepted: progress.codeVerified, attemptsLeft: Math.max(0, MAX_CODE_ATTEMPTS - progress.wrongCodes), locked: progress.locked };
  }

  /**
   * The signature the signer drew (PNG or JPEG bytes, e.g. a canvas's `toBlob`). Rejected when it
   * has no ink, as the signing page keeps "Signer" disabled on an empty pad.
   */
  async drawSignature(image: Blob | Uint8Array | ArrayBuffer): Promise<void> {
    this.#verified();
    const bytes = image instanceof Blob ? new Uint8Array(await image.arrayBuffer()) : new Uint8Array(image instanceof ArrayBuffer ? image.slice(0) : image.slice());
    await trimToInk(bytes).catch(() => {
      throw new JourneyError('no_signature', 'The signature is empty.');
    });
    const { signer } = this.#verified();
    signer.progress.signature = bytes;
    this.#state.changed();
  }

  /** True when the signer has initials to place (then `drawInitials` is required before signing). */
  get needsInitials(): boolean {
    return this.#myFields().some(({ field }) => fieldKind(field) === 'initials');
  }

  /** The initials the signer drew (PNG or JPEG bytes); rejected when empty, as the signature. */
  async drawInitials(image: Blob | Uint8Array | ArrayBuffer): Promise<void> {
    this.#verified();
    const bytes = await toBytes(image);
    await trimToInk(bytes).catch(() => {
      throw new JourneyError('no_initials', 'The initials are empty.');
    });
    const { signer } = this.#verified();
    signer.progress.initials = bytes;
    this.#state.changed();
  }

  /** Every mention to write and text to type, in the order the signing page asks: by document, by page, then as placed. */
  get prompts(): TextPrompt[] {
    const doc = (f: Field) => f.documentIndex ?? 0;
    return this.#myFields()
      .filter(({ field }) => fieldKind(field) === 'mention' || fieldKind(field) === 'text')
      .sort((a, b) => doc(a.field) - doc(b.field) || a.field.page - b.field.page || a.index - b.index)
      .map(({ field, index }) => {
        const kind = fieldKind(field) as 'mention' | 'text';
        return { fieldIndex: index, kind, documentIndex: doc(field), page: field.page, prompt: (kind === 'mention' ? field.text : field.label) ?? '' };
      });
  }

  /** What the signer has answered so far, in order. */
  get answers(): readonly string[] {
    return [...this.#open(false).signer.progress.answers];
  }

  /** The next mention or text asked for, undefined once all are answered. */
  nextPrompt(): TextPrompt | undefined {
    return this.prompts[this.#open(false).signer.progress.answers.length];
  }

  /**
   * Answers the next prompt: a mention must be written as asked (`mention_mismatch` otherwise), a
   * text must not be empty (`empty_text`). Returns the prompt after it, if any.
   */
  answer(value: string): TextPrompt | undefined {
    const { signer } = this.#verified();
    const prompt = this.nextPrompt();
    if (!prompt) throw new JourneyError('already_done', 'Every mention and text is already written.');
    const written = value.replace(/\s+/g, ' ').trim();
    if (prompt.kind === 'mention' && !sameWords(written, prompt.prompt)) {
      throw new JourneyError('mention_mismatch', `Write the mention as asked: "${prompt.prompt}".`);
    }
    if (prompt.kind === 'text' && written === '') throw new JourneyError('empty_text', `Type the text asked for: "${prompt.prompt}".`);
    signer.progress.answers.push(written);
    this.#state.changed();
    return this.nextPrompt();
  }

  /** Ticks the terms of use and the data-protection terms. */
  acceptTerms(terms: { termsOfUse: boolean; dataProtection: boolean }): void {
    const { signer } = this.#verified();
    signer.progress.termsOfUse = terms.termsOfUse;
    signer.progress.dataProtection = terms.dataProtection;
    this.#state.changed();
  }

  /**
   * "Signer": each of the signer's fields is stamped — the signature, the initials, the signing
   * date (dd/mm/yyyy, the sandbox's clock), each mention and text as written. When this was the
   * last signer, the request becomes `signed` and everyone receives the signed copy by e-mail.
   */
  async sign(): Promise<SignRequest> {
    const { signer } = this.#verified();
    const signature = signer.progress.signature;
    if (signature === null) throw new JourneyError('no_signature', 'Draw the signature first.');
    if (this.needsInitials && signer.progress.initials === null) throw new JourneyError('no_initials', 'Draw the initials first.');
    const prompts = this.prompts;
    if (signer.progress.answers.length < prompts.length) throw new JourneyError('texts_missing', 'Write every mention and text first.');
    if (!signer.progress.termsOfUse || !signer.progress.dataProtection) {
      throw new JourneyError('terms_not_accepted', 'Both the terms of use and the data-protection terms must be accepted.');
    }
    const ink = await trimToInk(signature);
    const initials = signer.progress.initials === null ? ink : await trimToInk(signer.progress.initials);
    const written = new Map(prompts.map((p, i) => [p.fieldIndex, signer.progress.answers[i]]));
    return this.#serialize(this.requestId, async () => {
      // Checked again inside the queue: the request may have been cancelled or refused meanwhile.
      const { request } = this.#verified();
      const date = signingDate(this.#state.now());
      // One signature for every document: each document is stamped with this signer's fields on it.
      const stamps: Stamp[][] = request.documents.map(() => []);
      request.fields.forEach((field, index) => {
        if (field.signerId !== signer.id) return;
        const on = stamps[field.documentIndex ?? 0];
        if (!on) return;
        const kind = fieldKind(field);
        if (kind === 'signature') on.push({ field, image: ink });
        else if (kind === 'initials') on.push({ field, image: initials });
        else if (kind === 'date') on.push({ field, text: date });
        else on.push({ field, text: written.get(index) ?? '' });
      });
      const stamped: Uint8Array[] = [];
      for (const [i, document] of request.documents.entries()) {
        stamped.push(stamps[i].length ? await stampFields(document.current, stamps[i]) : document.current);
      }
      this.#verified();
      this.#state.recordSignature(request.id, signer.id, stamped);
      return this.#state.toWire(request, this.#proxyUrl);
    });
  }

  /** The signer declines to sign: the request is refused. */
  refuse(reason = ''): SignRequest {
    const { request, signer } = this.#open();
    this.#state.refuse(request.id, signer.id, reason);
    return this.#state.toWire(request, this.#proxyUrl);
  }

  /** The signer's fields with their index in the request. */
  #myFields(): { field: Field; index: number }[] {
    const { request, signer } = this.#open(false);
    return request.fields.flatMap((field, index) => (field.signerId === signer.id ? [{ field, index }] : []));
  }

  #open(requireOpen = true): { request: StoredRequest; signer: StoredSigner } {
    const request = this.#state.getRequest(this.requestId);
    const signer = request?.signers.find((s) => s.id === this.signerId);
    if (!request || !signer) throw new JourneyError('no_invitation', 'This invitation no longer exists.');
    if (requireOpen && request.status !== 'pending') throw new JourneyError('closed', `The request is ${request.status}.`);
    if (requireOpen && signer.status !== 'waiting') throw new JourneyError('already_done', `This signer has ${signer.status}.`);
    return { request, signer };
  }

  #verified(): { request: StoredRequest; signer: StoredSigner } {
    const opened = this.#open();
    if (opened.signer.progress.locked) throw new JourneyError('locked', 'Too many wrong codes.');
    if (!opened.signer.progress.codeVerified) throw new JourneyError('code_not_verified', 'Enter the SMS code first.');
    return opened;
  }
}
