/**
 * Message lookup for every interface (widget, extension, CLI, collector). Messages are ids with
 * parameters, never sentences baked into code, so each user sees their own language.
 */
import { en } from './en';
import { vi, type Catalog, type MessageId } from './vi';

export type Locale = 'vi' | 'en';
export type { MessageId, Catalog };
export const catalogs: Record<Locale, Catalog> = { vi, en };

/** Picks a supported locale from a language tag such as "en-GB"; Vietnamese otherwise. */
export function resolveLocale(tag: string | null | undefined): Locale {
  const primary = (tag ?? '').trim().toLowerCase().split(/[-_]/)[0];
  return primary === 'en' ? 'en' : 'vi';
}

export type MessageParams = Readonly<Record<string, string | number>>;

/** Formats message `id` in `locale`, replacing %{name} with params; unknown placeholders stay visible. */
export function translate(locale: Locale, id: MessageId, params: MessageParams = {}): string {
  const template = catalogs[locale][id];
  return template.replace(/%\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}
