import type { LogEntry, LogProblem } from '../../shared/model/decision-log';
import { MESSAGES, type Translate, type UiLanguage } from '../i18n/translate';
import { formatDateTime } from './format';

/** What the record's reader needs to name things: delegations by name, paragraphs by label. */
export interface DetailContext {
  t: Translate;
  language: UiLanguage;
  nameOf(delegationId: string): string;
  labelOf(paragraphId: string): string;
  /** A reading without authors: decisions on proposals do not name them. */
  anonymous?: boolean;
}

const STATES = new Set(['open', 'agreed', 'adref', 'deleted']);
const SILENCE_ENDS = new Set(['passed', 'broken', 'withdrawn']);
const quoted = (words: string): string => (words ? `“${words}”` : '');

/**
 * An entry's details in the interface language. The log keeps them as the commands wrote them, in English
 * (they are sealed in the entry's hash); the decisions that carry words show the words, the others are
 * read back into their parts: states, delegations, paragraphs and dates.
 */
export function decisionDetail(e: Pick<LogEntry, 'kind' | 'detail'> & { proposal?: string | null }, c: DetailContext): string {
  const { t, language } = c;
  // A decision on a proposal names whose it was (its key is "<delegation>/<id>"), unless the reading is without authors.
  const author = e.proposal && !c.anonymous ? t('log.detail.proposalOf', { name: c.nameOf(e.proposal.split('/')[0]!) }) : '';
  const withAuthor = (words: string): string => [words, author].filter(Boolean).join(' — ');
  const state = (s: string) => (STATES.has(s) ? t(`status.${s as 'open'}`) : s);
  const date = (iso: string) => formatDateTime(iso, language);
  switch (e.kind) {
    case 'status': {
      const adref = /^agreed ad ref, awaiting (.+?)(?: until (\S+))?$/.exec(e.detail);
      if (!adref) return state(e.detail);
      const pending = t('status.adrefPending', { names: adref[1]!.split(', ').map(c.nameOf).join(', ') });
      return adref[2] ? `${pending}, ${t('status.adrefUntil', { deadline: date(adref[2]) })}` : pending;
    }
    case 'reopen': {
      const was = /^reopened \(was (\w+)\)$/.exec(e.detail);
      return was ? t('log.detail.was', { state: state(was[1]!) }) : e.detail;
    }
    case 'move':
      if (e.detail === 'to the start') return t('log.detail.toStart');
      return e.detail.startsWith('after ') ? t('log.detail.after', { label: c.labelOf(e.detail.slice('after '.length)) }) : e.detail;
    case 'delete-paragraph':
      return '';
    case 'edit':
      // Typed in the paragraph itself (shared/model/direct-edits.ts): no wording to quote.
      return e.detail === 'edited the text directly' ? t('log.detail.direct') : quoted(e.detail);
    case 'accept':
      return withAuthor(`proposal.kind.${e.detail}` in MESSAGES.en ? t(`proposal.kind.${e.detail as 'replace'}`) : e.detail);
    case 'merge':
    case 'not-retain':
      return withAuthor(quoted(e.detail));
    case 'silence-open': {
      const until = /^until (\S+?)(?:; kept open: (.+))?$/.exec(e.detail);
      if (!until) return e.detail;
      const kept = until[2] ? t('log.detail.keptOpen', { labels: until[2].split(', ').map(c.labelOf).join(', ') }) : '';
      return `${t('status.adrefUntil', { deadline: date(until[1]!) })}${kept}`;
    }
    case 'silence-close': {
      const [end, ...note] = e.detail.split(': ');
      const words = SILENCE_ENDS.has(end!) ? t(`silence.${end as 'passed'}`) : end!;
      return note.length > 0 ? `${words} — ${note.join(': ')}` : words;
    }
    case 'revision': {
      // The zero draft's stored name follows the text's language; the interface names it in its own.
      const zero = /^(?:Zero draft|Avant-projet)(?=$|: )/.exec(e.detail);
      return zero ? t('fac.zeroDraft') + e.detail.slice(zero[0].length) : e.detail;
    }
    default:
      return quoted(e.detail);
  }
}

const CHANGES = new Set(['added', 'removed', 'changed', 'moved']);

/** A break in the record, in the interface language. */
export function problemWords(p: LogProblem, t: Translate): string {
  const change = String(p.values.change ?? '');
  return t(`log.problem.${p.kind}`, CHANGES.has(change) ? { ...p.values, change: t(`log.change.${change as 'added'}`) } : p.values);
}
