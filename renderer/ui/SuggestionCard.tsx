import { useEffect, useRef } from 'react';
import type { Paragraph } from '../../shared/model/paragraph';
import type { ProposalView } from '../../shared/model/queries';
import { useT } from '../i18n/translate';
import { authorColour, NEUTRAL_COLOUR } from './inline-suggestions';
import { ProposalList } from './ProposalList';

/**
 * The card of one suggestion, opened from the suggestion itself (a click on it, or the caret on it):
 * who proposed it, the positions, and the actions this person may take. Escape closes it.
 */
export function SuggestionCard({ view, label, paragraph, anonymous = false, onClose }: { view: ProposalView; label: string; paragraph: Paragraph; anonymous?: boolean; onClose(): void }) {
  const t = useT();
  const card = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = card.current!;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.preventDefault();
      onClose();
    };
    el.addEventListener('keydown', onKey);
    return () => el.removeEventListener('keydown', onKey);
  }, [onClose]);
  return (
    <div ref={card} className="suggestion-card" role="group" aria-label={t('suggestion.card', { label })} style={{ ['--author' as string]: anonymous ? NEUTRAL_COLOUR : authorColour(view.proposal.author) }}>
      <ProposalList views={[view]} label={label} paragraph={paragraph} anonymous={anonymous} />
      <button type="button" className="close" aria-label={t('suggestion.close')} onClick={onClose}>
        ×
      </button>
    </div>
  );
}
