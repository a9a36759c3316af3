/**
 * Word (.docx) XML to the Markdown the importer reads: one block per `<w:p>`, italic runs as `*...*`,
 * footnote references as `<sup>n</sup>`, footnote bodies after a `---` rule, automatic numbering written out.
 */

/** The XML parts of a .docx that matter to the importer. */
export interface DocxParts {
  document: string;
  footnotes?: string | undefined;
  numbering?: string | undefined;
  /** word/styles.xml: a style may number its paragraphs (the UN and UNFCCC templates do). */
  styles?: string | undefined;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/giu, (m, e: string) => {
    if (e.startsWith('#x') || e.startsWith('#X')) return String.fromCodePoint(parseInt(e.slice(2), 16));
    if (e.startsWith('#')) return String.fromCodePoint(Number(e.slice(1)));
    return ENTITIES[e] ?? m;
  });
}

const escape = (text: string): string => text.replace(/([\\*_<>[\]#`])/gu, '\\$1');
const attr = (xml: string, name: string): string | undefined =>
  new RegExp(`<w:${name}\\b[^>]*?w:val="([^"]*)"`, 'u').exec(xml)?.[1];
const on = (rPr: string, name: string): boolean => {
  const m = new RegExp(`<w:${name}(?:\\s[^>]*)?/?>`, 'u').exec(rPr);
  return !!m && !/w:val="(?:0|false|none)"/u.test(m[0]);
};

interface Level {
  format: string;
  text: string;
  start: number;
}

/** numId → its abstract numbering and ilvl → level definition, from word/numbering.xml. */
function readNumbering(xml: string | undefined): Map<string, Numbering> {
  const abstract = new Map<string, Level[]>();
  for (const m of (xml ?? '').matchAll(/<w:abstractNum\b[^>]*w:abstractNumId="(\d+)"[^>]*>([\s\S]*?)<\/w:abstractNum>/gu)) {
    const levels: Level[] = [];
    for (const l of (m[2] ?? '').matchAll(/<w:lvl\b[^>]*w:ilvl="(\d+)"[^>]*>([\s\S]*?)<\/w:lvl>/gu)) {
      const body = l[2] ?? '';
      levels[Number(l[1])] = {
        format: attr(body, 'numFmt') ?? 'decimal',
        text: attr(body, 'lvlText') ?? '',
        start: Number(attr(body, 'start') ?? '1'),
      };
    }
    abstract.set(m[1] ?? '', levels);
  }
  const nums = new Map<string, Numbering>();
  for (const m of (xml ?? '').matchAll(/<w:num\b[^>]*w:numId="(\d+)"[^>]*>([\s\S]*?)<\/w:num>/gu)) {
    const abstractId = attr(m[2] ?? '', 'abstractNumId') ?? '';
    const overrides = new Map<number, number>();
    for (const o of (m[2] ?? '').matchAll(/<w:lvlOverride\b[^>]*w:ilvl="(\d+)"[^>]*>([\s\S]*?)<\/w:lvlOverride>/gu)) {
      const start = attr(o[2] ?? '', 'startOverride');
      if (start) overrides.set(Number(o[1]), Number(start));
    }
    nums.set(m[1] ?? '', { abstractId, levels: abstract.get(abstractId) ?? [], overrides });
  }
  return nums;
}

/** A list's numbering: the definition it shares with other lists (numIds) and its levels. */
interface Numbering {
  abstractId: string;
  levels: Level[];
  /** ilvl → the number a list restarts at when first used (w:startOverride). */
  overrides: Map<number, number>;
}

const ROMAN: [number, string][] = [[10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']];
function roman(n: number): string {
  let out = '';
  let rest = n;
  for (const [value, digits] of ROMAN) while (rest >= value) { out += digits; rest -= value; }
  return out;
}
function counter(n: number, format: string): string {
  if (format === 'lowerLetter') return String.fromCharCode(96 + n);
  if (format === 'upperLetter') return String.fromCharCode(64 + n);
  if (format === 'lowerRoman') return roman(n);
  if (format === 'upperRoman') return roman(n).toUpperCase();
  return String(n);
}

/** A style's numbering: its list and level, each from the style or the style it is based on. */
interface StyleNumbering {
  numId?: string;
  ilvl?: string;
}

/** styleId → the numbering its paragraphs take, following `w:basedOn`, from word/styles.xml. */
function readStyleNumbering(xml: string | undefined): Map<string, StyleNumbering> {
  const own = new Map<string, { numId?: string; ilvl?: string; basedOn?: string }>();
  for (const m of (xml ?? '').matchAll(/<w:style\b[^>]*w:styleId="([^"]+)"[^>]*>([\s\S]*?)<\/w:style>/gu)) {
    const body = m[2] ?? '';
    const numPr = /<w:numPr>([\s\S]*?)<\/w:numPr>/u.exec(body)?.[1] ?? '';
    own.set(m[1] ?? '', { numId: attr(numPr, 'numId'), ilvl: attr(numPr, 'ilvl'), basedOn: attr(body, 'basedOn') });
  }
  const resolved = new Map<string, StyleNumbering>();
  for (const id of own.keys()) {
    const out: StyleNumbering = {};
    for (let at: string | undefined = id, depth = 0; at && depth < 20; at = own.get(at)?.basedOn, depth++) {
      out.numId ??= own.get(at)?.numId;
      out.ilvl ??= own.get(at)?.ilvl;
    }
    resolved.set(id, out);
  }
  return resolved;
}

/** Writes out automatic numbering ("1.", "(a)") as the paragraph's printed label, set on it or by its style. */
function numberer(numbering: Map<string, Numbering>, styles: Map<string, StyleNumbering>): (pPr: string) => string {
  const counts = new Map<string, number[]>();
  const used = new Set<string>();
  return (pPr) => {
    const style = styles.get(attr(pPr, 'pStyle') ?? '');
    const numPr = /<w:numPr>([\s\S]*?)<\/w:numPr>/u.exec(pPr)?.[1] ?? '';
    const numId = attr(numPr, 'numId') ?? style?.numId;
    const list = numId ? numbering.get(numId) : undefined;
    if (!numId || !list) return '';
    const { levels } = list;
    const ilvl = Number(attr(numPr, 'ilvl') ?? style?.ilvl ?? '0');
    const level = levels[ilvl];
    if (!level || level.format === 'bullet' || level.format === 'none') return '';
    // Lists sharing one definition share its counters, as Word numbers them ("A." again under each "IV.", "B."
    // after "A." whichever list each is in); a list that overrides its start restarts there when first used.
    const state = counts.get(list.abstractId) ?? [];
    const restart = used.has(numId) ? undefined : list.overrides.get(ilvl);
    used.add(numId);
    state[ilvl] = restart !== undefined ? restart : (state[ilvl] ?? level.start - 1) + 1;
    state.length = ilvl + 1;
    counts.set(list.abstractId, state);
    return level.text.replace(/%(\d)/gu, (_m, k: string) => {
      const i = Number(k) - 1;
      return counter(state[i] ?? levels[i]?.start ?? 1, levels[i]?.format ?? 'decimal');
    }) + ' ';
  };
}

/** Writes a run of text in italics, keeping the spaces at its edges outside the markers. */
function italicize(text: string): string {
  const m = /^(\s*)([\s\S]*?)(\s*)$/u.exec(text);
  return m?.[2] ? `${m[1] ?? ''}*${m[2]}*${m[3] ?? ''}` : text;
}

/** The Markdown of one `<w:p>`: runs with italics and footnote references. */
function paragraph(xml: string, noteNumber: (id: string) => string): string {
  const pieces: { italic: boolean; text: string }[] = [];
  const add = (italic: boolean, text: string): void => {
    const last = pieces[pieces.length - 1];
    if (last && last.italic === italic) last.text += text;
    else pieces.push({ italic, text });
  };
  for (const r of xml.matchAll(/<w:r\b[^>]*>([\s\S]*?)<\/w:r>/gu)) {
    const run = r[1] ?? '';
    const rPr = /<w:rPr>([\s\S]*?)<\/w:rPr>/u.exec(run)?.[1] ?? '';
    const ref = /<w:footnoteReference\b[^>]*w:id="(-?\d+)"/u.exec(run);
    if (ref) {
      add(false, `<sup>${noteNumber(ref[1] ?? '')}</sup>`);
      continue;
    }
    let text = '';
    for (const t of run.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:(tab|br|cr)\b[^>]*\/>/gu)) {
      text += t[2] === 'tab' ? '\t' : t[2] ? '  \n' : escape(decode(t[1] ?? ''));
    }
    if (!text) continue;
    if (attr(rPr, 'vertAlign') === 'superscript' && /^\d{1,3}$/u.test(text.trim())) add(false, `<sup>${text.trim()}</sup>`);
    else add(on(rPr, 'i'), text);
  }
  return pieces.map((p) => (p.italic ? italicize(p.text) : p.text)).join('');
}

function paragraphs(xml: string): string[] {
  return [...xml.matchAll(/<w:p\b[^>]*?(?:\/>|>([\s\S]*?)<\/w:p>)/gu)].map((m) => m[1] ?? '');
}

/** Converts the XML parts of a .docx into Markdown for `importText`. */
export function docxToMarkdown(parts: DocxParts): string {
  const order: string[] = [];
  const noteNumber = (id: string): string => {
    if (!order.includes(id)) order.push(id);
    return String(order.indexOf(id) + 1);
  };
  const number = numberer(readNumbering(parts.numbering), readStyleNumbering(parts.styles));
  // Tracked changes are read as accepted: deleted words are gone (w:delText), and a paragraph whose mark was
  // deleted runs on into the next one, which gives the joined paragraph its number and style.
  let runOn = '';
  const blocks = paragraphs(parts.document).map((p) => {
    const pPr = /<w:pPr>([\s\S]*?)<\/w:pPr>/u.exec(p)?.[1] ?? '';
    const body = paragraph(p, noteNumber);
    if (/<w:rPr>(?:(?!<\/w:rPr>)[\s\S])*<w:del\b/u.test(pPr)) {
      runOn += body;
      return '';
    }
    const style = attr(pPr, 'pStyle') ?? '';
    // An empty numbered paragraph still takes its number in Word, but prints nothing but the number.
    const label = number(pPr);
    const words = runOn + body;
    runOn = '';
    const text = words.trim() ? `${label}${words}`.trim() : '';
    return text && /^(?:Heading|Titre|Title)/iu.test(style) ? `## ${text}` : text;
  });
  const bodies = new Map<string, string>();
  for (const m of (parts.footnotes ?? '').matchAll(/<w:footnote\b([^>]*)>([\s\S]*?)<\/w:footnote>/gu)) {
    const id = /w:id="(-?\d+)"/u.exec(m[1] ?? '')?.[1];
    if (!id || /w:type="(?:separator|continuationSeparator|continuationNotice)"/u.test(m[1] ?? '')) continue;
    bodies.set(id, paragraphs(m[2] ?? '').map((p) => paragraph(p, () => '')).join(' ').replace(/<sup><\/sup>/gu, '').trim());
  }
  const notes = order.map((id, i) => `<sup>${i + 1}</sup> ${bodies.get(id) ?? ''}`);
  return [...blocks.filter(Boolean), ...(notes.length ? ['---', ...notes] : [])].join('\n\n') + '\n';
}
