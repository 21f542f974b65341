/**
 * What every extension page shares: the auditor's options and language, read once when the page
 * mounts and handed down through a context (no module-level state), and downloads of generated
 * files. The page's lang attribute and title follow the chosen language.
 */
import { createContext, render, type ComponentType } from 'preact';
import { useContext } from 'preact/hooks';
import { extensionCatalogs, type ExtensionMessageId } from '../../shared/i18n/extension';
import { translator, type Locale } from '../../shared/i18n/format';
import { loadOptions, type Options } from '../messaging/storage';

export interface Ui {
  locale: Locale;
  t: ReturnType<typeof translator<ExtensionMessageId>>;
  options: Options;
}

const UiContext = createContext<Ui | null>(null);

export function useUi(): Ui {
  const ui = useContext(UiContext);
  if (!ui) throw new Error('useUi outside mountPage');
  return ui;
}

/** Loads the options, then renders `App` into #app with the page title from the catalog. */
export async function mountPage(App: ComponentType, title: ExtensionMessageId): Promise<void> {
  const host = document.getElementById('app');
  if (!host) return;
  const options = await loadOptions();
  const ui: Ui = { locale: options.locale, t: translator(extensionCatalogs, options.locale), options };
  document.documentElement.lang = options.locale;
  document.title = ui.t(title);
  render(
    <UiContext.Provider value={ui}>
      <App />
    </UiContext.Provider>,
    host,
  );
}

/** Saves `text` as a file through the browser's download (no downloads permission needed). */
export function download(name: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A file name part from a procedure code or page: letters, digits, dots and dashes only. */
export function fileStem(code: string | null, savedAt: string): string {
  return `tthc-${(code ?? 'trang').replace(/[^0-9A-Za-z.-]/g, '_')}-${savedAt.slice(0, 10)}`;
}

export function formatTime(iso: string, locale: Locale): string {
  return new Date(iso).toLocaleString(locale === 'vi' ? 'vi-VN' : 'en-GB');
}
