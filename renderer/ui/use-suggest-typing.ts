import { useCallback, useRef } from 'react';
import { suggestTyped } from '../../shared/model/suggestion-commands';
import { useConnection } from '../store/connection-context';
import { useRun } from './errors';
import { nextSuggestion, type AttemptedEdit, type FlatEdit } from './suggest-typing';

/**
 * Suggest mode for one paragraph: what the delegation types or deletes becomes, at once, its own
 * proposal (the live one grows while the typing goes on). Returns the handler the editor calls with
 * each attempted edit; it answers where the caret goes, or null when the edit was refused.
 */
export function useSuggestTyping(paragraphId: string): (edit: AttemptedEdit) => number | null {
  const run = useRun();
  const { negotiation, actor } = useConnection();
  const live = useRef<{ id: string; edit: FlatEdit } | null>(null);
  return useCallback(
    (edit: AttemptedEdit) => {
      const next = nextSuggestion(live.current?.edit ?? null, edit);
      const made = run(() => suggestTyped(negotiation, actor, { paragraphId, ...next.suggestion }, next.continues ? (live.current?.id ?? null) : null));
      if (made === undefined) return null;
      live.current = made ? { id: made.id, edit: next.suggestion } : null;
      return next.caret;
    },
    [run, negotiation, actor, paragraphId],
  );
}
