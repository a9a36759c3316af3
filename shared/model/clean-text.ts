import { CommandRefused } from './command-refused';
import type { Negotiation } from './negotiation';
import type { ParagraphKind } from './paragraph';
import { currentLabels, listProposals, authorName } from './queries';
import { currentText } from './revision-commands';
import type { OpenItem } from './open-item';
import type { FrozenParagraph } from './table-state';
import { textMeta, type TextMeta } from './text-meta';
import { countBrackets } from '../text/brackets';
import { plainParagraph, type PlainItem } from '../text/rich-text';

/** A sub-item of the clean text, with its label as printed: "(a)" in English, "a)" in French. */
export interface CleanItem {
  label: string;
  text: string;
  items: CleanItem[];
}

/** A paragraph of the clean text. */
export interface CleanParagraph {
  id: string;
  kind: ParagraphKind;
  /** The printed number ("1"), null for unnumbered paragraphs and a single operative paragraph. */
  number: string | null;
  /** The working label in a draft ("OP5 bis"); null in the clean text. */
  label: string | null;
  lead: string | null;
  text: string;
  items: CleanItem[];
  /** Footnote numbers referenced at the end of the paragraph, renumbered from 1. */
  footnotes: string[];
}

/** The text for adoption, or a draft with its brackets and labels. */
export interface CleanText {
  meta: TextMeta;
  draft: boolean;
  paragraphs: CleanParagraph[];
  footnotes: { mark: string; text: string }[];
}

export type { OpenItem } from './open-item';

/** What keeps the current text from being clean: brackets, alternatives, open proposals. */
export function openItems(negotiation: Negotiation, paragraphs: FrozenParagraph[] = currentText(negotiation), withProposals = true): OpenItem[] {
  const items: OpenItem[] = [];
  const fr = negotiation.table.meta().language === 'fr';
  for (const p of paragraphs) {
    if (p.status.state === 'deleted') continue;
    const plain = plainParagraph(p.text);
    const all = [plain.text, ...flatItems(plain.items)].join(' ');
    const n = countBrackets(all);
    if (n > 0) items.push({ kind: 'brackets', label: p.label || p.kind, reason: `${n} ${fr ? 'crochet' : 'bracket'}${n > 1 ? 's' : ''}`, count: n, paragraphId: p.id });
    if (/ Alt \d+$/.test(p.label)) items.push({ kind: 'alternative', label: p.label, reason: fr ? 'variante non tranchée' : 'alternative wording not yet settled', paragraphId: p.id });
  }
  if (!withProposals) return items;
  const labels = currentLabels(negotiation);
  for (const v of listProposals(negotiation)) {
    if (v.state !== 'open') continue;
    const within = v.proposal.kind === 'new-paragraph' ? {} : { paragraphId: v.proposal.paragraphId };
    const by = authorName(negotiation, v.proposal);
    items.push({ kind: 'proposal', label: labels.get(v.proposal.paragraphId) ?? v.proposal.paragraphId, reason: `${fr ? 'proposition ouverte de' : 'open proposal by'} ${by}`, names: [by], ...within });
  }
  return items;
}

function flatItems(items: PlainItem[]): string[] {
  return items.flatMap((i) => [i.text, ...flatItems(i.items)]);
}

const ROMAN: [number, string][] = [[10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']];
function roman(n: number): string {
  let out = '';
  for (const [value, digits] of ROMAN) while (n >= value) { out += digits; n -= value; }
  return out;
}
/** A sub-item's label as printed: "(a)" then "(i)" below it in English, "a)" and "i)" in French. */
export function itemLabel(index: number, depth: number, language: 'en' | 'fr'): string {
  const core = depth === 0 ? String.fromCharCode(97 + (index % 26)) : roman(index + 1);
  return language === 'fr' ? `${core})` : `(${core})`;
}

/** Replaces the final punctuation of a text, or appends it; a chapeau ending with a colon keeps it. */
export function withFinalPunctuation(text: string, mark: ',' | ';' | '.'): string {
  const trimmed = text.replace(/\s+$/, '');
  if (/:$/.test(trimmed)) return trimmed;
  const m = /^(.*?)(\s*)[,;.]$/s.exec(trimmed);
  if (m) return `${m[1]}${m[2]}${mark}`;
  return `${trimmed}${mark}`;
}

function cleanItems(items: PlainItem[], depth: number, language: 'en' | 'fr'): CleanItem[] {
  return items.map((item, i) => ({ label: itemLabel(i, depth, language), text: item.text, items: cleanItems(item.items, depth + 1, language) }));
}

/** Puts the paragraph's final mark on its last words: its last sub-item's, when it has sub-items. */
function punctuate(p: CleanParagraph, mark: ',' | ';' | '.'): void {
  let items = p.items;
  let last: CleanItem | undefined;
  while (items.length) {
    last = items[items.length - 1];
    items = last?.items ?? [];
  }
  if (last) last.text = withFinalPunctuation(last.text, mark);
  else p.text = withFinalPunctuation(p.text, mark);
}

/**
 * The clean text: brackets, Alt and bis/ter labels gone, paragraphs renumbered, the drafting rules
 * applied (preambular paragraphs end with a comma; operative paragraphs with a semicolon and the last
 * with a full stop; a single operative paragraph is not numbered; declaration paragraphs end with a full
 * stop; footnotes renumbered). Refuses, listing what is open, unless a draft is asked for: then the text
 * keeps its brackets and working labels.
 */
export function cleanText(negotiation: Negotiation, options: { revision?: number; draft?: boolean } = {}): CleanText {
  const table = negotiation.table;
  const meta = textMeta(negotiation, options.revision);
  let source: FrozenParagraph[];
  let footnoteBodies: Record<string, string>;
  if (options.revision !== undefined) {
    const revision = table.revisions()[options.revision];
    if (!revision) throw new CommandRefused(`There is no revision ${options.revision}; ${table.epoch()} have been issued.`, 'not-found');
    source = revision.paragraphs;
    footnoteBodies = revision.footnotes;
  } else {
    source = currentText(negotiation);
    footnoteBodies = table.footnotes();
  }
  const draft = options.draft ?? false;
  if (!draft) {
    // A revision is frozen: only its own brackets and alternatives count, not proposals made since.
    const open = openItems(negotiation, source, options.revision === undefined);
    if (open.length) {
      throw new CommandRefused(`The text is not clean yet:\n${open.map((i) => `  ${i.label}: ${i.reason}`).join('\n')}\nResolve these, or ask for a draft.`, 'invalid');
    }
  }
  const shown = source.filter((p) => p.status.state !== 'deleted');
  const footnoteNumbers = new Map<string, string>();
  const paragraphs: CleanParagraph[] = shown.map((p) => {
    const plain = plainParagraph(p.text);
    const footnotes = plain.footnotes.map((id) => {
      if (!footnoteNumbers.has(id)) footnoteNumbers.set(id, String(footnoteNumbers.size + 1));
      return footnoteNumbers.get(id)!;
    });
    return { id: p.id, kind: p.kind, number: null, label: draft ? p.label || null : null, lead: plain.lead, text: plain.text, items: cleanItems(plain.items, 0, meta.language), footnotes };
  });
  if (draft) return { meta, draft, paragraphs, footnotes: footnoteList(footnoteNumbers, footnoteBodies) };
  // Numbered by part: a chapeau after operative paragraphs (the organ line of a draft resolution that the
  // resolution recommends and holds) starts the numbering again, the draft being numbered on its own.
  const parts: CleanParagraph[][] = [[]];
  for (const p of paragraphs) {
    if (p.kind === 'chapeau' && parts[parts.length - 1]!.length) parts.push([]);
    if (p.kind === 'operative') parts[parts.length - 1]!.push(p);
  }
  for (const part of parts) part.forEach((p, i) => (p.number = part.length > 1 ? String(i + 1) : null));
  const lastOfPart = new Set(parts.map((part) => part[part.length - 1]));
  let n = 0;
  for (const p of paragraphs) {
    if (p.kind === 'annex-title') n = 0;
    if (p.kind === 'declaration') p.number = String(++n);
  }
  if (meta.form !== 'report') {
    for (const p of paragraphs) {
      if (p.kind === 'preambular') punctuate(p, ',');
      else if (p.kind === 'operative') punctuate(p, lastOfPart.has(p) ? '.' : ';');
      else if (p.kind === 'declaration') punctuate(p, '.');
    }
  }
  return { meta, draft, paragraphs, footnotes: footnoteList(footnoteNumbers, footnoteBodies) };
}

/** Footnotes in the order of their first reference; any never referenced follow, so none is lost. */
function footnoteList(numbers: Map<string, string>, bodies: Record<string, string>): { mark: string; text: string }[] {
  const footnotes = [...numbers].map(([id, mark]) => ({ mark, text: bodies[id] ?? '' }));
  for (const [id, text] of Object.entries(bodies)) {
    if (!numbers.has(id)) footnotes.push({ mark: String(footnotes.length + 1), text });
  }
  return footnotes;
}
