/** Words the Secretariat prints around a text: session names, dates, organs, in English and French. */

const EN_UNITS = ['', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const EN_TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const EN_ORDINAL: Record<string, string> = { one: 'first', two: 'second', three: 'third', five: 'fifth', eight: 'eighth', nine: 'ninth', twelve: 'twelfth' };

function englishCardinal(n: number): string {
  if (n >= 100) return `one hundred${n % 100 ? ` and ${englishCardinal(n % 100)}` : ''}`;
  if (n < 20) return EN_UNITS[n]!;
  return `${EN_TENS[Math.floor(n / 10)]}${n % 10 ? `-${EN_UNITS[n % 10]}` : ''}`;
}

/** "seventy-sixth", "eightieth", "one hundred and first". */
export function englishOrdinal(n: number): string {
  const words = englishCardinal(n);
  const m = /^(.*?)([a-z]+)$/.exec(words)!;
  const last = m[2]!;
  const ordinal = EN_ORDINAL[last] ?? (last.endsWith('y') ? `${last.slice(0, -1)}ieth` : `${last}th`);
  return m[1] + ordinal;
}

const FR_UNITS = ['', 'un', 'deux', 'trois', 'quatre', 'cinq', 'six', 'sept', 'huit', 'neuf', 'dix', 'onze', 'douze', 'treize', 'quatorze', 'quinze', 'seize', 'dix-sept', 'dix-huit', 'dix-neuf'];
const FR_TENS = ['', '', 'vingt', 'trente', 'quarante', 'cinquante', 'soixante'];

function frenchCardinal(n: number): string {
  if (n >= 100) return `cent${n % 100 ? `-${frenchCardinal(n % 100)}` : ''}`;
  if (n < 20) return FR_UNITS[n]!;
  if (n < 70) return `${FR_TENS[Math.floor(n / 10)]}${n % 10 === 1 ? ' et un' : n % 10 ? `-${FR_UNITS[n % 10]}` : ''}`;
  if (n < 80) return `soixante${n === 71 ? ' et onze' : `-${FR_UNITS[n - 60]}`}`;
  return `quatre-vingt${n === 80 ? 's' : `-${FR_UNITS[n - 80]}`}`;
}

/** "soixante-seizième", "quatre-vingtième", "soixante et onzième" (the spelling UN documents use). */
export function frenchOrdinal(n: number): string {
  if (n === 1) return 'première';
  const words = frenchCardinal(n).replace(/vingts$/, 'vingt');
  if (words.endsWith('cinq')) return `${words}uième`;
  if (words.endsWith('neuf')) return `${words.slice(0, -1)}vième`;
  if (words.endsWith('e')) return `${words.slice(0, -1)}ième`;
  return `${words}ième`;
}

const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** "Seventy-sixth session" / "Soixante-seizième session". */
export function sessionName(session: number, language: 'en' | 'fr'): string {
  return `${capitalise(language === 'fr' ? frenchOrdinal(session) : englishOrdinal(session))} session`;
}

const MONTHS = {
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  fr: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
};

/** A date (ISO, or YYYY-MM-DD) as the UN prints it: "22 November 2021", "1er juin 2021". */
export function unDate(iso: string, language: 'en' | 'fr'): string {
  const [year, month, day] = iso.slice(0, 10).split('-').map(Number) as [number, number, number];
  const d = language === 'fr' && day === 1 ? '1er' : String(day);
  return `${d} ${MONTHS[language][month - 1]} ${year}`;
}

/** The organ's name from the organ line: "The General Assembly" → "General Assembly"; "L'Assemblée générale" → "Assemblée générale". */
export function organName(organ: string | null, language: 'en' | 'fr'): string {
  const bare = (organ ?? '').replace(/,\s*$/, '').replace(/^(The|Les?|La|L['’])\s*/u, '').trim();
  return bare || (language === 'fr' ? 'Assemblée générale' : 'General Assembly');
}

/**
 * What the symbol tells: an adopted resolution's number ("76/7" from "A/RES/76/7"), the numbered session (76)
 * or, for the Economic and Social Council, whose sessions are named by their year, that year (2022 from "E/RES/2022/12").
 */
export function symbolFacts(symbol: string | null): { resolution: string | null; session: number | null; sessionYear: number | null; limited: boolean } {
  const s = symbol ?? '';
  const res = /^[A-Z]+\/RES\/(\d+)\/(\d+)/.exec(s);
  const session = /^A\/(?:RES\/|HRC\/(?:RES\/)?)?(\d+)\//.exec(s);
  const year = /^E\/(?:RES\/)?((?:19|20)\d\d)\//.exec(s);
  return { resolution: res ? `${res[1]}/${res[2]}` : null, session: session ? Number(session[1]) : null, sessionYear: year ? Number(year[1]) : null, limited: /\/L\.\d/.test(s) };
}
