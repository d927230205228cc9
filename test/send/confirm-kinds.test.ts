/**
 * The confirmation before sending names what each signer will be asked for. A review in the demo
 * found « Jean Dupont — 8 emplacements de signature » for 2 signatures, 2 initials, 2 dates and
 * 2 mentions: each kind is now counted when they are not all signatures (French and English).
 */
import { expect } from '@open-wc/testing';
import { render } from 'lit';
import type { Field, FieldKind, Signer } from '../../src/api/types.js';
import { format, type Lang, type MessageKey } from '../../src/i18n/messages.js';
import { confirmSummary } from '../../src/send/views.js';

const jean: Signer = { id: 'j', email: 'jean.dupont@example.com', firstName: 'Jean', lastName: 'Dupont', phone: '+33698765432' };
const claire: Signer = { id: 'c', email: 'claire@cabinet.fr', firstName: 'Claire', lastName: 'Martin', phone: '+33612345678' };

function field(signerId: string, kind?: FieldKind): Field {
  return { signerId, page: 1, x: 10, y: 10, width: 100, height: 30, ...(kind ? { kind } : {}), ...(kind === 'mention' ? { text: 'Lu et approuvé' } : {}) };
}

function items(lang: Lang, fields: Field[]): string[] {
  const host = document.createElement('div');
  const t = (key: MessageKey, params?: Record<string, string | number>) => format(lang, key, params);
  render(confirmSummary(t, { documentName: 'Lettre', signers: [jean, claire], fields, message: '' }, { confirm() {}, back() {} }), host);
  return [...host.querySelectorAll('li')].map((li) => li.textContent.replace(/[ \t\n]+/g, ' ').trim());
}

describe('the confirmation counts each kind of field', () => {
  it('signatures only: as before; mixed kinds: each counted, in the kinds’ order', () => {
    const fields = [
      field('j', 'signature'),
      field('j', 'date'),
      field('j', 'mention'),
      field('j', 'initials'),
      field('j', 'initials'),
      field('j'),
      field('c'),
    ];
    expect(items('fr', fields)).to.deep.equal([
      'Jean Dupont <jean.dupont@example.com> — 6 emplacements\u202f: 2 signatures, 2 paraphes, 1 date, 1 mention manuscrite',
      'Claire Martin <claire@cabinet.fr> — 1 emplacement de signature',
    ]);
    expect(items('en', fields)).to.deep.equal([
      'Jean Dupont <jean.dupont@example.com> — 6 fields: 2 signatures, 2 sets of initials, 1 date, 1 handwritten mention',
      'Claire Martin <claire@cabinet.fr> — 1 signature field',
    ]);
  });
});
