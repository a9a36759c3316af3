import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { cofac, sampleNegotiation } from '../model/fixture';
import { bracket, setStatus } from '../../shared/model/facilitator-commands';
import { openSilence } from '../../shared/model/silence-commands';
import { Negotiation } from '../../shared/model/negotiation';
import { tableRulesHooks, type Identity } from '../../sync-server';

/*
 * On a node among several, the rules' copy of the table follows other nodes' updates without reading the
 * facts of the paragraphs they changed: those are read when a check needs them. A write must be judged
 * against the table as the other nodes left it, whether it touches those paragraphs or reads them all.
 */
describe('the rules after other nodes changed the table', () => {
  const identity: Identity = { actor: cofac, negotiationId: 'sample', invitationId: 'i-cofac', label: 'co-facilitator', delegationName: null, name: null };
  const copyOf = (doc: Y.Doc): Negotiation => {
    const n = new Negotiation('sample');
    Y.applyUpdate(n.table.doc, Y.encodeStateAsUpdate(doc));
    return n;
  };
  /** A change made on `base` (a client that has not yet heard of what came after it). */
  const change = (base: Y.Doc, edit: (n: Negotiation) => void): Uint8Array => {
    const n = copyOf(base);
    const before = Y.encodeStateVector(n.table.doc);
    edit(n);
    return Y.encodeStateAsUpdate(n.table.doc, before);
  };
  const setUp = () => {
    const hooks = tableRulesHooks();
    const real = copyOf(sampleNegotiation().negotiation.table.doc).table.doc;
    hooks.onLoadDocument!({ documentName: 'sample/table', doc: real });
    const validate = (update: Uint8Array) => hooks.validateUpdate!({ documentName: 'sample/table', doc: real, update, identity });
    // A first write of this node's client: the copy exists and follows the table from now on.
    const first = change(real, (n) => setStatus(n, cofac, 'p2', { state: 'open' }));
    expect(validate(first)).toBeNull();
    Y.applyUpdate(real, first, identity);
    return { real, validate };
  };

  it('refuses to open silence on a text another node bracketed meanwhile', () => {
    const { real, validate } = setUp();
    const clean = copyOf(real).table.doc;
    const deadline = new Date(Date.now() + 86_400_000).toISOString();
    const silence = change(clean, (n) => openSilence(n, cofac, deadline));
    // Another node's co-facilitator brackets words of p1; this node applies it as the fan-out brings it.
    Y.applyUpdate(real, change(real, (n) => bracket(n, cofac, 'p1', 0, 4)), 'another node');
    expect(validate(silence)).toMatch(/\(text-not-clean\)/);
  });

  it('refuses words changed in a paragraph another node agreed meanwhile, and lets other paragraphs change', () => {
    const { real, validate } = setUp();
    const before = copyOf(real).table.doc;
    const words = change(before, (n) => bracket(n, cofac, 'p1', 0, 4));
    const elsewhere = change(before, (n) => bracket(n, cofac, 'p3', 0, 4));
    Y.applyUpdate(real, change(real, (n) => setStatus(n, cofac, 'p1', { state: 'agreed' })), 'another node');
    expect(validate(words)).toMatch(/\(agreed-paragraph\)/);
    expect(validate(elsewhere)).toBeNull();
  });
});
