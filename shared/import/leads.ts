/**
 * The italic lead that opens a paragraph: a participle or adjective for a preambular paragraph
 * ("Rappelant également", "Deeply concerned"), a verb for an operative one ("Prie instamment", "Calls upon").
 */

const NOT_LEADS = new Set([
  'pendant', 'durant', 'avant', 'cependant', 'maintenant', 'quant', 'tant', 'devant', 'néanmoins', 'during',
  'nothing', 'something', 'everything', 'anything', 'beijing', 'king', 'spring', 'sterling', 'bring', 'thing',
]);

const LEAD_WORDS = new Set([
  'conscient', 'consciente', 'conscients', 'conscientes', 'convaincu', 'convaincue', 'convaincus', 'convaincues',
  'préoccupé', 'préoccupée', 'préoccupés', 'préoccupées', 'résolu', 'résolue', 'résolus', 'résolues', 'déterminé',
  'déterminée', 'déterminés', 'déterminées', 'soucieux', 'soucieuse', 'alarmé', 'alarmée', 'persuadé', 'persuadée',
  'guidé', 'guidée', 'désireux', 'désireuse', 'inquiet', 'inquiète', 'satisfait', 'satisfaite', 'encouragé',
  'encouragée', 'attaché', 'attachée', 'mindful', 'aware', 'conscious', 'convinced', 'concerned', 'alarmed',
  'determined', 'guided', 'cognizant', 'cognisant', 'encouraged', 'desirous', 'appreciative', 'committed',
  'resolved', 'recognizing', 'bearing', 'having', 'further', 'also', 'pleased', 'gratified', 'disturbed',
  'dismayed', 'shocked', 'outraged', 'troubled', 'confident', 'fully', 'keenly', 'heartened', 'appalled', 'grieved',
  'saddened', 'seized', 'acting', 'emphasizing', 'stressing', 'underlining', 'reiterating',
]);

const ADVERBS = new Set([
  'profondément', 'gravement', 'vivement', 'fermement', 'sérieusement', 'extrêmement', 'très', 'deeply', 'gravely',
  'seriously', 'strongly', 'profoundly', 'extremely', 'firmly', 'highly', 'fully', 'keenly', 'further', 'also',
]);

const COMPLEMENTS = [
  'également', 'aussi', 'en outre', 'de plus', 'par ailleurs', 'de nouveau', 'à nouveau', 'une fois de plus',
  'note', 'acte', 'compte', "à l'esprit", 'à l’esprit', 'avec une vive préoccupation', 'avec une profonde préoccupation',
  'avec préoccupation', 'avec inquiétude', 'avec satisfaction', 'avec intérêt', 'avec appréciation', 'avec regret',
  'avec gratitude', 'instamment', 'also', 'further', 'moreover', 'in addition', 'again', 'once again', 'note of',
  'note', 'with deep concern', 'with grave concern', 'with serious concern', 'with concern', 'with appreciation',
  'with satisfaction', 'with interest', 'with regret', 'with gratitude', 'in mind', 'upon', 'strongly', 'urgently',
];

function words(text: string): string[] {
  return text.split(/\s+/u).filter(Boolean);
}

const bare = (w: string): string => w.toLowerCase().replace(/[,;:.]+$/u, '');

/** True when a line opens like a preambular paragraph: a capitalised participle or adjective. */
export function startsPreambular(text: string): boolean {
  const [first = '', second = ''] = words(text);
  if (!/^\p{Lu}/u.test(first)) return false;
  let head = bare(first);
  if (head === 'se' || head === 'ayant' || head === 'having') return true;
  if (/^s[’']\p{L}+ant$/u.test(head)) return true;
  if (ADVERBS.has(head)) head = bare(second);
  if (NOT_LEADS.has(head)) return false;
  return LEAD_WORDS.has(head) || /^\p{L}{3,}(?:ant|ing)$/u.test(head);
}

/** The lead of a paragraph read from plain text: its first word(s) and the complements they take. */
export function leadOf(text: string): string | null {
  const all = words(text);
  if (!all[0] || !/^\p{Lu}/u.test(all[0])) return null;
  let n = 1;
  const first = bare(all[0]);
  // "Se félicitant", "Deeply concerned", and any adverb in -ly before a participle ("Sorely troubled").
  const adverb = ADVERBS.has(first) || (/^\p{L}{3,}ly$/u.test(first) && /^\p{Ll}+(?:ed|ing)$/u.test(all[1] ?? ''));
  if ((first === 'se' || first === 's’' || adverb) && all.length > 1) n = 2;
  for (let grown = true; grown;) {
    grown = false;
    const rest = all.slice(n).join(' ').toLowerCase();
    for (const c of COMPLEMENTS) {
      if (rest === c || rest.startsWith(`${c} `) || rest.startsWith(`${c},`)) {
        n += words(c).length;
        grown = true;
        break;
      }
    }
  }
  return all.slice(0, n).join(' ').replace(/[,;:]$/u, '');
}
