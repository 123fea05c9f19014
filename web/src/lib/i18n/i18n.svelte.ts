// The interface language: Russian by default, English one click away; the choice is remembered.
import { en } from './en.ts';
import { ru, type MessageKey } from './ru.ts';

export type Locale = 'ru' | 'en';
const DICTIONARIES: Record<Locale, Record<MessageKey, string>> = { ru, en };
const STORAGE_KEY = 'soplan.locale';
const PLURAL_RULES: Record<Locale, Intl.PluralRules> = { ru: new Intl.PluralRules('ru'), en: new Intl.PluralRules('en') };
// One formatter per language: a big plan-graph names its months hundreds of times (headings, pickers).
const MONTH_FORMATS: Record<Locale, Intl.DateTimeFormat> = {
  ru: new Intl.DateTimeFormat('ru-RU', { month: 'long', year: 'numeric', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }),
};
const PLURAL = /\{(\w+), plural, ((?:\w+ \{[^}]*\}\s*)+)\}/g;

class LocaleManager {
  #locale = $state<Locale>('ru');

  constructor() {
    if (typeof localStorage !== 'undefined' && localStorage.getItem(STORAGE_KEY) === 'en') this.#locale = 'en';
  }

  get current(): Locale {
    return this.#locale;
  }

  set(locale: Locale): void {
    this.#locale = locale;
    if (typeof localStorage !== 'undefined') localStorage.setItem(STORAGE_KEY, locale);
    if (typeof document !== 'undefined') document.documentElement.lang = locale;
  }

  toggle(): void {
    this.set(this.#locale === 'ru' ? 'en' : 'ru');
  }

  /**
   * A message with its parameters filled in. `{n, plural, one {# доска} few {# доски} many {# досок} other {# доски}}`
   * picks the form by the language's plural rules (Russian has four), `#` standing for the number.
   */
  t = (key: MessageKey, params: Record<string, string | number> = {}): string => {
    const rules = PLURAL_RULES[this.#locale];
    return DICTIONARIES[this.#locale][key]
      .replace(PLURAL, (_, name: string, branches: string) => {
        const n = Number(params[name] ?? 0);
        const forms = Object.fromEntries([...branches.matchAll(/(\w+) \{([^}]*)\}/g)].map((m) => [m[1]!, m[2]!]));
        return (forms[rules.select(n)] ?? forms.other ?? '').replace(/#/g, String(n));
      })
      .replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
  };

  /** A date, or a range of dates («1 октября 2026 г. – 31 декабря 2026 г.»). */
  formatRange = (start: string, end: string | null): string =>
    !end || end === start ? this.formatDate(start) : `${this.formatDate(start)} – ${this.formatDate(end)}`;

  formatDateTime = (ms: number): string =>
    new Date(ms).toLocaleString(this.#locale === 'ru' ? 'ru-RU' : 'en-GB', { day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' });

  formatDate = (iso: string): string =>
    new Date(iso).toLocaleDateString(this.#locale === 'ru' ? 'ru-RU' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric' });

  /** A plan month `YYYY-MM` as a heading or an option: «Сентябрь 2025», "September 2025". */
  formatMonth = (month: string): string => {
    // A junk month some client wrote («2021-13», «сентябрь») is shown as it is.
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) return month;
    const [y, m] = month.split('-').map(Number) as [number, number];
    const name = MONTH_FORMATS[this.#locale].format(new Date(Date.UTC(y, m - 1, 1)));
    return (name.charAt(0).toUpperCase() + name.slice(1)).replace(/ г\.$/, '');
  };

  /** How a date is typed in this language: «дд.мм.гггг» in Russian, dd/mm/yyyy in English (British order, as the documents). */
  get dateSeparator(): string {
    return this.#locale === 'ru' ? '.' : '/';
  }

  /** An ISO date as it is typed: «12.10.2021», "12/10/2021". */
  formatNumericDate = (iso: string): string => {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
    return match ? [match[3], match[2], match[1]].join(this.dateSeparator) : iso;
  };
}

export const i18n = new LocaleManager();
export const t = i18n.t;
export type { MessageKey };
