import type { SourceLine } from './source-line';

const NUMBERED_TITLE = /^(\d{1,4}\/\d{1,4})\.\s+(.+)$/u;
/** A Security Council resolution's heading, which is also its title: "Resolution 2601 (2021)". */
const COUNCIL_TITLE = /^(?:Resolution|Résolution|RESOLUTION|RÉSOLUTION)\s+(\d{1,5}\s*\(\d{4}\))(?:\s+of\s+\d{1,2}\s+\p{L}+\s+\d{4}|\s+du\s+\d{1,2}\s+\p{L}+\s+\d{4})?$/u;
/** The adoption line of a Security Council resolution: "Adopted by the Security Council at its 8889th meeting, on ...". */
const ADOPTED = /\b(?:Adopted by the Security Council at its|Adoptée par le Conseil de sécurité à sa)\s+(\d+\s*(?:st|nd|rd|th|e)\s+(?:meeting|séance)),\s+(?:on|le)\s+(\d{1,2}(?:er)?\s+\p{L}+\s+\d{4})/u;
const DRAFT = /projet de (?:résolution|décision)|draft (?:resolution|decision)/iu;
const METADATA = new RegExp([
  '^Distr\\.', '^Original\\b', '^(?:General Assembly|Assemblée générale|United Nations|Nations Unies)$',
  '^(?:Economic and Social Council|Conseil économique et social|Security Council|Conseil de sécurité)$',
  '^(?:Agenda item|Point|Item)s?\\b', '\\bsession\\b', '^(?:Resolution|Résolution|Decision|Décision) ad', '^\\[',
  '^(?:Résumé|Summary|Annex|Annexe|Note by|Note du|Report of|Rapport du)\\b', '^\\d{1,2}(?:er)? \\p{L}+ \\d{4}$',
  '^\\p{L}+ \\d{1,2}, \\d{4}$', '^Adopt(?:ed|ée) (?:by|par)\\b', DRAFT.source, '^(?:Draft: not agreed|Projet : non agréé)$',
].join('|'), 'iu');

/** The title block of a document, read from the lines before its organ line or first paragraph. */
export function readTitle(prelude: SourceLine[]): { title: string; number: string | null; draft: boolean } {
  const draft = prelude.some((l) => DRAFT.test(l.text));
  const council = prelude.map((l) => COUNCIL_TITLE.exec(l.text)).find((m) => m);
  // Set in capitals in older Council texts ("RESOLUTION 827 (1993)"), the heading is a title all the same.
  if (council) return { title: council[0].replace(/^RESOLUTION\b/u, 'Resolution').replace(/^RÉSOLUTION\b/u, 'Résolution'), number: (council[1] ?? '').replace(/\s*\(/u, ' ('), draft };
  const numbered = prelude.findIndex((l) => NUMBERED_TITLE.test(l.text));
  if (numbered >= 0) {
    const first = NUMBERED_TITLE.exec((prelude[numbered] as SourceLine).text);
    const parts = [first?.[2] ?? ''];
    for (const l of prelude.slice(numbered + 1)) {
      const continues = /\b(?:and|of|on|the|for|in|to|its|de|des|du|et|la|le|les|sur|pour|à|sa|ses)$/iu.test(parts[parts.length - 1] ?? '') ||
        /^\p{Ll}/u.test(l.text);
      if (l.blankBefore > 0 || l.heading || (METADATA.test(l.text) && !continues)) break;
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
  // A title such as "Report of the Commission on ..." reads like metadata; with nothing else, it is the title.
  const report = prelude.find((l) => /^(?:Report of|Rapport d)/u.test(l.text) && !/[.:]$/u.test(l.text));
  return { title: title?.join(' ') ?? report?.text ?? '', number: null, draft };
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
  if (/^\d+ \(\d{4}\)$/u.test(number)) return `S/RES/${number}`;
  const body = organ ?? '';
  const serial = Number(number.split('/')[1]);
  // Decisions are numbered after the resolutions: from 201 in the Council, from 401 in the Assembly.
  if (/^\d{4}\//u.test(number) && serial >= 201) return `E/DEC/${number}`;
  if (!/^\d{4}\//u.test(number) && !organ && serial >= 401) return `A/DEC/${number}`;
  if (/économique et social|Economic and Social/iu.test(body) || /^\d{4}\//u.test(number)) return `E/RES/${number}`;
  if (/droits de l[’']homme|Human Rights/iu.test(body)) return `A/HRC/RES/${number}`;
  return `A/RES/${number}`;
}

const ITEM = String.raw`\d{1,3}(?:\s*\([a-z]\))?`;
const AGENDA = new RegExp(String.raw`\b(?:Agenda items?|Items?)\s+(${ITEM}(?:(?:,\s*|\s+and\s+)${ITEM})*)|\bPoints?\s+(${ITEM}(?:(?:,\s*|\s+et\s+)${ITEM})*)\s+de l[’']ordre du jour`, 'iu');

/** The agenda item(s) the title block names ("Agenda item 107" → "107"; "Points 12 et 118 de l’ordre du jour"), or null. */
export function agendaItemOf(prelude: string): string | null {
  const m = AGENDA.exec(prelude.replace(/\s+/gu, ' '));
  return m ? (m[1] ?? m[2] ?? '').trim() : null;
}

/** The meeting and date a Security Council resolution was adopted at, as a closing line, or null. */
export function adoptedAt(prelude: string): string | null {
  const m = ADOPTED.exec(prelude.replace(/\s+/gu, ' '));
  return m ? `${m[1] ?? ''}, ${m[2] ?? ''}` : null;
}
