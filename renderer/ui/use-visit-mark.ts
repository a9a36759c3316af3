import { useEffect, useRef } from 'react';
import type { NegotiationConnection } from '../sync/negotiation-connection';
import { writeVisit } from '../store/last-visit';

/** How long the text stays unchanged on screen before what it shows is remembered as read (ms). */
export const VISIT_QUIET_MS = 2_000;
/** While the text keeps changing on screen, it is remembered at least this often (ms). */
export const VISIT_EVERY_MS = 15_000;

type Idle = (run: () => void) => void;
const whenIdle: Idle = (run) => (typeof requestIdleCallback === 'function' ? requestIdleCallback(run, { timeout: 5_000 }) : setTimeout(run, 0));

/**
 * Remembers the text as this person reads it, for "changed since my last visit" next time: once it has
 * been shown, then whenever it has stayed unchanged on screen for a moment (and at least every
 * VISIT_EVERY_MS while it keeps changing), in an idle period so never in a keystroke's frame; and when
 * the page is hidden or left. Nothing is remembered while the page is in the background: changes that
 * arrive then were not read, and a page closed, crashed or put to sleep there keeps the last mark.
 * `texts` gives every paragraph's words by id, or null while the previous visit has not been read yet.
 */
export function useVisitMark(connection: NegotiationConnection, texts: () => Record<string, string> | null): void {
  const read = useRef(texts);
  read.current = texts;
  useEffect(() => {
    const id = connection.session.negotiationId;
    const table = connection.negotiation.table;
    const visible = () => document.visibilityState === 'visible';
    let dirty = true;
    let quiet: ReturnType<typeof setTimeout> | null = null;
    let dirtySince = 0;
    let closed = false;
    const save = () => {
      const now = closed || table.metaMap.size === 0 ? null : read.current();
      if (!now) return;
      dirty = false;
      writeVisit(localStorage, id, now);
    };
    const schedule = () => {
      if (quiet !== null) clearTimeout(quiet);
      const wait = Math.max(0, Math.min(VISIT_QUIET_MS, dirtySince + VISIT_EVERY_MS - Date.now()));
      quiet = setTimeout(() => {
        quiet = null;
        whenIdle(() => dirty && visible() && save());
      }, wait);
    };
    const onUpdate = () => {
      if (!dirty) dirtySince = Date.now();
      dirty = true;
      if (visible()) schedule();
    };
    const onVisibility = () => {
      if (visible()) {
        if (dirty) schedule();
      } else if (dirty) save();
    };
    // Left while in front (a link followed, the tab closed): what it showed was read.
    const onLeave = () => visible() && dirty && save();
    dirtySince = Date.now();
    if (visible()) schedule();
    table.doc.on('update', onUpdate);
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('pagehide', onLeave);
    return () => {
      if (visible() && dirty) save();
      closed = true;
      if (quiet !== null) clearTimeout(quiet);
      table.doc.off('update', onUpdate);
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('pagehide', onLeave);
    };
  }, [connection]);
}
