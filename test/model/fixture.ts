import type { Actor } from '../../shared/model/actor';
import { CommandRefused } from '../../shared/model/command-refused';
import { addDelegation, createNegotiation } from '../../shared/model/create-negotiation';
import type { Negotiation } from '../../shared/model/negotiation';
import { flatText, richText } from '../../shared/text/rich-text';

export const cofac: Actor = { role: 'cofacilitator', delegationId: null };
/** A person of a delegation, on a device its delegation linked (so its private document is open to it). */
export const as = (delegationId: string): Actor => ({ role: 'delegation', delegationId, privateAccess: true });
export const observer: Actor = { role: 'observer', delegationId: 'holy-see' };

/** A small declaration-making resolution with a roster: two preambular and three operative paragraphs. */
export function sampleNegotiation(): { negotiation: Negotiation; ids: string[] } {
  const negotiation = createNegotiation({ id: 'sample', title: 'Political declaration on trafficking', language: 'en', organ: 'The General Assembly' });
  // The roster's codes, as a Secretariat fills them in (ISO 3166-1 alpha-3, the EU's and the group's usual ones); the Holy See has none here.
  const codes: Record<string, string | undefined> = { Mexico: 'MEX', 'European Union': 'EU', Egypt: 'EGY', Canada: 'CAN', Australia: 'AUS' };
  for (const name of ['Mexico', 'European Union', 'Egypt', 'Canada', 'Australia', 'Holy See']) addDelegation(negotiation, cofac, { name, kind: name === 'Holy See' ? 'observer' : name === 'European Union' ? 'eu' : 'member-state', code: codes[name] });
  addDelegation(negotiation, cofac, { name: 'Group of 77 and China', kind: 'group', chair: 'egypt', id: 'g77', code: 'G77' });
  const texts: [string, string, string | null][] = [
    ['preambular', 'Recalling its resolution 64/293 of 30 July 2010,', 'Recalling'],
    ['preambular', 'Reaffirming the commitment to end trafficking in persons,', 'Reaffirming'],
    ['operative', 'Decides to convene a high-level meeting in 2021;', 'Decides'],
    ['operative', 'Urges Member States to protect victims and survivors;', 'Urges'],
    ['operative', 'Requests the Secretary-General to report on progress.', 'Requests'],
  ];
  const ids = texts.map((_, i) => `p${i + 1}`);
  const table = negotiation.table;
  table.doc.transact(() => {
    texts.forEach(([kind, text, lead], i) => table.createParagraph(ids[i]!, { kind: kind as 'preambular' | 'operative', text: richText({ text, lead }), addedInEpoch: 0 }));
    table.orderArray.push(ids);
  });
  return { negotiation, ids };
}

/** A paragraph's words on one line. */
export const textOf = (n: Negotiation, id: string): string => flatText(n.table.paragraph(id)!.text);

/** The refusal a command throws; fails when it does not refuse. */
export function refusal(f: () => unknown): CommandRefused {
  try {
    f();
  } catch (e) {
    if (e instanceof CommandRefused) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}
