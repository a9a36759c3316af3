import type { Translate, UiLanguage } from '../i18n/translate';

/**
 * The locale every date and time of the interface is written in: the interface language's United Nations
 * form, whatever the browser's region (an en-US or fr-CA browser included): English day month year on the
 * 24-hour clock (28/04/2026, 18:30), French jj/mm/aaaa (28/04/2026 18:30). DateTimeField reads what is
 * typed in the same order.
 */
export function dateLocale(language: UiLanguage): string {
  return language === 'fr' ? 'fr-FR' : 'en-GB';
}

const formats = new Map<string, Intl.DateTimeFormat>();
/** One formatter per language and form: a long Room list or record formats hundreds of dates. */
function formatter(language: UiLanguage, form: 'dateTime' | 'time' | 'words' | 'month'): Intl.DateTimeFormat {
  const key = `${language} ${form}`;
  let f = formats.get(key);
  if (!f) {
    const options: Intl.DateTimeFormatOptions =
      form === 'month'
        ? { month: 'long' }
        : { dateStyle: form === 'words' ? 'full' : form === 'dateTime' ? 'short' : undefined, timeStyle: 'short', hourCycle: 'h23' };
    f = new Intl.DateTimeFormat(dateLocale(language), options);
    formats.set(key, f);
  }
  return f;
}

/** A date and time as the interface writes them: "28/04/2026, 18:30" in English, "28/04/2026 18:30" in French. */
export function formatDateTime(iso: string, language: UiLanguage): string {
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? iso : formatter(language, 'dateTime').format(at);
}

/** A deadline as people say it: the time alone today ("18:00"), the date and time otherwise. */
export function deadlineWords(iso: string, language: UiLanguage, now: Date = new Date()): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  return formatter(language, at.toDateString() === now.toDateString() ? 'time' : 'dateTime').format(at);
}

/** A moment in words, to read back what was typed: "Friday 31 December 2027 at 17:00", "vendredi 31 décembre 2027 à 17:00". */
export function dateInWords(at: Date, language: UiLanguage): string {
  return formatter(language, 'words').format(at);
}

/** A month's name (1 to 12) in the interface language: "February", "février". */
export function monthName(month: number, language: UiLanguage): string {
  return formatter(language, 'month').format(new Date(2000, month - 1, 1));
}

/**
 * A revision's name in the interface language: the first is the zero draft ("Avant-projet" in French,
 * whatever the text's language, which its stored name follows); the others are "Rev.N" in both.
 */
export function revisionWords(revision: { number: number; name: string }, t: Translate): string {
  return revision.number === 0 ? t('fac.zeroDraft') : revision.name;
}
