import * as Y from 'yjs';
import type { RichNodeJSON, RichTextJSON } from './schema';

/*
 * A paragraph's text lives in a Y.XmlFragment laid out exactly as y-prosemirror lays out a ProseMirror
 * document (an element per node named after its type, attributes from its attrs, text runs as Y.XmlText
 * with each mark as a formatting attribute), so that an editor binds to it directly with ySyncPlugin.
 */

/** Writes a paragraph's rich text into an empty fragment (or one being replaced). */
export function writeRichText(fragment: Y.XmlFragment, doc: RichTextJSON): void {
  if (fragment.length > 0) fragment.delete(0, fragment.length);
  fragment.insert(0, doc.content.map(toYElement));
}

function toYElement(node: RichNodeJSON): Y.XmlElement {
  const element = new Y.XmlElement(node.type);
  for (const [key, value] of Object.entries(node.attrs ?? {})) element.setAttribute(key, value as string);
  const children: (Y.XmlElement | Y.XmlText)[] = [];
  let run: RichNodeJSON[] = [];
  const flush = (): void => {
    if (run.length === 0) return;
    const text = new Y.XmlText();
    let at = 0;
    for (const t of run) {
      const attrs = Object.fromEntries((t.marks ?? []).map((m) => [m.type, m.attrs ?? {}]));
      text.insert(at, t.text ?? '', attrs);
      at += (t.text ?? '').length;
    }
    children.push(text);
    run = [];
  };
  for (const child of node.content ?? []) {
    if (child.type === 'text') run.push(child);
    else {
      flush();
      children.push(toYElement(child));
    }
  }
  flush();
  element.insert(0, children);
  return element;
}

/** Reads a paragraph's rich text from its fragment. */
export function readRichText(fragment: Y.XmlFragment): RichTextJSON {
  const content = fragment.toArray().filter((c): c is Y.XmlElement => c instanceof Y.XmlElement).map(fromYElement);
  return { type: 'doc', content: content.length ? content : [{ type: 'body' }] };
}

function fromYElement(element: Y.XmlElement): RichNodeJSON {
  const node: RichNodeJSON = { type: element.nodeName as RichNodeJSON['type'] };
  const attrs = element.getAttributes();
  if (Object.keys(attrs).length) node.attrs = attrs;
  const content: RichNodeJSON[] = [];
  for (const child of element.toArray()) {
    if (child instanceof Y.XmlText) {
      for (const op of child.toDelta() as { insert: unknown; attributes?: Record<string, Record<string, unknown>> }[]) {
        if (typeof op.insert !== 'string' || op.insert === '') continue;
        const marks = Object.entries(op.attributes ?? {}).map(([type, a]) => {
          const mark: { type: 'lead' | 'em'; attrs?: Record<string, unknown> } = { type: type as 'lead' | 'em' };
          if (a && typeof a === 'object' && Object.keys(a).length) mark.attrs = a;
          return mark;
        });
        content.push(marks.length ? { type: 'text', text: op.insert, marks } : { type: 'text', text: op.insert });
      }
    } else if (child instanceof Y.XmlElement) {
      content.push(fromYElement(child));
    }
  }
  if (content.length) node.content = content;
  return node;
}

/**
 * The Y.XmlText runs of a paragraph in reading order, with their offsets in the paragraph's flat text
 * (body and sub-items joined by single spaces, as flatText joins them). Proposals anchor in these runs.
 */
export function textRuns(fragment: Y.XmlFragment): { text: Y.XmlText; start: number; length: number }[] {
  const runs: { text: Y.XmlText; start: number; length: number }[] = [];
  let offset = 0;
  let first = true;
  const visitBody = (body: Y.XmlElement): void => {
    if (!first) offset += 1;
    first = false;
    for (const child of body.toArray()) {
      if (child instanceof Y.XmlText) {
        runs.push({ text: child, start: offset, length: child.length });
        offset += child.length;
      }
    }
  };
  const visit = (element: Y.XmlElement): void => {
    if (element.nodeName === 'body') visitBody(element);
    else for (const c of element.toArray()) if (c instanceof Y.XmlElement) visit(c);
  };
  for (const c of fragment.toArray()) if (c instanceof Y.XmlElement) visit(c);
  return runs;
}

/** The characters of a Y.XmlText without its formatting (its toString() renders marks as tags). */
export function plainOf(text: Y.XmlText): string {
  let out = '';
  for (const op of text.toDelta() as { insert: unknown }[]) if (typeof op.insert === 'string') out += op.insert;
  return out;
}
