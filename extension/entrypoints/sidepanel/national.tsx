/**
 * The side panel's comparison with the national database: the auditor loads record files (JSON in
 * the national database's shape; several files or a whole folder), the record with the page's
 * procedure code is found, and each
 * element is shown as matching, differing (both texts, the differing words marked), missing on the
 * page, or absent from the record. With a record source in the options, the record of the page's
 * code is fetched from it; a server that does not allow the extension (no CORS) is asked for
 * through optional host permission, from a button the auditor clicks. Imported and fetched
 * records are kept on this computer by code (messaging/national.ts, size-limited), so the
 * comparison is there again when the panel is reopened; the auditor can delete them.
 */
import { useEffect } from 'preact/hooks';
import { useSignal } from '@preact/signals';
import { browser } from 'wxt/browser';
import type { AuditReport } from '../../../shared/audit/types';
import type { ExtensionMessageId } from '../../../shared/i18n/extension';
import { compareWithRecord, elementName, recordFor, type ElementComparison, type NationalRecord } from '../../../shared/report';
import { NATIONAL_LIMIT_BYTES, clearKeptRecords, keepRecords, loadKeptRecords, parseRecordFile } from '../../messaging/national';
import { storageErrorId } from '../../storage/errors';

const KB = (n: number) => Math.ceil(n / 1024);
import { useUi } from '../../ui/page';

const OUTCOME: Record<ElementComparison['outcome'], ExtensionMessageId> = {
  matches: 'extension.national.matches',
  differs: 'extension.national.differs',
  'missing-here': 'extension.national.missingHere',
  'not-in-record': 'extension.national.notInRecord',
};

function Words({ item, side }: { item: ElementComparison; side: 'page' | 'record' }) {
  return (
    <>
      {(item.words ?? [])
        .filter((w) => w.op === 'same' || w.op === side)
        .map((w, i) => {
          const text = `${i > 0 ? ' ' : ''}${w.text}`;
          if (w.op === 'same') return <span key={i}>{text}</span>;
          return side === 'page' ? <del key={i}>{text}</del> : <mark key={i}>{text}</mark>;
        })}
    </>
  );
}

export function NationalComparison({ report }: { report: AuditReport }) {
  const { t, locale, options } = useUi();
  const records = useSignal<NationalRecord[]>([]);
  const notice = useSignal<{ id: ExtensionMessageId; count?: number; params?: Record<string, string> } | null>(null);
  const needsGrant = useSignal<string | null>(null);
  /** What is kept on this computer: how many records, how much room; and what the last save said. */
  const kept = useSignal<{ count: number; bytes: number; evicted: number; tooBig: number } | null>(null);
  const keepError = useSignal<ExtensionMessageId | null>(null);
  useEffect(() => {
    void loadKeptRecords().then((state) => {
      records.value = [...records.value, ...state.records];
      kept.value = { count: state.count, bytes: state.bytes, evicted: 0, tooBig: 0 };
    });
  }, []);

  /** Uses `loaded` now and keeps them for the next time the panel opens. */
  async function use(loaded: NationalRecord[], source: 'file' | 'url'): Promise<void> {
    const codes = new Set(loaded.map((r) => r.ma_thu_tuc));
    records.value = [...loaded, ...records.value.filter((r) => !codes.has(r.ma_thu_tuc))];
    keepError.value = null;
    try {
      const state = await keepRecords(loaded, source);
      kept.value = { count: state.count, bytes: state.bytes, evicted: state.evicted, tooBig: state.tooBig };
    } catch (error) {
      keepError.value = storageErrorId(error);
    }
  }
  async function clear(): Promise<void> {
    try {
      await clearKeptRecords();
    } catch (error) {
      keepError.value = storageErrorId(error);
      return;
    }
    records.value = [];
    kept.value = { count: 0, bytes: 0, evicted: 0, tooBig: 0 };
    notice.value = { id: 'extension.national.cleared' };
  }
  const code = report.procedure.code;
  const sourceUrl = code && options.recordSource ? options.recordSource.replace('{code}', encodeURIComponent(code)) : null;
  const origin = sourceUrl ? new URL(sourceUrl).origin : '';

  async function fetchRecord(): Promise<void> {
    if (!sourceUrl || !code) return;
    try {
      const response = await fetch(sourceUrl, { credentials: 'omit', cache: 'no-cache' });
      const parsed = response.ok ? parseRecordFile(await response.text()) : null;
      if (!parsed) {
        notice.value = { id: 'extension.national.invalid' };
        return;
      }
      await use(parsed, 'url');
      needsGrant.value = null;
      notice.value = { id: 'extension.national.fetched', params: { code } };
    } catch {
      // Network error or CORS refusal: host permission for the origin lets the extension read it.
      needsGrant.value = origin;
      notice.value = { id: 'extension.national.fetchFailed', params: { origin } };
    }
  }
  function grant(): void {
    // Called straight from the click: browsers ask for permissions only during a user gesture.
    void browser.permissions.request({ origins: [`${origin}/*`] }).then(
      (granted) => {
        if (granted) void fetchRecord();
        else notice.value = { id: 'extension.national.grantRefused', params: { origin } };
      },
      () => (notice.value = { id: 'extension.national.grantRefused', params: { origin } }),
    );
  }

  async function load(files: FileList | null): Promise<void> {
    const loaded: NationalRecord[] = [];
    // A folder brings every file in it: only the .json ones are records.
    for (const file of [...(files ?? [])].filter((f) => /\.json$/i.test(f.name))) {
      const parsed = parseRecordFile(await file.text());
      if (!parsed) {
        notice.value = { id: 'extension.national.invalid' };
        return;
      }
      loaded.push(...parsed);
    }
    await use(loaded, 'file');
    notice.value = { id: 'extension.national.loaded', count: loaded.length };
  }

  const record = recordFor(report, records.value);
  const comparison = record ? compareWithRecord(report, record) : [];
  return (
    <section class="national" aria-labelledby="national-title">
      <h3 id="national-title">{t('extension.national.title')}</h3>
      <label class="file">
        {t('extension.national.load')}
        <input
          type="file"
          accept="application/json,.json"
          multiple
          data-action="load-records"
          onChange={(e) => void load(e.currentTarget.files)}
        />
      </label>
      <label class="file">
        {t('extension.national.loadFolder')}
        <input
          type="file"
          multiple
          data-action="load-record-folder"
          {...{ webkitdirectory: true }}
          onChange={(e) => void load(e.currentTarget.files)}
        />
      </label>
      {sourceUrl && code && (
        <button type="button" class="secondary" data-action="fetch-record" onClick={() => void fetchRecord()}>
          {t('extension.national.fetch', { code })}
        </button>
      )}
      {needsGrant.value && (
        <button type="button" class="secondary" data-action="grant-record-source" onClick={grant}>
          {t('extension.national.grant', { origin: needsGrant.value })}
        </button>
      )}
      <p role="status" data-national-notice={notice.value?.id ?? ''}>
        {notice.value ? t(notice.value.id, { count: notice.value.count ?? 0, ...notice.value.params }) : ''}
      </p>
      {kept.value && kept.value.count > 0 && (
        <p data-national-kept={kept.value.count}>
          {t('extension.national.stored', { count: kept.value.count, size: KB(kept.value.bytes), limit: KB(NATIONAL_LIMIT_BYTES) })}{' '}
          {kept.value.evicted > 0 && t('extension.national.evicted', { count: kept.value.evicted })}{' '}
          <button type="button" class="link" data-action="clear-records" onClick={() => void clear()}>
            {t('extension.national.clear')}
          </button>
        </p>
      )}
      {kept.value && kept.value.tooBig > 0 && <p class="error">{t('extension.national.tooBig', { limit: KB(NATIONAL_LIMIT_BYTES) })}</p>}
      {keepError.value && <p class="error">{t(keepError.value)}</p>}
      {records.value.length > 0 && !code && <p>{t('extension.national.noCode')}</p>}
      {records.value.length > 0 && code && !record && <p data-national="none">{t('extension.national.noRecord', { code })}</p>}
      {record && (
        <>
          <p class="legend">{t('extension.national.legend')}</p>
          <ul class="comparison">
            {comparison.map((c) => (
              <li key={c.id} data-compare-element={c.id} data-outcome={c.outcome}>
                <strong>{elementName(c.id, locale)}</strong>: <span class="outcome">{t(OUTCOME[c.outcome])}</span>
                {c.outcome === 'differs' && (
                  <dl>
                    <dt>{t('extension.national.page')}</dt>
                    <dd data-side="page">
                      <Words item={c} side="page" />
                    </dd>
                    <dt>{t('extension.national.record')}</dt>
                    <dd data-side="record">
                      <Words item={c} side="record" />
                    </dd>
                  </dl>
                )}
                {c.outcome === 'missing-here' && c.record && (
                  <dl>
                    <dt>{t('extension.national.record')}</dt>
                    <dd data-side="record">{c.record}</dd>
                  </dl>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
