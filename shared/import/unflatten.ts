/**
 * Web copies: a text copied from a web page can arrive flattened onto one line. Before it is read, its line
 * breaks are put back where a UN text's structure makes them certain: before the organ line, a numbered
 * paragraph after a clause's punctuation, a sub-item after a lead-in, a preambular lead after a comma,
 * the closing meeting line and an annex. The title repeated between paragraphs (a running header) is taken out.
 */

import { startsPreambular } from './leads';

const ORGAN = /\s+(?=(?:The (?:General Assembly|Security Council|Economic and Social Council|Human Rights Council)|L[’']Assemblée générale|Le Conseil (?:de sécurité|économique et social|des droits de l[’']homme)),?\s)/gu;
const NUMBERED = /(?<=[,;:.](?:\s?\d{1,3})?|(?:Assembly|Council|générale|sécurité),)\s+(?=\d{1,3}\.\s+[\p{Lu}«“])/gu;
const ITEM = /(?<=[:;]\d{0,3})\s+(?=\(?[a-z]{1,2}\)\s)/gu;
// After a comma (and any footnote mark), a capitalised word that opens a preambular paragraph.
const AFTER_COMMA = /(?<=,(?:\s?\d{1,3})?)\s+(?=\p{Lu}\p{Ll})/gu;
const CLOSING = /\s+(?=\d+(?:st|nd|rd|th|e)\s+(?:plenary meeting|séance plénière)\b)/gu;
const ANNEX = /(?<=\d{4})\s+(?=Annex(?:e)?\s)/gu;

/** True for a text held on a few very long lines, as a flattened web copy is. */
export function isFlattened(text: string): boolean {
  const lines = text.split('\n').filter((l) => l.trim());
  return lines.length > 0 && lines.length <= 3 && lines.some((l) => l.length > 1500);
}

// The resolution's number and title ("80/29. Conventional arms control …", "Resolution 813 (1993)"), which give its symbol.
const HEADING = /\s+(?=\d{1,4}\/\d{1,4}\.\s+\p{Lu}|Resolution \d{1,4} \(\d{4}\)(?:\s|$))/u;
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

/** The text with its paragraph breaks put back, each structural line set apart by a blank line. */
export function unflatten(text: string): string {
  return withoutRunningTitles(text)
    .replace(HEADING, '\n\n')
    .replace(ORGAN, '\n\n')
    .replace(NUMBERED, '\n\n')
    .replace(ITEM, '\n\n')
    .replace(AFTER_COMMA, (space: string, at: number, whole: string) => (startsPreambular(whole.slice(at + space.length, at + space.length + 60)) ? '\n\n' : space))
    .replace(CLOSING, '\n\n')
    .replace(ANNEX, '\n\n');
}
