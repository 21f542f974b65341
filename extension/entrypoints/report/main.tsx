/**
 * The printable minutes (report.html?id=<history id>): "Biên bản kiểm tra việc công khai thủ tục
 * hành chính" for one saved audit: unit, date, auditor, page, a table of every element and finding
 * with its result (the auditor's decision beside the machine's), the value or reason and the legal
 * basis, totals and signature lines. The browser prints it or saves it as PDF. Every report text
 * comes from shared/report.
 */
import { useEffect } from 'preact/hooks';
import { useSignal } from '@preact/signals';
import {
  effectiveCounts,
  effectiveStatus,
  elementName,
  legalRefText,
  overrideText,
  reasonText,
  resultDetail,
  statusLabel,
  summaryText,
} from '../../../shared/report';
import type { ElementResult, QualityFinding } from '../../../shared/checklist/types';
import { loadHistory, type HistoryEntry } from '../../messaging/storage';
import { formatTime, mountPage, useUi } from '../../ui/page';
import './style.css';

function StatusCell({ item }: { item: ElementResult | QualityFinding }) {
  const { locale } = useUi();
  return (
    <td data-status={effectiveStatus(item)}>
      <strong>{statusLabel(effectiveStatus(item), locale)}</strong>
      {item.override && (
        <span class="human">
          <br />
          {overrideText(item, locale)}: “{item.override.note}”
        </span>
      )}
    </td>
  );
}

function Minutes({ entry }: { entry: HistoryEntry }) {
  const { t, locale } = useUi();
  const r = entry.report;
  const blank = t('extension.minutes.blank');
  const findings = r.findings.filter((f) => f.status !== 'pass' || f.override);
  return (
    <article class="minutes">
      <header class="heading">
        <div class="unit">{entry.unit || blank}</div>
        <div class="nation">
          <strong>{t('extension.minutes.nation')}</strong>
          <br />
          <span class="motto">{t('extension.minutes.motto')}</span>
        </div>
      </header>
      <h1>{t('extension.minutes.title')}</h1>
      <p>
        {t('extension.minutes.intro', {
          date: formatTime(entry.savedAt, locale),
          auditor: entry.auditor || blank,
          unit: entry.unit || blank,
        })}
      </p>
      <p>{t('extension.minutes.page', { url: r.page.url ?? blank })}</p>
      <p>{t('extension.minutes.procedure', { name: r.procedure.name ?? r.page.title ?? blank, code: r.procedure.code ?? blank })}</p>
      {r.status === 'unscannable' ? (
        <p data-result="unscannable">{reasonText(r.unscannableReason, locale)}</p>
      ) : (
        <>
          <table class="results">
            <thead>
              <tr>
                <th scope="col">{t('extension.minutes.colIndex')}</th>
                <th scope="col">{t('extension.minutes.colElement')}</th>
                <th scope="col">{t('extension.minutes.colStatus')}</th>
                <th scope="col">{t('extension.minutes.colDetail')}</th>
                <th scope="col">{t('extension.minutes.colLaw')}</th>
              </tr>
            </thead>
            <tbody>
              {r.results.map((item, i) => (
                <tr key={item.id} data-element={item.id}>
                  <td>{i + 1}</td>
                  <td>{elementName(item.id, locale)}</td>
                  <StatusCell item={item} />
                  <td>{resultDetail(item, locale, 300)}</td>
                  <td>{legalRefText(item.legalRef, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {findings.length > 0 && (
            <>
              <h2>{t('extension.minutes.findings')}</h2>
              <table class="results">
                <tbody>
                  {findings.map((f, i) => (
                    <tr key={f.id} data-finding={f.id}>
                      <td>{i + 1}</td>
                      <td>{reasonText(f.reason, locale)}</td>
                      <StatusCell item={f} />
                      <td>{f.legalRef ? legalRefText(f.legalRef, locale) : ''}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
          <p class="totals">{t('extension.minutes.totals', { summary: summaryText(effectiveCounts(r), locale) })}</p>
          <p class="note">{t('extension.minutes.overrideNote')}</p>
        </>
      )}
      <p class="note">{t('extension.minutes.engine', { name: r.engine.name, version: r.engine.version, hash: entry.textHash ?? blank })}</p>
      <footer class="signatures">
        <div>
          <strong>{t('extension.minutes.signUnit')}</strong>
          <br />
          <em>{t('extension.minutes.signHint')}</em>
        </div>
        <div>
          <strong>{t('extension.minutes.signAuditor')}</strong>
          <br />
          <em>{t('extension.minutes.signHint')}</em>
          <p class="name">{entry.auditor}</p>
        </div>
      </footer>
    </article>
  );
}

function App() {
  const { t } = useUi();
  const entry = useSignal<HistoryEntry | null | undefined>(undefined);
  useEffect(() => {
    const id = new URLSearchParams(location.search).get('id');
    void loadHistory().then((all) => (entry.value = all.find((e) => e.id === id) ?? null));
  }, []);
  if (entry.value === undefined) return null;
  return (
    <main>
      <button type="button" class="no-print" data-action="print" onClick={() => print()}>
        {t('extension.minutes.print')}
      </button>
      {entry.value ? <Minutes entry={entry.value} /> : <p role="alert">{t('extension.minutes.notFound')}</p>}
    </main>
  );
}

void mountPage(App, 'extension.minutes.title');
