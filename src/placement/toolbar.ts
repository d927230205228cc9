/**
 * The placement part of the element's toolbar: the kind picker (which kind a click, a drag or
 * "+ …" places), by mouse and keyboard (a native select: arrows, type-ahead, Enter). Templates
 * only; the element wires them to its draft.
 */
import { html } from 'lit';
import type { FieldKind } from '../api/types.js';
import { FIELD_KINDS } from '../draft/field-kinds.js';
import type { MessageKey } from '../i18n/messages.js';

type T = (key: MessageKey, params?: Record<string, string | number>) => string;

/** The select of the kind new fields get. */
export function fieldKindPicker(t: T, kind: FieldKind, disabled: boolean, choose: (kind: FieldKind) => void) {
  return html`<select
    class="field-kind"
    aria-label=${t('toolbar.kind')}
    title=${t('toolbar.kind')}
    ?disabled=${disabled}
    @change=${(e: Event) => choose((e.target as HTMLSelectElement).value as FieldKind)}
  >
    ${FIELD_KINDS.map((k) => html`<option value=${k} ?selected=${k === kind}>${t(`kind.${k}`)}</option>`)}
  </select>`;
}
