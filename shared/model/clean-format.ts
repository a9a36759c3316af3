import type { CleanItem, CleanParagraph, CleanText } from './clean-text';
import { organLineEnd } from './organ-line';

/** The formats the clean text prints in. */
export type TextFormat = 'txt' | 'md' | 'html';

/** Escapes text for HTML. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const superscript = (mark: string): string => mark.replace(/\d/g, (d) => SUPERSCRIPT[Number(d)] ?? d);

/** Footnote marks: superscript digits in plain text, so they never read as part of a number. */
const sup = (marks: string[], format: TextFormat): string =>
  marks.map((m) => (format === 'html' ? `<sup>${m}</sup>` : format === 'md' ? `[^${m}]` : superscript(m))).join(format === 'txt' ? '˒' : '');

/** The body of a paragraph with its italic lead marked in the format. */
function body(p: CleanParagraph, format: TextFormat): string {
  const lead = p.lead && p.text.startsWith(p.lead) ? p.lead : null;
  const rest = lead ? p.text.slice(lead.length) : p.text;
  if (format === 'html') return `${lead ? `<i>${escapeHtml(lead)}</i>` : ''}${escapeHtml(rest)}`;
  if (format === 'md') return `${lead ? `*${lead}*` : ''}${rest}`;
  return p.text;
}

function itemLines(items: CleanItem[], format: TextFormat, indent: string): string[] {
  return items.flatMap((i) => [
    format === 'html' ? `${indent}<li><span class="num">${escapeHtml(i.label)}</span> ${escapeHtml(i.text)}` : `${indent}${i.label} ${i.text}`,
    ...(i.items.length ? (format === 'html' ? [`${indent}<ol class="items">`, ...itemLines(i.items, format, indent + '  '), `${indent}</ol>`] : itemLines(i.items, format, indent + '    ')) : []),
    ...(format === 'html' ? [`${indent}</li>`] : []),
  ]);
}

function paragraphText(p: CleanParagraph, format: TextFormat): string[] {
  const prefix = [p.label && `[${p.label}]`, p.number && `${p.number}.`].filter(Boolean).join(' ');
  const text = body(p, format) + sup(p.footnotes, format);
  if (format === 'html') {
    const tag = p.kind === 'heading' || p.kind === 'annex-title' ? 'h2' : 'p';
    const lines = [`<${tag} class="${p.kind}">${prefix ? `<span class="num">${escapeHtml(prefix)}</span> ` : ''}${text}</${tag}>`];
    if (p.items.length) lines.push('<ol class="items">', ...itemLines(p.items, format, '  '), '</ol>');
    return lines;
  }
  if (format === 'md' && (p.kind === 'heading' || p.kind === 'annex-title')) return [`## ${p.text}`, ''];
  const lines = [`${prefix ? prefix + ' ' : ''}${text}`, ...itemLines(p.items, format, '    ')];
  // In Markdown each sub-item stays on its own line only after a hard break.
  return [...(format === 'md' ? lines.map((l, i) => (i < lines.length - 1 ? `${l}\\` : l)) : lines), ''];
}

/** Prints the clean text (or a draft) as plain text, Markdown or one self-contained HTML page. */
export function formatCleanText(clean: CleanText, format: TextFormat): string {
  const { meta } = clean;
  const lines: string[] = [];
  if (format === 'html') lines.push(`<!doctype html>`, `<html lang="${meta.language}"><head><meta charset="utf-8"><title>${escapeHtml(meta.title)}</title>`, `<style>${HTML_STYLE}</style></head><body>`);
  if (meta.symbol) lines.push(format === 'html' ? `<p class="symbol">${escapeHtml(meta.symbol)}</p>` : meta.symbol, ...(format === 'html' ? [] : ['']));
  lines.push(format === 'html' ? `<h1>${escapeHtml(meta.title)}</h1>` : format === 'md' ? `# ${meta.title}` : meta.title, ...(format === 'html' ? [] : ['']));
  if (clean.draft) lines.push(format === 'html' ? '<p class="draft">Draft: not agreed</p>' : meta.language === 'fr' ? 'Projet : non agréé' : 'Draft: not agreed', ...(format === 'html' ? [] : ['']));
  const organEnd = organLineEnd(clean.paragraphs);
  if (meta.organ) lines.push(format === 'html' ? `<p class="organ">${escapeHtml(meta.organ)}${organEnd}</p>` : `${meta.organ}${organEnd}`, ...(format === 'html' ? [] : ['']));
  for (const p of clean.paragraphs) {
    // An annexed declaration opens with the word "Annex" above its title, as the UN prints it.
    if (p.kind === 'annex-title' && !/^annexe?\b/i.test(p.text)) {
      const word = meta.language === 'fr' ? 'Annexe' : 'Annex';
      lines.push(format === 'html' ? `<p class="annex">${word}</p>` : format === 'md' ? `## ${word}` : word, ...(format === 'html' ? [] : ['']));
    }
    lines.push(...paragraphText(p, format));
  }
  if (meta.closing) lines.push(format === 'html' ? `<p class="closing">${escapeHtml(meta.closing)}</p>` : meta.closing, ...(format === 'html' ? [] : ['']));
  if (clean.footnotes.length) {
    if (format === 'html') lines.push('<hr>', '<ol class="footnotes">', ...clean.footnotes.map((f) => `<li value="${escapeHtml(f.mark)}">${escapeHtml(f.text)}</li>`), '</ol>');
    else if (format === 'md') lines.push(...clean.footnotes.map((f) => `[^${f.mark}]: ${f.text}`), '');
    else lines.push('__________________', ...clean.footnotes.map((f) => `${f.mark} ${f.text}`), '');
  }
  if (format === 'html') lines.push('</body></html>');
  return lines.join('\n').replace(/\n+$/, '\n');
}

const HTML_STYLE = [
  '@page { size: A4; margin: 25mm 20mm; }',
  'body { font-family: "Times New Roman", serif; font-size: 12pt; max-width: 42em; margin: 2em auto; line-height: 1.4; }',
  '.symbol { text-align: right; font-weight: bold; }',
  'h1 { font-size: 14pt; text-align: center; } h2 { font-size: 12pt; text-align: center; }',
  'p.preambular, p.operative, p.declaration { text-indent: 2.5em; }',
  '.num { display: inline-block; min-width: 2em; } ol.items { list-style: none; } .draft { color: #a00; }',
  '.footnotes { font-size: 10pt; }',
].join('\n');
