/**
 * `<jse-signers-panel>`: the people who sign. Edits the draft's signers (e-mail, names, mobile
 * phone with a country picker), the message to all signers, and shows validation inline.
 *
 * The draft stores names and e-mails as typed (trimmed when the user leaves the field, never on
 * each key, which would eat the space in "Jean Pierre"), the phone as E.164 once it parses and the
 * picker's country with it (`DraftSigner.phoneCountry`, so checking the draft on submit needs
 * nothing from here); what the user typed in the phone input lives here, so re-renders caused by
 * anything else never change an input under the user's fingers.
 */
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import type { Person, Signer, ValidationProblem } from '../api/types.js';
import type { Draft, DraftSigner } from '../draft/draft.js';
import { sharedStyles } from '../internal/shared-styles.js';
import { LocalizeController } from '../i18n/localize-controller.js';
import { format, type Lang, type MessageKey } from '../i18n/messages.js';
import { styleProps } from '../internal/style-props.js';
import { signerColor } from '../placement/palette.js';
import { SEARCH_FAILED_EVENT, internalEvent, type SearchFailedDetail } from '../internal/events.js';
import { recentSigners, type RecentSigners } from './recent.js';
import { isPerson, mergeSuggestions, type Suggestion } from './suggest.js';
import {
  DEFAULT_COUNTRY,
  SIGNER_KEYS,
  checkPhone,
  formatPhoneAsYouType,
  knownCountry,
  personToSigner,
  phoneCountries,
  phoneForDraft,
  phoneForInput,
  signerLabel,
  signerPath,
  validateDraft,
  type CountryCode,
  type SignerKey,
} from './validation.js';

/** Contacts: a list, or a search for large address books (the element's `contacts`). */
export type PeopleSource = readonly Person[] | ((query: string) => Promise<Person[]>);

/** What the phone input and its picker show for a signer, and the draft values they were derived from. */
interface PhoneState {
  text: string;
  country: CountryCode;
  stored: string;
  storedCountry: string | undefined;
}

/** Waits this long after the last key before asking an async contacts source. */
const SEARCH_DELAY = 200;

/**
 * The signers of the request, editable.
 *
 * @csspart signers - The panel's root.
 */
export class SignersPanel extends LitElement {
  static override styles = [
    sharedStyles,
    css`
    :host {
      display: block;
      min-width: 0;
      font: inherit;
      color: var(--jse-color-text, #1c2230);
    }
    [part='signers'] {
      display: flex;
      flex-direction: column;
      gap: 0.75rem;
      padding: 0.75rem;
      min-width: 0;
    }
    h2 {
      font-size: 1rem;
      margin: 0;
    }
    ol {
      list-style: none;
      margin: 0;
      padding: 0;
      display: flex;
      flex-direction: column;
      gap: 0.75rem;
    }
    fieldset {
      margin: 0;
      min-width: 0;
      border: 1px solid var(--jse-color-border, #c9cfdb);
      border-left: 0.35rem solid var(--jse-signer-color);
      border-radius: var(--jse-radius, 6px);
      padding: 0.5rem 0.75rem 0.75rem;
      display: grid;
      gap: 0.5rem;
    }
    legend {
      display: flex;
      align-items: center;
      gap: 0.4rem;
      font-weight: 600;
      padding: 0 0.25rem;
      max-width: 100%;
      overflow-wrap: anywhere;
    }
    .swatch {
      flex: none;
      width: 0.8rem;
      height: 0.8rem;
      border-radius: 50%;
      background: var(--jse-signer-color);
    }
    .head {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: 0.5rem;
      flex-wrap: wrap;
    }
    .count {
      margin: 0;
      font-size: 0.875rem;
      color: var(--jse-color-muted, #5b6478);
    }
    .names {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(8.5rem, 1fr));
      gap: 0.5rem;
    }
    .field {
      display: grid;
      gap: 0.2rem;
      min-width: 0;
    }
    label {
      font-size: 0.875rem;
    }
    input,
    select,
    textarea {
      font: inherit;
      width: 100%;
      min-width: 0;
      padding: 0.35rem 0.5rem;
      border: 1px solid var(--jse-color-border, #c9cfdb);
      border-radius: var(--jse-radius, 6px);
      background: var(--jse-color-bg, #fff);
      color: inherit;
    }
    textarea {
      resize: vertical;
      min-height: 4rem;
    }
    [aria-invalid='true'] {
      border-color: var(--jse-color-danger, #b42318);
      border-width: 2px;
    }
    /* Side by side when there is room for a whole country name and a whole number; else the
       country above the number, each the row's width (issue 18: "La Réunion (+262)", "06 98 76 54 32"). */
    .phone {
      display: flex;
      flex-wrap: wrap;
      gap: 0.4rem;
      min-width: 0;
    }
    .phone select {
      flex: 1 1 14rem;
    }
    .phone input {
      flex: 1 1 11rem;
    }
    @media (pointer: coarse) {
      input,
      select,
      button {
        min-height: 2.75rem;
      }
    }
    .error {
      margin: 0;
      font-size: 0.875rem;
      color: var(--jse-color-danger, #b42318);
      overflow-wrap: anywhere;
    }
    .hint {
      margin: 0;
      font-size: 0.875rem;
      color: var(--jse-color-muted, #5b6478);
    }
    .name-text {
      overflow-wrap: anywhere;
      min-width: 0;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
    }
    button {
      font: inherit;
      padding: 0.35rem 0.8rem;
      border-radius: var(--jse-radius, 6px);
      border: 1px solid var(--jse-color-accent, #1d4ed8);
      background: var(--jse-color-accent, #1d4ed8);
      color: var(--jse-color-accent-text, #fff);
      cursor: pointer;
    }
    button.secondary {
      background: var(--jse-color-bg, #fff);
      color: var(--jse-color-accent, #1d4ed8);
    }
    button.danger {
      background: var(--jse-color-bg, #fff);
      border-color: var(--jse-color-danger, #b42318);
      color: var(--jse-color-danger, #b42318);
    }
    button:disabled {
      opacity: 0.6;
      cursor: default;
    }
    :is(button, input, select, textarea, [role='option']):focus-visible {
      outline: 3px solid color-mix(in srgb, var(--jse-color-accent, #1d4ed8) 45%, transparent);
      outline-offset: 1px;
    }
    .search {
      position: relative;
      display: grid;
      gap: 0.2rem;
    }
    [role='listbox'] {
      list-style: none;
      margin: 0;
      padding: 0.25rem 0;
      border: 1px solid var(--jse-color-border, #c9cfdb);
      border-radius: var(--jse-radius, 6px);
      background: var(--jse-color-bg, #fff);
      max-height: 16rem;
      overflow-y: auto;
    }
    [role='option'] {
      padding: 0.35rem 0.6rem;
      cursor: pointer;
      display: grid;
      overflow-wrap: anywhere;
    }
    [role='option'][aria-selected='true'],
    [role='option']:hover {
      background: var(--jse-color-surface, #f3f5f9);
    }
    [role='option'] .email {
      font-size: 0.875rem;
      color: var(--jse-color-muted, #5b6478);
    }
    dialog h3 {
      margin-top: 0;
      font-size: 1rem;
      overflow-wrap: anywhere;
    }
    dialog p {
      overflow-wrap: anywhere;
    }
  `,
  ];

  /** The draft whose signers and message this panel edits. */
  @property({ attribute: false }) draft?: Draft;

  /** The current user, for "Ajouter moi-même" (the element passes `me`, else `/me`'s user). */
  @property({ attribute: false }) me?: Person;

  /** People to suggest: an array, or an async search. */
  @property({ attribute: false }) contacts?: PeopleSource;

  /** The language to speak; when unset, the closest `lang` attribute decides. */
  @property({ attribute: false }) locale?: Lang;

  /** Problems found elsewhere (the proxy's 422, `submit()`): each shown on its field until that field is edited. */
  @property({ attribute: false }) problems: readonly ValidationProblem[] = [];

  /** Where recently used signers are read from (this tab's session by default). */
  @property({ attribute: false }) recents: RecentSigners = recentSigners();

  /**
   * Bumped each time sending is refused for the draft's problems (the element counts them): each
   * new value once the panel is shown shows every error, as `showAllErrors()` does, and focuses the
   * first field in error. The value a new panel starts with reveals nothing (no focus taken on mount).
   */
  @property({ type: Number, attribute: false }) revealErrors = 0;

  /** Paths of fields the user has left (their errors show from then on). */
  @state() private touched = new Set<string>();
  @state() private showAll = false;
  @state() private removing?: string;
  @state() private query = '';
  @state() private searchOpen = false;
  @state() private suggestions: Suggestion[] = [];
  @state() private activeOption = -1;
  @state() private searchState: 'idle' | 'searching' | 'failed' = 'idle';

  private readonly i18n = new LocalizeController(this);
  readonly #phones = new Map<string, PhoneState>();
  /** Short ids for DOM ids: signer ids come from hosts and may hold any character. */
  readonly #domIds = new Map<string, number>();
  #nextDomId = 0;
  /** Paths of outside problems the user has since edited. */
  #edited = new Set<string>();
  #unsubscribe?: () => void;
  #searchTimer?: ReturnType<typeof setTimeout>;
  #searchGeneration = 0;
  /** `revealErrors` changed: the first field in error gets the focus once rendered. */
  #focusFirstError = false;
  #remoteResults: Person[] = [];

  private t(key: MessageKey, params?: Record<string, string | number>): string {
    return format(this.lang_, key, params);
  }

  private get lang_(): Lang {
    return this.locale ?? this.i18n.lang;
  }

  /**
   * Shows every error (as on submit) and focuses the first field in error.
   * Returns the draft's problems on the signers' side (SPEC §3 shape).
   */
  showAllErrors(): ValidationProblem[] {
    this.showAll = true;
    const problems = this.validate();
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
    return problems;
  }

  /**
   * Focuses where the signers need the user next: the first empty or invalid box, else "add a
   * signer" when there is none. Resolves false when every signer is complete (nothing focused).
   */
  async focusFirstIncomplete(): Promise<boolean> {
    await this.updateComplete;
    const boxes = [...this.renderRoot.querySelectorAll<HTMLInputElement>('li.signer input[required]')];
    const target: HTMLElement | undefined =
      boxes.find((i) => i.value.trim() === '' || i.getAttribute('aria-invalid') === 'true') ??
      (this.draft?.signers.length ? undefined : (this.renderRoot.querySelector<HTMLElement>('button.add') ?? undefined));
    target?.focus();
    return !!target;
  }

  /** The draft's problems on the signers' side (each phone read in the country picked for it, kept in the draft). */
  validate(): ValidationProblem[] {
    if (!this.draft) return [];
    return validateDraft(this.draft, { lang: this.lang_ });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#subscribe();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    clearTimeout(this.#searchTimer);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('draft')) this.#subscribe();
    if (changed.has('problems')) this.#edited = new Set();
    if (changed.has('revealErrors') && this.hasUpdated) {
      this.showAll = true;
      this.#focusFirstError = true;
    }
  }

  protected override updated(): void {
    if (!this.#focusFirstError) return;
    this.#focusFirstError = false;
    this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }

  #subscribe(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = this.draft?.subscribe(() => this.requestUpdate());
  }

  #domId(signerId: string): number {
    let n = this.#domIds.get(signerId);
    if (n === undefined) {
      n = this.#nextDomId++;
      this.#domIds.set(signerId, n);
    }
    return n;
  }

  #phoneState(signer: DraftSigner): PhoneState {
    let st = this.#phones.get(signer.id);
    if (!st || st.stored !== signer.phone || st.storedCountry !== signer.phoneCountry) {
      // Set from outside (host, suggestion, "moi-même", undo, a draft restored): show it in national
      // form with its country, the one picked for it while the number does not say.
      const shown = phoneForInput(signer.phone, knownCountry(signer.phoneCountry) ?? st?.country ?? DEFAULT_COUNTRY);
      st = { text: shown.text, country: shown.country, stored: signer.phone, storedCountry: signer.phoneCountry };
      this.#phones.set(signer.id, st);
    }
    return st;
  }

  // -------------------------------------------------------------------------------------------
  // Editing

  #onInput(signer: Signer, key: Exclude<SignerKey, 'phone'>, e: InputEvent): void {
    const value = (e.target as HTMLInputElement).value;
    this.#edited.add(signerPath(signer.id, key));
    this.draft?.updateSigner(signer.id, { [key]: value });
  }

  #onLeave(signer: Signer, key: SignerKey, e: FocusEvent): void {
    const input = e.target as HTMLInputElement;
    if (key !== 'phone') {
      const trimmed = input.value.trim();
      if (trimmed !== input.value) {
        input.value = trimmed;
        this.draft?.updateSigner(signer.id, { [key]: trimmed });
      }
    } else {
      const st = this.#phones.get(signer.id);
      if (st) {
        const formatted = formatPhoneAsYouType(st.text, st.country);
        if (formatted !== st.text) {
          st.text = formatted;
          input.value = formatted;
        }
      }
    }
    this.#touch(signerPath(signer.id, key));
  }

  #touch(path: string): void {
    if (this.touched.has(path)) return;
    this.touched = new Set(this.touched).add(path);
  }

  #onPhoneInput(signer: Signer, e: InputEvent): void {
    const input = e.target as HTMLInputElement;
    const st = this.#phoneState(signer);
    let text = input.value;
    // Reformat only while the user adds at the end: mid-text edits and deletions keep the caret where it is.
    if (e.inputType?.startsWith('insert') && input.selectionStart === text.length) {
      const formatted = formatPhoneAsYouType(text, st.country);
      if (formatted !== text) {
        text = formatted;
        input.value = formatted;
      }
    }
    this.#setPhone(signer.id, st, text, st.country);
  }

  #onCountry(signer: Signer, e: Event): void {
    const country = (e.target as HTMLSelectElement).value as CountryCode;
    const st = this.#phoneState(signer);
    // The digits are re-read, and re-grouped, the way the new country writes them.
    const text = formatPhoneAsYouType(st.text, country);
    const input = this.renderRoot.querySelector<HTMLInputElement>(`#phone-${this.#domId(signer.id)}`);
    if (input && input.value !== text) input.value = text;
    this.#setPhone(signer.id, st, text, country);
    if (st.text.trim() !== '') this.#touch(signerPath(signer.id, 'phone'));
  }

  #setPhone(id: string, st: PhoneState, text: string, country: CountryCode): void {
    const stored = phoneForDraft(text, country);
    this.#phones.set(id, { text, country, stored, storedCountry: country });
    this.#edited.add(signerPath(id, 'phone'));
    // The picker's country goes into the draft with the phone: it is how the draft reads the number.
    if (stored === st.stored && country === st.storedCountry) this.requestUpdate();
    else this.draft?.updateSigner(id, { phone: stored, phoneCountry: country });
  }

  #onMessage(e: InputEvent): void {
    this.draft?.setMessage((e.target as HTMLTextAreaElement).value);
  }

  async #addSigner(values: Partial<Omit<Signer, 'id'>> = {}, focus: 'email' | 'none' = 'email'): Promise<void> {
    const draft = this.draft;
    if (!draft) return;
    // A row created empty (placing a field before entering anyone) is filled rather than left behind.
    const empty = Object.keys(values).length > 0 ? draft.signers.find((s) => SIGNER_KEYS.every((k) => s[k].trim() === '')) : undefined;
    let id: string;
    if (empty) {
      draft.updateSigner(empty.id, values);
      id = empty.id;
    } else {
      id = draft.addSigner(values).id;
    }
    draft.setActiveSigner(id);
    if (focus === 'none') return;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>(`#email-${this.#domId(id)}`)?.focus();
  }

  #addMe(): void {
    if (this.me && isPerson(this.me)) void this.#addSigner(personToSigner(this.me), 'none');
  }

  #meAlreadyThere(): boolean {
    const email = this.me?.email?.trim().toLowerCase();
    return !!email && !!this.draft?.signers.some((s) => s.email.trim().toLowerCase() === email);
  }

  async #askRemove(signer: Signer): Promise<void> {
    const draft = this.draft;
    if (!draft) return;
    if (draft.fieldCount(signer.id) === 0) {
      await this.#remove(signer.id);
      return;
    }
    this.removing = signer.id;
    await this.updateComplete;
    const dialog = this.renderRoot.querySelector('dialog');
    if (dialog && !dialog.open) dialog.showModal();
  }

  async #remove(id: string, reassignTo?: string): Promise<void> {
    const draft = this.draft;
    if (!draft) return;
    const index = draft.signers.findIndex((s) => s.id === id);
    this.#closeDialog();
    draft.removeSigner(id, reassignTo);
    this.#phones.delete(id);
    await this.updateComplete;
    // Focus stays in the list: the signer now at that place, else the last one, else "add".
    const next = draft.signers[Math.min(index, draft.signers.length - 1)];
    const target = next
      ? this.renderRoot.querySelector<HTMLElement>(`#remove-${this.#domId(next.id)}`)
      : this.renderRoot.querySelector<HTMLElement>('.add');
    target?.focus();
  }

  #closeDialog(): void {
    const dialog = this.renderRoot.querySelector('dialog');
    if (dialog?.open) dialog.close();
    this.removing = undefined;
  }

  #onDialogClose(): void {
    const id = this.removing;
    this.removing = undefined;
    if (id) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#remove-${this.#domId(id)}`)?.focus());
  }

  // -------------------------------------------------------------------------------------------
  // Suggestions

  #exclude(): string[] {
    return this.draft?.signers.map((s) => s.email) ?? [];
  }

  #refreshSuggestions(): void {
    const contacts = Array.isArray(this.contacts) ? this.contacts : this.#remoteResults;
    this.suggestions = mergeSuggestions(this.recents.load(), contacts, this.query, this.#exclude());
    if (this.activeOption >= this.suggestions.length) this.activeOption = this.suggestions.length - 1;
  }

  #onSearchInput(e: InputEvent): void {
    this.query = (e.target as HTMLInputElement).value;
    this.searchOpen = true;
    this.activeOption = -1;
    const source = this.contacts;
    if (typeof source === 'function') {
      clearTimeout(this.#searchTimer);
      const generation = ++this.#searchGeneration;
      this.#remoteResults = [];
      const query = this.query.trim();
      if (query !== '') {
        this.searchState = 'searching';
        this.#searchTimer = setTimeout(() => void this.#search(source, query, generation), SEARCH_DELAY);
      } else {
        this.searchState = 'idle';
      }
    }
    this.#refreshSuggestions();
  }

  async #search(source: (query: string) => Promise<Person[]>, query: string, generation: number): Promise<void> {
    try {
      const found = await source(query);
      if (generation !== this.#searchGeneration) return; // a newer query was typed meanwhile
      this.#remoteResults = Array.isArray(found) ? found : [];
      this.searchState = 'idle';
    } catch (cause) {
      if (generation !== this.#searchGeneration) return;
      this.#remoteResults = [];
      this.searchState = 'failed';
      // Shown here; the element tells the host too (SPEC §2: every failure the user sees is an event).
      this.dispatchEvent(internalEvent<SearchFailedDetail>(SEARCH_FAILED_EVENT, { query, cause }));
    }
    this.#refreshSuggestions();
  }

  #openSearch(): void {
    this.searchOpen = true;
    this.#refreshSuggestions();
  }

  #onSearchKey(e: KeyboardEvent): void {
    const count = this.suggestions.length;
    switch (e.key) {
      case 'ArrowDown':
        e.preventDefault();
        if (!this.searchOpen) this.#openSearch();
        else if (count) this.activeOption = (this.activeOption + 1) % count;
        break;
      case 'ArrowUp':
        e.preventDefault();
        if (count) this.activeOption = this.activeOption <= 0 ? count - 1 : this.activeOption - 1;
        break;
      case 'Enter': {
        const chosen = this.suggestions[this.activeOption];
        if (this.searchOpen && chosen) {
          e.preventDefault();
          this.#pick(chosen.person);
        }
        break;
      }
      case 'Escape':
        if (this.searchOpen) {
          e.preventDefault();
          this.searchOpen = false;
          this.activeOption = -1;
        }
        break;
    }
  }

  #pick(person: Person): void {
    void this.#addSigner(personToSigner(person), 'none');
    this.query = '';
    this.searchOpen = false;
    this.activeOption = -1;
    this.#remoteResults = [];
    this.searchState = 'idle';
    const input = this.renderRoot.querySelector<HTMLInputElement>('#search');
    if (input) input.value = '';
  }

  // -------------------------------------------------------------------------------------------
  // Rendering

  /** The message to show under a field: ours once it was left (or on submit), else an outside one. */
  #errorsByPath(): Map<string, ValidationProblem> {
    const byPath = new Map<string, ValidationProblem>();
    for (const p of this.problems) if (!this.#edited.has(p.path)) byPath.set(p.path, p);
    for (const p of this.validate()) {
      if (this.showAll || this.touched.has(p.path)) byPath.set(p.path, p);
    }
    return byPath;
  }

  protected override render() {
    const draft = this.draft;
    const signers = draft?.signers ?? [];
    const errors = this.#errorsByPath();
    const listError = errors.get('/signers');
    const showSearch = this.contacts !== undefined || this.recents.load().length > 0;
    return html`
      <section part="signers" aria-labelledby="signers-title">
        <h2 id="signers-title">${this.t('signers.title')}</h2>
        ${signers.length === 0 ? html`<p class="hint">${this.t('signers.empty')}</p>` : nothing}
        ${listError ? html`<p class="error" id="signers-error">${listError.message}</p>` : nothing}
        <ol>
          ${repeat(
            signers,
            (s) => s.id,
            (s, i) => this.#renderSigner(s, i, errors),
          )}
        </ol>
        <div class="actions">
          <button type="button" class="add secondary" @click=${() => void this.#addSigner()}>${this.t('signers.add')}</button>
          ${this.me && isPerson(this.me)
            ? html`<button type="button" class="add-me secondary" ?disabled=${this.#meAlreadyThere()} @click=${() => this.#addMe()}>
                ${this.t('signers.addMe')}
              </button>`
            : nothing}
        </div>
        ${showSearch ? this.#renderSearch() : nothing}
        <div class="field">
          <label for="message">${this.t('signers.message')}</label>
          <textarea id="message" .value=${live(draft?.message ?? '')} @input=${this.#onMessage}></textarea>
        </div>
        ${this.#renderDialog()}
      </section>
    `;
  }

  #renderSigner(signer: Signer, index: number, errors: Map<string, ValidationProblem>) {
    const n = this.#domId(signer.id);
    const label = signerLabel(signer, index, this.lang_);
    const count = this.draft?.fieldCount(signer.id) ?? 0;
    const noField = errors.get(signerPath(signer.id));
    const phone = this.#phoneState(signer);
    const phoneError = errors.get(signerPath(signer.id, 'phone'));
    const resolved = phone.text.trim() !== '' ? checkPhone(phone.text, phone.country) : undefined;
    const showResolved = resolved?.ok && resolved.country !== phone.country;
    const text = (key: Exclude<SignerKey, 'phone'>, type: string, extra: { autocomplete: string; inputmode?: string }) => {
      const error = errors.get(signerPath(signer.id, key));
      const id = `${key}-${n}`;
      return html`<div class="field">
        <label for=${id}>${this.t(`signers.${key}`)}</label>
        <input
          id=${id}
          type=${type}
          autocomplete=${extra.autocomplete}
          inputmode=${extra.inputmode ?? nothing}
          spellcheck="false"
          required
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby=${error ? `${id}-error` : nothing}
          .value=${live(signer[key])}
          @input=${(e: InputEvent) => this.#onInput(signer, key, e)}
          @blur=${(e: FocusEvent) => this.#onLeave(signer, key, e)}
        />
        ${error ? html`<p class="error" id=${`${id}-error`}>${error.message}</p>` : nothing}
      </div>`;
    };
    return html`<li class="signer" data-signer-id=${signer.id} @focusin=${() => this.draft?.setActiveSigner(signer.id)}>
      <fieldset ${styleProps({ '--jse-signer-color': signerColor(index) })}>
        <legend><span class="swatch" aria-hidden="true"></span><span class="name-text">${label}</span></legend>
        <div class="head">
          <p class="count">${this.#countText(count)}</p>
          <button
            type="button"
            class="remove danger"
            id=${`remove-${n}`}
            aria-label=${this.t('signers.removeLabel', { name: label })}
            @click=${() => void this.#askRemove(signer)}
          >
            ${this.t('signers.remove')}
          </button>
        </div>
        ${noField ? html`<p class="error">${noField.message}</p>` : nothing}
        ${text('email', 'email', { autocomplete: 'off', inputmode: 'email' })}
        <div class="names">
          ${text('firstName', 'text', { autocomplete: 'off' })} ${text('lastName', 'text', { autocomplete: 'off' })}
        </div>
        <div class="field">
          <label for=${`phone-${n}`}>${this.t('signers.phone')}</label>
          <div class="phone">
            <select
              id=${`country-${n}`}
              aria-label=${this.t('signers.country')}
              .value=${live(phone.country)}
              @change=${(e: Event) => this.#onCountry(signer, e)}
            >
              ${this.#countryOptions(phone.country)}
            </select>
            <input
              id=${`phone-${n}`}
              type="tel"
              inputmode="tel"
              autocomplete="off"
              required
              aria-invalid=${phoneError ? 'true' : 'false'}
              aria-describedby=${[phoneError ? `phone-${n}-error` : '', showResolved ? `phone-${n}-hint` : ''].join(' ').trim() || nothing}
              .value=${live(phone.text)}
              @input=${(e: InputEvent) => this.#onPhoneInput(signer, e)}
              @blur=${(e: FocusEvent) => this.#onLeave(signer, 'phone', e)}
            />
          </div>
          ${showResolved && resolved.ok
            ? html`<p class="hint" id=${`phone-${n}-hint`}>
                ${this.t('signers.phoneResolved', { number: resolved.international, country: this.#countryName(resolved.country!) })}
              </p>`
            : nothing}
          ${phoneError ? html`<p class="error" id=${`phone-${n}-error`}>${phoneError.message}</p>` : nothing}
        </div>
      </fieldset>
    </li>`;
  }

  #countText(count: number): string {
    if (count === 0) return this.t('signers.fields.none');
    if (count === 1) return this.t('signers.fields.one');
    return this.t('signers.fields.other', { count });
  }

  #renderSearch() {
    const open = this.searchOpen && (this.suggestions.length > 0 || this.query.trim() !== '');
    const active = this.suggestions[this.activeOption] ? `option-${this.activeOption}` : undefined;
    let status = '';
    if (open && this.searchState === 'failed') status = this.t('signers.searchFailed');
    else if (open && this.searchState === 'idle' && this.suggestions.length === 0) status = this.t('signers.noMatch');
    return html`<div class="search">
      <label for="search">${this.t('signers.search')}</label>
      <input
        id="search"
        type="search"
        role="combobox"
        autocomplete="off"
        aria-autocomplete="list"
        aria-controls="suggestions"
        aria-expanded=${open ? 'true' : 'false'}
        aria-activedescendant=${active ?? nothing}
        .value=${live(this.query)}
        @input=${this.#onSearchInput}
        @focus=${() => this.#openSearch()}
        @keydown=${this.#onSearchKey}
        @blur=${() => {
          this.searchOpen = false;
          this.activeOption = -1;
        }}
      />
      <ul id="suggestions" role="listbox" aria-label=${this.t('signers.suggestions')} ?hidden=${!open || this.suggestions.length === 0}>
        ${this.suggestions.map(
          (s, i) => html`<li
            role="option"
            id=${`option-${i}`}
            aria-selected=${i === this.activeOption ? 'true' : 'false'}
            @mousedown=${(e: MouseEvent) => e.preventDefault() /* keep focus in the search box */}
            @click=${() => this.#pick(s.person)}
          >
            <span class="who">${`${s.person.firstName ?? ''} ${s.person.lastName ?? ''}`.trim() || s.person.email}${s.source === 'recent'
                ? html` <span class="visually-hidden">(${this.t('signers.recent')})</span>`
                : nothing}</span>
            <span class="email">${s.person.email}</span>
          </li>`,
        )}
      </ul>
      <p class="hint" role="status">${status}</p>
    </div>`;
  }

  #renderDialog() {
    const signers = this.draft?.signers ?? [];
    const index = signers.findIndex((s) => s.id === this.removing);
    const signer = signers[index];
    const others = signers.filter((s) => s.id !== this.removing);
    const name = signer ? signerLabel(signer, index, this.lang_) : '';
    const count = signer ? (this.draft?.fieldCount(signer.id) ?? 0) : 0;
    return html`<dialog aria-labelledby="confirm-title" @close=${this.#onDialogClose}>
      ${signer
        ? html`<h3 id="confirm-title">${this.t('signers.confirm.title', { name })}</h3>
            <p>${this.t(count === 1 ? 'signers.confirm.body.one' : 'signers.confirm.body.other', { name, count })}</p>
            ${others.length > 0
              ? html`<div class="field">
                  <label for="reassign-to">${this.t('signers.confirm.reassignTo')}</label>
                  <select id="reassign-to">
                    ${others.map(
                      (o) => html`<option value=${o.id}>${signerLabel(o, signers.indexOf(o), this.lang_)}</option>`,
                    )}
                  </select>
                </div>`
              : nothing}
            <div class="actions">
              ${others.length > 0
                ? html`<button
                    type="button"
                    class="reassign"
                    @click=${() => {
                      const to = this.renderRoot.querySelector<HTMLSelectElement>('#reassign-to')?.value;
                      void this.#remove(signer.id, to);
                    }}
                  >
                    ${this.t('signers.confirm.reassign')}
                  </button>`
                : nothing}
              <button type="button" class="delete danger" @click=${() => void this.#remove(signer.id)}>
                ${this.t('signers.confirm.delete')}
              </button>
              <button type="button" class="cancel secondary" @click=${() => this.#closeDialog()}>${this.t('signers.confirm.cancel')}</button>
            </div>`
        : nothing}
    </dialog>`;
  }

  #countryCache?: { lang: Lang; list: { code: CountryCode; label: string }[] };

  #countryName(code: CountryCode): string {
    try {
      return new Intl.DisplayNames([this.lang_], { type: 'region' }).of(code) ?? code;
    } catch {
      return code;
    }
  }

  #countryOptions(selected: CountryCode) {
    const lang = this.lang_;
    if (this.#countryCache?.lang !== lang) {
      const collator = new Intl.Collator(lang);
      const list = phoneCountries()
        .map(({ code, callingCode }) => ({ code, label: `${this.#countryName(code)} (+${callingCode})` }))
        .sort((a, b) => collator.compare(a.label, b.label));
      this.#countryCache = { lang, list };
    }
    return this.#countryCache.list.map((c) => html`<option value=${c.code} ?selected=${c.code === selected}>${c.label}</option>`);
  }
}
