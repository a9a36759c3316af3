import type { UiLanguage } from '../i18n/translate';

/** A date and time in the interface language (fr: 04/05/2026 18:00; en: 04/05/2026, 18:00 in en-GB, 5/4/26 in en-US). */
export function formatDateTime(iso: string, language: UiLanguage): string {
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? iso : at.toLocaleString(language === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'short', timeStyle: 'short' });
}
