import { footnoteMarker } from './source-line';

const DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';
/** Superscript digits after a word or its punctuation, several joined by "˒" or a comma: "enfants,¹˒²". */
const MARKS = /(?<=[\p{L}\p{N}.,;:)»”’'"\]])([⁰¹²³⁴⁵⁶⁷⁸⁹]+(?:[˒,][⁰¹²³⁴⁵⁶⁷⁸⁹]+)*)/gu;
/** Units that take a superscript exponent ("m²", "km³"): not footnote marks. */
const UNIT = /(?:^|[^\p{L}])(?:[kcdm]?m|ft|in)$/u;

const plainDigits = (s: string): string => [...s].map((c) => String(DIGITS.indexOf(c))).join('');

/**
 * Reads superscript digits as explicit footnote references, as Penholder's own clean text prints them
 * ("enfants,¹˒²"), keeping exponents of units ("m²") as text.
 */
export function superscriptMarks(text: string): string {
  if (!/[⁰¹²³⁴⁵⁶⁷⁸⁹]/u.test(text)) return text;
  return text.replace(MARKS, (match: string, _g: string, offset: number) => {
    if (UNIT.test(text.slice(0, offset))) return match;
    return match.split(/[˒,]/u).map((m) => footnoteMarker(plainDigits(m))).join('');
  });
}
