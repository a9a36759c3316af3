import { useId, useState } from 'react';
import { CommandRefused } from '../../shared/model/command-refused';
import type { Negotiation } from '../../shared/model/negotiation';
import type { ProposalKind } from '../../shared/model/proposal';
import { authorName } from '../../shared/model/queries';
import { compareRevisions, type ParagraphChange } from '../../shared/model/revision-commands';
import { useT } from '../i18n/translate';
import { revisionWords } from './format';
import { kindLabel } from './kind-label';
import { useNegotiation } from '../store/connection-context';
import { authorWords } from './DecisionLogView';
import { Redline } from './Redline';

type From = number | 'original';
type To = number | 'current';

/** What caused a change: the proposal's author and kind, read from the key `delegationId/proposalId`. */
export function causeOf(negotiation: Negotiation, key: string): { key: string; author: string; kind: ProposalKind | null } {
  const [author, id] = key.split('/');
  const proposal = author && id ? negotiation.delegation(author).proposals().find((p) => p.id === id) : undefined;
  return { key, author: proposal ? authorName(negotiation, proposal) : (negotiation.table.delegation(author ?? '')?.name ?? key), kind: proposal?.kind ?? null };
}

const parse = (value: string): number | string => (/^\d+$/.test(value) ? Number(value) : value);

/**
 * Compare: any two versions of the text as a redline (insertions and deletions), paragraph by
 * paragraph, with the proposals whose acceptance or merger caused each change. By default, what
 * changed since the latest revision (or since the imported original).
 */
export function CompareView() {
  const t = useT();
  const id = useId();
  const versions = useNegotiation((n) => ({ revisions: n.table.revisions().map((r) => ({ number: r.number, name: r.name })), original: n.table.original() !== null }));
  const latest = versions.revisions[versions.revisions.length - 1];
  const [from, setFrom] = useState<From | null>(null);
  const [to, setTo] = useState<To>('current');
  const [onlyChanges, setOnlyChanges] = useState(true);
  const base: From | null = from ?? latest?.number ?? (versions.original ? 'original' : null);
  const result = useNegotiation(
    (n): { changes: ParagraphChange[]; causes: Map<string, ReturnType<typeof causeOf>>; problem: string | null } => {
      if (base === null) return { changes: [], causes: new Map(), problem: null };
      try {
        const changes = compareRevisions(n, base, to);
        const causes = new Map(changes.flatMap((c) => c.causes).map((k) => [k, causeOf(n, k)]));
        return { changes, causes, problem: null };
      } catch (error) {
        if (!(error instanceof CommandRefused)) throw error;
        return { changes: [], causes: new Map(), problem: error.message };
      }
    },
    [base, to],
  );
  const language = useNegotiation((n) => n.table.meta().language);
  if (base === null) return <p className="empty">{t('compare.nothing')}</p>;
  const shown = onlyChanges ? result.changes.filter((c) => c.change !== 'same') : result.changes;
  const count = (kind: ParagraphChange['change']) => result.changes.filter((c) => c.change === kind).length;
  return (
    <section className="compare" aria-label={t('compare.region')}>
      <form className="compare-pick" onSubmit={(e) => e.preventDefault()}>
        <label>
          {t('compare.from')}
          <select value={String(base)} onChange={(e) => setFrom(parse(e.target.value) as From)}>
            {versions.original && <option value="original">{t('compare.original')}</option>}
            {versions.revisions.map((r) => (
              <option key={r.number} value={r.number}>
                {revisionWords(r, t)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('compare.to')}
          <select value={String(to)} onChange={(e) => setTo(parse(e.target.value) as To)}>
            {versions.revisions.map((r) => (
              <option key={r.number} value={r.number}>
                {revisionWords(r, t)}
              </option>
            ))}
            <option value="current">{t('compare.current')}</option>
          </select>
        </label>
        <label className="inline">
          <input type="checkbox" checked={onlyChanges} onChange={(e) => setOnlyChanges(e.target.checked)} />
          {t('compare.onlyChanges')}
        </label>
      </form>
      {result.problem && <p className="banner warn">{result.problem}</p>}
      <p className="counts" id={`${id}-sum`}>
        {(['changed', 'added', 'removed'] as const).map((c) => t(`compare.${c}`, { count: count(c) })).join(' · ')}
      </p>
      {shown.length === 0 && !result.problem && <p className="empty">{t('compare.noChange')}</p>}
      {shown.map((c) => (
        <article key={c.id} className={`change change-${c.change}`} data-paragraph={c.id} data-change={c.change} aria-labelledby={`${id}-${c.id}`}>
          <header className="paragraph-head">
            <h2 id={`${id}-${c.id}`} className="label">
              {c.after?.label || c.before?.label || kindLabel(t, (c.after ?? c.before)!.kind)}
            </h2>
            <span className={`change-kind change-kind-${c.change}`}>{t(`compare.change.${c.change}`)}</span>
            {c.before && c.after && c.before.label !== c.after.label && c.before.label && <span className="alt-of">{t('compare.was', { label: c.before.label })}</span>}
          </header>
          <Redline parts={c.diff} lang={language} />
          {c.editedBy.length > 0 && (
            <p className="edited-by">
              {t('compare.editedBy')}{' '}
              {c.editedBy.map((e, i) => (
                <span key={e.author} className="edited-by-name">
                  {i > 0 && ', '}
                  {t('compare.editor', { author: authorWords(e.author, t), kinds: e.kinds.map((k) => t(`log.kind.${k}`)).join(', ') })}
                </span>
              ))}
            </p>
          )}
          {c.unlogged && (
            <p className="banner warn unlogged" role="note">
              {t('compare.unlogged')}
            </p>
          )}
          {c.causes.length > 0 && (
            <p className="causes">
              {t('compare.causedBy')}{' '}
              {c.causes.map((k, i) => {
                const cause = result.causes.get(k)!;
                return (
                  <span key={k} className="cause" data-proposal={k}>
                    {i > 0 && ', '}
                    {cause.kind ? t('compare.cause', { author: cause.author, kind: t(`proposal.kind.${cause.kind}`) }) : cause.author}
                  </span>
                );
              })}
            </p>
          )}
        </article>
      ))}
    </section>
  );
}
