import { escapeHtml } from './clean-format';
import type { Negotiation } from './negotiation';
import type { ParagraphStatus } from './paragraph';
import type { ProposalKind, ProposalState } from './proposal';
import { authorName, listProposals, type ProposalView } from './queries';
import { currentText } from './revision-commands';
import { textMeta } from './text-meta';
import { flatText } from '../text/rich-text';
import type { DiffPart } from '../text/word-diff';

/** One proposal as the compilation text shows it. */
export interface CompiledProposal {
  key: string;
  kind: ProposalKind;
  /** "Egypt on behalf of the Group of 77 and China". */
  author: string;
  /** The wording as insertions and deletions. */
  wording: DiffPart[];
  supporters: string[];
  opponents: string[];
  reservations: string[];
  pendingInstructions: string[];
  state: ProposalState;
  needsReview: boolean;
  rationale: string | null;
  source: string | null;
}

/** One paragraph of the compilation text. */
export interface CompiledParagraph {
  id: string;
  label: string;
  kind: string;
  status: ParagraphStatus;
  text: string;
  proposals: CompiledProposal[];
}

function wording(view: ProposalView, paragraphs: Map<string, string>, labels: Map<string, string>): DiffPart[] {
  const p = view.proposal;
  const quote = p.anchor?.quote ?? '';
  switch (p.kind) {
    case 'insert':
      // After the words it quotes, when it quotes any.
      return quote ? [{ op: 'equal', text: quote }, { op: 'insert', text: ` ${(p.text ?? '').trim()}` }] : [{ op: 'insert', text: p.text ?? '' }];
    case 'delete':
      return [{ op: 'delete', text: quote }];
    case 'replace':
      return [{ op: 'delete', text: quote }, { op: 'insert', text: p.text ?? '' }];
    case 'bracket':
      // The words stay; the brackets around them are what it adds.
      return [{ op: 'insert', text: '[' }, { op: 'equal', text: quote }, { op: 'insert', text: ']' }];
    case 'new-paragraph':
    case 'alternative':
      return [{ op: 'insert', text: p.paragraph ? flatText(p.paragraph) : '' }];
    case 'delete-paragraph':
      return [{ op: 'delete', text: paragraphs.get(p.paragraphId) ?? '' }];
    case 'move-paragraph':
      return [{ op: 'equal', text: p.moveAfter ? `→ after ${labels.get(p.moveAfter) ?? p.moveAfter}` : '→ to the top' }];
  }
}

/** The compilation text: every paragraph with every proposal on it, its authors, supporters, opponents and decision. */
export function compilation(negotiation: Negotiation): CompiledParagraph[] {
  const text = currentText(negotiation);
  const plain = new Map(text.map((p) => [p.id, flatText(p.text)]));
  const labels = new Map(text.map((p) => [p.id, p.label]));
  const name = (id: string): string => negotiation.table.delegation(id)?.name ?? id;
  const views = listProposals(negotiation);
  return text.map((p) => ({
    id: p.id,
    label: p.label,
    kind: p.kind,
    status: p.status,
    text: plain.get(p.id) ?? '',
    proposals: views
      .filter((v) => v.proposal.paragraphId === p.id)
      .map((v) => ({
        key: v.key,
        kind: v.proposal.kind,
        author: authorName(negotiation, v.proposal),
        wording: wording(v, plain, labels),
        supporters: v.positions.support.map(name),
        opponents: v.positions.oppose.map(name),
        reservations: v.positions.reserve.map(name),
        pendingInstructions: v.positions['pending-instructions'].map(name),
        state: v.state,
        needsReview: v.needsReview,
        rationale: v.proposal.rationale,
        source: v.proposal.source,
      })),
  }));
}

/** The words of the compilation text, in the text's own language. */
const WORDS = {
  en: {
    kinds: { insert: 'insert', delete: 'delete', replace: 'replace', bracket: 'bracket', 'new-paragraph': 'new paragraph', 'delete-paragraph': 'delete paragraph', 'move-paragraph': 'move paragraph', alternative: 'alternative' },
    states: { open: 'open', withdrawn: 'withdrawn', accepted: 'accepted', merged: 'merged', 'not-retained': 'not retained' },
    status: { open: 'open', adref: 'agreed ad ref', agreed: 'agreed', deleted: 'deleted' },
    pending: 'pending', until: 'until', supported: 'supported by', opposed: 'opposed by', reservation: 'reservation', instructions: 'pending instructions',
    source: 'agreed language', rationale: 'rationale', decision: 'decision', review: 'text changed since; needs review', title: 'compilation text', by: 'Proposed by', proposal: 'Proposal',
  },
  fr: {
    kinds: { insert: 'insérer', delete: 'supprimer', replace: 'remplacer', bracket: 'mettre entre crochets', 'new-paragraph': 'nouveau paragraphe', 'delete-paragraph': 'supprimer le paragraphe', 'move-paragraph': 'déplacer le paragraphe', alternative: 'variante' },
    states: { open: 'ouverte', withdrawn: 'retirée', accepted: 'acceptée', merged: 'fusionnée', 'not-retained': 'non retenue' },
    status: { open: 'ouvert', adref: 'agréé ad referendum', agreed: 'agréé', deleted: 'supprimé' },
    pending: 'en attente de', until: "jusqu'au", supported: 'appuyée par', opposed: 'contestée par', reservation: 'réserve', instructions: 'en attente d’instructions',
    source: 'libellé agréé', rationale: 'justification', decision: 'décision', review: 'texte modifié depuis ; à réexaminer', title: 'texte de compilation', by: 'Proposée par', proposal: 'Proposition',
  },
} as const;
type Words = (typeof WORDS)[keyof typeof WORDS];

function statusWords(s: ParagraphStatus, w: Words): string {
  if (s.state === 'adref') return `${w.status.adref}${s.pending.length ? `, ${w.pending} ${s.pending.join(', ')}` : ''}${s.deadline ? ` ${w.until} ${s.deadline}` : ''}`;
  return w.status[s.state];
}

function diffText(parts: DiffPart[], format: 'md' | 'html'): string {
  return parts
    .map((d) => {
      if (format === 'html') return d.op === 'insert' ? `<ins>${escapeHtml(d.text)}</ins>` : d.op === 'delete' ? `<del>${escapeHtml(d.text)}</del>` : escapeHtml(d.text);
      return d.op === 'insert' ? `**${d.text}**` : d.op === 'delete' ? `~~${d.text}~~` : d.text;
    })
    .join(' ');
}

function proposalLine(p: CompiledProposal, format: 'md' | 'html', w: Words): string {
  const parts = [
    `${w.kinds[p.kind]}: ${diffText(p.wording, format)}`,
    p.supporters.length ? `${w.supported} ${p.supporters.join(', ')}` : '',
    p.opponents.length ? `${w.opposed} ${p.opponents.join(', ')}` : '',
    p.reservations.length ? `${w.reservation}: ${p.reservations.join(', ')}` : '',
    p.pendingInstructions.length ? `${w.instructions}: ${p.pendingInstructions.join(', ')}` : '',
    p.source ? `${w.source}: ${p.source}` : '',
    p.rationale ? `${w.rationale}: ${p.rationale}` : '',
    `${w.decision}: ${w.states[p.state]}${p.needsReview && p.state === 'open' ? ` (${w.review})` : ''}`,
  ].filter(Boolean);
  if (format === 'html') return `<tr><td>${escapeHtml(p.author)}</td><td>${parts.map((x, i) => (i === 0 ? x : escapeHtml(x))).join('<br>')}</td></tr>`;
  return `- **${p.author}**: ${parts.join('; ')}`;
}

/** The compilation's words in a language, for other formats (DOCX) to share. */
export function compilationWords(language: 'en' | 'fr'): Words {
  return WORDS[language];
}

/** Prints the compilation text as Markdown or one self-contained HTML page. */
export function formatCompilation(negotiation: Negotiation, paragraphs: CompiledParagraph[], format: 'md' | 'html'): string {
  const meta = textMeta(negotiation);
  const w = WORDS[meta.language];
  const title = `${meta.title}: ${w.title}`;
  if (format === 'md') {
    const lines = [`# ${title}`, ''];
    for (const p of paragraphs) {
      lines.push(`## ${p.label || p.kind} (${statusWords(p.status, w)})`, '', p.text, '');
      if (p.proposals.length) lines.push(...p.proposals.map((x) => proposalLine(x, 'md', w)), '');
    }
    return lines.join('\n');
  }
  const rows = paragraphs.map((p) =>
    [
      `<section><h2>${escapeHtml(p.label || p.kind)} <small>${escapeHtml(statusWords(p.status, w))}</small></h2><p>${escapeHtml(p.text)}</p>`,
      p.proposals.length ? `<table><tr><th>${w.by}</th><th>${w.proposal}</th></tr>${p.proposals.map((x) => proposalLine(x, 'html', w)).join('')}</table>` : '',
      '</section>',
    ].join(''),
  );
  return `<!doctype html><html lang="${meta.language}"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>body{font-family:serif;max-width:60em;margin:2em auto}table{border-collapse:collapse;width:100%}td,th{border:1px solid #999;padding:4px;vertical-align:top}ins{color:#064;text-decoration:underline}del{color:#a00}</style></head><body><h1>${escapeHtml(title)}</h1>${rows.join('\n')}</body></html>\n`;
}
