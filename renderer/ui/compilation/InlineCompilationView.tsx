import { useContext } from 'react';
import { inlineCompilation, inlineWords, positionSummary, whoStands, type InlineProposal } from '../../../shared/export/inline-compilation';
import { I18nContext, useT } from '../../i18n/translate';
import { useNegotiation } from '../../store/connection-context';

/** One open proposal in brackets: deleted words struck, inserted words, then the author and positions. */
function Bracket({ x, language }: { x: InlineProposal; language: 'en' | 'fr' }) {
  const w = inlineWords(language);
  const kind = x.kind in w.kinds ? `${w.kinds[x.kind as keyof typeof w.kinds]}: ` : '';
  return (
    <span className="inline-proposal" data-key={x.key}>
      [{kind}
      {x.deleted && <del>{x.deleted}</del>}
      {x.deleted && x.inserted && ' '}
      {x.inserted && <ins>{x.inserted}</ins>}
      {(x.deleted || x.inserted) && ' – '}
      <span className="who">{whoStands(x, w)}</span>
      {x.needsReview && <em> ({w.review})</em>}]
    </span>
  );
}

/**
 * The compilation text as delegates read it on screen in WHO and UNFCCC rooms: the current words with
 * every open proposal in brackets at its place, its author and positions, and a position summary per
 * proposal under each paragraph.
 */
export function InlineCompilationView() {
  const t = useT();
  const { language: ui } = useContext(I18nContext);
  const { paragraphs, language } = useNegotiation((n) => ({ paragraphs: inlineCompilation(n), language: n.table.meta().language }));
  const w = inlineWords(ui);
  return (
    <section className="compilation inline-compilation" aria-label={t('compilation.inline')}>
      {paragraphs.map((p) => (
        <div key={p.id} className={`inline-paragraph ${p.kind}`} data-paragraph={p.id}>
          <p lang={language}>
            {p.label && <b className="label">{p.label}</b>}
            {p.parts.map((x, i) => ('text' in x ? <span key={i}>{x.text}</span> : <Bracket key={x.proposal.key} x={x.proposal} language={ui} />))}
          </p>
          {p.after.map((x) => (
            <p key={x.key} className="after" lang={language}>
              <Bracket x={x} language={ui} />
            </p>
          ))}
          {p.proposals.length > 0 && (
            <p className="summary">
              <i>{`${w.summary}${w.colon.trimEnd()}`}</i> {p.proposals.map((x) => positionSummary(x, w)).join(' · ')}
            </p>
          )}
        </div>
      ))}
    </section>
  );
}
