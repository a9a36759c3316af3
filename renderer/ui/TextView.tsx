import { memo, useContext, useMemo, useRef, useState } from 'react';
import { isShown } from '../../shared/model/labels';
import { isNonAttributed } from '../../shared/model/reading-commands';
import { textMeta } from '../../shared/model/text-meta';
import { organLineEnd } from '../../shared/model/organ-line';
import type { Paragraph } from '../../shared/model/paragraph';
import type { Delegation } from '../../shared/model/roster';
import { createProposalViewCache } from '../../shared/model/proposal-views';
import type { ProposalView } from '../../shared/model/queries';
import { countBrackets } from '../../shared/text/brackets';
import { flatText, wordCount } from '../../shared/text/rich-text';
import { I18nContext } from '../i18n/translate';
import { useConnection, useDeferredNegotiation } from '../store/connection-context';
import type { Presence } from '../store/use-presence';
import { DraftList } from './DraftList';
import { FootnoteList, footnoteOrder } from './FootnoteList';
import { ParagraphCard } from './ParagraphCard';
import { stableList } from './stable';
import { FilterBar } from './FilterBar';
import { Notifications } from './Notifications';
import { ProposalAnnouncer } from './ProposalAnnouncer';
import { useFollowedParagraphs } from '../store/followed-paragraphs';
import { NO_FILTER, passesFilter, type ParagraphFilter } from './paragraph-filter';
import { readVisit, textHash, type Visit } from '../store/last-visit';
import { useVisitMark } from './use-visit-mark';
import type { Revision } from '../../shared/model/table-state';
import { useActiveParagraph } from './use-active-paragraph';
import { tableReader } from '../store/table-reader';

const NOBODY: string[] = [];

/** Words and brackets of a paragraph, counted once per paragraph value (kept stable while unchanged). */
const countsOf = new WeakMap<Paragraph, { words: number; brackets: number }>();
function counts(p: Paragraph): { words: number; brackets: number } {
  let c = countsOf.get(p);
  if (!c) {
    const flat = flatText(p.text);
    c = { words: wordCount(flat), brackets: countBrackets(flat) };
    countsOf.set(p, c);
  }
  return c;
}
const NO_VIEWS: ProposalView[] = [];

/**
 * The text's side parts, re-rendered only when what they are given changed: a keystroke changes none
 * of it, and re-rendering them made React set their inputs' attributes again, which cost a second
 * frame after each keystroke (and the next keystroke then waited for the display's next frame).
 */
const StableNotifications = memo(Notifications);
const StableFilterBar = memo(FilterBar);
const StableAnnouncer = memo(ProposalAnnouncer);

/** The same paragraphs in the same states (id, status and kind; not their words). */
function sameStates(a: readonly Paragraph[], b: readonly Paragraph[]): boolean {
  return a.length === b.length && a.every((p, i) => p === b[i] || (p.id === b[i]!.id && p.kind === b[i]!.kind && JSON.stringify(p.status) === JSON.stringify(b[i]!.status)));
}

/** A paragraph's words, read once per paragraph value. */
const flatOf = new WeakMap<Paragraph, string>();
function flat(p: Paragraph): string {
  let f = flatOf.get(p);
  if (f === undefined) flatOf.set(p, (f = flatText(p.text)));
  return f;
}
/** A revision's words per paragraph, read once per revision. */
const revisionTexts = new WeakMap<Revision, Map<string, string>>();
function wordsOf(r: Revision): Map<string, string> {
  let m = revisionTexts.get(r);
  if (!m) revisionTexts.set(r, (m = new Map(r.paragraphs.map((p) => [p.id, flatText(p.text)]))));
  return m;
}
/** What changed on a paragraph: since my last visit, and since the last revision (its name), or nothing. */
export interface Changes {
  sinceVisit: boolean;
  sinceRevision: { name: string; number: number; isNew: boolean } | null;
}
const UNCHANGED: Changes = { sinceVisit: false, sinceRevision: null };

/** The negotiated text: every paragraph in order, with its proposals, and the word and bracket counts. */
interface Props {
  presence: Presence[];
  followed?: string | null;
  /** Changes each time Find is asked for (the desktop menu): the words field of the filters takes the focus. */
  findSignal?: number;
  /** Changes each time Propose an Amendment is asked for (the desktop menu): the paragraph being worked on opens its form. */
  proposeSignal?: number;
}

export function TextView({ presence, followed = null, findSignal = 0, proposeSignal = 0 }: Props) {
  const { t } = useContext(I18nContext);
  const connection = useConnection();
  const { actor } = connection;
  const proposals = useMemo(() => createProposalViewCache(connection.negotiation), [connection.negotiation]);
  const reader = tableReader(connection.negotiation.table);
  // The paragraph the person is working on: the only one that shows the co-facilitators' toolbar.
  const [active, setActive] = useActiveParagraph();
  const [filter, setFilter] = useState<ParagraphFilter>(NO_FILTER);
  const [watched, toggleWatched] = useFollowedParagraphs(connection.session.negotiationId);
  // The menu's Propose asked for while no paragraph could take it: said until another paragraph is worked on.
  const [proposeSeen, setProposeSeen] = useState(0);
  const [activeSeen, setActiveSeen] = useState(active);
  if (activeSeen !== active) {
    setActiveSeen(active);
    setProposeSeen(proposeSignal);
  }
  // What this person saw last time (read once the text has loaded), and this visit remembered as it is read.
  const lastVisit = useRef<Visit | null | undefined>(undefined);
  useVisitMark(connection, () => (lastVisit.current === undefined ? null : Object.fromEntries(reader.paragraphs().map((p) => [p.id, flat(p)]))));
  // The previous render's derived values: what did not change keeps its identity, so that only the
  // paragraph cards whose inputs changed re-render (a keystroke re-renders one card, not 150).
  const previous = useRef({
    read: null as { all: Paragraph[]; epoch: number; shown: Paragraph[] } | null,
    views: new Map<string, ProposalView[]>(),
    confirmations: new Map<string, string[]>(),
    roster: [] as Delegation[],
    // The paragraphs as the notifications read them (their states): kept while only words changed.
    states: [] as Paragraph[],
    present: new Map<string, string[]>(),
    changes: new Map<string, Changes>(),
  });
  const model = useDeferredNegotiation((n) => {
    const epoch = n.table.epoch();
    if (lastVisit.current === undefined && n.table.metaMap.size > 0) lastVisit.current = typeof localStorage === 'undefined' ? null : readVisit(localStorage, connection.session.negotiationId);
    const revision = n.table.revisions().at(-1) ?? null;
    const last = previous.current;
    // Paragraphs are read again only where the document changed (a keystroke: one), and keep their identity otherwise.
    const all = reader.paragraphs();
    const paragraphs = last.read && last.read.all === all && last.read.epoch === epoch ? last.read.shown : all.filter((p) => isShown(p, epoch));
    last.read = { all, epoch, shown: paragraphs };
    const grouped = new Map<string, ProposalView[]>();
    for (const v of proposals.list()) {
      const list = grouped.get(v.proposal.paragraphId) ?? [];
      list.push(v);
      grouped.set(v.proposal.paragraphId, list);
    }
    let byParagraph = new Map<string, ProposalView[]>();
    for (const [id, list] of grouped) byParagraph.set(id, stableList(last.views.get(id), list));
    // The same map while no paragraph's proposals changed: what watches for new proposals is not run again.
    if (byParagraph.size === last.views.size && [...byParagraph].every(([id, list]) => last.views.get(id) === list)) byParagraph = last.views;
    last.views = byParagraph;
    const gathered = new Map<string, string[]>();
    for (const d of n.delegations()) for (const id of d.adRefMap.keys()) gathered.set(id, [...(gathered.get(id) ?? []), d.delegationId]);
    let confirmations = new Map<string, string[]>();
    for (const [id, list] of gathered) confirmations.set(id, stableList(last.confirmations.get(id), list));
    if (confirmations.size === last.confirmations.size && [...confirmations].every(([id, list]) => last.confirmations.get(id) === list)) confirmations = last.confirmations;
    last.confirmations = confirmations;
    last.roster = stableList(last.roster, n.table.roster());
    if (!sameStates(last.states, paragraphs)) last.states = paragraphs;
    const counted = paragraphs.filter((p) => p.status.state !== 'deleted').map(counts);
    const changes = new Map<string, Changes>();
    const before = revision ? wordsOf(revision) : null;
    const seen = lastVisit.current ?? null;
    for (const p of paragraphs) {
      const words = flat(p);
      const sinceVisit = seen !== null && seen[p.id] !== textHash(words);
      const was = before?.get(p.id);
      const sinceRevision = revision && was !== words ? { name: revision.name, number: revision.number, isNew: was === undefined } : null;
      const c = sinceVisit || sinceRevision ? { sinceVisit, sinceRevision } : UNCHANGED;
      const old = last.changes.get(p.id);
      changes.set(p.id, old && old.sinceVisit === c.sinceVisit && old.sinceRevision?.name === c.sinceRevision?.name && old.sinceRevision?.isNew === c.sinceRevision?.isNew ? old : c);
    }
    last.changes = changes;
    return {
      paragraphs,
      labels: reader.labels(),
      byParagraph,
      confirmations,
      changes,
      roster: last.roster,
      states: last.states,
      words: counted.reduce((sum, c) => sum + c.words, 0),
      brackets: counted.reduce((sum, c) => sum + c.brackets, 0),
      meta: textMeta(n),
      footnotes: footnoteOrder(paragraphs.map((p) => p.text)),
      footnoteBodies: n.table.footnotes(),
      loaded: n.table.metaMap.size > 0,
      underSilence: n.table.silence().state === 'open',
      anonymous: isNonAttributed(n.table),
    };
  });
  const present = new Map<string, string[]>();
  for (const p of presence) if (!p.self && p.focus) present.set(p.focus, [...(present.get(p.focus) ?? []), p.name ?? (p.cofacilitatorName ? t('who.cofacilitatorNamed', { name: p.cofacilitatorName }) : t('who.cofacilitator'))]);
  for (const [id, names] of present) present.set(id, stableList(previous.current.present.get(id), names));
  previous.current.present = present;
  const presentOn = (id: string): string[] => present.get(id) ?? NOBODY;
  const nameOf = useMemo(() => (id: string) => connection.negotiation.table.delegation(id)?.name ?? id, [connection.negotiation]);
  if (!model.loaded) return <p className="empty">{t('text.loading')}</p>;
  const shown = filter === NO_FILTER ? model.paragraphs : model.paragraphs.filter((p) => passesFilter(p, model.byParagraph.get(p.id) ?? NO_VIEWS, (model.changes.get(p.id) ?? UNCHANGED) !== UNCHANGED, filter));
  return (
    <section className="text-view" aria-label={t('text.region')}>
      <header className="text-head">
        {model.meta.symbol && <p className="symbol">{model.meta.symbol}</p>}
        {model.meta.basis && <p className="symbol basis">{t('text.basis', { symbol: model.meta.basis })}</p>}
        <h1 lang={model.meta.language}>{model.meta.title}</h1>
        <p className="counts">
          <span className={model.meta.targetWords && model.words > model.meta.targetWords ? 'over' : ''}>
            {model.meta.targetWords ? t('text.wordsTarget', { count: model.words, target: model.meta.targetWords }) : t('text.words', { count: model.words })}
          </span>
          {' · '}
          <span>{t('text.brackets', { count: model.brackets })}</span>
        </p>
        {model.meta.organ && <p className="organ" lang={model.meta.language}>{model.meta.organ}{organLineEnd(model.paragraphs)}</p>}
      </header>
      {actor.role === 'delegation' && <DraftList />}
      <StableAnnouncer byParagraph={model.byParagraph} labels={model.labels} nameOf={nameOf} own={actor.role === 'delegation' ? actor.delegationId : null} anonymous={model.anonymous} />
      <StableNotifications own={actor.role === 'delegation' ? actor.delegationId : null} followed={watched} byParagraph={model.byParagraph} paragraphs={model.states} confirmed={model.confirmations} labels={model.labels} nameOf={nameOf} />
      <StableFilterBar filter={filter} onChange={setFilter} roster={model.roster} shown={shown.length} total={model.paragraphs.length} findSignal={findSignal} />
      {proposeSignal > proposeSeen && (actor.role !== 'delegation' || !shown.some((p) => p.id === active)) && (
        <p className="banner propose-note" role="status">
          {t(actor.role === 'delegation' ? 'menu.proposeWhere' : 'menu.proposeDelegations')}
        </p>
      )}
      {model.paragraphs.length === 0 && <p className="empty">{t('text.empty')}</p>}
      {shown.map((p) => (
        <ParagraphCard
          key={p.id}
          paragraph={p}
          label={model.labels.get(p.id) ?? ''}
          alternativeOf={p.alternativeOf ? (model.labels.get(p.alternativeOf) ?? null) : null}
          views={model.byParagraph.get(p.id) ?? NO_VIEWS}
          present={presentOn(p.id)}
          confirmedBy={model.confirmations.get(p.id) ?? NOBODY}
          textLanguage={model.meta.language}
          followed={followed === p.id}
          underSilence={model.underSilence}
          active={active === p.id}
          proposeSignal={active === p.id ? proposeSignal : 0}
          notifyMe={watched.has(p.id)}
          onToggleNotify={toggleWatched}
          anonymous={model.anonymous}
          changes={model.changes.get(p.id) ?? UNCHANGED}
          onActivate={setActive}
        />
      ))}
      <FootnoteList ids={model.footnotes} bodies={model.footnoteBodies} lang={model.meta.language} />
    </section>
  );
}
