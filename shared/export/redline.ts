import { CommandRefused } from '../model/command-refused';
import type { Negotiation } from '../model/negotiation';
import type { ParagraphKind } from '../model/paragraph';
import { authorName, listProposals, type ProposalView } from '../model/queries';
import { compareRevisions, type ParagraphChange } from '../model/revision-commands';
import type { NegotiationMeta } from '../model/table-state';
import { flatText, plainParagraph } from '../text/rich-text';

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
  meta: NegotiationMeta;
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

/** The words a proposal would insert and delete, to match against a diff part. */
function proposalWords(view: ProposalView): { insert: string; delete: string } {
  const p = view.proposal;
  return { insert: squash(p.text ?? (p.paragraph ? flatText(p.paragraph) : '')), delete: squash(p.anchor?.quote ?? '') };
}

/**
 * The text at `target` (a revision number or the current text) with every change since revision `base`
 * as insertions and deletions, each attributed to the delegation whose accepted proposal caused it, to
 * the co-facilitators for their own wording (merges, direct edits), with the date of the decision.
 */
export function redline(negotiation: Negotiation, base: number | 'original' = negotiation.table.epoch() > 0 ? 0 : 'original', target: number | 'current' = 'current'): Redline {
  const table = negotiation.table;
  const meta = table.meta();
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
      const words = squash(text);
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
    for (const part of c.diff) {
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
