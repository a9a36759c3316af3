import type { SourceLine } from './source-line';

const NUMBERED_TITLE = /^(\d{1,4}\/\d{1,4})\.\s+(.+)$/u;
const DRAFT = /projet de (?:résolution|décision)|draft (?:resolution|decision)/iu;
const METADATA = new RegExp([
  '^Distr\\.', '^Original\\b', '^(?:General Assembly|Assemblée générale|United Nations|Nations Unies)$',
  '^(?:Economic and Social Council|Conseil économique et social|Security Council|Conseil de sécurité)$',
  '^(?:Agenda item|Point|Item)s?\\b', '\\bsession\\b', '^(?:Resolution|Résolution|Decision|Décision) ad', '^\\[',
  '^(?:Résumé|Summary|Annex|Annexe|Note by|Note du|Report of|Rapport du)\\b', '^\\d{1,2}(?:er)? \\p{L}+ \\d{4}$',
  '^\\p{L}+ \\d{1,2}, \\d{4}$', DRAFT.source,
].join('|'), 'iu');

/** The title block of a document, read from the lines before its organ line or first paragraph. */
export function readTitle(prelude: SourceLine[]): { title: string; number: string | null; draft: boolean } {
  const draft = prelude.some((l) => DRAFT.test(l.text));
  const numbered = prelude.findIndex((l) => NUMBERED_TITLE.test(l.text));
  if (numbered >= 0) {
    const first = NUMBERED_TITLE.exec((prelude[numbered] as SourceLine).text);
    const parts = [first?.[2] ?? ''];
    for (const l of prelude.slice(numbered + 1)) {
      if (l.blankBefore > 0 || l.heading || METADATA.test(l.text)) break;
      parts.push(l.text);
    }
    return { title: parts.join(' '), number: first?.[1] ?? null, draft };
  }
  const groups: string[][] = [];
  for (const l of prelude) {
    if (METADATA.test(l.text)) {
      groups.push([]);
      continue;
    }
    const group = groups[groups.length - 1];
    if (!group || l.blankBefore > 0 || l.heading) groups.push([l.text]);
    else group.push(l.text);
  }
  const title = groups.filter((g) => g.length && !/[.:]$/u.test(g[g.length - 1] ?? '')).pop();
  return { title: title?.join(' ') ?? '', number: null, draft };
}

function mostFrequent(values: string[]): string | null {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: string | null = null;
  for (const [v, n] of counts) if (best === null || n > (counts.get(best) ?? 0)) best = v;
  return best;
}

/**
 * The document symbol: the running-header symbol when it agrees with the title's resolution number, else
 * the symbol that number implies ("75/283." in a General Assembly resolution is A/RES/75/283).
 */
export function documentSymbol(headerSymbols: string[], number: string | null, organ: string | null): string | null {
  const header = mostFrequent(headerSymbols);
  if (!number) return header;
  if (header && header.endsWith(`/${number}`)) return header;
  const body = organ ?? '';
  if (/économique et social|Economic and Social/iu.test(body) || /^\d{4}\//u.test(number)) return `E/RES/${number}`;
  if (/droits de l[’']homme|Human Rights/iu.test(body)) return `A/HRC/RES/${number}`;
  return `A/RES/${number}`;
}
