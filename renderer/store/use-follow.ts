import { useEffect, useRef } from 'react';
import type { Presence } from './use-presence';

/** When each co-facilitator last moved to another paragraph, as this window saw it. */
export type FocusMemory = Map<number, { focus: string; seq: number }>;

/**
 * The paragraph a co-facilitator (other than me) is on: the one the room is negotiating. With two
 * co-facilitators on different paragraphs, the one who moved last leads.
 */
export function facilitatorFocus(presence: Presence[], memory: FocusMemory = new Map()): string | null {
  let seq = Math.max(0, ...[...memory.values()].map((m) => m.seq));
  const here = new Set<number>();
  for (const p of presence) {
    if (p.self || p.role !== 'cofacilitator' || !p.focus) continue;
    here.add(p.clientId);
    if (memory.get(p.clientId)?.focus !== p.focus) memory.set(p.clientId, { focus: p.focus, seq: ++seq });
  }
  for (const id of memory.keys()) if (!here.has(id)) memory.delete(id);
  let lead: { focus: string; seq: number } | null = null;
  for (const m of memory.values()) if (!lead || m.seq > lead.seq) lead = m;
  return lead?.focus ?? null;
}

/**
 * "Follow the facilitator": while on, keeps the paragraph the co-facilitators are on in view, as
 * the projected screen does. Returns that paragraph's id (null when not following or unknown).
 */
export function useFollow(presence: Presence[], following: boolean): string | null {
  const memory = useRef<FocusMemory>(new Map());
  const lead = facilitatorFocus(presence, memory.current);
  const focus = following ? lead : null;
  useEffect(() => {
    if (!focus) return;
    const target = document.querySelector(`article.paragraph[data-paragraph="${CSS.escape(focus)}"]`);
    const reduced = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
    target?.scrollIntoView({ block: 'center', behavior: reduced ? 'auto' : 'smooth' });
  }, [focus]);
  return focus;
}
