/**
 * Which events a request's change calls for (SPEC §2): transitions seen, `jse-status` then the
 * outcome on attaching, never `jse-pending`, never twice the same transition.
 */
import { expect } from '@open-wc/testing';
import type { RequestSigner, SignRequest } from '../../src/api/types.js';
import { RequestWatch, changesBetween, changesOnAttach, type StatusChange } from '../../src/status/transitions.js';

function signer(id: string, status: RequestSigner['status'] = 'waiting', signedAt: string | null = null): RequestSigner {
  return { id, email: `${id}@example.fr`, firstName: id.toUpperCase(), lastName: 'X', phone: '+33612345678', status, signedAt };
}

let clock = 0;
function snapshot(status: SignRequest['status'], signers: RequestSigner[], at?: number): SignRequest {
  clock += 1000;
  const updatedAt = new Date(Date.UTC(2026, 10, 26, 9) + (at ?? clock)).toISOString();
  return { id: 'req_1', status, createdAt: '2026-11-26T09:00:00.000Z', updatedAt, signers, fields: [], signedDocumentUrl: status === 'signed' ? '/proxy/requests/req_1/signed-document' : null };
}

/** Changes as `type[:signer]`, to compare sequences at a glance. */
function names(changes: StatusChange[]): string[] {
  return changes.map((c) => (c.type === 'jse-signer-signed' ? `${c.type}:${c.signer.id}` : c.type));
}

describe('changesBetween', () => {
  it('announces each signer who became signed, then the outcome, in that order', () => {
    const before = snapshot('pending', [signer('a'), signer('b')]);
    const after = snapshot('signed', [signer('a', 'signed'), signer('b', 'signed')]);
    expect(names(changesBetween(before, after))).to.deep.equal(['jse-signer-signed:a', 'jse-signer-signed:b', 'jse-signed']);
  });

  it('does not announce a signer who was already signed', () => {
    const before = snapshot('pending', [signer('a', 'signed'), signer('b')]);
    const after = snapshot('pending', [signer('a', 'signed'), signer('b', 'signed')]);
    expect(names(changesBetween(before, after))).to.deep.equal(['jse-signer-signed:b']);
  });

  it('maps each final status to its event', () => {
    for (const status of ['refused', 'expired', 'cancelled'] as const) {
      const before = snapshot('pending', [signer('a')]);
      const after = snapshot(status, [signer('a', status === 'refused' ? 'refused' : 'waiting')]);
      expect(names(changesBetween(before, after))).to.deep.equal([`jse-${status}`]);
    }
  });

  it('announces nothing when nothing changed, and nothing after a final status', () => {
    const pending = snapshot('pending', [signer('a')]);
    expect(changesBetween(pending, { ...pending })).to.deep.equal([]);
    const signed = snapshot('signed', [signer('a', 'signed')]);
    expect(changesBetween(signed, snapshot('signed', [signer('a', 'signed')]))).to.deep.equal([]);
  });
});

describe('changesOnAttach', () => {
  it('is jse-status alone for a pending request, even with signers already signed', () => {
    // Decision (see transitions.ts): signatures made before attaching are in jse-status, not re-announced.
    expect(names(changesOnAttach(snapshot('pending', [signer('a', 'signed'), signer('b')])))).to.deep.equal(['jse-status']);
  });

  it('is jse-status then the outcome for a final request, never jse-pending', () => {
    expect(names(changesOnAttach(snapshot('signed', [signer('a', 'signed')])))).to.deep.equal(['jse-status', 'jse-signed']);
    expect(names(changesOnAttach(snapshot('refused', [signer('a', 'refused')])))).to.deep.equal(['jse-status', 'jse-refused']);
    expect(names(changesOnAttach(snapshot('expired', [signer('a')])))).to.deep.equal(['jse-status', 'jse-expired']);
    expect(names(changesOnAttach(snapshot('cancelled', [signer('a')])))).to.deep.equal(['jse-status', 'jse-cancelled']);
  });
});

describe('RequestWatch', () => {
  it('attach mode: jse-status first, then only what changes afterwards', () => {
    const watch = new RequestWatch(snapshot('pending', [signer('a', 'signed'), signer('b')]), 'attach');
    expect(names(watch.initial())).to.deep.equal(['jse-status']);
    expect(names(watch.update(snapshot('pending', [signer('a', 'signed'), signer('b')])))).to.deep.equal([]);
    expect(names(watch.update(snapshot('signed', [signer('a', 'signed'), signer('b', 'signed')])))).to.deep.equal(['jse-signer-signed:b', 'jse-signed']);
  });

  it('quiet mode (the sender announced jse-pending): nothing at first, transitions afterwards', () => {
    const watch = new RequestWatch(snapshot('pending', [signer('a'), signer('b')]), 'quiet');
    expect(watch.initial()).to.deep.equal([]);
    expect(names(watch.update(snapshot('pending', [signer('a', 'signed'), signer('b')])))).to.deep.equal(['jse-signer-signed:a']);
    expect(names(watch.update(snapshot('signed', [signer('a', 'signed'), signer('b', 'signed')])))).to.deep.equal(['jse-signer-signed:b', 'jse-signed']);
  });

  it('never announces the same transition twice, whatever the snapshots do', () => {
    const watch = new RequestWatch(snapshot('pending', [signer('a'), signer('b')]), 'quiet');
    const all: string[] = [];
    all.push(...names(watch.update(snapshot('pending', [signer('a', 'signed'), signer('b')]))));
    // A proxy glitch shows a's signature gone, then back: still one jse-signer-signed for a.
    all.push(...names(watch.update(snapshot('pending', [signer('a'), signer('b')]))));
    all.push(...names(watch.update(snapshot('pending', [signer('a', 'signed'), signer('b')]))));
    all.push(...names(watch.update(snapshot('signed', [signer('a', 'signed'), signer('b', 'signed')]))));
    all.push(...names(watch.update(snapshot('signed', [signer('a', 'signed'), signer('b', 'signed')]))));
    expect(all).to.deep.equal(['jse-signer-signed:a', 'jse-signer-signed:b', 'jse-signed']);
  });

  it('ignores a snapshot older than the last one (a poll overtaken by the refresh after cancelling)', () => {
    const first = snapshot('pending', [signer('a')]);
    const watch = new RequestWatch(first, 'quiet');
    const cancelled = snapshot('cancelled', [signer('a')]);
    expect(names(watch.update(cancelled))).to.deep.equal(['jse-cancelled']);
    const stale = { ...first, updatedAt: new Date(Date.parse(cancelled.updatedAt) - 500).toISOString() };
    expect(watch.update(stale)).to.deep.equal([]);
    expect(watch.request.status).to.equal('cancelled');
  });

  it('ignores an older pending snapshot arriving before the final one', () => {
    const watch = new RequestWatch(snapshot('pending', [signer('a'), signer('b')]), 'quiet');
    const newer = snapshot('pending', [signer('a', 'signed'), signer('b')]);
    expect(names(watch.update(newer))).to.deep.equal(['jse-signer-signed:a']);
    const older = { ...snapshot('pending', [signer('a'), signer('b')]), updatedAt: new Date(Date.parse(newer.updatedAt) - 1).toISOString() };
    expect(watch.update(older)).to.deep.equal([]);
    expect(watch.request).to.equal(newer);
  });

  it('announces a final status found on attaching once, and nothing after it', () => {
    const watch = new RequestWatch(snapshot('refused', [signer('a', 'refused')]), 'attach');
    expect(names(watch.initial())).to.deep.equal(['jse-status', 'jse-refused']);
    expect(watch.update(snapshot('refused', [signer('a', 'refused')]))).to.deep.equal([]);
  });

  it('refuses a snapshot of another request', () => {
    const watch = new RequestWatch(snapshot('pending', [signer('a')]), 'quiet');
    expect(() => watch.update({ ...snapshot('pending', [signer('a')]), id: 'req_2' })).to.throw(/req_2/);
  });
});
