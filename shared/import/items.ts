/** Sub-item labels: (a), (b) or a), b) at the top; (i), (ii) or i), ii) below them. */

const LABEL = /^(?:\(([a-z]{1,2}|[ivxlc]{1,6})\)|([a-z]{1,2}|[ivxlc]{1,6})\))\s+(\S.*)$/u;

/** The label a line opens with ("a" for "(a) text" or "a) text") and the text after it, or null. */
export function itemLabel(text: string): { label: string; rest: string } | null {
  const m = LABEL.exec(text);
  if (!m) return null;
  return { label: m[1] ?? m[2] ?? '', rest: m[3] ?? '' };
}

/** The letter label after `label` ("b" after "a", "aa" after "z"). */
export function nextLetter(label: string | null): string {
  if (!label) return 'a';
  if (label === 'z') return 'aa';
  if (label.length === 2 && label[0] === label[1] && label[0] !== 'z') {
    const c = String.fromCharCode(label.charCodeAt(0) + 1);
    return c + c;
  }
  return String.fromCharCode(label.charCodeAt(label.length - 1) + 1);
}

const ROMANS = ['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x', 'xi', 'xii', 'xiii', 'xiv', 'xv',
  'xvi', 'xvii', 'xviii', 'xix', 'xx'];

/** The roman label after `label` ("ii" after "i"); "i" for the first. */
export function nextRoman(label: string | null): string {
  if (!label) return 'i';
  const index = ROMANS.indexOf(label);
  return ROMANS[index + 1] ?? '';
}

/** True when the text before an item ends as a list lead-in or a list entry does. */
export function endsBeforeItem(text: string): boolean {
  // In a bracketed draft the punctuation may stand inside a closing bracket ("[Acquisition from the Fund;]").
  return /(?:[:;,.—–-]|\b(?:and|or|et|ou))[\]}]*\d{0,3}$/u.test(text.trim());
}
