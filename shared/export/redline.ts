import { itemLabel } from '../model/clean-text';
import { CommandRefused } from '../model/command-refused';
import type { Negotiation } from '../model/negotiation';
import type { ParagraphKind } from '../model/paragraph';
import { authorName, listProposals, type ProposalView } from '../model/queries';
import { compareRevisions, type ParagraphChange } from '../model/revision-commands';
import { textMeta, type TextMeta } from '../model/text-meta';
import { flatText, plainParagraph, type PlainItem } from '../text/rich-text';
import type { RichTextJSON } from '../text/schema';
import { wordDiff } from '../text/word-diff';

/** One run of a redline: unchanged, inserted or deleted words, with who changed them and when. */
export interface RedlineRun {
  op: 'equal' | 'insert' | 'delete';
  text: string;
  /** Part of the paragraph's italic lead ("Recalling"). */
  lead: boolean;
  /** For insertions and deletions: the delegation whose proposal caused it, or the co-facilitators. */
  author: string | null;
  /** ISO date of the decision that made the change (or of the revision compared with). */
  date: string | null;
}

/** A paragraph of a redline, by permanent id, with its working label. */
export interface RedlineParagraph {
  id: string;
  label: string;
  kind: ParagraphKind;
  change: ParagraphChange['change'];
  runs: RedlineRun[];
}

/** A text with tracked changes against a base revision. */
export interface Redline {
  meta: TextMeta;
  /** "Zero draft", "Rev.1". */
  baseName: string;
  /** "Rev.2", or "current text". */
  targetName: string;
  paragraphs: RedlineParagraph[];
}

/** The author name used for changes no delegation's proposal caused. */
export function facilitatorsName(language: 'en' | 'fr'): string {
  return language === 'fr' ? 'Cofacilitateurs' : 'Co-facilitators';
}

const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** Where a sub-item starts in a redline's words, one mark per depth: "(a)" items, then "(i)" under them. */
const ITEM_BREAKS = ['\uE010', '\uE011', '\uE012', '\uE013'];
const BREAK = /[\uE010-\uE013]/u;

/**
 * A paragraph's words as the redline compares them: its body, then each sub-item after a break mark and its
 * label, so that sub-items stay sub-items in the redline and an item added or removed shows as one.
 */
function redlineText(text: RichTextJSON, language: 'en' | 'fr'): string {
  const p = plainParagraph(text);
  const items = (list: PlainItem[], depth: number): string => list
    .map((item, i) => ` ${ITEM_BREAKS[Math.min(depth, ITEM_BREAKS.length - 1)]} ${itemLabel(i, depth, language)} ${item.text}${items(item.items, depth + 1)}`)
    .join('');
  return p.text + items(p.items, 0);
}

/** A redline paragraph's line: its body (depth 0) or one of its sub-items, and how the line's start changed. */
export interface RedlineLine {
  depth: number;
  runs: RedlineRun[];
  /** 'insert' for a sub-item added, 'delete' for one removed: the line before it ends in a new or a removed paragraph mark. */
  opened: RedlineRun['op'];
}

/** A redline paragraph as lines: its body, then each sub-item on a line of its own. */
export function redlineLines(p: RedlineParagraph): RedlineLine[] {
  const lines: RedlineLine[] = [{ depth: 0, runs: [], opened: 'equal' }];
  // Words put in place of a removed sub-item's line stay on the line before it ("victims.;", not "(i) … ;").
  const runs: RedlineRun[] = [];
  for (let i = 0; i < p.runs.length; i++) {
    const run = p.runs[i] as RedlineRun;
    const next = p.runs[i + 1];
    const at = run.op === 'delete' ? run.text.search(BREAK) : -1;
    if (at >= 0 && next?.op === 'insert') {
      const cut = BREAK.test(next.text) ? next.text.search(BREAK) : next.text.length;
      const before = (text: string, end: number): string => text.slice(0, end).replace(/ $/u, '');
      runs.push({ ...run, text: before(run.text, at) }, { ...next, text: cut < next.text.length ? before(next.text, cut) : next.text }, { ...run, text: run.text.slice(at) }, { ...next, text: next.text.slice(cut) });
      i++;
    } else runs.push(run);
  }
  // The spaces around a break mark are the mark's, not the text's.
  for (const run of runs) {
    const pieces = run.text.split(/([\uE010-\uE013])/u);
    pieces.forEach((piece, k) => {
      if (BREAK.test(piece)) {
        lines.push({ depth: ITEM_BREAKS.indexOf(piece) + 1, runs: [], opened: run.op });
        return;
      }
      const text = piece.replace(BREAK.test(pieces[k + 1] ?? '') ? / $/u : /(?!)/u, '').replace(BREAK.test(pieces[k - 1] ?? '') ? /^ /u : /(?!)/u, '');
      if (text) (lines[lines.length - 1] as RedlineLine).runs.push({ ...run, text });
    });
  }
  for (const line of lines) {
    const first = line.runs[0];
    if (first && line.depth > 0) first.text = first.text.replace(/^ /u, '');
    const last = line.runs[line.runs.length - 1];
    if (last) last.text = last.text.replace(/ $/u, '');
    line.runs = line.runs.filter((r) => r.text);
  }
  return lines;
}

/** The words a proposal would insert and delete, to match against a diff part (a bracketing: its words, then bracketed). */
function proposalWords(view: ProposalView): { insert: string; delete: string } {
  const p = view.proposal;
  if (p.kind === 'bracket') return { insert: squash(`[${p.anchor?.quote ?? ''}]`), delete: squash(p.anchor?.quote ?? '') };
  return { insert: squash(p.text ?? (p.paragraph ? flatText(p.paragraph) : '')), delete: squash(p.anchor?.quote ?? '') };
}

/**
 * The text at `target` (a revision number or the current text) with every change since revision `base`
 * as insertions and deletions, each attributed to the delegation whose accepted proposal caused it, to
 * the co-facilitators for their own wording (merges, direct edits), with the date of the decision.
 */
export function redline(negotiation: Negotiation, base: number | 'original' = negotiation.table.epoch() > 0 ? 0 : 'original', target: number | 'current' = 'current'): Redline {
  const table = negotiation.table;
  const meta = textMeta(negotiation, target === 'current' ? undefined : target);
  const revisions = table.revisions();
  if (base !== 'original' && revisions.length === 0) throw new CommandRefused('No revision has been issued yet: issue the zero draft first, or compare against the original text.', 'not-found');
  const changes = compareRevisions(negotiation, base, target);
  const views = new Map(listProposals(negotiation).map((v) => [v.key, v]));
  const cofacs = facilitatorsName(meta.language);
  const fallbackDate = target === 'current' ? new Date().toISOString() : (revisions[target]?.issuedAt ?? null);

  const paragraphs = changes.map((c): RedlineParagraph => {
    const fromProposal = c.after ? table.paragraph(c.id)?.fromProposal : null;
    const causes = [...new Set([...c.causes, ...(c.change === 'added' && fromProposal ? [fromProposal] : [])])]
      .map((k) => views.get(k))
      // A new paragraph's proposal names the paragraph it follows: it caused the new one, not that one.
      .filter((v): v is ProposalView => !!v && table.decision(v.key)?.intoParagraph === c.id);
    const attribute = (op: 'insert' | 'delete', text: string): { author: string; date: string | null } => {
      const words = squash(text.replace(/[\uE010-\uE013]\s*(?:\(?[a-z]{1,5}\)\s)?/gu, ' '));
      const accepted = causes.filter((v) => table.decision(v.key)?.decision === 'accepted');
      const match = accepted.find((v) => {
        const w = proposalWords(v)[op];
        return w.length > 0 && (w.includes(words) || words.includes(w));
      }) ?? (causes.length === 1 && accepted.length === 1 ? accepted[0] : undefined);
      if (match) return { author: authorName(negotiation, match.proposal), date: table.decision(match.key)?.at ?? fallbackDate };
      const merged = causes.filter((v) => table.decision(v.key)?.decision === 'merged');
      const by = merged.length ? `${cofacs} (${merged.map((v) => authorName(negotiation, v.proposal)).join(', ')})` : cofacs;
      return { author: by, date: (merged[0] && table.decision(merged[0].key)?.at) ?? fallbackDate };
    };
    const source = c.after ?? c.before!;
    const leadLength = c.after ? (plainParagraph(c.after.text).lead?.length ?? 0) : 0;
    const runs: RedlineRun[] = [];
    let offset = 0; // position in the text after the change, to mark the lead
    const language = meta.language;
    const diff = wordDiff(c.before ? redlineText(c.before.text, language) : '', c.after ? redlineText(c.after.text, language) : '');
    for (const part of diff) {
      const who = part.op === 'equal' ? { author: null, date: null } : attribute(part.op, part.text);
      if (part.op === 'delete') {
        runs.push({ op: part.op, text: part.text, lead: false, ...who });
        continue;
      }
      const inLead = Math.max(0, Math.min(part.text.length, leadLength - offset));
      if (inLead > 0) runs.push({ op: part.op, text: part.text.slice(0, inLead), lead: true, ...who });
      if (inLead < part.text.length) runs.push({ op: part.op, text: part.text.slice(inLead), lead: false, ...who });
      offset += part.text.length;
    }
    return { id: c.id, label: source.label, kind: source.kind, change: c.change, runs };
  });
  const name = (n: number | 'original'): string => table.revision(n)?.name ?? `Rev.${n}`;
  return { meta, baseName: name(base), targetName: target === 'current' ? (meta.language === 'fr' ? 'texte actuel' : 'current text') : name(target), paragraphs };
}
