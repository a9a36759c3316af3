import { resolveAnchor } from '../model/anchors';
import { escapeHtml } from '../model/clean-format';
import type { Negotiation } from '../model/negotiation';
import type { ParagraphStatus } from '../model/paragraph';
import { isSpanKind, type ProposalKind } from '../model/proposal';
import { authorName, listProposals, type ProposalView } from '../model/queries';
import { currentText } from '../model/revision-commands';
import { textMeta } from '../model/text-meta';
import { flatText } from '../text/rich-text';
import { textRuns } from '../text/y-rich-text';

/** An open proposal as delegates read it in the room: its words, its author and who stands where. */
export interface InlineProposal {
  key: string;
  kind: ProposalKind;
  author: string;
  /** The words it would delete (struck) and insert. */
  deleted: string;
  inserted: string;
  supporters: string[];
  opponents: string[];
  reservations: string[];
  pendingInstructions: string[];
  /** Its quoted words changed since it was written: shown after the paragraph, to be reviewed. */
  needsReview: boolean;
}

/** A paragraph with its open proposals in place: words, and brackets where proposals stand. */
export interface InlineParagraph {
  id: string;
  label: string;
  kind: string;
  status: ParagraphStatus;
  parts: ({ text: string } | { proposal: InlineProposal })[];
  /** Proposals on the whole paragraph (new paragraph after it, alternative, deletion, move), or not placeable. */
  after: InlineProposal[];
  /** Every open proposal of the paragraph, in reading order, for the position summary. */
  proposals: InlineProposal[];
}

function inlineProposal(negotiation: Negotiation, v: ProposalView, text: string): InlineProposal {
  const p = v.proposal;
  const name = (id: string): string => negotiation.table.delegation(id)?.name ?? id;
  const quote = p.anchor?.quote ?? '';
  const paragraph = p.paragraph ? flatText(p.paragraph) : '';
  const deleted = p.kind === 'delete' || p.kind === 'replace' ? quote : p.kind === 'delete-paragraph' ? text : '';
  const inserted =
    p.kind === 'insert' || p.kind === 'replace' ? (p.text ?? '').trim() : p.kind === 'bracket' ? `[${quote}]` : p.kind === 'new-paragraph' || p.kind === 'alternative' ? paragraph : '';
  return {
    key: v.key,
    kind: p.kind,
    author: authorName(negotiation, p),
    deleted,
    inserted,
    supporters: v.positions.support.map(name),
    opponents: v.positions.oppose.map(name),
    reservations: v.positions.reserve.map(name),
    pendingInstructions: v.positions['pending-instructions'].map(name),
    needsReview: v.needsReview,
  };
}

/** Where a span proposal stands in the paragraph's flat text, or null when its anchor no longer resolves. */
function place(negotiation: Negotiation, v: ProposalView): { from: number; to: number } | null {
  const anchor = v.proposal.anchor;
  if (!anchor || v.needsReview) return null;
  const resolved = resolveAnchor(negotiation.table, anchor);
  if (!resolved) return null;
  const run = textRuns(negotiation.table.textFragment(v.proposal.paragraphId)).find((r) => r.text === resolved.text);
  return run ? { from: run.start + resolved.from, to: run.start + resolved.to } : null;
}

/**
 * The compilation text as delegates read it on screen in WHO and UNFCCC rooms: each paragraph's current
 * words with every open proposal at its place, in brackets with its author and the positions taken
 * ("[and fully – Canada; supported by Australia]"); proposals on the whole paragraph after it.
 */
export function inlineCompilation(negotiation: Negotiation): InlineParagraph[] {
  const open = listProposals(negotiation).filter((v) => v.state === 'open');
  return currentText(negotiation).map((p) => {
    const text = flatText(p.text);
    const mine = open.filter((v) => v.proposal.paragraphId === p.id);
    const placed: { at: number; end: number; proposal: InlineProposal }[] = [];
    const after: InlineProposal[] = [];
    for (const v of mine) {
      const proposal = inlineProposal(negotiation, v, text);
      const span = isSpanKind(v.proposal.kind) ? place(negotiation, v) : null;
      if (!span) after.push(proposal);
      // An insertion or a bracketing goes after the words it quotes (they stay); a deletion or replacement takes their place.
      else placed.push(v.proposal.kind === 'insert' || v.proposal.kind === 'bracket' ? { at: span.to, end: span.to, proposal } : { at: span.from, end: span.to, proposal });
    }
    placed.sort((a, b) => a.at - b.at || a.end - b.end);
    const parts: InlineParagraph['parts'] = [];
    let cursor = 0;
    for (const x of placed) {
      // A span overlapping one already shown is put right after it, whole.
      const at = Math.max(x.at, cursor);
      if (at > cursor) parts.push({ text: text.slice(cursor, at) });
      // A bracket is a word of its own: spaced from the word it follows.
      if (at > 0 && /\S/u.test(text[at - 1]!)) parts.push({ text: ' ' });
      parts.push({ proposal: x.proposal });
      cursor = Math.max(cursor, x.end);
    }
    if (cursor < text.length) parts.push({ text: text.slice(cursor) });
    return { id: p.id, label: p.label, kind: p.kind, status: p.status, parts, after, proposals: [...placed.map((x) => x.proposal), ...after] };
  });
}

/** The words of the inline compilation text, in English and French. */
export interface InlineWords {
  title: string;
  supported: string;
  opposed: string;
  reserved: string;
  pending: string;
  review: string;
  kinds: Record<'bracket' | 'new-paragraph' | 'alternative' | 'delete-paragraph' | 'move-paragraph', string>;
  summary: string;
  /** ": " in English, " : " in French. */
  colon: string;
  none: string;
  count: (n: number, one: string, many: string) => string;
  positions: { support: [string, string]; oppose: [string, string]; reserve: [string, string]; pending: [string, string] };
}

const EN: InlineWords = {
  title: 'Compilation text',
  supported: 'supported by',
  opposed: 'opposed by',
  reserved: 'reservation:',
  pending: 'awaiting instructions:',
  review: 'wording changed since: to be reviewed',
  kinds: { bracket: 'In brackets', 'new-paragraph': 'New paragraph after it', alternative: 'Alternative', 'delete-paragraph': 'Delete the paragraph', 'move-paragraph': 'Move the paragraph' },
  summary: 'Positions',
  colon: ': ',
  none: 'no positions yet',
  count: (n, one, many) => `${n} ${n === 1 ? one : many}`,
  positions: { support: ['in support', 'in support'], oppose: ['opposed', 'opposed'], reserve: ['reservation', 'reservations'], pending: ['awaiting instructions', 'awaiting instructions'] },
};

const FR: InlineWords = {
  title: 'Texte de compilation',
  supported: 'appuyé par',
  opposed: 'contesté par',
  reserved: 'réserve :',
  pending: 'en attente d’instructions :',
  review: 'libellé modifié depuis : à revoir',
  kinds: { bracket: 'Entre crochets', 'new-paragraph': 'Nouveau paragraphe à la suite', alternative: 'Variante', 'delete-paragraph': 'Supprimer le paragraphe', 'move-paragraph': 'Déplacer le paragraphe' },
  summary: 'Positions',
  colon: ' : ',
  none: 'aucune position encore',
  count: (n, one, many) => `${n} ${n <= 1 ? one : many}`,
  positions: { support: ['pour', 'pour'], oppose: ['contre', 'contre'], reserve: ['réserve', 'réserves'], pending: ['en attente d’instructions', 'en attente d’instructions'] },
};

/** The inline compilation's words in a language. */
export function inlineWords(language: 'en' | 'fr'): InlineWords {
  return language === 'fr' ? FR : EN;
}

/** "Canada; supported by Australia; opposed by Egypt": the author and the positions taken, for the brackets. */
export function whoStands(x: InlineProposal, w: InlineWords): string {
  return [
    x.author,
    x.supporters.length ? `${w.supported} ${x.supporters.join(', ')}` : '',
    x.opponents.length ? `${w.opposed} ${x.opponents.join(', ')}` : '',
    x.reservations.length ? `${w.reserved} ${x.reservations.join(', ')}` : '',
    x.pendingInstructions.length ? `${w.pending} ${x.pendingInstructions.join(', ')}` : '',
  ].filter(Boolean).join('; ');
}

/** "Canada: 2 in support, 1 opposed": the position summary of one proposal. */
export function positionSummary(x: InlineProposal, w: InlineWords): string {
  const counts = [
    x.supporters.length ? w.count(x.supporters.length, ...w.positions.support) : '',
    x.opponents.length ? w.count(x.opponents.length, ...w.positions.oppose) : '',
    x.reservations.length ? w.count(x.reservations.length, ...w.positions.reserve) : '',
    x.pendingInstructions.length ? w.count(x.pendingInstructions.length, ...w.positions.pending) : '',
  ].filter(Boolean);
  return `${x.author}${w.colon}${counts.length ? counts.join(', ') : w.none}`;
}

/** The bracket of one proposal as text ("~~deleted~~" struck in Markdown, plain in text). */
function bracket(x: InlineProposal, w: InlineWords, format: 'md' | 'txt'): string {
  const struck = x.deleted ? (format === 'md' ? `~~${x.deleted}~~` : `(${x.deleted})`) : '';
  const kind = x.kind in w.kinds ? `${w.kinds[x.kind as keyof InlineWords['kinds']]}: ` : '';
  const words = [struck, x.inserted].filter(Boolean).join(' ');
  return `[${kind}${words}${words ? ' – ' : ''}${whoStands(x, w)}${x.needsReview ? ` (${w.review})` : ''}]`;
}

/** The inline compilation text as Markdown, or one self-contained HTML page. */
export function formatInlineCompilation(negotiation: Negotiation, paragraphs: InlineParagraph[], format: 'md' | 'html', language: 'en' | 'fr' = negotiation.table.meta().language): string {
  const meta = textMeta(negotiation);
  const w = inlineWords(language);
  const title = `${meta.title}: ${w.title}`;
  if (format === 'md') {
    const lines = [`# ${title}`, ''];
    for (const p of paragraphs) {
      const body = p.parts.map((x) => ('text' in x ? x.text : bracket(x.proposal, w, 'md'))).join('');
      lines.push(`${p.label ? `**${p.label}** ` : ''}${body}`, '');
      for (const x of p.after) lines.push(`> ${bracket(x, w, 'md')}`, '');
      if (p.proposals.length) lines.push(`*${w.summary}${w.colon.trimEnd()}* ${p.proposals.map((x) => positionSummary(x, w)).join(' · ')}`, '');
    }
    return lines.join('\n');
  }
  const html = (x: InlineProposal): string => {
    const kind = x.kind in w.kinds ? `${escapeHtml(w.kinds[x.kind as keyof InlineWords['kinds']])}: ` : '';
    const words = [x.deleted ? `<del>${escapeHtml(x.deleted)}</del>` : '', x.inserted ? `<ins>${escapeHtml(x.inserted)}</ins>` : ''].filter(Boolean).join(' ');
    return `<span class="proposal" data-key="${escapeHtml(x.key)}">[${kind}${words}${words ? ' – ' : ''}<span class="who">${escapeHtml(whoStands(x, w))}</span>${x.needsReview ? ` <em>(${escapeHtml(w.review)})</em>` : ''}]</span>`;
  };
  const body = paragraphs.map((p) =>
    [
      `<section class="paragraph ${escapeHtml(p.kind)}" data-id="${escapeHtml(p.id)}">`,
      `<p>${p.label ? `<b class="label">${escapeHtml(p.label)}</b> ` : ''}${p.parts.map((x) => ('text' in x ? escapeHtml(x.text) : html(x.proposal))).join('')}</p>`,
      ...p.after.map((x) => `<p class="after">${html(x)}</p>`),
      p.proposals.length ? `<p class="summary"><i>${escapeHtml(w.summary + w.colon.trimEnd())}</i> ${p.proposals.map((x) => escapeHtml(positionSummary(x, w))).join(' · ')}</p>` : '',
      '</section>',
    ].join(''),
  );
  const style = [
    '@page { size: A4; margin: 20mm; }',
    'body { font-family: "Times New Roman", serif; font-size: 12pt; max-width: 46em; margin: 2em auto; line-height: 1.45; }',
    'h1 { font-size: 14pt; text-align: center; } .label { display: inline-block; min-width: 4.5em; }',
    '.proposal { color: #1a3d8f; } .who { font-style: italic; } ins { color: #064; } del { color: #a00; }',
    '.after { margin-left: 4.5em; } .summary { margin-left: 4.5em; font-size: 10pt; color: #444; }',
  ].join('\n');
  return `<!doctype html>\n<html lang="${meta.language}"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>${style}</style></head><body>\n${meta.symbol ? `<p style="text-align:right"><b>${escapeHtml(meta.symbol)}</b></p>\n` : ''}<h1>${escapeHtml(title)}</h1>\n${body.join('\n')}\n</body></html>\n`;
}
