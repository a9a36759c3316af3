import type { ParagraphStatus } from '../../shared/model/paragraph';
import type { Translate, UiLanguage } from '../i18n/translate';
import { deadlineWords } from './format';

export { deadlineWords };

/**
 * A paragraph's status in words, for the badge and for screen readers: "Ad ref, pending Brazil until
 * 18:00" names only the capitals that have not confirmed yet.
 */
export function statusWords(status: ParagraphStatus, t: Translate, nameOf: (id: string) => string, language: UiLanguage, confirmed: readonly string[] = []): string {
  switch (status.state) {
    case 'open':
      return t('status.open');
    case 'agreed':
      return t('status.agreed');
    case 'deleted':
      return t('status.deleted');
    case 'adref': {
      const pending = status.pending.filter((d) => !confirmed.includes(d));
      const base = pending.length ? t('status.adrefPending', { names: pending.map(nameOf).join(', ') }) : status.pending.length ? t('status.adrefAllConfirmed') : t('status.adref');
      if (!status.deadline || !pending.length) return base;
      return `${base} ${t('status.adrefUntil', { deadline: deadlineWords(status.deadline, language) })}`;
    }
  }
}

/** Status at a glance: a colour and a word. */
export function StatusBadge({ status, t, nameOf, language, confirmed, id }: { status: ParagraphStatus; t: Translate; nameOf: (id: string) => string; language: UiLanguage; confirmed?: readonly string[]; /** For a paragraph that is described by its status. */ id?: string }) {
  return <span id={id} className={`status status-${status.state}`}>{statusWords(status, t, nameOf, language, confirmed)}</span>;
}
