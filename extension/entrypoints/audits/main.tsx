/**
 * History page (audits.html: an entrypoint named "history" would be made the override of the
 * browser's own history page): every saved audit, newest first, filtered by page, code or name,
 * by status and by date; each can be compared with the previous audit of the same page (fixed,
 * newly missing, changed values, through `diffReports`/`diffText` of shared/report), downloaded
 * as CSV or JSON, printed as minutes, or deleted. The whole history is exported and imported as
 * one JSON file (storage.ts parses it; a file that does not parse imports nothing).
 */
import { useEffect } from 'preact/hooks';
import { useSignal } from '@preact/signals';
import { browser } from 'wxt/browser';
import { diffReports, diffText, effectiveCounts, summaryText, toCsv, toJson } from '../../../shared/report';
import {
  deleteAudit,
  exportHistory,
  importHistory,
  loadHistoryState,
  pageKey,
  previousAudit,
  type HistoryEntry,
  type HistoryState,
} from '../../messaging/storage';
import { download, fileStem, formatTime, mountPage, useUi } from '../../ui/page';
import type { ExtensionMessageId } from '../../../shared/i18n/extension';
import { storageErrorId } from '../../storage/errors';
import '../sidepanel/style.css';
import './style.css';

type StatusFilter = 'all' | 'fail' | 'review';

function host(url: string | null): string {
  try {
    return url ? new URL(url).host : '';
  } catch {
    return url ?? '';
  }
}

function Comparison({ entry, entries }: { entry: HistoryEntry; entries: readonly HistoryEntry[] }) {
  const { t, locale } = useUi();
  const before = previousAudit(entries, entry);
  if (!before) return <p data-compare="none">{t('extension.history.noPrevious')}</p>;
  const lines = diffText(diffReports(before.report, entry.report), locale);
  const same = before.textHash && entry.textHash ? before.textHash === entry.textHash : null;
  return (
    <div data-compare={entry.id}>
      <p>
        <strong>{t('extension.history.compareTitle', { date: formatTime(before.savedAt, locale) })}</strong>
      </p>
      {same !== null && <p>{t(same ? 'extension.history.pageSame' : 'extension.history.pageChanged')}</p>}
      <ul class="changes">
        {lines.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </div>
  );
}

function App() {
  const { t, locale } = useUi();
  const entries = useSignal<HistoryEntry[] | null>(null);
  const state = useSignal<Pick<HistoryState, 'blocked'> & { unreadable: number }>({ blocked: null, unreadable: 0 });
  const text = useSignal('');
  const status = useSignal<StatusFilter>('all');
  const from = useSignal('');
  const comparing = useSignal<string | null>(null);
  const notice = useSignal<{ id: ExtensionMessageId; count?: number; tone: 'info' | 'error' } | null>(null);

  const reload = async () => {
    const loaded = await loadHistoryState();
    entries.value = loaded.entries;
    state.value = { blocked: loaded.blocked, unreadable: loaded.unreadable.length };
  };
  useEffect(() => {
    void reload();
  }, []);

  async function onImport(file: File | undefined): Promise<void> {
    if (!file) return;
    const result = await importHistory(await file.text());
    const failed = {
      invalid: 'extension.history.importFailed',
      newer: 'extension.history.importNewer',
      blocked: 'extension.storage.blocked',
    } as const;
    notice.value = result.ok
      ? { id: 'extension.history.imported', count: result.imported, tone: 'info' }
      : { id: failed[result.why], tone: 'error' };
    await reload();
  }

  const all = entries.value ?? [];
  const query = text.value.trim().toLowerCase();
  const shown = all.filter((e) => {
    const counts = effectiveCounts(e.report);
    if (status.value === 'fail' && counts.fail === 0) return false;
    if (status.value === 'review' && counts.review === 0) return false;
    if (from.value && e.savedAt.slice(0, 10) < from.value) return false;
    if (!query) return true;
    return [pageKey(e.report.page.url), e.report.procedure.code ?? '', e.report.procedure.name ?? ''].some((v) =>
      v.toLowerCase().includes(query),
    );
  });

  return (
    <main class="wide">
      <h1>{t('extension.history.title')}</h1>
      <div class="toolbar">
        <button
          type="button"
          data-action="export-history"
          onClick={() => download('tthc-audit-history.json', 'application/json', exportHistory(all))}
        >
          {t('extension.history.export')}
        </button>
        <label class="file">
          {t('extension.history.import')}
          <input
            type="file"
            accept="application/json,.json"
            data-action="import-history"
            onChange={(e) => void onImport(e.currentTarget.files?.[0])}
          />
        </label>
      </div>
      <p class={`notice ${notice.value?.tone ?? ''}`} role="status" data-notice={notice.value?.id ?? ''}>
        {notice.value ? t(notice.value.id, { count: notice.value.count ?? 0 }) : ''}
      </p>
      <div class="filters">
        <label>
          {t('extension.history.filter')}
          <input type="search" data-filter="text" value={text.value} onInput={(e) => (text.value = e.currentTarget.value)} />
        </label>
        <label>
          {t('extension.history.filterStatus')}
          <select data-filter="status" value={status.value} onChange={(e) => (status.value = e.currentTarget.value as StatusFilter)}>
            <option value="all">{t('extension.history.filterAll')}</option>
            <option value="fail">{t('extension.history.filterFail')}</option>
            <option value="review">{t('extension.history.filterReview')}</option>
          </select>
        </label>
        <label>
          {t('extension.history.from')}
          <input type="date" data-filter="from" value={from.value} onInput={(e) => (from.value = e.currentTarget.value)} />
        </label>
      </div>
      {state.value.blocked && (
        <p class="notice error" data-history-blocked>
          {t('extension.history.blocked', { from: state.value.blocked.from, to: state.value.blocked.to })}
        </p>
      )}
      {state.value.unreadable > 0 && (
        <p class="notice error" data-history-unreadable>
          {t('extension.history.unreadable', { count: state.value.unreadable })}
        </p>
      )}
      {entries.value && all.length === 0 && <p data-empty>{t('extension.history.empty')}</p>}
      {all.length > 0 && (
        <>
          <p>{t('extension.history.count', { count: shown.length })}</p>
          <table class="history">
            <thead>
              <tr>
                <th scope="col">{t('extension.history.colTime')}</th>
                <th scope="col">{t('extension.history.colPage')}</th>
                <th scope="col">{t('extension.history.colProcedure')}</th>
                <th scope="col">{t('extension.history.colSummary')}</th>
                <th scope="col">{t('extension.history.colAuditor')}</th>
                <th scope="col">{t('extension.history.colActions')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((e) => (
                <>
                  <tr key={e.id} data-entry={e.id}>
                    <td>{formatTime(e.savedAt, locale)}</td>
                    <td>
                      <a href={e.report.page.url ?? undefined} target="_blank" rel="noreferrer">
                        {host(e.report.page.url)}
                      </a>
                    </td>
                    <td>
                      {e.report.procedure.code && <span class="code">{e.report.procedure.code} </span>}
                      {e.report.procedure.name ?? e.report.page.title}
                    </td>
                    <td>{summaryText(effectiveCounts(e.report), locale)}</td>
                    <td>{[e.auditor, e.unit].filter(Boolean).join(', ')}</td>
                    <td class="actions">
                      <button
                        type="button"
                        class="link"
                        data-action="compare"
                        aria-expanded={comparing.value === e.id}
                        onClick={() => (comparing.value = comparing.value === e.id ? null : e.id)}
                      >
                        {t('extension.history.compare')}
                      </button>
                      <button
                        type="button"
                        class="link"
                        onClick={() =>
                          download(
                            `${fileStem(e.report.procedure.code, e.savedAt)}.csv`,
                            'text/csv;charset=utf-8',
                            toCsv([e.report], locale),
                          )
                        }
                      >
                        {t('extension.export.csv')}
                      </button>
                      <button
                        type="button"
                        class="link"
                        onClick={() =>
                          download(`${fileStem(e.report.procedure.code, e.savedAt)}.json`, 'application/json', toJson([e.report]))
                        }
                      >
                        {t('extension.export.json')}
                      </button>
                      <a
                        class="link"
                        data-action="print"
                        href={browser.runtime.getURL(`/report.html?id=${encodeURIComponent(e.id)}` as '/report.html')}
                      >
                        {t('extension.export.print')}
                      </a>
                      <button
                        type="button"
                        class="link"
                        onClick={() =>
                          void deleteAudit(e.id).then(
                            reload,
                            (error: unknown) => (notice.value = { id: storageErrorId(error), tone: 'error' }),
                          )
                        }
                      >
                        {t('extension.history.delete')}
                      </button>
                    </td>
                  </tr>
                  {comparing.value === e.id && (
                    <tr key={`${e.id}-compare`}>
                      <td colSpan={6}>
                        <Comparison entry={e} entries={all} />
                      </td>
                    </tr>
                  )}
                </>
              ))}
            </tbody>
          </table>
        </>
      )}
    </main>
  );
}

void mountPage(App, 'extension.history.title');
