import * as Y from 'yjs';
import type { Paragraph, ParagraphKind, ParagraphStatus } from './paragraph';
import type { Decision } from './proposal';
import type { Delegation } from './roster';
import type { NegotiationMeta, Revision, Silence } from './table-state';
import { readRichText, writeRichText } from '../text/y-rich-text';
import type { RichTextJSON } from '../text/schema';

/**
 * Typed access to the table document, the one the co-facilitators write. Reads are plain values;
 * the Y.Doc stays the source of truth.
 */
export class TableDocument {
  constructor(readonly doc: Y.Doc) {}

  get metaMap(): Y.Map<unknown> {
    return this.doc.getMap('meta');
  }
  get rosterMap(): Y.Map<Delegation> {
    return this.doc.getMap('roster');
  }
  get orderArray(): Y.Array<string> {
    return this.doc.getArray('order');
  }
  get paragraphsMap(): Y.Map<Y.Map<unknown>> {
    return this.doc.getMap('paragraphs');
  }
  get footnotesMap(): Y.Map<string> {
    return this.doc.getMap('footnotes');
  }
  get decisionsMap(): Y.Map<Decision> {
    return this.doc.getMap('decisions');
  }
  get revisionsArray(): Y.Array<Revision> {
    return this.doc.getArray('revisions');
  }
  get silenceMap(): Y.Map<Silence> {
    return this.doc.getMap('silence');
  }
  /** The decision log (shared/model/decision-log.ts): append-only, hash-chained. */
  get logArray(): Y.Array<unknown> {
    return this.doc.getArray('log');
  }

  meta(): NegotiationMeta {
    const m = this.metaMap;
    return {
      title: (m.get('title') as string) ?? '',
      symbol: (m.get('symbol') as string | null) ?? null,
      form: (m.get('form') as NegotiationMeta['form']) ?? 'resolution',
      language: (m.get('language') as NegotiationMeta['language']) ?? 'en',
      organ: (m.get('organ') as string | null) ?? null,
      closing: (m.get('closing') as string | null) ?? null,
      targetWords: (m.get('targetWords') as number | null) ?? null,
      createdAt: (m.get('createdAt') as string) ?? '',
      dates: (m.get('dates') as Record<string, string>) ?? {},
      ...(m.has('agendaItem') ? { agendaItem: (m.get('agendaItem') as string | null) ?? null } : {}),
    };
  }

  roster(): Delegation[] {
    return [...this.rosterMap.values()].sort((a, b) => a.name.localeCompare(b.name));
  }

  delegation(id: string): Delegation | null {
    return this.rosterMap.get(id) ?? null;
  }

  /** Paragraph ids in document order: each once, even after concurrent moves. */
  order(): string[] {
    const seen = new Set<string>();
    const ids: string[] = [];
    for (const id of this.orderArray.toArray()) {
      if (!seen.has(id) && this.paragraphsMap.has(id)) {
        seen.add(id);
        ids.push(id);
      }
    }
    for (const id of [...this.paragraphsMap.keys()].sort()) if (!seen.has(id)) ids.push(id);
    return ids;
  }

  paragraph(id: string): Paragraph | null {
    const p = this.paragraphsMap.get(id);
    if (!p) return null;
    return {
      id,
      kind: p.get('kind') as ParagraphKind,
      status: this.readStatus(p.get('status')),
      addedInEpoch: (p.get('addedInEpoch') as number) ?? 0,
      alternativeOf: (p.get('alternativeOf') as string | null) ?? null,
      fromProposal: (p.get('fromProposal') as string | null) ?? null,
      text: readRichText(this.textFragment(id)),
    };
  }

  /**
   * A status as readers may show it: an ad ref agreement awaits only delegations on the roster (not
   * observers, not names the roster does not hold), whatever was stored.
   */
  private readStatus(stored: unknown): ParagraphStatus {
    const status = (stored as ParagraphStatus | undefined) ?? { state: 'open' };
    if (status.state !== 'adref' || !Array.isArray(status.pending)) return status;
    const pending = status.pending.filter((d) => {
      const delegation = typeof d === 'string' ? this.delegation(d) : null;
      return delegation !== null && delegation.kind !== 'observer';
    });
    return pending.length === status.pending.length ? status : { ...status, pending };
  }

  paragraphs(): Paragraph[] {
    return this.order().map((id) => this.paragraph(id)).filter((p): p is Paragraph => p !== null);
  }

  /** The fragment an editor binds to with y-prosemirror. */
  textFragment(id: string): Y.XmlFragment {
    const fragment = this.paragraphsMap.get(id)?.get('text');
    if (!(fragment instanceof Y.XmlFragment)) throw new Error(`Paragraph ${id} has no text.`);
    return fragment;
  }

  footnotes(): Record<string, string> {
    return Object.fromEntries(this.footnotesMap.entries());
  }

  decision(key: string): Decision | null {
    return this.decisionsMap.get(key) ?? null;
  }

  revisions(): Revision[] {
    return this.revisionsArray.toArray();
  }

  /** The imported text as it was first read, the base of a redline against "the original". */
  original(): Revision | null {
    return (this.doc.getMap('baseline').get('original') as Revision | undefined) ?? null;
  }

  /** A revision by number, or the imported original; null when there is none. */
  revision(which: number | 'original'): Revision | null {
    return which === 'original' ? this.original() : (this.revisionsArray.get(which) ?? null);
  }

  /** The number of revisions issued; paragraphs added since the last one are labelled bis, ter … */
  epoch(): number {
    return this.revisionsArray.length;
  }

  silence(): Silence {
    return this.silenceMap.get('current') ?? { state: 'none' };
  }

  /** Adds a paragraph's structure and text; the caller places it in the order. */
  createParagraph(id: string, fields: { kind: ParagraphKind; text: RichTextJSON; alternativeOf?: string | null; fromProposal?: string | null; addedInEpoch: number }): void {
    const p = new Y.Map<unknown>();
    p.set('kind', fields.kind);
    p.set('status', { state: 'open' } satisfies ParagraphStatus);
    p.set('addedInEpoch', fields.addedInEpoch);
    p.set('alternativeOf', fields.alternativeOf ?? null);
    p.set('fromProposal', fields.fromProposal ?? null);
    const fragment = new Y.XmlFragment();
    p.set('text', fragment);
    this.paragraphsMap.set(id, p);
    writeRichText(fragment, fields.text);
  }

  setStatus(id: string, status: ParagraphStatus): void {
    this.paragraphsMap.get(id)?.set('status', status);
  }
}
