import { expect } from '@open-wc/testing';
import type { Field } from '../../src/api/types.js';
import { Draft } from '../../src/draft/draft.js';
import { fieldsOutsidePages, outsidePageProblems } from '../../src/draft/field-problems.js';

const field = (signerId: string, extra: Partial<Field> = {}): Field => ({ signerId, page: 1, x: 10, y: 10, width: 180, height: 60, ...extra });

describe('Draft', () => {
  it('keeps set fields unchanged and throws a TypeError for malformed ones or unknown signers', () => {
    const d = new Draft();
    d.setSigners([{ id: 'a' }, { id: 'b' }]);
    const list = [field('a'), field('b', { page: 2, x: 0.5, y: 700.25 })];
    d.setFields(list);
    expect(d.fields).to.deep.equal(list);
    const bad: unknown[] = [
      'nope',
      [field('zz')],
      [{ ...field('a'), page: 0 }],
      [{ ...field('a'), page: 1.5 }],
      [{ ...field('a'), x: Number.NaN }],
      [{ ...field('a'), width: 0 }],
      [{ ...field('a'), height: -3 }],
      [{ signerId: 'a', page: 1, x: 1, y: 1, width: '10', height: 10 }],
      [null],
    ];
    for (const b of bad) expect(() => d.setFields(b as Field[]), JSON.stringify(b)).to.throw(TypeError);
    expect(d.fields).to.deep.equal(list); // a refused list changes nothing
  });

  it('chooses the signer new fields go to: the chosen one, else the last', () => {
    const d = new Draft();
    expect(d.activeSignerId).to.equal(undefined);
    const a = d.addSigner();
    const b = d.addSigner();
    expect(d.activeSignerId).to.equal(b.id);
    d.setActiveSigner(a.id);
    expect(d.activeSignerId).to.equal(a.id);
    d.setActiveSigner('unknown');
    expect(d.activeSignerId).to.equal(a.id);
    d.removeSigner(a.id);
    expect(d.activeSignerId).to.equal(b.id);
  });

  it('removing a signer deletes or reassigns their fields', () => {
    const d = new Draft();
    d.setSigners([{ id: 'a' }, { id: 'b' }]);
    d.setFields([field('a'), field('b'), field('a', { page: 2 })]);
    const copy = new Draft();
    copy.setSigners([{ id: 'a' }, { id: 'b' }]);
    copy.setFields(d.fields);
    d.removeSigner('a', 'b');
    expect(d.fields.map((f) => f.signerId)).to.deep.equal(['b', 'b', 'b']);
    copy.removeSigner('a');
    expect(copy.fields.map((f) => f.signerId)).to.deep.equal(['b']);
  });
});

describe('fields outside their page', () => {
  const pages = [
    { view: [0, 0, 595, 842], rotation: 0 },
    { view: [100, 200, 400, 600], rotation: 90 },
  ];
  it('finds fields past an edge or on a page the document does not have', () => {
    const fields = [
      field('a'),
      field('a', { x: 500 }), // past the right edge
      field('a', { page: 2, x: 100, y: 200, width: 60, height: 180 }), // inside the offset box
      field('a', { page: 2, x: 50, y: 300 }), // left of the offset box
      field('a', { page: 3 }),
      field('a', { x: -0.004 }), // float noise is inside
    ];
    expect(fieldsOutsidePages(fields, pages)).to.deep.equal([1, 3, 4]);
    const problems = outsidePageProblems(fields, pages, (f, i) => `${i}:${f.page}`);
    expect(problems).to.deep.equal([
      { path: '/fields/1', code: 'outside_page', message: '1:1' },
      { path: '/fields/3', code: 'outside_page', message: '3:2' },
      { path: '/fields/4', code: 'outside_page', message: '4:3' },
    ]);
  });
});
