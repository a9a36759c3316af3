/** Recognisers for the lines that give a UN text its structure (organ, numbers, closing, annex, headings). */

const ORGAN = /^(?:The|L[’']|La|Le|Les)\s*[\p{L}’' -]{3,120},$/u;
// The governing bodies of a convention name themselves at length ("The Conference of the Parties serving as the
// meeting of the Parties to the Paris Agreement,").
const PARTIES = /^(?:The Conference of the Parties|La Conférence des Parties)\b/u;
const BODY = /\b(?:Assembly|Council|Commission|Conference|Committee|Board|Assemblée|Conseil|Commission|Conférence|Comité)\b/iu;

// The principal organs named alone on a line, as a resolution that only adopts an annex opens ("The General Assembly").
const BARE_ORGAN = /^(?:The (?:General Assembly|Security Council|Economic and Social Council|Human Rights Council)|L[’']Assemblée générale|Le Conseil de sécurité|Le Conseil économique et social|Le Conseil des droits de l[’']homme)$/u;

/** The organ line ("The General Assembly," / "L’Assemblée générale,") without its comma, or null. */
export function organOf(text: string): string | null {
  if (BARE_ORGAN.test(text)) return text;
  if (!ORGAN.test(text) || !BODY.test(text) || text.split(/\s+/u).length > (PARTIES.test(text) ? 20 : 10)) return null;
  return text.replace(/,$/u, '').trim();
}

const ORGAN_INLINE = /^((?:The|L[’']|La|Le|Les)\s*[\p{L}’' -]{3,60}?),\s+(\p{Lu}\p{Ll}+.*)$/u;

/** An organ line with the first paragraph on the same line ("The Security Council, Recalling ..."), or null. */
export function organInline(text: string): { organ: string; rest: string } | null {
  const m = ORGAN_INLINE.exec(text);
  if (!m || !organOf(`${m[1] ?? ''},`)) return null;
  return { organ: m[1] ?? '', rest: m[2] ?? '' };
}

const SUFFIXES = 'bis|ter|quater|quinquies|sexies|septies|octies|novies|decies';
// "9bis." and "9 bis" number a paragraph inserted after 9 in a negotiated draft; its text may open with a bracket.
const NUMBER = new RegExp(`^(\\d{1,3})(?:\\s?(${SUFFIXES}))?(?:\\.\\s+|(?<=[a-z])\\s+)([\\p{Lu}«“"'‘(\\d[{].*)$`, 'u');

/**
 * The paragraph number a line opens with, its suffix ("bis" of "9bis.") and the text after it ("1. Décide ..."),
 * or null.
 */
export function numberOf(text: string): { number: number; suffix: string; rest: string } | null {
  const m = NUMBER.exec(text);
  return m ? { number: Number(m[1]), suffix: m[2] ?? '', rest: m[3] ?? '' } : null;
}

const OPTION = /^\[?(?:Option|Alternative|Alt|Variante)\s*(?:[IVX]+|\d+|[A-Z]|\([a-z]\))?[A-Z]?\s*(?:\*?\s*[:.]?\s*(?:\{[^}]*\}|\([^)]*\))?\s*[:.]?)?$/u;

/**
 * True for a line that only labels what follows in a negotiated draft: an option ("Option 1", "Option 2:
 * {No text required}", "Option I (paras 6-9bis):") or an editor's note in braces ("{End of options}").
 */
export function isOptionLine(text: string): boolean {
  return OPTION.test(text) || /^\{[^{}]{2,200}\}$/u.test(text);
}

const CLOSING = /^\d+\s*(?:e|er|re|ème|st|nd|rd|th)\s+(?:séance plénière|plenary meeting|séance|meeting)\b|^Adopted (?:unanimously )?at the \d[\dIl ]*(?:st|nd|rd|th)(?:\s+meeting\b|$)|^Adoptée (?:à l’unanimité |à l'unanimité )?à la \d+e séance\b/iu;
const DATE = /^\d{1,2}(?:er)?\s+\p{L}+\s+\d{4}\.?$|^\p{L}+\s+\d{1,2},\s+\d{4}\.?$/u;

/**
 * True for the meeting line that closes a resolution ("73e séance plénière", "73rd plenary meeting"; an OCR'd
 * "Adopted at the 298Ist meeting", "295 1st meeting", "3075th" with "meeting." on the next line).
 */
export function isClosing(text: string): boolean {
  return CLOSING.test(text);
}

/** True for a date on its own line ("7 juin 2021", "7 June 2021"). */
export function isDateLine(text: string): boolean {
  return DATE.test(text);
}

/** True for the line that opens an annex ("Annex", "Annexe", "ANNEX II"; "[Annex I" in a bracketed draft). */
export function isAnnexLine(text: string): boolean {
  return /^\[?(?:ANNEX|Annex|ANNEXE|Annexe)(?:\s+(?:[IVX]+|\d+|[A-Z]))?\.?\]?$/u.test(text);
}

/** True for the chapeau of a declaration ("We, Heads of State and Government ...", "Nous, chefs d’État ..."). */
export function isChapeau(text: string): boolean {
  return /^(?:We|Nous)(?:,|\s+(?:the|les|chefs|Heads|Ministers|ministres|représentants|representatives)\b)/u.test(text);
}

const OPERATIVE_VERBS = new Set([
  'adopts', 'adopte', 'decides', 'décide', 'endorses', 'approves', 'approuve', 'entérine', 'fait', 'requests',
  'prie', 'welcomes', 'accueille', 'calls', 'demande', 'urges', 'invites', 'invite', 'takes', 'prend', 'notes',
  'note', 'reaffirms', 'réaffirme', 'recommends', 'recommande', 'encourages', 'encourage', 'expresses', 'exprime',
  'declares', 'déclare', 'proclaims', 'proclame', 'agrees', 'convient', 'salue', 'affirms', 'affirme', 'acknowledges',
]);

/** True when a line opens with a verb that opens an operative paragraph ("Adopts", "Décide"). */
export function startsOperative(text: string): boolean {
  const first = text.split(/\s+/u)[0] ?? '';
  return /^\p{Lu}/u.test(first) && OPERATIVE_VERBS.has(first.toLowerCase().replace(/[,;:]$/u, ''));
}

/** True for a line shaped like a heading: short, capitalised, not ending as a sentence or a clause does. */
export function headingShaped(text: string): boolean {
  // A clause's punctuation, even with a footnote mark after it ("… for 2024/25; 4"), is no heading's.
  if (text.length > 160 || !/^[\p{Lu}\d]/u.test(text) || /[,;:]\s?\d{0,3}$/u.test(text)) return false;
  return !/\.$/u.test(text) || /^(?:[IVXL]+|[A-Z]|\d{1,2})\.\s/u.test(text);
}

/** True when a paragraph's text so far ends as a complete sentence or clause (a footnote mark may follow). */
export function endsClause(text: string): boolean {
  // A footnote mark may follow the punctuation, glued or after a space ("session,2", "disarmament, 1").
  return /[.;:,!?»”")}\]]\s?\d{0,3}$/u.test(text.trim());
}

/** True for the opening of a decision ("At its 13th plenary meeting, on 22 July 2021, the Economic and Social Council:"). */
export function opensDecision(text: string): boolean {
  return /^(?:At its|À sa)\s+\d+\s*(?:st|nd|rd|th|e|re)?\s+(?:plenary\s+)?(?:meeting|séance)\b/iu.test(text);
}

const RECOMMENDS_DRAFT = /\b(?:adoption of the following draft resolution|adopter le projet de résolution suivant|l[’']adoption du projet de résolution suivant)\s*:\s*\d{0,3}$/iu;

/**
 * True for a paragraph's last words that recommend a draft resolution to another organ, which the text then
 * holds ("Recommends to the General Assembly the adoption of the following draft resolution:", "Recommande à
 * l’Assemblée générale d’adopter le projet de résolution suivant :").
 */
export function recommendsDraft(text: string): boolean {
  return RECOMMENDS_DRAFT.test(text);
}
