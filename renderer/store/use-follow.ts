import { useEffect } from 'react';
import type { Presence } from './use-presence';

/** The paragraph a co-facilitator (other than me) is on: the one the room is negotiating. */
export function facilitatorFocus(presence: Presence[]): string | null {
  return presence.find((p) => !p.self && p.role === 'cofacilitator' && p.focus)?.focus ?? null;
}

/**
 * "Follow the facilitator": while on, keeps the paragraph the co-facilitators are on in view, as
 * the projected screen does. Returns that paragraph's id (null when not following or unknown).
 */
export function useFollow(presence: Presence[], following: boolean): string | null {
  const focus = following ? facilitatorFocus(presence) : null;
  useEffect(() => {
    if (!focus) return;
    const target = document.querySelector(`article.paragraph[data-paragraph="${CSS.escape(focus)}"]`);
    const reduced = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
    target?.scrollIntoView({ block: 'center', behavior: reduced ? 'auto' : 'smooth' });
  }, [focus]);
  return focus;
}
