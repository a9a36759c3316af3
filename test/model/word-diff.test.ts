import { describe, expect, it } from 'vitest';
import { wordDiff } from '../../shared/text/word-diff';

const changes = (a: string, b: string) => wordDiff(a, b).filter((d) => d.op !== 'equal').map((d) => [d.op, d.text]);

describe('wordDiff', () => {
  it('gives the text back from its parts', () => {
    const parts = wordDiff('Urges Member States to protect victims;', 'Urges States to protect all victims and survivors;');
    expect(parts.filter((d) => d.op !== 'insert').map((d) => d.text).join('')).toBe('Urges Member States to protect victims;');
    expect(parts.filter((d) => d.op !== 'delete').map((d) => d.text).join('')).toBe('Urges States to protect all victims and survivors;');
  });

  it('reads as a redline: one deletion then one insertion per change, punctuation kept', () => {
    expect(changes('protect victims and survivors;', 'protect all victims;')).toEqual([['delete', 'victims and survivors'], ['insert', 'all victims']]);
  });

  it('shows added brackets as brackets, not as the words typed again', () => {
    expect(changes('to protect victims and survivors;', 'to protect [victims and survivors];')).toEqual([['insert', '['], ['insert', ']']]);
  });
});

describe('wordDiff spaces', () => {
  it('does not show a kept space as deleted when words are only added around it', () => {
    expect(changes('the Secretary-General to report on progress.', 'the Secretary-General, within existing resources, to report annually on progress.')).toEqual([
      ['insert', ', within existing resources, '],
      ['insert', ' annually'],
    ]);
  });
});
