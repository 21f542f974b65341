/**
 * Options page: the auditor's name and unit (written beside every decision, into saved audits and
 * onto the printed minutes), the interface language, the national-record source (an http(s)
 * address with {code}), and site profiles (extra label spellings and CSS selectors per portal,
 * edited, loaded and downloaded as JSON; the audit script passes them to the engine). A selector
 * is checked with the browser's own parser before saving, and a bad one is named in the auditor's
 * language. Stored in storage.local; pages read them when they open.
 */
import { useEffect } from 'preact/hooks';
import { useSignal } from '@preact/signals';
import { ELEMENT_IDS } from '../../../shared/checklist';
import type { ExtensionMessageId } from '../../../shared/i18n/extension';
import { isRecordSource, saveOptions, type Options } from '../../messaging/storage';
import { loadProfiles, parseProfiles, saveProfiles } from '../../messaging/profiles';
import { storageErrorId } from '../../storage/errors';
import { download, mountPage, useUi } from '../../ui/page';
import '../sidepanel/style.css';
import './style.css';

/** Whether the browser's own CSS parser accepts `selector` (what the audit script will use). */
function isSelector(selector: string): boolean {
  try {
    document.createDocumentFragment().querySelector(selector);
    return true;
  } catch {
    return false;
  }
}

function Profiles() {
  const { t } = useUi();
  const text = useSignal('');
  const notice = useSignal<{ id: ExtensionMessageId; params: Record<string, string | number>; error: boolean } | null>(null);
  useEffect(() => {
    void loadProfiles().then((profiles) => (text.value = JSON.stringify(profiles, null, 2)));
  }, []);
  async function save(event: Event): Promise<void> {
    event.preventDefault();
    const parsed = parseProfiles(text.value, isSelector);
    if (!parsed.ok) {
      const id = parsed.invalid ? 'extension.profiles.invalidSelector' : 'extension.profiles.invalid';
      notice.value = { id, params: { where: parsed.error }, error: true };
      return;
    }
    try {
      await saveProfiles(parsed.profiles);
    } catch (error) {
      notice.value = { id: storageErrorId(error), params: {}, error: true };
      return;
    }
    text.value = JSON.stringify(parsed.profiles, null, 2);
    notice.value = { id: 'extension.profiles.saved', params: { count: parsed.profiles.length }, error: false };
  }
  return (
    <section aria-labelledby="profiles-title">
      <h2 id="profiles-title">{t('extension.profiles.title')}</h2>
      <p id="profiles-help">{t('extension.profiles.help', { ids: ELEMENT_IDS.join(', ') })}</p>
      <form onSubmit={(e) => void save(e)}>
        <label for="profiles">{t('extension.profiles.label')}</label>
        <textarea
          id="profiles"
          name="profiles"
          rows={10}
          spellcheck={false}
          aria-describedby="profiles-help"
          aria-invalid={notice.value?.error ?? false}
          value={text.value}
          onInput={(e) => (text.value = e.currentTarget.value)}
        />
        <div class="actions">
          <button type="submit" data-action="save-profiles">
            {t('extension.profiles.save')}
          </button>
          <button type="button" class="secondary" onClick={() => download('tthc-site-profiles.json', 'application/json', text.value)}>
            {t('extension.profiles.export')}
          </button>
          <label class="file">
            {t('extension.profiles.import')}
            <input
              type="file"
              accept="application/json,.json"
              onChange={(e) => void e.currentTarget.files?.[0]?.text().then((content) => (text.value = content))}
            />
          </label>
        </div>
      </form>
      <p role="status" class={`notice ${notice.value?.error ? 'error' : ''}`} data-notice={notice.value?.id ?? ''}>
        {notice.value ? t(notice.value.id, notice.value.params) : ''}
      </p>
    </section>
  );
}

function App() {
  const { t, options } = useUi();
  const draft = useSignal<Options>({ ...options });
  const saved = useSignal(false);
  const failed = useSignal<ExtensionMessageId | null>(null);
  const sourceInvalid = useSignal(false);
  const set = (patch: Partial<Options>) => {
    draft.value = { ...draft.value, ...patch };
    saved.value = false;
  };
  async function submit(event: Event): Promise<void> {
    event.preventDefault();
    const source = draft.value.recordSource.trim();
    sourceInvalid.value = source !== '' && !isRecordSource(source);
    if (sourceInvalid.value) return;
    try {
      await saveOptions({ ...draft.value, recordSource: source });
    } catch (error) {
      failed.value = storageErrorId(error);
      return;
    }
    failed.value = null;
    saved.value = true;
  }
  return (
    <main class="options">
      <h1>{t('extension.options.title')}</h1>
      <form noValidate onSubmit={(e) => void submit(e)}>
        <label for="auditor-name">{t('extension.options.auditorName')}</label>
        <input
          id="auditor-name"
          name="auditorName"
          maxLength={200}
          value={draft.value.auditorName}
          onInput={(e) => set({ auditorName: e.currentTarget.value })}
        />
        <label for="unit">{t('extension.options.unit')}</label>
        <input id="unit" name="unit" maxLength={300} value={draft.value.unit} onInput={(e) => set({ unit: e.currentTarget.value })} />
        <label for="locale">{t('extension.options.language')}</label>
        <select
          id="locale"
          name="locale"
          value={draft.value.locale}
          onChange={(e) => set({ locale: e.currentTarget.value === 'en' ? 'en' : 'vi' })}
        >
          <option value="vi" lang="vi">
            {t('extension.options.vi')}
          </option>
          <option value="en" lang="en">
            {t('extension.options.en')}
          </option>
        </select>
        <label for="record-source">{t('extension.options.recordSource')}</label>
        <input
          id="record-source"
          name="recordSource"
          type="url"
          maxLength={2000}
          aria-describedby="record-source-help"
          aria-invalid={sourceInvalid.value}
          value={draft.value.recordSource}
          onInput={(e) => set({ recordSource: e.currentTarget.value })}
        />
        <small id="record-source-help">{t('extension.options.recordSourceHelp')}</small>
        {sourceInvalid.value && (
          <p class="error" role="alert">
            {t('extension.options.recordSourceInvalid')}
          </p>
        )}
        <button type="submit" data-action="save-options">
          {t('extension.options.save')}
        </button>
      </form>
      <p
        role="status"
        class={`notice ${failed.value ? 'error' : ''}`}
        data-notice={failed.value ?? (saved.value ? 'extension.options.saved' : '')}
      >
        {failed.value ? t(failed.value) : saved.value ? t('extension.options.saved') : ''}
      </p>
      <Profiles />
    </main>
  );
}

void mountPage(App, 'extension.options.title');
