import { expect } from '@open-wc/testing';
import type { Field } from '../../src/api/types.js';
import { Draft } from '../../src/draft/draft.js';
import { DraftHistory, type StoredHistory } from '../../src/draft/history.js';

const field = (signerId: string, extra: Partial<Field> = {}): Field => ({ signerId, page: 1, x: 10, y: 10, width: 180, height: 60, ...extra });

/** A history whose steps end when the test says (`step()`), not at the end of the task. */
function setup() {
  const draft = new Draft();
  const history = new DraftHistory(draft, { schedule: () => undefined });
  return { draft, history, step: () => history.flush() };
}

const snapshot = (d: Draft) => JSON.stringify({ signers: d.signers, fields: d.entries });

describe('DraftHistory', () => {
  it('undoes and redoes 20 mixed edits back to the empty draft and forward again', () => {
    const { draft, history, step } = setup();
    const states = [snapshot(draft)];
    const edits: (() => void)[] = [];
    let a = '';
    let b = '';
    let k1 = '';
    let k2 = '';
    edits.push(() => (a = draft.addSigner({ firstName: 'Marie' }).id));
    edits.push(() => (k1 = draft.addField(field(a))));
    edits.push(() => draft.updateField(k1, { x: 100, y: 200 }));
    edits.push(() => draft.updateField(k1, { width: 90, height: 40 }));
    edits.push(() => draft.updateField(k1, { kind: 'initials' }));
    edits.push(() => (b = draft.addSigner({ firstName: 'Jean' }).id));
    edits.push(() => (k2 = draft.addField(field(b, { page: 2 }))));
    edits.push(() => draft.updateField(k2, { signerId: a }));
    edits.push(() => draft.updateField(k2, { kind: 'mention', text: 'Lu et approuvé' }));
    edits.push(() => draft.updateField(k2, { text: 'Bon pour accord' }));
    edits.push(() => {
      for (const page of [2, 3, 4]) draft.addField(field(a, { page, kind: 'initials' })); // a replication: one step
    });
    edits.push(() => draft.updateSigner(b, { email: 'jean@example.com' }));
    edits.push(() => draft.removeField(k1));
    edits.push(() => draft.removeSigner(b));
    edits.push(() => draft.addSigner({ lastName: 'Durand' }));
    edits.push(() => draft.updateField(k2, { page: 3 }));
    edits.push(() => draft.addField(field(a, { page: 5, kind: 'date' })));
    edits.push(() => draft.updateField(k2, { x: 50 }));
    edits.push(() => draft.removeSigner(draft.signers.at(-1)!.id));
    edits.push(() => draft.removeField(k2));
    expect(edits).to.have.length(20);
    for (const edit of edits) {
      edit();
      step();
      states.push(snapshot(draft));
    }
    for (let i = states.length - 2; i >= 0; i--) {
      expect(history.undo(), `undo to ${i}`).to.not.equal(undefined);
      expect(snapshot(draft)).to.equal(states[i]);
    }
    expect(draft.signers).to.have.length(0);
    expect(draft.fields).to.have.length(0);
    expect(history.undo()).to.equal(undefined);
    for (let i = 1; i < states.length; i++) {
      expect(history.redo(), `redo to ${i}`).to.not.equal(undefined);
      expect(snapshot(draft)).to.equal(states[i]);
    }
    expect(history.redo()).to.equal(undefined);
  });

  it('makes one step of what changes in one task, and says what it was', async () => {
    const draft = new Draft();
    const history = new DraftHistory(draft); // microtask steps
    const s = draft.addSigner();
    draft.addField(field(s.id));
    draft.setActiveSigner(s.id);
    await Promise.resolve();
    expect(history.canUndo).to.equal(true);
    expect(history.undo()).to.deep.equal({ kind: 'fieldAdded', count: 1 });
    expect(draft.signers).to.have.length(0); // the signer row the field created went with it
    expect(history.canUndo).to.equal(false);
    expect(history.redo()).to.deep.equal({ kind: 'fieldAdded', count: 1 });
    expect(draft.fields).to.have.length(1);
  });

  it('names each kind of change', () => {
    const { draft, history, step } = setup();
    const a = draft.addSigner().id;
    step();
    const k = draft.addField(field(a));
    step();
    draft.updateField(k, { x: 20 });
    step();
    draft.updateField(k, { width: 100 });
    step();
    draft.updateField(k, { kind: 'date' });
    step();
    for (const p of [2, 3]) draft.addField(field(a, { page: p }));
    step();
    draft.removeField(k);
    step();
    const kinds: string[] = [];
    for (let c = history.undo(); c; c = history.undo()) kinds.push(c.kind);
    expect(kinds).to.deep.equal(['fieldRemoved', 'fieldsAdded', 'fieldKind', 'fieldResized', 'fieldMoved', 'fieldAdded', 'signerAdded']);
  });

  it('merges typing in one signer box into one step, not across boxes or after an undo', () => {
    const { draft, history, step } = setup();
    const a = draft.addSigner().id;
    step();
    for (const v of ['M', 'Ma', 'Mar']) {
      draft.updateSigner(a, { firstName: v });
      step();
    }
    draft.updateSigner(a, { lastName: 'D' });
    step();
    history.undo();
    expect(draft.signers[0]).to.include({ firstName: 'Mar', lastName: '' });
    history.undo();
    expect(draft.signers[0]).to.include({ firstName: '' });
    history.redo();
    draft.updateSigner(a, { firstName: 'Mari' });
    step();
    history.undo();
    expect(draft.signers[0].firstName).to.equal('Mar');
  });

  it('a new change after undos drops what could be redone; nothing is recorded while read-only', () => {
    const { draft, history, step } = setup();
    const a = draft.addSigner().id;
    step();
    draft.addField(field(a));
    step();
    history.undo();
    expect(history.canRedo).to.equal(true);
    draft.updateSigner(a, { email: 'x@y.z' });
    step();
    expect(history.canRedo).to.equal(false);
    draft.setReadOnly(true);
    expect(history.undo()).to.equal(undefined);
    expect(draft.signers[0].email).to.equal('x@y.z');
  });

  it('keeps its steps for the tab session: stored and taken back with the field keys', () => {
    const { draft, history, step } = setup();
    const a = draft.addSigner({ firstName: 'Marie' }).id;
    step();
    const k = draft.addField(field(a));
    step();
    draft.updateField(k, { x: 300 });
    step();
    const stored = JSON.parse(JSON.stringify(history.toJSON())) as StoredHistory;
    // Another mount: the draft comes back from storage without keys, then its history.
    const other = new Draft();
    other.setSigners(draft.signers);
    other.setFields(draft.fields);
    const h2 = new DraftHistory(other, { schedule: () => undefined });
    expect(h2.load(stored)).to.equal(true);
    expect(other.entries.map((e) => e.key)).to.deep.equal([k]);
    expect(h2.undo()?.kind).to.equal('fieldMoved');
    expect(other.fields[0].x).to.equal(10);
    h2.undo();
    h2.undo();
    expect(other.signers).to.have.length(0);
    // A new field never takes a key the history may bring back.
    h2.redo();
    const fresh = other.addField(field(a, { page: 2 }));
    expect(fresh).to.not.equal(k);
    // A history of another draft is not taken.
    const third = new Draft();
    const h3 = new DraftHistory(third, { schedule: () => undefined });
    expect(h3.load(stored)).to.equal(false);
    expect(h3.canUndo).to.equal(false);
  });

  it('clear() makes the draft as it is the new start', () => {
    const { draft, history, step } = setup();
    draft.addSigner();
    step();
    draft.setSigners([{ id: 'host' }]);
    history.clear();
    expect(history.canUndo).to.equal(false);
    expect(history.undo()).to.equal(undefined);
    expect(draft.signers.map((s) => s.id)).to.deep.equal(['host']);
  });
});
