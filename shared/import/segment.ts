import { endsBeforeItem, itemLabel, nextLetter, nextRoman } from './items';
import { startsPreambular } from './leads';
import { FOOTNOTE_MARKER } from './source-line';
import type { SourceLine } from './source-line';
import {
  endsClause, headingShaped, isAnnexLine, isChapeau, isClosing, isDateLine, isOptionLine, numberOf, opensDecision, organInline,
  organOf, recommendsDraft, startsOperative,
} from './structure-lines';

/** A sub-item as segmented: its label and raw lines. */
export interface ItemDraft {
  label: string;
  parts: string[];
  items: ItemDraft[];
}

/** A paragraph as segmented, before its lines are joined and its footnote references taken out. */
export interface ParagraphDraft {
  kind: 'preambular' | 'operative' | 'annex';
  number: string | null;
  italic: string | null;
  parts: string[];
  items: ItemDraft[];
  heading: string | null;
  /** Every heading set since the previous paragraph, in order, when there are several ("III. …", "A. …"). */
  headings?: string[];
  /** Index in `annexes` for an annex paragraph. */
  annex: number;
  line: number;
  /** For a paragraph that recommends a draft resolution it holds: the draft's organ line ("The General Assembly"). */
  draftOrgan?: string;
  /** For a paragraph of such a draft: the index in `paragraphs` of the paragraph that holds it. */
  inDraft?: number;
}

/** An annex as segmented. */
export interface AnnexDraft {
  titleParts: string[];
  chapeauParts: string[];
}

/** The document's parts, in reading order. */
export interface Segmented {
  prelude: SourceLine[];
  organ: string | null;
  paragraphs: ParagraphDraft[];
  annexes: AnnexDraft[];
  headings: string[];
  closing: string | null;
  /** True when the body opens as a decision does ("At its 13th plenary meeting, ..., the Council:"). */
  decision: boolean;
}

const TAGGED = /^\[?(PP|OP)\s?(\d{1,3})\s?(bis|ter|quater|quinquies)?\]?[.:]?(?:\s+(\S.*))?$/iu;

const DECLARATION_TAGGED = /^\[(\d{1,3})\s?(bis|ter|quater|quinquies)?\]\s+(\S.*)$/iu;

const ANNEX_TITLED = /^(?:ANNEX|Annex|ANNEXE|Annexe)(?:\s+[IVX]+)?\s+([\p{Lu}\d][^.;:,]{3,250})$/u;

type State = 'prelude' | 'preamble' | 'operative' | 'closed' | 'annex';

/**
 * Splits a document's lines into its parts: the prelude (title block), the organ line, preambular and
 * operative paragraphs with their sub-items, headings, the closing lines and annexes. A line that does not
 * open anything continues whatever is open.
 */
export function segment(lines: SourceLine[]): Segmented {
  const out: Segmented = {
    prelude: [], organ: null, paragraphs: [], annexes: [], headings: [], closing: null, decision: false,
  };
  let state: State = 'prelude';
  let paragraph: ParagraphDraft | null = null;
  let target: string[] | null = null;
  let expected = 1;
  let heading: string | null = null;
  let pending: string[] = [];
  // Under an option of a negotiated draft, numbering may start again: each option numbers its own paragraphs.
  let underOption = false;
  let note: string | null = null;
  // Inside a draft resolution that a paragraph recommends: that paragraph's index.
  let inDraft: number | null = null;
  // The last line of what is open, explicit footnote references aside.
  const last = (): string => (target?.[target.length - 1] ?? '').replace(FOOTNOTE_MARKER, '').replace(/([,;:.])\s\d{1,3}$/u, '$1');

  const open = (kind: ParagraphDraft['kind'], number: string | null, line: SourceLine, text: string): void => {
    paragraph = {
      kind, number, italic: line.italic ?? null, parts: [text], items: [], heading,
      ...(pending.length > 1 ? { headings: pending } : {}), annex: out.annexes.length - 1, line: line.line,
      ...(inDraft !== null ? { inDraft } : {}),
    };
    pending = [];
    out.paragraphs.push(paragraph);
    target = paragraph.parts;
  };
  const startsNumbered = (index: number): boolean => {
    const next = lines[index];
    // "3." alone on its line (PDF text) counts as well.
    const n = next ? numberOf(next.text) ?? (/^\d{1,3}\.$/u.test(next.text) ? { number: Number(next.text.slice(0, -1)) } : null) : null;
    // So does a paragraph a draft labels ("[OP3] Decides …", "[4] We …"): a heading stands over it too.
    return (!!n && n.number === expected) || (!!next && state !== 'prelude' && (TAGGED.test(next.text) || (state === 'annex' && DECLARATION_TAGGED.test(next.text))));
  };
  // An excerpt may start at any number ("5. Urges ..."): the first number opens a paragraph when an operative
  // verb or "We" follows it, or when the next number follows later.
  const startsExcerpt = (index: number, n: { number: number; rest: string }): boolean => {
    if (expected !== 1 || out.paragraphs.some((p) => p.number !== null)) return false;
    if (startsOperative(n.rest) || /^(?:We|Nous)\s/u.test(n.rest)) return true;
    return lines.slice(index + 1).some((l) => numberOf(l.text)?.number === n.number + 1);
  };
  const isHeading = (index: number, line: SourceLine): boolean => {
    if (line.heading) return state !== 'prelude';
    if (!headingShaped(line.text) || (last() && !endsClause(last()))) return false;
    const next = lines[index + 1];
    if (next && state !== 'annex' && state !== 'prelude' && isChapeau(next.text)) return true;
    // A heading stands over a numbered paragraph or an option, perhaps through a sub-heading or two.
    for (let k = index + 1; k <= index + 3; k++) {
      const after = lines[k];
      if (startsNumbered(k) || (after && state !== 'prelude' && isOptionLine(after.text))) return true;
      if (!after || !headingShaped(after.text)) return false;
    }
    return false;
  };
  let headingAt = -1;
  // The headings since the last paragraph open an annex whose "Annex" line is missing: the first is its title
  // ("Political declaration …"), any after it head its first paragraphs ("I. Our commitment").
  const annexFromHeadings = (): void => {
    const run = pending.length ? pending : [out.headings[out.headings.length - 1] ?? ''];
    const title = run[0] ?? '';
    const at = out.headings.lastIndexOf(title);
    if (at >= 0) out.headings.splice(at, 1);
    out.annexes.push({ titleParts: [title], chapeauParts: [] });
    pending = run.slice(1);
    heading = pending[pending.length - 1] ?? null;
  };

  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] as SourceLine;
    const text = line.text;
    const organ = state === 'prelude' ? organOf(text) : null;
    if (organ) {
      out.organ = organ;
      state = 'preamble';
      target = null;
      continue;
    }
    const inline = state === 'prelude' ? organInline(text) : null;
    if (inline) {
      out.organ = inline.organ;
      state = 'preamble';
      open(startsOperative(inline.rest) ? 'operative' : 'preambular', null, line, inline.rest);
      if (startsOperative(inline.rest)) state = 'operative';
      continue;
    }
    if (state === 'prelude' && opensDecision(text)) {
      out.decision = true;
      state = 'operative';
      open('operative', null, line, text);
      continue;
    }
    // A draft resolution held in the paragraph that recommends it ("… the adoption of the following draft
    // resolution:" / "The General Assembly,"): its own preamble, and operative paragraphs numbered from 1.
    const host = paragraph as ParagraphDraft | null;
    const draftOrgan = host?.kind === 'operative' && inDraft === null && recommendsDraft(last()) ? organOf(text) : null;
    if (host && draftOrgan) {
      host.draftOrgan = draftOrgan;
      inDraft = out.paragraphs.indexOf(host);
      state = 'preamble';
      expected = 1;
      paragraph = null;
      target = null;
      continue;
    }
    if (state !== 'prelude' && isClosing(text)) {
      const date = lines[index + 1];
      out.closing = date && isDateLine(date.text) ? `${text}, ${date.text}` : text;
      if (date && isDateLine(date.text)) index++;
      // "Adopted at the 2981st meeting by 12" / "votes to 1 (Cuba) with 2 abstentions" / "(Ecuador, Yemen)."
      while (/^Adopt/u.test(out.closing) && !/[.)]$/u.test(out.closing) && lines[index + 1]?.blankBefore === 0) {
        index++;
        out.closing += ` ${(lines[index] as SourceLine).text}`;
      }
      state = 'closed';
      paragraph = null;
      target = null;
      continue;
    }
    if (out.paragraphs.length && isAnnexLine(text)) {
      out.annexes.push({ titleParts: [], chapeauParts: [] });
      state = 'annex';
      expected = 1;
      heading = null;
      paragraph = null;
      target = (out.annexes[out.annexes.length - 1] as AnnexDraft).titleParts;
      continue;
    }
    // An option's label or an editor's note in a negotiated draft stands over what follows, as a heading does.
    // An editor's note between the sub-items of a paragraph ("{Tracking arrangements}") opens the next sub-item.
    const nextItem = lines[index + 1] ? itemLabel((lines[index + 1] as SourceLine).text) : null;
    if (paragraph && nextItem && /^\{.*\}$/u.test(text)) {
      note = text;
      continue;
    }
    if (state !== 'prelude' && state !== 'closed' && isOptionLine(text)) {
      heading = text;
      headingAt = index;
      out.headings.push(text);
      pending.push(text);
      underOption = true;
      paragraph = null;
      target = null;
      continue;
    }
    // Working labels typed into a draft ("[PP3] Recalling …", "OP5 bis. Decides …", as Penholder's draft exports
    // and many zero drafts print them) say the paragraph's kind and number.
    const tag = state !== 'closed' && !(state === 'annex' && out.paragraphs.some((p) => p.kind === 'annex')) ? TAGGED.exec(text) : null;
    if (tag?.[1]?.toUpperCase() === 'PP' && state !== 'operative') {
      state = 'preamble';
      open('preambular', null, line, tag[4] ?? '');
      continue;
    }
    if (tag?.[1]?.toUpperCase() === 'OP') {
      state = state === 'annex' ? 'annex' : 'operative';
      open(state === 'annex' ? 'annex' : 'operative', `${tag[2] ?? ''}${tag[3] ?? ''}`, line, tag[4] ?? '');
      expected = Math.max(expected, Number(tag[2]) + 1);
      continue;
    }
    // An annexed declaration's paragraphs as a draft labels them ("[4] We …", "[4 bis] We …", as Penholder's draft exports print them).
    const declared = state === 'annex' ? DECLARATION_TAGGED.exec(text) : null;
    if (declared) {
      open('annex', `${declared[1] ?? ''}${declared[2] ?? ''}`, line, declared[3] ?? '');
      expected = Math.max(expected, Number(declared[1]) + 1);
      continue;
    }
    // A number alone on its line ("1." then the text on the next) opens the paragraph all the same.
    const alone = /^(\d{1,3})\.$/u.exec(text);
    const number = alone && lines[index + 1] ? { number: Number(alone[1]), suffix: '', rest: '' } : numberOf(text);
    // Numbering that starts again at 1 under a title after the operative paragraphs: an annex whose "Annex"
    // line is missing (as Penholder's own clean text prints it).
    if (number?.number === 1 && state === 'operative' && expected > 1 && headingAt === index - 1 && !underOption) {
      annexFromHeadings();
      state = 'annex';
      expected = 1;
    }
    // "9bis." follows 9 (or another 9bis); under an option, any number up to the next expected starts again.
    const inserted = !!number?.suffix && number.number === expected - 1;
    const again = !!number && underOption && number.number >= 1 && number.number < expected;
    // A number or two the extraction lost ("5." then "8."): the next paragraph all the same, where one ended and the
    // text opens as a paragraph does.
    const skipped = !!number && !number.suffix && number.number > expected && number.number <= expected + 3 &&
      expected > 1 && endsClause(last()) && (startsOperative(number.rest) || /^(?:We|Nous)\s/u.test(number.rest));
    if (number && ((!number.suffix && number.number === expected) || inserted || again || skipped || startsExcerpt(index, number))) {
      if (state !== 'annex') state = 'operative';
      open(state === 'annex' ? 'annex' : 'operative', `${number.number}${number.suffix}`, line, number.rest);
      expected = Math.max(expected, number.number + 1);
      continue;
    }
    // A label alone on its line ("(a)" then the text on the next), as PDF text gives it.
    const labelAlone = /^\(([a-z]{1,2}|[ivxlc]{1,6})\)$/u.exec(text);
    // OCR reads a letter label as a figure ("(6)" for "(b)", "(2)" for "(a)"): taken for the letter expected there
    // where that is "b" after "a", or where the letter after it opens one of the next lines.
    const misread = /^\((\d)\)\s+(\S.*)$/u.exec(text);
    const lastLabel = paragraph ? (paragraph as ParagraphDraft).items[(paragraph as ParagraphDraft).items.length - 1]?.label : undefined;
    const letter = nextLetter(lastLabel ?? null);
    const misreadLetter = misread && ((misread[1] === '6' && letter === 'b') ||
      lines.slice(index + 1, index + 30).some((l) => itemLabel(l.text)?.label === nextLetter(letter)));
    const item = paragraph
      ? (labelAlone && lines[index + 1] ? { label: labelAlone[1] ?? '', rest: '' }
        : misreadLetter ? { label: letter, rest: misread?.[2] ?? '' } : itemLabel(text))
      : null;
    // Dashes list a paragraph's points in Council texts ("… and, in this regard:" / "— Calls for …;" / "— Demands …").
    const dash = paragraph && !item ? /^([—–-])\s+(\S.*)$/u.exec(text) : null;
    if (dash && paragraph) {
      const p: ParagraphDraft = paragraph;
      const previous = p.items[p.items.length - 1];
      if (previous ? previous.label === dash[1] && endsBeforeItem(last()) : /:\s?\d{0,3}$/u.test(last())) {
        p.items.push({ label: dash[1] ?? '', parts: [dash[2] ?? ''], items: [] });
        target = (p.items[p.items.length - 1] as ItemDraft).parts;
        continue;
      }
    }
    if (item && paragraph && endsBeforeItem(last())) {
      const p: ParagraphDraft = paragraph;
      const top = p.items[p.items.length - 1];
      const sub = top?.items[top.items.length - 1];
      // Word may number the sub-items of consecutive paragraphs as one list: "(a)", "(b)" under one, "(c)", "(d)" under the next.
      const before = out.paragraphs[out.paragraphs.length - 2]?.items;
      const continued = !top && !!before?.length && /:\s?\d{0,3}$/u.test(last()) && item.label === nextLetter(before[before.length - 1]?.label ?? null);
      if (item.label === nextLetter(top?.label ?? null) || continued) {
        p.items.push({ label: item.label, parts: [note ? `${note} ${item.rest}` : item.rest], items: [] });
        note = null;
        target = (p.items[p.items.length - 1] as ItemDraft).parts;
        continue;
      }
      if (top && item.label === nextRoman(sub?.label ?? null)) {
        top.items.push({ label: item.label, parts: [item.rest], items: [] });
        target = (top.items[top.items.length - 1] as ItemDraft).parts;
        continue;
      }
    }
    // An operative paragraph whose number the extraction lost: set apart, opening with an operative verb, after a
    // paragraph that ended ("… the present resolution;" / "Expresses its profound gratitude …").
    if (state === 'operative' && paragraph && line.blankBefore > 0 && !line.afterBreak && startsOperative(text) &&
      /[;.]\d{0,3}$/u.test(last()) && (paragraph as ParagraphDraft).kind === 'operative') {
      open('operative', null, line, text);
      continue;
    }
    // Sub-items whose labels the extraction lost: whole entries set apart after a lead-in ("… within available
    // resources:" / "To continue the practice …;" / "To circulate …;" / "(c) To continue …").
    if (paragraph && (line.blankBefore > 0 || line.layoutBreak) && !line.afterBreak && /^\p{L}/u.test(text) &&
      /[;.]\d{0,3}$|[;,]\s+(?:and|or|et|ou)$/u.test(text) && !isHeading(index, line)) {
      const p: ParagraphDraft = paragraph;
      const top = p.items[p.items.length - 1];
      if (top ? target === top.parts && /;\d{0,3}$|[;,]\s+(?:and|or|et|ou)$/u.test(last()) : target === p.parts && /:\s?\d{0,3}$/u.test(last())) {
        p.items.push({ label: nextLetter(top?.label ?? null), parts: [text], items: [] });
        target = (p.items[p.items.length - 1] as ItemDraft).parts;
        continue;
      }
    }
    // The annex's title on the "Annex" line ("Annex 2025 Political Declaration on …").
    const annexTitled = out.paragraphs.length ? ANNEX_TITLED.exec(text) : null;
    if (annexTitled) {
      out.annexes.push({ titleParts: [annexTitled[1] ?? ''], chapeauParts: [] });
      state = 'annex';
      expected = 1;
      heading = null;
      paragraph = null;
      target = null;
      continue;
    }
    if (state === 'preamble') {
      const lead = line.italic ?? text;
      // An italic lead on a whole paragraph that ends with a comma, as preambular paragraphs do.
      const commaEnded = !!line.italic && /,$/u.test(text.replace(FOOTNOTE_MARKER, '')) && (!last() || endsClause(last()));
      if ((startsPreambular(lead) || commaEnded) && (!last() || endsClause(last()) || line.italic)) {
        open('preambular', null, line, text);
        continue;
      }
      if ((line.italic || startsOperative(text)) && (!last() || /[,;.]\d{0,3}$/u.test(last()))) {
        state = 'operative';
        open('operative', null, line, text);
        continue;
      }
      // After a blank line and a paragraph's closing comma, a capitalised line is a new paragraph even when
      // its lead is not a word the importer knows.
      // So does a line the layout sets apart (a first-line indent; one paragraph per line).
      if ((line.blankBefore > 0 || line.layoutBreak) && !line.afterBreak && /,\d{0,3}$/u.test(last()) &&
        /^\p{Lu}/u.test(text) && !isHeading(index, line)) {
        open('preambular', null, line, text);
        continue;
      }
    }
    // A chapeau right after a heading that follows the resolution's paragraphs: the heading is the title of an
    // annex whose "Annex" line is missing (as in Penholder's own clean text).
    const titled = headingAt === index - 1 && (state === 'preamble' || state === 'operative');
    if ((state === 'prelude' || state === 'annex' || titled) && isChapeau(text) && !out.paragraphs.some((p) => p.kind === 'annex')) {
      if (titled) {
        annexFromHeadings();
        expected = 1;
      } else if (state === 'prelude') out.annexes.push({ titleParts: [], chapeauParts: [] });
      state = 'annex';
      paragraph = null;
      target = (out.annexes[out.annexes.length - 1] as AnnexDraft).chapeauParts;
      target.push(text);
      continue;
    }
    // A section's numeral alone on its line, its title on the next ("I." / "Global context and shared commitments").
    const titleLine = /^(?:[IVXL]+|[A-Z])\.$/u.test(text) ? lines[index + 1] : undefined;
    const numbered = state !== 'closed' && state !== 'prelude' && !!titleLine && headingShaped(titleLine.text) &&
      isHeading(index + 1, titleLine);
    if (numbered || (state !== 'closed' && isHeading(index, line))) {
      if (state === 'annex' && !out.paragraphs.some((p) => p.kind === 'annex') && !last()) {
        target?.push(text);
        continue;
      }
      const title = numbered ? `${text} ${(titleLine as SourceLine).text}` : text;
      if (numbered) index++;
      heading = title;
      headingAt = index;
      out.headings.push(title);
      pending.push(title);
      underOption = false;
      paragraph = null;
      target = null;
      continue;
    }
    if (target) target.push(text);
    else if (state === 'prelude') out.prelude.push(line);
    else if (state !== 'closed') open(state === 'annex' ? 'annex' : state === 'preamble' ? 'preambular' : 'operative', null, line, text);
  }
  return out;
}
