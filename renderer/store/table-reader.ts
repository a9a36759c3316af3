import type * as Y from 'yjs';
import { computeLabels } from '../../shared/model/labels';
import type { Paragraph } from '../../shared/model/paragraph';
import type { TableDocument } from '../../shared/model/table-document';

/**
 * The table's paragraphs and labels, read again only where the document changed. A paragraph keeps
 * its value (by identity) until a transaction touches its own entry (kind, status, text); the roster
 * changing reads every paragraph again (an ad ref's pending delegations are read against it). So a
 * keystroke reads one paragraph's text instead of all of them, and the views memoised on an unchanged
 * paragraph stay as they were. The Y.Doc stays the source of truth: this holds derived values only.
 */
export interface TableReader {
  /** Every paragraph in document order; the same array as long as no paragraph or the order changed. */
  paragraphs(): Paragraph[];
  /** The paragraphs' working labels (PP3, OP5 bis); the same map as long as they read the same. */
  labels(): Map<string, string>;
}

const readers = new WeakMap<Y.Doc, TableReader>();

/** The reader of a table document (one per document, installed on first use). */
export function tableReader(table: TableDocument): TableReader {
  let reader = readers.get(table.doc);
  if (!reader) readers.set(table.doc, (reader = createReader(table)));
  return reader;
}

/** The id of the paragraph whose entry holds a changed type, or null when it is outside paragraphs. */
function paragraphOf(type: Y.AbstractType<unknown>, paragraphs: Y.AbstractType<unknown>): string | null {
  for (let item = type._item; item; ) {
    if (item.parent === paragraphs) return item.parentSub;
    item = (item.parent as Y.AbstractType<unknown> | null)?._item ?? null;
  }
  return null;
}

function createReader(table: TableDocument): TableReader {
  const paragraphsMap = table.paragraphsMap as unknown as Y.AbstractType<unknown>;
  const rosterMap = table.rosterMap as unknown as Y.AbstractType<unknown>;
  // Paragraph values read since their entry last changed (null: the id has no paragraph).
  const values = new Map<string, Paragraph | null>();
  let list: Paragraph[] = [];
  let listed = false;
  let labelled: { list: Paragraph[]; epoch: number; value: Map<string, string> } | null = null;
  table.doc.on('afterTransaction', (tr: Y.Transaction) => {
    if (tr.changed.size === 0 && tr.deleteSet.clients.size === 0) return;
    listed = false;
    // Deletions that changed no type are not told apart: everything is read again.
    if (tr.changed.size === 0) values.clear();
    for (const [type, keys] of tr.changed) {
      if (type === paragraphsMap) for (const id of keys) values.delete(id!);
      else if (type === rosterMap) values.clear();
      else {
        const id = paragraphOf(type as Y.AbstractType<unknown>, paragraphsMap);
        if (id !== null) values.delete(id);
      }
    }
  });

  const paragraphs = (): Paragraph[] => {
    if (listed) return list;
    const next: Paragraph[] = [];
    for (const id of table.order()) {
      let p = values.get(id);
      if (p === undefined) values.set(id, (p = table.paragraph(id)));
      if (p) next.push(p);
    }
    if (next.length !== list.length || next.some((p, i) => p !== list[i])) list = next;
    listed = true;
    return list;
  };

  return {
    paragraphs,
    labels(): Map<string, string> {
      const ps = paragraphs();
      const epoch = table.epoch();
      if (labelled && labelled.list === ps && labelled.epoch === epoch) return labelled.value;
      const value = computeLabels(ps, epoch);
      const same = labelled !== null && labelled.value.size === value.size && [...value].every(([id, label]) => labelled!.value.get(id) === label);
      labelled = { list: ps, epoch, value: same ? labelled!.value : value };
      return labelled.value;
    },
  };
}
