import { useTranslation } from 'react-i18next';

const LOCALES = { fr: 'fr-FR', en: 'en-GB' } as const;

/** The Intl locale of the interface language: fr-FR by default. */
export function intlLocale(language: string): string {
  return language.startsWith('en') ? LOCALES.en : LOCALES.fr;
}

/** Number and date formatters that follow the interface language. */
export function useFormat() {
  const { i18n } = useTranslation();
  const locale = intlLocale(i18n.language);
  return {
    number: (value: number) => new Intl.NumberFormat(locale).format(value),
    percent: (share: number) =>
      new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(share),
    date: (iso: string) => new Intl.DateTimeFormat(locale, { dateStyle: 'long' }).format(new Date(iso)),
    dateTime: (iso: string) =>
      new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso)),
  };
}
