import { uiLocale, type Translate, type UiLanguage } from '../i18n/translate';

/** A date and time in the interface language, in the user's regional form (fr: 04/05/2026 18:00). */
export function formatDateTime(iso: string, language: UiLanguage): string {
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? iso : at.toLocaleString(uiLocale(language), { dateStyle: 'short', timeStyle: 'short' });
}

/** A deadline as people say it: the time alone today ("18:00"), the date and time otherwise. */
export function deadlineWords(iso: string, language: UiLanguage, now: Date = new Date()): string {
  const at = new Date(iso);
  const today = at.toDateString() === now.toDateString();
  return at.toLocaleString(uiLocale(language), today ? { timeStyle: 'short' } : { dateStyle: 'short', timeStyle: 'short' });
}

/**
 * A revision's name in the interface language: the first is the zero draft ("Avant-projet" in French,
 * whatever the text's language, which its stored name follows); the others are "Rev.N" in both.
 */
export function revisionWords(revision: { number: number; name: string }, t: Translate): string {
  return revision.number === 0 ? t('fac.zeroDraft') : revision.name;
}
