import * as Y from 'yjs';
import type { Actor } from './actor';
import { appendDecision, authorOf, storedEntries, type LogKind } from './decision-log';
import type { TableDocument } from './table-document';

/**
 * The paragraphs a transaction on the table wrote to: keys of the paragraphs map, or any type nested in a
 * paragraph; with `wordsOnly`, only those whose text (not status or kind) it changed.
 */
export function touchedParagraphs(tr: Y.Transaction, table: TableDocument, wordsOnly = false): Set<string> {
  const touched = new Set<string>();
  const paragraphsMap = table.paragraphsMap as Y.AbstractType<unknown>;
  for (const [type, keys] of tr.changed as Map<Y.AbstractType<unknown>, Set<string | null>>) {
    if (type === paragraphsMap) {
      if (!wordsOnly) for (const key of keys) if (key !== null) touched.add(key);
      continue;
    }
    // Walk up to the paragraph, remembering under which of its keys the change was.
    let t: Y.AbstractType<unknown> = type;
    let field: string | null = [...keys].find((k) => k !== null) ?? null;
    while (t._item) {
      const parent = t._item.parent;
      if (parent === paragraphsMap) {
        if (t._item.parentSub !== null && (!wordsOnly || field === 'text')) touched.add(t._item.parentSub);
        break;
      }
      if (!(parent instanceof Y.AbstractType)) break;
      field = t._item.parentSub;
      t = parent as Y.AbstractType<unknown>;
    }
  }
  return touched;
}

/** The kinds of logged decision that change a paragraph's words. */
export const WORD_CHANGES: readonly LogKind[] = ['accept', 'merge', 'bracket', 'unbracket', 'edit', 'add-paragraph', 'footnote'];

/**
 * Logs a co-facilitator's own typing in the text (the editor writes to the paragraph directly, not
 * through a command): after a local change to a paragraph's words that logged nothing, an "edit" entry
 * names the paragraph, once per paragraph and author between two revisions. Compare then names who
 * changed it, and a change between revisions with no entry stands out. Returns the function that stops it.
 */
export function logDirectEdits(table: TableDocument, actor: Actor): () => void {
  if (actor.role !== 'cofacilitator') return () => undefined;
  const author = authorOf(actor);
  const onTransaction = (tr: Y.Transaction): void => {
    if (!tr.local || (tr.changed as Map<unknown, unknown>).has(table.logArray)) return;
    const touched = [...touchedParagraphs(tr, table, true)].filter((id) => table.paragraphsMap.has(id));
    if (touched.length === 0) return;
    const since = table.revisions().at(-1)?.issuedAt ?? '';
    const log = storedEntries(table);
    const logged = new Set(log.filter((e) => e.author === author && e.at > since && e.paragraph !== null).map((e) => e.paragraph));
    const fresh = touched.filter((id) => !logged.has(id));
    if (fresh.length === 0) return;
    table.doc.transact(() => {
      for (const id of fresh) appendDecision(table, actor, { kind: 'edit', paragraph: id, detail: 'edited the text directly' });
    });
  };
  table.doc.on('afterTransaction', onTransaction);
  return () => table.doc.off('afterTransaction', onTransaction);
}
