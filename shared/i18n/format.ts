/**
 * How a message becomes text: placeholders %{name} filled from params, and plural forms chosen
 * with Intl.PluralRules for the `count` parameter ({ one, other } in English; Vietnamese has only
 * `other`). Catalog types live here so every surface's catalog has the same shape.
 */

export type Locale = 'vi' | 'en';

export type MessageParams = Readonly<Record<string, string | number>>;

/** A message: one template, or plural forms keyed by Intl.PluralRules category. */
export type Message =
  | string
  | {
      readonly other: string;
      readonly one?: string;
      readonly zero?: string;
      readonly two?: string;
      readonly few?: string;
      readonly many?: string;
    };

export type Catalog<K extends string> = { readonly [P in K]: Message };
export type Catalogs<K extends string> = Readonly<Record<Locale, Catalog<K>>>;

/** Picks a supported locale from a language tag such as "en-GB"; Vietnamese otherwise. */
export function resolveLocale(tag: string | null | undefined): Locale {
  const primary = (tag ?? '').trim().toLowerCase().split(/[-_]/)[0];
  return primary === 'en' ? 'en' : 'vi';
}

/** The template for `params.count` among a message's plural forms. */
function template(locale: Locale, message: Message, params: MessageParams): string {
  if (typeof message === 'string') return message;
  const count = params.count;
  if (typeof count !== 'number') return message.other;
  const category = new Intl.PluralRules(locale).select(count) as keyof Exclude<Message, string>;
  return message[category] ?? message.other;
}

/** Formats `message` in `locale`; unknown placeholders stay visible. */
export function formatMessage(locale: Locale, message: Message, params: MessageParams = {}): string {
  return template(locale, message, params).replace(/%\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** A `t(id, params)` for one surface's catalogs in one locale. */
export function translator<K extends string>(catalogs: Catalogs<K>, locale: Locale): (id: K, params?: MessageParams) => string {
  const catalog = catalogs[locale];
  return (id, params) => formatMessage(locale, catalog[id], params);
}
