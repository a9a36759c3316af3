/** One step of a word diff. */
export interface DiffPart {
  op: 'equal' | 'insert' | 'delete';
  text: string;
}

/**
 * Splits into words, runs of whitespace, and square brackets and punctuation on their own, so that
 * bracketing words shows as brackets added, not as the words deleted and typed again.
 */
function words(text: string): string[] {
  return text.match(/[[\],;.:]|[^\s[\],;.:]+|\s+/g) ?? [];
}

/** Whitespace is alike whatever its kind; a word is itself. */
const key = (w: string): string => (/^\s+$/.test(w) ? ' ' : w);

/**
 * Reads as a redline: a space kept between two changes joins them, and within each run of changes the
 * deleted words come before the inserted ones.
 */
function tidy(raw: DiffPart[]): DiffPart[] {
  const spread = raw.flatMap((part, i): DiffPart[] => {
    const before = raw[i - 1]?.op;
    const after = raw[i + 1]?.op;
    if (part.op !== 'equal' || !/^\s+$/.test(part.text) || !before || !after || before === 'equal' || after === 'equal') return [part];
    // Between two insertions the space joins them; between a deletion and an insertion it goes with both.
    if (before === after) return [{ op: before, text: part.text }];
    return [{ op: 'delete', text: part.text }, { op: 'insert', text: part.text }];
  });
  const parts: DiffPart[] = [];
  let deleted = '';
  let inserted = '';
  const flush = (): void => {
    if (deleted) parts.push({ op: 'delete', text: deleted });
    if (inserted) parts.push({ op: 'insert', text: inserted });
    deleted = inserted = '';
  };
  for (const part of spread) {
    if (part.op === 'delete') deleted += part.text;
    else if (part.op === 'insert') inserted += part.text;
    else {
      flush();
      const last = parts[parts.length - 1];
      if (last?.op === 'equal') last.text += part.text;
      else parts.push({ ...part });
    }
  }
  flush();
  return parts;
}

/**
 * A word-level diff of two texts (longest common subsequence), as a redline shows it: runs of equal,
 * deleted and inserted words.
 */
export function wordDiff(before: string, after: string): DiffPart[] {
  const a = words(before);
  const b = words(after);
  // Trim the common head and tail so the quadratic table covers only what changed.
  let head = 0;
  while (head < a.length && head < b.length && key(a[head]!) === key(b[head]!)) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && key(a[a.length - 1 - tail]!) === key(b[b.length - 1 - tail]!)) tail++;
  const am = a.slice(head, a.length - tail);
  const bm = b.slice(head, b.length - tail);
  const n = am.length;
  const m = bm.length;
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i]![j] = key(am[i]!) === key(bm[j]!) ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const raw: DiffPart[] = [];
  const push = (op: DiffPart['op'], text: string): void => {
    const last = raw[raw.length - 1];
    if (last && last.op === op) last.text += text;
    else raw.push({ op, text });
  };
  if (head) push('equal', a.slice(0, head).join(''));
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && key(am[i]!) === key(bm[j]!)) {
      push('equal', bm[j]!);
      i++;
      j++;
    } else if (i < n && (j === m || lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) {
      push('delete', am[i++]!);
    } else {
      push('insert', bm[j++]!);
    }
  }
  if (tail) push('equal', b.slice(b.length - tail).join(''));
  return tidy(raw);
}
