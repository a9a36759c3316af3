/** A node of an XML tree: an element or a text. */
export type XmlNode = XmlElement | string;

/** An XML element; attributes with null or undefined values are left out. */
export interface XmlElement {
  name: string;
  attrs: Record<string, string | null | undefined>;
  children: XmlNode[];
}

/** Builds an element; children that are null, undefined or false are dropped. */
export function el(name: string, attrs: XmlElement['attrs'] = {}, ...children: (XmlNode | XmlNode[] | null | undefined | false)[]): XmlElement {
  const kept: XmlNode[] = [];
  for (const c of children.flat()) if (c !== null && c !== undefined && c !== false) kept.push(c);
  return { name, attrs, children: kept };
}

/** Escapes text for XML content and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Serialises an element, indenting elements that hold only elements and keeping mixed content on one line. */
export function serializeXml(root: XmlElement): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${write(root, '')}\n`;
}

/** Elements whose content is text: never indented, so no whitespace is added to their words. */
const INLINE = new Set(['p', 'num', 'heading', 'i', 'b', 'ins', 'del', 'docTitle', 'docNumber', 'docStatus', 'docProponent']);

function write(node: XmlNode, indent: string): string {
  if (typeof node === 'string') return escapeXml(node);
  const attrs = Object.entries(node.attrs)
    .filter((e): e is [string, string] => e[1] !== null && e[1] !== undefined)
    .map(([k, v]) => ` ${k}="${escapeXml(v)}"`)
    .join('');
  if (node.children.length === 0) return `${indent}<${node.name}${attrs}/>`;
  const mixed = INLINE.has(node.name) || node.children.some((c) => typeof c === 'string');
  if (mixed) return `${indent}<${node.name}${attrs}>${node.children.map((c) => write(c, '')).join('')}</${node.name}>`;
  return `${indent}<${node.name}${attrs}>\n${node.children.map((c) => write(c, indent + '  ')).join('\n')}\n${indent}</${node.name}>`;
}
