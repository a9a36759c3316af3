import { memo } from 'react';
import { authorName, currentLabels, type ProposalView } from '../../shared/model/queries';
import { flatText } from '../../shared/text/rich-text';
import { useT } from '../i18n/translate';
import { useConnection } from '../store/connection-context';
import { authorColour, NEUTRAL_COLOUR } from './inline-suggestions';

/**
 * The open proposals on a paragraph as a whole, drawn where they would go: a new paragraph and an
 * alternative after it, a deletion across it, a move as the place it would go. Each opens its card.
 */
export const ParagraphProposals = memo(function ParagraphProposals({ views, label, onPick, anonymous = false }: { views: readonly ProposalView[]; label: string; onPick(key: string): void; anonymous?: boolean }) {
  const t = useT();
  const { negotiation } = useConnection();
  const shown = views.filter((v) => v.state === 'open' && (v.proposal.kind === 'new-paragraph' || v.proposal.kind === 'alternative' || v.proposal.kind === 'delete-paragraph' || v.proposal.kind === 'move-paragraph'));
  if (shown.length === 0) return null;
  const labels = currentLabels(negotiation);
  return (
    <ul className="ghosts" aria-label={t('ghost.list', { label })}>
      {shown.map((v) => {
        const p = v.proposal;
        const who = anonymous ? t('reading.someone') : authorName(negotiation, p);
        const words =
          p.kind === 'new-paragraph' ? t('ghost.new', { who, label }) :
          p.kind === 'alternative' ? t('ghost.alternative', { who, label }) :
          p.kind === 'delete-paragraph' ? t('ghost.delete', { who, label }) :
          p.moveAfter ? t('ghost.move', { who, label, after: labels.get(p.moveAfter) ?? p.moveAfter }) : t('ghost.moveStart', { who, label });
        return (
          <li key={v.key} className={`ghost ghost-${p.kind}`} data-proposal={v.key} style={{ ['--author' as string]: anonymous ? NEUTRAL_COLOUR : authorColour(p.author) }}>
            <button type="button" className="ghost-open" onClick={() => onPick(v.key)}>
              {words}
            </button>
            {p.paragraph && <p className="ghost-text"><ins>{flatText(p.paragraph)}</ins></p>}
          </li>
        );
      })}
    </ul>
  );
});
