import { useState } from 'react';
import { accept, notRetain } from '../../shared/model/facilitator-commands';
import type { Paragraph } from '../../shared/model/paragraph';
import { setPosition, withdraw } from '../../shared/model/proposal-commands';
import type { Stance } from '../../shared/model/proposal';
import { authorName, currentLabels, type ProposalView } from '../../shared/model/queries';
import { flatText } from '../../shared/text/rich-text';
import { useT } from '../i18n/translate';
import { delegationCode } from '../../shared/model/roster';
import { inlinePositions, positionCounts } from './positions';
import { useConnection } from '../store/connection-context';
import { useRun } from './errors';
import { ExplainForm } from './ExplainForm';
import { MergeForm } from './MergeForm';

const STANCES: { stance: Stance; key: 'proposal.support' | 'proposal.oppose' | 'proposal.reserve' | 'proposal.pending'; list: 'proposal.supportedBy' | 'proposal.opposedBy' | 'proposal.reservedBy' | 'proposal.pendingBy' }[] = [
  { stance: 'support', key: 'proposal.support', list: 'proposal.supportedBy' },
  { stance: 'oppose', key: 'proposal.oppose', list: 'proposal.opposedBy' },
  { stance: 'reserve', key: 'proposal.reserve', list: 'proposal.reservedBy' },
  { stance: 'pending-instructions', key: 'proposal.pending', list: 'proposal.pendingBy' },
];

/** The wording of a proposal as a small redline; where a move would put the paragraph. */
function Wording({ view }: { view: ProposalView }) {
  const t = useT();
  const { negotiation } = useConnection();
  const p = view.proposal;
  const paragraph = p.paragraph ? flatText(p.paragraph) : '';
  if (p.kind === 'move-paragraph') {
    const label = p.moveAfter ? (currentLabels(negotiation).get(p.moveAfter) ?? p.moveAfter) : null;
    return <p className="wording">{label ? t('proposal.moveTo', { label }) : t('proposal.moveToStart')}</p>;
  }
  if (p.kind === 'bracket') {
    // The words stay as they are: the brackets around them are the change.
    return (
      <p className="wording" lang="">
        <ins>[</ins>
        {p.anchor?.quote}
        <ins>]</ins>
      </p>
    );
  }
  return (
    <p className="wording" lang="">
      {p.anchor?.quote && (p.kind === 'delete' || p.kind === 'replace') && <del>{p.anchor.quote}</del>}
      {p.anchor?.quote && p.text ? ' ' : null}
      {p.text && <ins>{p.text}</ins>}
      {paragraph && <ins>{paragraph}</ins>}
    </p>
  );
}

/** The proposals on one paragraph, with everyone's positions and the actions this person may take. */
export function ProposalList({ views, label, paragraph, anonymous = false }: { views: ProposalView[]; label: string; paragraph: Paragraph; /** A reading without authors: counts, no names. */ anonymous?: boolean }) {
  const t = useT();
  const [chosen, setChosen] = useState<readonly string[]>([]);
  const run = useRun();
  const connection = useConnection();
  const { negotiation, actor } = connection;
  const nameOf = (id: string): string => negotiation.table.delegation(id)?.name ?? id;
  const codeOf = (id: string): string => {
    const d = negotiation.table.delegation(id);
    return d ? delegationCode(d) : id;
  };
  const own = actor.role === 'delegation' ? actor.delegationId : null;
  const toMerge = chosen.filter((k) => views.some((v) => v.key === k && v.state === 'open'));
  const choose = (key: string, on: boolean) => setChosen((c) => (on ? [...c, key] : c.filter((k) => k !== key)));
  // A decision or a withdrawal removes the buttons pressed: the focus goes to the proposal, now decided, or,
  // in a suggestion's card (which closes), to its paragraph, rather than to nowhere.
  const settle = (event: { currentTarget: HTMLElement }, command: () => void) => {
    const item = event.currentTarget.closest('li');
    const closes = item?.closest('.suggestion-card') ? item.closest<HTMLElement>('article') : null;
    run(command);
    (closes ?? item)?.focus();
  };
  return (
    <>
    <ul className="proposals" aria-label={t('proposal.list', { label })}>
      {views.map((v) => {
        const mine = own === v.proposal.author;
        const myStance = own ? negotiation.delegation(own).position(v.key)?.stance : undefined;
        return (
          <li key={v.key} className={`proposal state-${v.state}`} data-proposal={v.key} tabIndex={-1}>
            <div className="proposal-head">
              <strong>{anonymous ? t('reading.someone') : authorName(negotiation, v.proposal)}</strong> · {t(`proposal.kind.${v.proposal.kind}`)} · <span className="state">{t(`proposal.state.${v.state}`)}</span>
              {v.needsReview && v.state === 'open' && <span className="review"> · {t('proposal.needsReview')}</span>}
            </div>
            <Wording view={v} />
            {v.proposal.source && <p className="source">{t('proposal.source', { source: v.proposal.source })}</p>}
            {v.proposal.rationale && <p className="rationale">{v.proposal.rationale}</p>}
            <p className="position-summary" aria-label={t('positions.summary')}>
              {positionCounts(v, t) && <span className="tally">{positionCounts(v, t)}</span>}
              {!anonymous && <span className="codes">{inlinePositions(v, codeOf, t)}</span>}
            </p>
            <ul className="positions">
              {!anonymous && STANCES.filter((s) => v.positions[s.stance].length > 0).map((s) => (
                <li key={s.stance} className={`position-${s.stance}`}>
                  {t(s.list, { names: v.positions[s.stance].map(nameOf).join(', ') })}
                </li>
              ))}
            </ul>
            {v.state === 'open' && (
              <div className="actions">
                {own && !mine &&
                  STANCES.map((s) => (
                    <button key={s.stance} type="button" aria-pressed={myStance === s.stance} onClick={() => run(() => setPosition(negotiation, actor, v.key, s.stance))}>
                      {t(s.key)}
                    </button>
                  ))}
                {mine && (
                  <>
                    <button type="button" onClick={(e) => settle(e, () => withdraw(negotiation, actor, v.proposal.id))}>
                      {t('proposal.withdraw')}
                    </button>
                    <ExplainForm proposal={v.proposal} />
                  </>
                )}
                {actor.role === 'cofacilitator' && (
                  <>
                    <button type="button" className={v.positions.oppose.length === 0 ? 'primary' : undefined} onClick={(e) => settle(e, () => accept(negotiation, actor, v.key))}>
                      {t('proposal.accept')}
                    </button>
                    <button type="button" onClick={(e) => settle(e, () => notRetain(negotiation, actor, v.key))}>
                      {t('proposal.notRetain')}
                    </button>
                    <label className="inline">
                      <input type="checkbox" checked={toMerge.includes(v.key)} onChange={(e) => choose(v.key, e.target.checked)} />
                      {t('merge.include')}
                    </label>
                  </>
                )}
              </div>
            )}
          </li>
        );
      })}
    </ul>
    {toMerge.length > 0 && <MergeForm key={toMerge.join()} paragraph={paragraph} label={label} keys={toMerge} onDone={() => setChosen([])} />}
    </>
  );
}
