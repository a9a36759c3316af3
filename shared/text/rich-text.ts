import type { RichNodeJSON, RichTextJSON } from './schema';

/** A sub-item of a paragraph as plain text. */
export interface PlainItem {
  text: string;
  items: PlainItem[];
}

/** A paragraph's text as plain parts: its body (with footnote marks as `{fn:id}` omitted) and sub-items. */
export interface PlainParagraph {
  text: string;
  /** The words of the italic lead at the start of the body, when there is one. */
  lead: string | null;
  footnotes: string[];
  items: PlainItem[];
}

/**
 * Builds a paragraph's rich text from plain parts. `footnoteOffsets[k]`, when given, is where the k-th footnote
 * mark stands in `text` (the mark follows the word before it); marks without an offset end the body.
 */
export function richText(parts: { text: string; lead?: string | null; footnotes?: string[]; footnoteOffsets?: number[]; items?: PlainItem[] }): RichTextJSON {
  return { type: 'doc', content: [body(parts.text, parts.lead ?? null, parts.footnotes ?? [], parts.footnoteOffsets ?? []), ...(parts.items ?? []).map(item)] };
}

function body(text: string, lead: string | null, footnotes: string[], offsets: number[] = []): RichNodeJSON {
  const content: RichNodeJSON[] = [];
  const leadLength = lead && text.startsWith(lead) ? lead.length : 0;
  // Cuts: the lead's end and every footnote mark inside the text, in order.
  const inside = footnotes.map((id, k) => ({ id, at: offsets[k] })).filter((f): f is { id: string; at: number } =>
    f.at !== undefined && f.at > 0 && f.at < text.length).sort((a, b) => a.at - b.at);
  const atEnd = footnotes.filter((id) => !inside.some((f) => f.id === id));
  const cuts = [...new Set([leadLength, ...inside.map((f) => f.at)])].filter((c) => c > 0 && c < text.length).sort((a, b) => a - b);
  let from = 0;
  for (const to of [...cuts, text.length]) {
    if (to > from) content.push(from < leadLength ? { type: 'text', text: text.slice(from, to), marks: [{ type: 'lead' }] } : { type: 'text', text: text.slice(from, to) });
    for (const f of inside) if (f.at === to) content.push({ type: 'footnote_ref', attrs: { id: f.id } });
    from = to;
  }
  for (const id of atEnd) content.push({ type: 'footnote_ref', attrs: { id } });
  return content.length ? { type: 'body', content } : { type: 'body' };
}

function item(plain: PlainItem): RichNodeJSON {
  return { type: 'item', content: [body(plain.text, null, []), ...plain.items.map(item)] };
}

/** The plain parts of a paragraph's rich text. */
export function plainParagraph(doc: RichTextJSON): PlainParagraph {
  const [first, ...rest] = doc.content;
  const head = first?.type === 'body' ? bodyParts(first) : { text: '', lead: null, footnotes: [] };
  return { ...head, items: (first?.type === 'body' ? rest : doc.content).filter((n) => n.type === 'item').map(plainItem) };
}

function bodyParts(node: RichNodeJSON): { text: string; lead: string | null; footnotes: string[] } {
  let text = '';
  let lead = '';
  let inLead = true;
  const footnotes: string[] = [];
  for (const child of node.content ?? []) {
    if (child.type === 'footnote_ref') {
      footnotes.push(String(child.attrs?.id ?? ''));
      continue;
    }
    const t = child.text ?? '';
    if (inLead && child.marks?.some((m) => m.type === 'lead')) lead += t;
    else inLead = false;
    text += t;
  }
  return { text, lead: lead.trim() ? lead.trim() : null, footnotes };
}

function plainItem(node: RichNodeJSON): PlainItem {
  const [first, ...rest] = node.content ?? [];
  return { text: first?.type === 'body' ? bodyParts(first).text : '', items: rest.filter((n) => n.type === 'item').map(plainItem) };
}

/** All the words of a paragraph, body and sub-items, on one line. */
export function flatText(doc: RichTextJSON): string {
  const p = plainParagraph(doc);
  const items = (list: PlainItem[]): string[] => list.flatMap((i) => [i.text, ...items(i.items)]);
  return [p.text, ...items(p.items)].join(' ');
}

/** Counts the words of a text, as a "brief and concise" target is counted. */
export function wordCount(text: string): number {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}
