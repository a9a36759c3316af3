import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { cofac, sampleNegotiation } from '../model/fixture';
import { bracket, setStatus } from '../../shared/model/facilitator-commands';
import { Negotiation } from '../../shared/model/negotiation';
import { tableRulesHooks, type Identity } from '../../sync-server';

/*
 * The rules hook checks an update on a copy of the table; a hook after it (the storage quota) may still
 * refuse it, and the server then never applies it. The copy must not keep it: sent again later, the same
 * update would be a no-op on the copy and pass, whatever the table had become meanwhile.
 */
describe('an update the rules let through and a later hook refused', () => {
  const identity: Identity = { actor: cofac, negotiationId: 'sample', invitationId: 'i-cofac', label: 'co-facilitator', delegationName: null, name: null };
  const copyOf = (doc: Y.Doc): Negotiation => {
    const n = new Negotiation('sample');
    Y.applyUpdate(n.table.doc, Y.encodeStateAsUpdate(doc));
    return n;
  };
  const change = (doc: Y.Doc, edit: (n: Negotiation) => void): Uint8Array => {
    const n = copyOf(doc);
    const before = Y.encodeStateVector(n.table.doc);
    edit(n);
    return Y.encodeStateAsUpdate(n.table.doc, before);
  };

  it('is checked against the table as it is when sent again', () => {
    const hooks = tableRulesHooks();
    const real = copyOf(sampleNegotiation().negotiation.table.doc).table.doc;
    hooks.onLoadDocument!({ documentName: 'sample/table', doc: real });
    const validate = (update: Uint8Array) => hooks.validateUpdate!({ documentName: 'sample/table', doc: real, update, identity });

    const agree = change(real, (n) => setStatus(n, cofac, 'p1', { state: 'agreed' }));
    expect(validate(agree)).toBeNull();
    // The storage quota refuses it: the server does not apply it, and tells the hooks.
    hooks.onRefusedWrite?.({ documentName: 'sample/table', identity, reason: 'over the storage quota' });

    // The other co-facilitator brackets words of p1, which is still open.
    const brackets = change(real, (n) => bracket(n, cofac, 'p1', 0, 4));
    expect(validate(brackets)).toBeNull();
    Y.applyUpdate(real, brackets, 'server');

    // The same "agreed" again: p1 now holds brackets, so it is refused.
    expect(validate(agree)).toMatch(/\(not-clean\)/);
    expect(new Negotiation('sample', real).table.paragraph('p1')!.status.state).toBe('open');
  });
});
