/**
 * Progress of a batch on stderr: a progress bar (cli-progress) when stderr is a terminal, else
 * one plain line per finished page (logs of CI jobs and cron runs stay readable). Both say the
 * counts, pages per minute and time left, in the user's language. stdout is left to the reports.
 */
import cliProgress from 'cli-progress';
import type { AuditReport } from '../shared/audit';
import type { BatchProgress } from '../shared/batch';
import type { CliMessageId } from '../shared/i18n/cli';
import type { Locale, MessageParams } from '../shared/i18n/format';
import { effectiveCounts, reasonText, summaryText } from '../shared/report';

type Say = (id: CliMessageId, params?: MessageParams) => string;

export function formatRate(rate: number | null): string {
  return rate === null ? '—' : rate >= 100 ? String(Math.round(rate)) : rate.toFixed(1);
}

export function formatDuration(ms: number | null): string {
  if (ms === null) return '—';
  const s = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const pad = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${pad(m)}:${pad(s % 60)}` : `${m}:${pad(s % 60)}`;
}

export interface Progress {
  /** A page finished (its report): a line in plain mode. */
  page(report: AuditReport, url: string): void;
  update(progress: BatchProgress): void;
  stop(): void;
}

export function createProgress(say: Say, locale: Locale, stream: NodeJS.WriteStream = process.stderr): Progress {
  let finished = 0;
  let total = 0;
  let offset = 0;
  let initialized = false;
  if (stream.isTTY) {
    const bar = new cliProgress.SingleBar(
      { format: '{bar} {status}', stream, hideCursor: true, barsize: 30, fps: 10, clearOnComplete: false },
      cliProgress.Presets.shades_classic,
    );
    let started = false;
    return {
      page() {},
      update(p) {
        const done = p.done + p.unscannable;
        const status = say('cli.batch.progress', {
          done,
          total: p.total,
          rate: formatRate(p.pagesPerMinute),
          left: formatDuration(p.msLeft),
        });
        if (!started) {
          bar.start(p.total, done, { status });
          started = true;
        } else bar.update(done, { status });
      },
      stop() {
        if (started) bar.stop();
      },
    };
  }
  return {
    page(report, url) {
      finished++;
      const n = offset + finished;
      if (report.status === 'unscannable')
        stream.write(`${say('cli.batch.lineUnscannable', { n, total, url, reason: reasonText(report.unscannableReason, locale) })}\n`);
      else stream.write(`${say('cli.batch.lineDone', { n, total, url, summary: summaryText(effectiveCounts(report), locale) })}\n`);
    },
    update(p) {
      total = p.total;
      if (!initialized) {
        offset = p.done + p.unscannable;
        initialized = true;
      }
      // Every 50 pages, the rate and time left.
      if (p.last && finished % 50 === 0 && p.pending > 0)
        stream.write(
          `${say('cli.batch.progress', { done: p.done + p.unscannable, total: p.total, rate: formatRate(p.pagesPerMinute), left: formatDuration(p.msLeft) })}\n`,
        );
    },
    stop() {},
  };
}
