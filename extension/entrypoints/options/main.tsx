/**
 * Options page: the auditor's name and unit (written beside every decision, into saved audits and
 * onto the printed minutes) and the interface language. Stored in storage.local through
 * storage.ts; pages read them when they open. Still to come: the national-record source and
 * site profiles.
 */
import { useSignal } from '@preact/signals';
import { saveOptions, type Options } from '../../messaging/storage';
import { mountPage, useUi } from '../../ui/page';
import '../sidepanel/style.css';
import './style.css';

function App() {
  const { t, options } = useUi();
  const draft = useSignal<Options>({ ...options });
  const saved = useSignal(false);
  const set = (patch: Partial<Options>) => {
    draft.value = { ...draft.value, ...patch };
    saved.value = false;
  };
  async function submit(event: Event): Promise<void> {
    event.preventDefault();
    await saveOptions(draft.value);
    saved.value = true;
  }
  return (
    <main class="options">
      <h1>{t('extension.options.title')}</h1>
      <form onSubmit={(e) => void submit(e)}>
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
        <button type="submit" data-action="save-options">
          {t('extension.options.save')}
        </button>
      </form>
      <p role="status" class="notice" data-notice={saved.value ? 'extension.options.saved' : ''}>
        {saved.value ? t('extension.options.saved') : ''}
      </p>
    </main>
  );
}

void mountPage(App, 'extension.options.title');
