// The interface language: Russian by default, English one click away; the choice is remembered.
import { en } from './en.ts';
import { ru, type MessageKey } from './ru.ts';

export type Locale = 'ru' | 'en';
const DICTIONARIES: Record<Locale, Record<MessageKey, string>> = { ru, en };
const STORAGE_KEY = 'soplan.locale';

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

  t = (key: MessageKey, params: Record<string, string | number> = {}): string =>
    DICTIONARIES[this.#locale][key].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));

  formatDate = (iso: string): string =>
    new Date(iso).toLocaleDateString(this.#locale === 'ru' ? 'ru-RU' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
}

export const i18n = new LocaleManager();
export const t = i18n.t;
export type { MessageKey };
