import { expect } from '@open-wc/testing';
import type { Person } from '../../src/api/types.js';
import { RECENT_KEY, RECENT_LIMIT, recentSigners } from '../../src/signers/recent.js';
import { fold, matchesPerson, mergeSuggestions } from '../../src/signers/suggest.js';

function memoryStorage(): Pick<Storage, 'getItem' | 'setItem'> & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}

const zoe: Person = { email: 'Zoe.Lefevre@exemple.fr', firstName: 'Zoé', lastName: 'Lefèvre', phone: '+33687654321' };
const marc: Person = { email: 'marc@exemple.fr', firstName: 'Marc', lastName: 'Durand-Lévy' };

describe('signers/suggest', () => {
  it('matches names by word start and e-mails anywhere, ignoring case and accents', () => {
    expect(fold('  Zoé LEFÈVRE ')).to.equal('zoe lefevre');
    expect(matchesPerson(zoe, 'zoe')).to.equal(true);
    expect(matchesPerson(zoe, 'LEF')).to.equal(true);
    expect(matchesPerson(zoe, 'zoé lef')).to.equal(true);
    expect(matchesPerson(marc, 'rand')).to.equal(false, 'not in the middle of a name');
    expect(matchesPerson(zoe, 'exemple')).to.equal(true);
    expect(matchesPerson(marc, 'levy')).to.equal(true, 'each part of a hyphenated name');
    expect(matchesPerson(marc, 'zoe')).to.equal(false);
  });

  it('merges recent first, then contacts, each e-mail once, without people already signing', () => {
    const out = mergeSuggestions([marc], [zoe, { ...marc, firstName: 'Other' }, { email: 'x@y.fr', firstName: 'X', lastName: 'Y' }], '', ['X@Y.FR']);
    expect(out.map((s) => [s.source, s.person.email])).to.deep.equal([
      ['recent', 'marc@exemple.fr'],
      ['contact', 'Zoe.Lefevre@exemple.fr'],
    ]);
  });

  it('ignores what is not a person and stops at the limit', () => {
    const many = Array.from({ length: 20 }, (_, i) => ({ email: `p${i}@x.fr`, firstName: 'P', lastName: `${i}` }));
    expect(mergeSuggestions([], [null, 42, { firstName: 'no e-mail' }, ...many], '', [], 5)).to.have.length(5);
  });
});

describe('signers/recent', () => {
  it('keeps the most recent first, each e-mail once (case-insensitive), at most RECENT_LIMIT', () => {
    const storage = memoryStorage();
    const recents = recentSigners(storage);
    recents.remember([marc]);
    recents.remember([zoe, { ...marc, email: 'MARC@exemple.fr', phone: '+33600000000' }]);
    expect(recents.load().map((p) => p.email)).to.deep.equal(['Zoe.Lefevre@exemple.fr', 'MARC@exemple.fr']);
    recents.remember(Array.from({ length: 20 }, (_, i) => ({ email: `p${i}@x.fr`, firstName: 'P', lastName: `${i}` })));
    expect(recents.load()).to.have.length(RECENT_LIMIT);
  });

  it('stores only the four person fields (no ids, no statuses)', () => {
    const storage = memoryStorage();
    recentSigners(storage).remember([{ ...zoe, id: 's1', status: 'waiting' } as unknown as Person]);
    expect(JSON.parse(storage.data.get(RECENT_KEY)!)).to.deep.equal([zoe]);
  });

  it('survives broken or refused storage', () => {
    const broken = { getItem: () => '{not json', setItem: () => { throw new DOMException('full', 'QuotaExceededError'); } };
    const recents = recentSigners(broken);
    expect(recents.load()).to.deep.equal([]);
    expect(() => recents.remember([zoe])).not.to.throw();
    expect(recentSigners(undefined).load()).to.deep.equal([]);
  });

  it('uses this tab’s sessionStorage by default, never localStorage', () => {
    sessionStorage.removeItem(RECENT_KEY);
    recentSigners().remember([zoe]);
    expect(sessionStorage.getItem(RECENT_KEY)).to.contain('Zoe.Lefevre@exemple.fr');
    expect(localStorage.getItem(RECENT_KEY)).to.equal(null);
    sessionStorage.removeItem(RECENT_KEY);
  });
});
