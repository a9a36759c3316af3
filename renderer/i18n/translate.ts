import { createContext, useContext } from 'react';
import { en, type Message, type MessageKey, type Messages } from './en';
import { fr } from './fr';

/** The interface languages. The text's own language is independent of these. */
export type UiLanguage = 'en' | 'fr';

export const MESSAGES: Record<UiLanguage, Messages> = { en, fr };

/** A translator: a message by key, with `{name}` placeholders filled. */
export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

/** The form of a message for a count: "1 open proposal", "2 open proposals"; in French, 0 and 1 are singular. */
export function pluralForm(message: Message, rules: Intl.PluralRules, count: unknown): string {
  if (typeof message === 'string') return message;
  const n = Number(count);
  return (Number.isFinite(n) ? message[rules.select(n)] : undefined) ?? message.other;
}

/**
 * The locale numbers are written in: the user's own regional form of the interface language when the
 * system prefers one (fr-CH, en-US), else fr-FR or en-GB. Dates are not: they follow the interface
 * language's United Nations form whatever the region (`dateLocale` in renderer/ui/format.ts).
 */
export function uiLocale(language: UiLanguage, preferred: readonly string[] = typeof navigator === 'undefined' ? [] : navigator.languages ?? []): string {
  return preferred.find((l) => l.toLowerCase().split('-')[0] === language && l.includes('-')) ?? (language === 'fr' ? 'fr-FR' : 'en-GB');
}

const FRENCH_ARTICLE = /\b(le|du|au|de) (?=\{label\})/gu;

/**
 * French articles before a paragraph's label, as the label is spoken: "de l’OP2", "sur l’OP2" (elided before
 * a vowel), "du PP3", and "du paragraphe 4 bis" for a declaration's paragraph, whose label is a bare number.
 */
export function frenchArticle(article: string, label: string): string {
  if (/^[AEIOUÉ]/u.test(label)) return { le: 'l’', du: 'de l’', au: 'à l’', de: 'de l’' }[article] ?? `${article} `;
  if (/^\d/u.test(label)) return `${article === 'de' ? 'du' : article} paragraphe `;
  return `${article} `;
}

/** The translator for a language: numbers in placeholders are written as the language writes them (1 000 in French). */
export function translator(language: UiLanguage, locale: string = uiLocale(language)): Translate {
  const messages = MESSAGES[language];
  const rules = new Intl.PluralRules(language);
  const number = new Intl.NumberFormat(locale);
  const shown = (value: string | number): string => (typeof value === 'number' ? number.format(value) : value);
  return (key, values) => {
    let message = pluralForm(messages[key], rules, values?.count);
    const label = values?.label;
    if (language === 'fr' && typeof label === 'string') message = message.replace(FRENCH_ARTICLE, (_, article: string) => frenchArticle(article, label));
    return message.replace(/\{(\w+)\}/g, (whole, name: string) => (values && name in values ? shown(values[name]!) : whole));
  };
}

/** The interface language and its translator, provided at the root. */
export const I18nContext = createContext<{ language: UiLanguage; t: Translate; setLanguage(l: UiLanguage): void }>({
  language: 'en',
  t: translator('en'),
  setLanguage: () => undefined,
});

/** The current translator. */
export function useT(): Translate {
  return useContext(I18nContext).t;
}
