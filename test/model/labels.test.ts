import { describe, expect, it } from 'vitest';
import { computeLabels } from '../../shared/model/labels';
import type { Paragraph } from '../../shared/model/paragraph';
import { richText } from '../../shared/text/rich-text';

const para = (id: string, kind: Paragraph['kind'], extra: Partial<Paragraph> = {}): Paragraph => ({
  id,
  kind,
  status: { state: 'open' },
  addedInEpoch: 0,
  alternativeOf: null,
  fromProposal: null,
  text: richText({ text: id }),
  ...extra,
});

describe('computeLabels', () => {
  it('numbers preambular and operative paragraphs in their own series', () => {
    const labels = computeLabels([para('a', 'preambular'), para('b', 'preambular'), para('h', 'heading'), para('c', 'operative')], 0);
    expect(Object.fromEntries(labels)).toEqual({ a: 'PP1', b: 'PP2', c: 'OP1' });
  });

  it('labels paragraphs added since the last revision bis, ter after the numbered one before them', () => {
    const ps = [para('a', 'operative'), para('x', 'operative', { addedInEpoch: 1 }), para('y', 'operative', { addedInEpoch: 1 }), para('b', 'operative')];
    expect(Object.fromEntries(computeLabels(ps, 0))).toEqual({ a: 'OP1', x: 'OP1 bis', y: 'OP1 ter', b: 'OP2' });
    expect(Object.fromEntries(computeLabels(ps, 1))).toEqual({ a: 'OP1', x: 'OP2', y: 'OP3', b: 'OP4' });
  });

  it('labels alternatives after the paragraph they replace', () => {
    const ps = [para('a', 'operative'), para('b', 'operative'), para('b1', 'operative', { alternativeOf: 'b', addedInEpoch: 1 }), para('b2', 'operative', { alternativeOf: 'b', addedInEpoch: 1 })];
    expect(Object.fromEntries(computeLabels(ps, 0))).toEqual({ a: 'OP1', b: 'OP2', b1: 'OP2 Alt 1', b2: 'OP2 Alt 2' });
  });

  it('keeps the numbers of a paragraph deleted since the last revision, and drops one deleted before it', () => {
    const ps = [para('a', 'operative', { status: { state: 'deleted', inEpoch: 0 } }), para('b', 'operative')];
    expect(Object.fromEntries(computeLabels(ps, 0))).toEqual({ a: 'OP1', b: 'OP2' });
    expect(Object.fromEntries(computeLabels(ps, 1))).toEqual({ b: 'OP1' });
  });

  it('numbers declaration paragraphs without a prefix', () => {
    expect(Object.fromEntries(computeLabels([para('t', 'annex-title'), para('a', 'declaration'), para('b', 'declaration', { addedInEpoch: 1 })], 0))).toEqual({ a: '1', b: '1 bis' });
  });
});
