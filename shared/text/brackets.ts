/** A bracketed span: `[` at start, `]` at end - 1, nested at depth 1, 2 … */
export interface BracketSpan {
  start: number;
  end: number;
  depth: number;
}

/** The bracketed spans of a text, and where the brackets do not pair up. */
export interface BracketScan {
  spans: BracketSpan[];
  /** Offsets of `[` never closed and `]` never opened. */
  unmatched: number[];
}

/**
 * Finds the square-bracketed spans in a text. Options such as `[below 2 °C][well below 2 °C]` are two
 * adjacent spans at the same depth; isAlternative tells them apart from a lone bracket.
 */
export function scanBrackets(text: string): BracketScan {
  const spans: BracketSpan[] = [];
  const open: number[] = [];
  const unmatched: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '[') open.push(i);
    else if (c === ']') {
      const start = open.pop();
      if (start === undefined) unmatched.push(i);
      else spans.push({ start, end: i + 1, depth: open.length + 1 });
    }
  }
  unmatched.push(...open);
  spans.sort((a, b) => a.start - b.start);
  return { spans, unmatched: unmatched.sort((a, b) => a - b) };
}

/** True when a span is one of several options: it touches another span of the same depth. */
export function isAlternative(span: BracketSpan, spans: BracketSpan[]): boolean {
  return spans.some((s) => s !== span && s.depth === span.depth && (s.end === span.start || s.start === span.end));
}

/** How many bracket pairs (and stray brackets) a text holds: the measure of progress per revision. */
export function countBrackets(text: string): number {
  const scan = scanBrackets(text);
  return scan.spans.length + scan.unmatched.length;
}
