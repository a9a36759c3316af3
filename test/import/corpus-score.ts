import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importText } from '../../shared/import/import-text';
import { sourceFromBytes } from '../../shared/import/source-from-bytes';
import type { ImportedItem, ImportedText } from '../../shared/import/imported-text';

/** A paragraph as a careful reader records it: its number, first and last words and how many sub-items. */
interface TruthParagraph {
  number?: string | null;
  first: string;
  last: string;
  items?: number;
  /** The draft resolution this paragraph recommends for adoption, held in it (ECOSOC: "Recommends to the General Assembly the adoption of the following draft resolution:"). */
  draft?: { organ: string; preamble: TruthParagraph[]; operative: TruthParagraph[] };
}

/** Hand-checked truth for one text of the corpus (the format of ../shared/seeds-truth). */
export interface Truth {
  file: string;
  symbol: string | null;
  preamble: TruthParagraph[];
  operative: TruthParagraph[];
  annexes?: { paragraphs: TruthParagraph[] }[];
  footnotes: number | null;
}

/** How one text scored. */
export interface DocumentScore {
  file: string;
  /** The class of text, from its file name: ga-pdf, ga-txt, ga-md, ga2-docx, ga3-docx, sc, web, cop, ecosoc, fr-web, fr-txt. */
  kind: string;
  matched: number;
  total: number;
  problems: string[];
}

// Words compared as check-import.mjs compares them: case, quotes, punctuation and footnote digits glued to a word aside.
function tokens(s: string | null | undefined): string[] {
  return (s ?? '')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[’‘`´]/gu, "'").replace(/[\u2010\u2011]/gu, '-').replace(/\u00ad/gu, '')
    .replace(/[^\p{L}\p{N}\s'/[\]-]/gu, ' ')
    .split(/\s+/u)
    .filter(Boolean)
    .map((t) => t.replace(/^(\p{L}[\p{L}'-]*?)\d+$/u, '$1'));
}

function same(a: string, b: string, n: number, fromEnd: boolean): boolean {
  const ta = tokens(a);
  const tb = tokens(b);
  const k = Math.min(n, ta.length, tb.length);
  if (k === 0) return ta.length === tb.length;
  const sa = fromEnd ? ta.slice(-k) : ta.slice(0, k);
  const sb = fromEnd ? tb.slice(-k) : tb.slice(0, k);
  return sa.join(' ') === sb.join(' ');
}

interface GotParagraph {
  number?: string | null;
  text: string;
  items: ImportedItem[];
  draft?: { organ: string; preamble: GotParagraph[]; operative: GotParagraph[] };
}

function matchList(truth: TruthParagraph[], got: GotParagraph[] | undefined, label: string, problems: string[], numbered: boolean): number {
  let ok = 0;
  truth.forEach((t, i) => {
    const g = got?.[i];
    if (!g) {
      problems.push(`${label}[${i}] missing`);
      return;
    }
    const items = g.items.map((it) => it.text.replace(/^\(?[a-z0-9]{1,4}[.)]\s+/iu, ''));
    const whole = tokens(g.text).length ? g.text : items.join(' ');
    // The paragraph's last words stand in its last sub-item, or in that sub-item's own last sub-item.
    let deepest = g.items[g.items.length - 1];
    while (deepest?.items?.length) deepest = deepest.items[deepest.items.length - 1];
    const lastItem = deepest?.text;
    const ends = same(g.text, t.last, 3, true) || (lastItem !== undefined && same(lastItem, t.last, 3, true));
    const good = same(whole, t.first, 4, false) && ends &&
      (!numbered || String(g.number ?? '') === String(t.number ?? '')) && g.items.length === (t.items ?? 0);
    if (good) ok++;
    if (t.draft || g.draft) ok += matchDraft(t.draft, g.draft, `${label}[${i}].draft`, problems);
    if (!good) {
      problems.push(`${label}[${i}] ${numbered ? `#${t.number ?? '-'} ` : ''}want "${t.first} … ${t.last}" items=${t.items ?? 0}, ` +
        `got ${numbered ? `#${g.number ?? '-'} ` : ''}"${g.text.slice(0, 50)} … ${g.text.slice(-30)}" items=${g.items.length}`);
    }
  });
  if ((got?.length ?? 0) > truth.length) problems.push(`${label}: ${(got?.length ?? 0) - truth.length} extra`);
  return ok;
}

function matchDraft(truth: TruthParagraph['draft'], got: GotParagraph['draft'], label: string, problems: string[]): number {
  if (!truth) {
    problems.push(`${label}: a draft resolution where there is none`);
    return 0;
  }
  if (!got) problems.push(`${label} missing`);
  else if (tokens(got.organ).join(' ') !== tokens(truth.organ).join(' ')) problems.push(`${label}: organ "${got.organ}", want "${truth.organ}"`);
  return matchList(truth.preamble, got?.preamble ?? [], `${label}.preamble`, problems, false) +
    matchList(truth.operative, got?.operative ?? [], `${label}.operative`, problems, true);
}

/** Scores the importer on one text against its truth, as ../shared/tools/check-import.mjs does. */
export function scoreDocument(text: string, truth: Truth, format?: 'txt' | 'md'): DocumentScore {
  const total = paragraphsOf(truth);
  const kind = /^(fr-web|fr-txt|ga-pdf|ga-txt|ga-md|ga[23]-docx|sc|web|cop|ecosoc|hrc)/u.exec(truth.file)?.[1] ?? 'other';
  const problems: string[] = [];
  let got: ImportedText;
  try {
    got = importText(text, { source: truth.file, format: format ?? (truth.file.endsWith('.md') ? 'md' : undefined) });
  } catch (error) {
    return { file: truth.file, kind, matched: 0, total, problems: [`import failed: ${(error as Error).message}`] };
  }
  let matched = matchList(truth.preamble, got.preamble, 'preamble', problems, false);
  matched += matchList(truth.operative, got.operative, 'operative', problems, true);
  (truth.annexes ?? []).forEach((a, i) => {
    matched += matchList(a.paragraphs, got.annexes[i]?.paragraphs, `annex${i + 1}`, problems, true);
  });
  if (truth.footnotes != null && got.footnotes.length !== truth.footnotes) {
    problems.push(`footnotes: want ${truth.footnotes}, got ${got.footnotes.length}`);
  }
  const ws = tokens(truth.symbol).join(' ');
  const gs = tokens(got.symbol).join(' ');
  if (truth.symbol && ws !== gs && !(gs.includes('/') && ws.endsWith(`/${gs}`))) problems.push(`symbol: want ${truth.symbol}, got ${got.symbol}`);
  return { file: truth.file, kind, matched, total, problems };
}

/** The truth of every text of a corpus folder (texts beside a truth/ folder of NAME.json files). */
export function truthsOf(folder: string): Truth[] {
  return readdirSync(join(folder, 'truth')).filter((f) => f.endsWith('.json')).sort()
    .map((f) => JSON.parse(readFileSync(join(folder, 'truth', f), 'utf8')) as Truth);
}

/** Paragraphs a truth lists. */
export function paragraphsOf(truth: Truth): number {
  const drafts = truth.operative.reduce((n, p) => n + (p.draft ? p.draft.preamble.length + p.draft.operative.length : 0), 0);
  return truth.preamble.length + truth.operative.length + drafts + (truth.annexes ?? []).reduce((n, a) => n + a.paragraphs.length, 0);
}

/** Scores every text of a corpus folder. */
export function scoreFolder(folder: string): DocumentScore[] {
  return truthsOf(folder).map((truth) => {
    // A .docx is read as `penholder import` reads it; text files as they are.
    const source = sourceFromBytes(truth.file, readFileSync(join(folder, truth.file)));
    return scoreDocument(source.text, truth, source.format);
  });
}

/** Paragraphs matched over paragraphs in total, and documents with nothing wrong. */
export function totals(scores: DocumentScore[]): { matched: number; total: number; exact: number; documents: number } {
  return {
    matched: scores.reduce((n, s) => n + s.matched, 0),
    total: scores.reduce((n, s) => n + s.total, 0),
    exact: scores.filter((s) => s.problems.length === 0).length,
    documents: scores.length,
  };
}
