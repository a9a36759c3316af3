import { useEffect, useRef } from 'react';
import { useT } from '../i18n/translate';
import type { ProposalKind } from '../../shared/model/proposal';
import type { Delegation } from '../../shared/model/roster';
import type { ParagraphFilter } from './paragraph-filter';

const STATES: ParagraphFilter['state'][] = ['all', 'not-discussed', 'discussed', 'adref', 'agreed', 'changed'];
const KINDS: ProposalKind[] = ['insert', 'delete', 'replace', 'bracket', 'new-paragraph', 'alternative', 'delete-paragraph', 'move-paragraph'];

interface Props {
  filter: ParagraphFilter;
  onChange(f: ParagraphFilter): void;
  roster: readonly Delegation[];
  shown: number;
  total: number;
  /** Changes each time Find is asked for (the desktop menu's Edit › Find): the words field takes the focus. */
  findSignal?: number;
}

/** Filters of the text: by words (Find), by state, by a delegation's proposals and positions, by kind of proposal. */
export function FilterBar({ filter, onChange, roster, shown, total, findSignal = 0 }: Props) {
  const t = useT();
  const find = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (findSignal === 0) return;
    find.current?.focus();
    find.current?.select();
  }, [findSignal]);
  return (
    <form className="filter-bar" role="search" aria-label={t('filter.heading')} onSubmit={(e) => e.preventDefault()}>
      <label>
        {t('filter.words')}
        <input ref={find} type="search" className="find" value={filter.words} onChange={(e) => onChange({ ...filter, words: e.target.value })} onKeyDown={(e) => e.key === 'Escape' && filter.words && (e.preventDefault(), onChange({ ...filter, words: '' }))} />
      </label>
      <label>
        {t('filter.state')}
        <select value={filter.state} onChange={(e) => onChange({ ...filter, state: e.target.value as ParagraphFilter['state'] })}>
          {STATES.map((s) => (
            <option key={s} value={s}>
              {t(`filter.state.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('filter.delegation')}
        <select value={filter.delegation} onChange={(e) => onChange({ ...filter, delegation: e.target.value })}>
          <option value="">{t('filter.anyone')}</option>
          {roster.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('filter.kind')}
        <select value={filter.kind} onChange={(e) => onChange({ ...filter, kind: e.target.value as ParagraphFilter['kind'] })}>
          <option value="">{t('filter.anyKind')}</option>
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`propose.kind.${k}`)}
            </option>
          ))}
        </select>
      </label>
      <output aria-live="polite">{t('filter.count', { count: shown, total })}</output>
    </form>
  );
}
