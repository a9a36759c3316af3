import type { ParagraphStatus } from '../../shared/model/paragraph';
import type { Translate } from '../i18n/translate';

/** A paragraph's status in a word, for the badge and for screen readers. */
export function statusWords(status: ParagraphStatus, t: Translate, nameOf: (id: string) => string, language: string): string {
  switch (status.state) {
    case 'open':
      return t('status.open');
    case 'agreed':
      return t('status.agreed');
    case 'deleted':
      return t('status.deleted');
    case 'adref': {
      const base = status.pending.length ? t('status.adrefPending', { names: status.pending.map(nameOf).join(', ') }) : t('status.adref');
      if (!status.deadline) return base;
      const deadline = new Date(status.deadline).toLocaleString(language, { dateStyle: 'short', timeStyle: 'short' });
      return `${base} ${t('status.adrefUntil', { deadline })}`;
    }
  }
}

/** Status at a glance: a colour and a word. */
export function StatusBadge({ status, t, nameOf, language }: { status: ParagraphStatus; t: Translate; nameOf: (id: string) => string; language: string }) {
  return <span className={`status status-${status.state}`}>{statusWords(status, t, nameOf, language)}</span>;
}
