import { redlineLines, type Redline, type RedlineRun } from './redline';
import { escapeHtml } from '../model/clean-format';
import { organLineEnd } from '../model/organ-line';

function run(r: RedlineRun): string {
  const words = r.lead ? `<i>${escapeHtml(r.text)}</i>` : escapeHtml(r.text);
  if (r.op === 'equal') return words;
  const title = escapeHtml(`${r.author ?? ''}${r.date ? `, ${r.date.slice(0, 10)}` : ''}`);
  return r.op === 'insert' ? `<ins title="${title}">${words}</ins>` : `<del title="${title}">${words}</del>`;
}

/**
 * A redline as one self-contained, printable HTML page: insertions underlined, deletions struck through,
 * each with its author and date, and a list of who changed what.
 */
export function redlineHtml(r: Redline): string {
  const { meta } = r;
  const fr = meta.language === 'fr';
  const heading = fr ? `Modifications apportées au texte (${r.baseName} → ${r.targetName})` : `Changes from ${r.baseName} to ${r.targetName}`;
  // Sub-items on lines of their own, indented under their paragraph; an item added or removed is a line inserted or deleted.
  const paragraphs = r.paragraphs.map((p) => redlineLines(p).map((line, i) => {
    const label = i === 0 && p.label ? `<span class="num">${escapeHtml(p.label)}</span> ` : '';
    const item = line.depth ? ` item depth${line.depth}${line.opened === 'equal' ? '' : ` ${line.opened === 'insert' ? 'added' : 'removed'}`}` : '';
    const id = i === 0 ? ` data-id="${escapeHtml(p.id)}"` : '';
    return `<p class="${p.kind} ${p.change}${item}"${id}>${label}${line.runs.map(run).join('')}</p>`;
  }).join('\n'));
  const authors = new Map<string, number>();
  for (const p of r.paragraphs) for (const x of p.runs) if (x.op !== 'equal' && x.author) authors.set(x.author, (authors.get(x.author) ?? 0) + 1);
  const legend = authors.size
    ? `<h2>${fr ? 'Auteurs des modifications' : 'Changes by'}</h2><ul class="authors">${[...authors].map(([a, n]) => `<li>${escapeHtml(a)}: ${n}</li>`).join('')}</ul>`
    : `<p>${fr ? 'Aucune modification.' : 'No changes.'}</p>`;
  return [
    '<!doctype html>',
    `<html lang="${meta.language}"><head><meta charset="utf-8"><title>${escapeHtml(meta.title)}: ${escapeHtml(heading)}</title>`,
    `<style>${STYLE}</style></head><body>`,
    meta.symbol ? `<p class="symbol">${escapeHtml(meta.symbol)}</p>` : '',
    `<h1>${escapeHtml(meta.title)}</h1>`,
    `<p class="subtitle">${escapeHtml(heading)}</p>`,
    meta.organ ? `<p class="organ"><i>${escapeHtml(meta.organ)}</i>${organLineEnd(r.paragraphs)}</p>` : '',
    ...paragraphs,
    legend,
    '</body></html>',
  ].filter(Boolean).join('\n') + '\n';
}

const STYLE = [
  '@page { size: A4; margin: 25mm 20mm; }',
  'body { font-family: "Times New Roman", serif; font-size: 12pt; max-width: 42em; margin: 2em auto; line-height: 1.4; }',
  '.symbol { text-align: right; font-weight: bold; } h1 { font-size: 14pt; text-align: center; } h2 { font-size: 12pt; }',
  '.subtitle { text-align: center; font-style: italic; } .num { display: inline-block; min-width: 4em; font-weight: bold; }',
  'ins { color: #064; text-decoration: underline; } del { color: #a00; text-decoration: line-through; }',
  'p.added { border-left: 3px solid #064; padding-left: 4px; } p.removed { border-left: 3px solid #a00; padding-left: 4px; }',
  'p.item { margin-top: 0; } p.depth1 { margin-left: 4em; } p.depth2 { margin-left: 6em; } p.depth3 { margin-left: 8em; }',
].join('\n');
