import { createNegotiation } from './create-negotiation';
import { currentText } from './revision-commands';
import { randomId } from './ids';
import type { Negotiation } from './negotiation';
import type { Revision } from './table-state';
import type { ParagraphKind } from './paragraph';
import type { ImportedItem, ImportedText } from '../import/imported-text';
import { richText, type PlainItem } from '../text/rich-text';
import type { RichTextJSON } from '../text/schema';

const toPlain = (items: ImportedItem[]): PlainItem[] => items.map((i) => ({ text: i.text, items: toPlain(i.items ?? []) }));

/**
 * Builds a negotiation from an imported text: its metadata, paragraphs with permanent ids and kinds,
 * headings, the annexed declaration and its footnotes. The imported text is its zero state (epoch 0).
 */
export function negotiationFromImport(imported: ImportedText, options: { id?: string; title?: string } = {}): Negotiation {
  const negotiation = createNegotiation({
    ...(options.id ? { id: options.id } : {}),
    title: options.title ?? imported.title,
    symbol: imported.symbol,
    form: imported.form === 'report' ? 'report' : imported.form === 'declaration' ? 'declaration' : 'resolution',
    language: imported.language,
    organ: imported.organ,
    closing: imported.closing,
    ...(imported.agendaItem ? { agendaItem: imported.agendaItem } : {}),
  });
  const table = negotiation.table;
  const footnoteIds = new Map<string, string>();
  const footnoteId = (mark: string): string => {
    let id = footnoteIds.get(mark);
    if (!id) {
      id = `fn-${randomId(10)}`;
      footnoteIds.set(mark, id);
    }
    return id;
  };
  const paragraphText = (p: { text: string; lead?: string | null; footnotes?: string[]; footnoteOffsets?: number[]; items: ImportedItem[] }): RichTextJSON =>
    richText({ text: p.text, lead: p.lead ?? null, footnotes: (p.footnotes ?? []).map(footnoteId), footnoteOffsets: p.footnoteOffsets, items: toPlain(p.items) });
  const ids: string[] = [];
  const add = (kind: ParagraphKind, text: RichTextJSON): void => {
    const id = `p-${randomId(12)}`;
    table.createParagraph(id, { kind, text, addedInEpoch: 0 });
    ids.push(id);
  };
  let heading: string | null = null;
  const addHeading = (h: string | null | undefined, all?: string[]): void => {
    // Several headings in a row ("III. Authorization", "A. Process …", "Option 1") each become a heading.
    if (all?.length) for (const one of all) add('heading', richText({ text: one }));
    else if (h && h !== heading) add('heading', richText({ text: h }));
    heading = h ?? heading;
  };
  table.doc.transact(() => {
    for (const p of imported.preamble) {
      add('preambular', paragraphText(p));
    }
    for (const p of imported.operative) {
      addHeading(p.heading, p.headings);
      if (!p.draft) {
        add('operative', paragraphText(p));
        continue;
      }
      // A draft resolution recommended to another organ ("Recommends to the General Assembly the adoption of the
      // following draft resolution:") is what is negotiated: the recommending paragraph and the draft's organ line
      // stand before it unnumbered (numbered with the resolution's own operative paragraphs, when it has others),
      // and the draft's paragraphs are numbered on their own.
      add(imported.operative.length > 1 ? 'operative' : 'chapeau', paragraphText(p));
      add('chapeau', richText({ text: `${p.draft.organ}${p.draft.preamble.length ? ',' : ''}`, lead: p.draft.organ }));
      for (const d of p.draft.preamble) {
        add('preambular', paragraphText(d));
      }
      for (const d of p.draft.operative) {
        addHeading(d.heading, d.headings);
        add('operative', paragraphText(d));
      }
    }
    for (const annex of imported.annexes) {
      heading = null;
      if (annex.title) add('annex-title', richText({ text: annex.title }));
      if (annex.chapeau) add('chapeau', richText({ text: annex.chapeau }));
      for (const p of annex.paragraphs) {
        addHeading(p.heading, p.headings);
        add('declaration', paragraphText(p));
      }
    }
    table.orderArray.push(ids);
    for (const f of imported.footnotes) table.footnotesMap.set(footnoteId(f.mark), f.text);
    table.doc.getMap('baseline').set('original', {
      number: -1,
      name: imported.language === 'fr' ? 'Texte original' : 'Original text',
      issuedAt: table.meta().createdAt,
      note: imported.symbol,
      paragraphs: currentText(negotiation),
      footnotes: table.footnotes(),
    } satisfies Revision);
  });
  return negotiation;
}
