/**
 * Web copies: a text copied from a web page can arrive flattened onto one line. Before it is read, its line
 * breaks are put back where a UN text's structure makes them certain: before the organ line, a numbered
 * paragraph after a clause's punctuation, a sub-item after a lead-in, a preambular lead after a comma,
 * the closing meeting line and an annex. The title repeated between paragraphs (a running header) is taken out.
 */

import { nextLetter } from './items';
import { startsPreambular } from './leads';

// Markdown copies keep their emphasis ("*L'Assemblée générale,*", "*Rappelant*"): E stands for it.
const E = '[*_]{0,3}';
const ORGAN = new RegExp(`\\s+(?=${E}(?:The (?:General Assembly|Security Council|Economic and Social Council|Human Rights Council)|L[’']Assemblée générale|Le Conseil (?:de sécurité|économique et social|des droits de l[’']homme))${E},?${E}\\s)`, 'gu');
const NUMBERED = new RegExp(`(?<=[,;:.]${E}(?:\\s?\\d{1,3}|<sup>\\d{1,3}</sup>)?|(?:Assembly|Council|générale|sécurité),${E})\\s+(?=\\d{1,3}\\.\\s+${E}[\\p{Lu}«“])`, 'gu');
// A sub-item after a lead-in or the previous sub-item's punctuation (French lists end items with a comma), with
// any list marker ("- a)"); after a comma only the next letter, so that "(c)" in a sentence stays put.
const ITEM = /(?<=[:;,]\d{0,3}|[:;,]<sup>\d{1,3}<\/sup>)\s+(?:-\s+)?(?=\(?([a-z]{1,2})\)\s)/gu;

function splitItems(text: string): string {
  let last: string | null = null;
  return text.replace(ITEM, (space: string, label: string, at: number, whole: string) => {
    const afterComma = whole[at - 1] === ',' || /,<sup>\d{1,3}<\/sup>$|,\d{1,3}$/u.test(whole.slice(Math.max(0, at - 12), at));
    if (label === 'a' ? afterComma : afterComma && label !== nextLetter(last)) return space;
    last = label;
    return '\n\n';
  });
}
// After a comma (and any footnote mark), a capitalised word that opens a preambular paragraph; after a semicolon too,
// which ends the last sub-item of a preambular paragraph ("… de l’expérience; Rappelant sa résolution …").
const AFTER_COMMA = new RegExp(`(?<=[,;]${E}(?:\\s?\\d{1,3}|<sup>\\d{1,3}</sup>)?)\\s+(?=${E}\\p{Lu}\\p{Ll})`, 'gu');
const CLOSING = /\s+(?=\d+(?:<sup>)?(?:st|nd|rd|th|e)(?:<\/sup>)?\s+(?:plenary meeting|séance plénière)\b)/gu;
const ANNEX = /(?<=\d{4})\s+(?=Annex(?:e)?\s)/gu;

/** True for a text held on a few very long lines, as a flattened web copy is. */
export function isFlattened(text: string): boolean {
  const lines = text.split('\n').filter((l) => l.trim());
  return lines.length > 0 && lines.length <= 3 && lines.some((l) => l.length > 1500);
}

// The resolution's number and title ("80/29. Conventional arms control …", "Resolution 813 (1993)"), which give its symbol.
const HEADING = /\s+(?=\d{1,4}\/\d{1,4}\.\s+\p{Lu}|(?:Resolution|RESOLUTION) \d{1,4} \(\d{4}\)(?:\s|$))|(?<=^\s*(?:Resolution|RESOLUTION) \d{1,4} \(\d{4}\))\s+(?=Adopted by\b)/u;
// Link lines a PDF's text carries at the foot of its first page ("https://undocs.org/fr/A/RES/70/1").
const LINK = /\s+(?=https?:\/\/\S+)|(?<=https?:\/\/\S+)\s+/gu;

// A footnote body's mark: "2 " in text from a PDF, "<sup>2</sup> " or "[^2]: " in Markdown, "* " for a note on the
// symbol or title.
const BODY_MARK = String.raw`(?:\d{1,3}|\*{1,3}|<sup>\d{1,3}<\/sup>|\[\^\d{1,3}\]:)\s+`;
const BODY = new RegExp(`^${BODY_MARK}\\S`, 'u');
// The next page's running header right after a footnote area: its number and the symbol, then the text going on
// ("2 A/64/130 société civile …"), not a note that cites a symbol ("2 A/64/50.").
const PAGE_HEAD = /^(\d{1,3})\s+([A-Z]{1,2}(?:\/[A-Za-z0-9.]*[A-Za-z0-9])+)\s+(?=\p{Ll}|\d{1,3}\.\s)/u;

/**
 * Where the footnote body at the start of `text` ends: at a full stop before the next body, the end of the text, the
 * next page's running header ("A/RES/80/7 …"), a paragraph's number or lead, or the sentence the page break cut.
 */
function bodyEnd(text: string): number {
  const stop = /[.)][*_]*(?=\s|$)/gu;
  for (let m = stop.exec(text); m; m = stop.exec(text)) {
    const end = m.index + m[0].length;
    const after = text.slice(end).trimStart();
    if (!after || new RegExp(`^${BODY_MARK}[\\p{Lu}«“*_[]`, 'u').test(after) || /^[A-Z]{1,2}\/[A-Z\d]/u.test(after) ||
      /^\d{1,3}\.\s/u.test(after) || (m[0].startsWith('.') && /^\p{Ll}/u.test(after)) || startsPreambular(after.slice(0, 60).replace(/[*_]/gu, ''))) return end;
  }
  return text.length;
}

/**
 * A footnote rule and the bodies after it ("____ 1 Nations Unies, Recueil des Traités … 2 Ibid., …", or "---
 * <sup>2</sup> Cible 5.2. …" in Markdown), one a line; what follows the last body (a paragraph going on over the
 * page break, the next paragraph) after it.
 */
function footnoteAreas(text: string): string {
  // After a rule, or (in Markdown, where the rule may be lost) at a mark set apart from the words: "… partenaires<sup>20</sup>,
  // <sup>16</sup> Résolution 76/7, annexe. <sup>17</sup> …".
  return text.replace(/\s+(?:(_{5,}|-{3,})\s+|(?=<sup>\d{1,3}<\/sup>\s+[\p{Lu}«“*_[]))([^\n]*)/gu,
    (whole: string, rule: string | undefined, rest: string) => {
      if (!BODY.test(rest)) return whole;
      const bodies: string[] = [];
      let left = rest;
      let head = '';
      while (BODY.test(left)) {
        const page = PAGE_HEAD.exec(left);
        if (page && bodies.length) {
          head = `${page[1] ?? ''}\n${page[2] ?? ''}\n`;
          left = left.slice(page[0].length);
          break;
        }
        const end = bodyEnd(left);
        bodies.push(left.slice(0, end));
        left = left.slice(end).trim();
      }
      const breakAfter = rule?.startsWith('_') ? '\n' : '\n\n';
      return `\n\n${rule ? `${rule}\n\n` : ''}${bodies.join('\n\n')}${left ? `${breakAfter}${head}${footnoteAreas(` ${left}`).trim()}` : ''}`;
    });
}

const TITLE = /\b\d{1,4}\/\d{1,4}\.\s+(\S.{8,300}?)\s+(?=The (?:General Assembly|Security Council|Economic and Social Council)\b|L[’']Assemblée générale\b|Le Conseil\b)/u;

/** The text without the running headers a page break left in it: the title repeated between two paragraphs. */
function withoutRunningTitles(text: string): string {
  const title = TITLE.exec(text);
  if (!title?.[1]) return text;
  const escaped = title[1].replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
  const after = title.index + title[0].length;
  const repeat = new RegExp(`(?<=[,;:.](?:\\s?\\d{1,3})?)\\s+${escaped}\\s+(?=\\p{Lu})`, 'gu');
  return text.slice(0, after) + text.slice(after).replace(repeat, ' ');
}

// A page's running header carried inline: its symbol, the title, the job number and the page ("E/RES/2021/25 Mise en
// œuvre … personnes 21-10321 4/6"), each put on a line of its own so that the reader drops them as page furniture.
const RUNNING_HEADER = /\s+([A-Z]{1,2}(?:\/[A-Za-z0-9.]+)+(?: \(\d{4}\))?)\s+(\S.{4,250}?)\s+((?:\d{1,3}\/\d{1,3}\s+)?\d{2}-\d{5}(?:\s+\d{1,3}\/\d{1,3})?)(?=\s)/gu;

// A heading between two numbered paragraphs ("… et de la sécurité. Initiative mondiale … humains 8. L’Initiative …").
const HEADED = /(?<=[.;:])\s+(\p{Lu}[^.;:\n]{3,150}?)\s+(?=(\d{1,3})\.\s+[*_]{0,3}[\p{Lu}«“])/gu;

/** Splits out a heading set before the next numbered paragraph, where no punctuation marks the break. */
function headedParagraphs(text: string): string {
  return text.replace(HEADED, (whole: string, heading: string, n: string, at: number, all: string) => {
    const numbers = [...all.slice(0, at).matchAll(/\n\n(\d{1,3})\.\s/gu)];
    const last = Number(numbers[numbers.length - 1]?.[1] ?? 0);
    return Number(n) === last + 1 ? `\n\n${heading}\n\n` : whole;
  });
}

/** The text with its paragraph breaks put back, each structural line set apart by a blank line. */
export function unflatten(text: string): string {
  return splitItems(footnoteAreas(withoutRunningTitles(text).replace(LINK, '\n').replace(RUNNING_HEADER, '\n$1\n$2\n$3\n')))
    .replace(HEADING, '\n\n')
    .replace(ORGAN, '\n\n')
    .replace(NUMBERED, '\n\n')
    .replace(/[^]*/u, headedParagraphs)

    .replace(AFTER_COMMA, (space: string, at: number, whole: string) =>
      (startsPreambular(whole.slice(at + space.length, at + space.length + 60).replace(/[*_]/gu, '')) ? '\n\n' : space))
    .replace(CLOSING, '\n\n')
    .replace(ANNEX, '\n\n');
}
