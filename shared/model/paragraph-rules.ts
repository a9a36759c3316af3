import { adRefProgress } from './ad-ref';
import { openItems } from './clean-text';
import { CommandRefused } from './command-refused';
import { isShown } from './labels';
import type { Negotiation } from './negotiation';
import type { OpenItem } from './open-item';
import type { Paragraph } from './paragraph';
import { currentLabels } from './queries';
import { currentText } from './revision-commands';
import type { Delegation } from './roster';

/*
 * The rules of agreement, in one place for the commands (and, through shared/model/table-rules.ts, for the
 * sync server): a paragraph is agreed, or agreed ad ref, only when it is clean — no brackets, no alternative
 * wording, no open proposal on it — and agreed outright only once no capital is still awaited.
 */

/** Whether a roster entry negotiates (and so can be awaited for ad ref): every kind but observers. */
export function isNegotiatingDelegation(d: Delegation | null | undefined): boolean {
  return !!d && d.kind !== 'observer';
}

/**
 * What keeps the text from being clean, for silence: brackets, alternatives, open proposals, and
 * paragraphs agreed ad ref whose capitals have not all confirmed (by the deadline or otherwise).
 */
export function textOpenItems(negotiation: Negotiation, now: string = new Date().toISOString()): OpenItem[] {
  const items = openItems(negotiation);
  const labels = currentLabels(negotiation);
  const fr = negotiation.table.meta().language === 'fr';
  for (const p of negotiation.table.paragraphs()) {
    const progress = adRefProgress(negotiation, p.id, now);
    if (!progress || progress.settled) continue;
    const names = progress.pending.map((d) => negotiation.table.delegation(d)?.name ?? d);
    items.push({ kind: 'adref', label: labels.get(p.id) ?? p.kind, reason: `${fr ? 'ad ref en attente de' : 'ad ref pending for'} ${names.join(', ')}`, names, paragraphId: p.id });
  }
  return items;
}

/** What keeps one paragraph from being agreed: the open items in it, and its alternatives. */
export function paragraphOpenItems(negotiation: Negotiation, paragraphId: string, now: string = new Date().toISOString()): OpenItem[] {
  const epoch = negotiation.table.epoch();
  const inIt = textOpenItems(negotiation, now).filter((i) => i.paragraphId === paragraphId);
  const alternatives = negotiation.table.paragraphs().filter((p) => p.alternativeOf === paragraphId && p.status.state !== 'deleted' && isShown(p, epoch));
  if (alternatives.length > 0) {
    const labels = currentLabels(negotiation);
    const fr = negotiation.table.meta().language === 'fr';
    const names = alternatives.map((a) => labels.get(a.id) ?? a.id).join(', ');
    inIt.push({ kind: 'alternative', label: labels.get(paragraphId) ?? paragraphId, reason: `${fr ? 'variantes non tranchées' : 'alternative wordings not yet settled'}: ${names}`, paragraphId });
  }
  return inIt;
}

/** Refuses with `not-clean`, listing what is open, unless the paragraph can be agreed (or agreed ad ref: a pending ad ref of its own is then no obstacle). */
export function requireCleanParagraph(negotiation: Negotiation, p: Paragraph, as: 'agreed' | 'adref', now?: string): void {
  let items = paragraphOpenItems(negotiation, p.id, now);
  if (as === 'adref') items = items.filter((i) => i.kind !== 'adref');
  if (items.length === 0) return;
  const label = currentLabels(negotiation).get(p.id) ?? 'This paragraph';
  const what = as === 'agreed' ? 'agreed' : 'agreed ad ref';
  throw new CommandRefused(`${label} cannot be ${what} while it is not clean: ${describeItems(items)}.`, 'not-clean', items);
}

/** "OP3: 2 brackets; OP5: open proposal by Mexico". */
export function describeItems(items: OpenItem[]): string {
  return items.map((i) => `${i.label}: ${i.reason}`).join('; ');
}

/** The paragraphs a silence procedure opened on this text would leave open: every paragraph with an open item. */
export function paragraphsWithOpenItems(negotiation: Negotiation, now?: string): string[] {
  const ids = new Set(textOpenItems(negotiation, now).flatMap((i) => (i.paragraphId ? [i.paragraphId] : [])));
  // An alternative keeps the paragraph it replaces open too.
  for (const p of currentText(negotiation)) {
    const alt = negotiation.table.paragraph(p.id)?.alternativeOf;
    if (alt && ids.has(p.id)) ids.add(alt);
  }
  return [...ids];
}
