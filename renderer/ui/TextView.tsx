import { useContext } from 'react';
import { isShown } from '../../shared/model/labels';
import { currentLabels, listProposals, type ProposalView } from '../../shared/model/queries';
import { countBrackets } from '../../shared/text/brackets';
import { flatText, wordCount } from '../../shared/text/rich-text';
import { I18nContext } from '../i18n/translate';
import { useConnection, useNegotiation } from '../store/connection-context';
import type { Presence } from '../store/use-presence';
import { DraftList } from './DraftList';
import { FootnoteList, footnoteOrder } from './FootnoteList';
import { ParagraphCard } from './ParagraphCard';

/** The negotiated text: every paragraph in order, with its proposals, and the word and bracket counts. */
export function TextView({ presence, followed = null }: { presence: Presence[]; followed?: string | null }) {
  const { t } = useContext(I18nContext);
  const { actor } = useConnection();
  const model = useNegotiation((n) => {
    const epoch = n.table.epoch();
    const paragraphs = n.table.paragraphs().filter((p) => isShown(p, epoch));
    const byParagraph = new Map<string, ProposalView[]>();
    for (const v of listProposals(n)) {
      const list = byParagraph.get(v.proposal.paragraphId) ?? [];
      list.push(v);
      byParagraph.set(v.proposal.paragraphId, list);
    }
    const confirmations = new Map<string, string[]>();
    for (const d of n.delegations()) for (const id of d.adRefMap.keys()) confirmations.set(id, [...(confirmations.get(id) ?? []), d.delegationId]);
    const flats = paragraphs.filter((p) => p.status.state !== 'deleted').map((p) => flatText(p.text));
    return {
      paragraphs,
      labels: currentLabels(n),
      byParagraph,
      confirmations,
      words: flats.reduce((sum, f) => sum + wordCount(f), 0),
      brackets: flats.reduce((sum, f) => sum + countBrackets(f), 0),
      meta: n.table.meta(),
      footnotes: footnoteOrder(paragraphs.map((p) => p.text)),
      footnoteBodies: n.table.footnotes(),
      loaded: n.table.metaMap.size > 0,
    };
  });
  const presentOn = (id: string): string[] => presence.filter((p) => !p.self && p.focus === id).map((p) => p.name ?? t('who.cofacilitator'));
  if (!model.loaded) return <p className="empty">{t('text.loading')}</p>;
  return (
    <section className="text-view" aria-label={t('text.region')}>
      <header className="text-head">
        {model.meta.symbol && <p className="symbol">{model.meta.symbol}</p>}
        <h1 lang={model.meta.language}>{model.meta.title}</h1>
        <p className="counts">
          <span className={model.meta.targetWords && model.words > model.meta.targetWords ? 'over' : ''}>
            {model.meta.targetWords ? t('text.wordsTarget', { count: model.words, target: model.meta.targetWords }) : t('text.words', { count: model.words })}
          </span>
          {' · '}
          <span>{t('text.brackets', { count: model.brackets })}</span>
        </p>
        {model.meta.organ && <p className="organ" lang={model.meta.language}>{model.meta.organ},</p>}
      </header>
      {actor.role === 'delegation' && <DraftList />}
      {model.paragraphs.length === 0 && <p className="empty">{t('text.empty')}</p>}
      {model.paragraphs.map((p) => (
        <ParagraphCard
          key={p.id}
          paragraph={p}
          label={model.labels.get(p.id) ?? ''}
          alternativeOf={p.alternativeOf ? (model.labels.get(p.alternativeOf) ?? null) : null}
          views={model.byParagraph.get(p.id) ?? []}
          present={presentOn(p.id)}
          confirmedBy={model.confirmations.get(p.id) ?? []}
          textLanguage={model.meta.language}
          followed={followed === p.id}
        />
      ))}
      <FootnoteList ids={model.footnotes} bodies={model.footnoteBodies} lang={model.meta.language} />
    </section>
  );
}
