/**
 * The batch audit's progress, one view for the side panel and the batch page: the run state, a
 * progress bar, the counts (audited, unscannable, in progress, waiting), pages per minute and the
 * time left, and pause / resume / cancel. It renders the stored batch (extension/batch/store.ts)
 * that the caller follows with `watchBatch` (storage change events, so nothing polls and the
 * background worker is woken only by the auditor's own pause, resume or cancel, sent as
 * messages). The state, counts and speed sit in a polite live region: a screen reader hears the
 * progress without the focus moving. What differs between the pages (a new batch, a link to the
 * full table) comes as children. `BatchInPanel` is the side panel's: the latest batch, whatever its
 * state, with a link to the batch page's full table. Limits: speed and time left are recomputed when the stored batch
 * changes (after every page), not on a clock.
 */
import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import { useSignal } from '@preact/signals';
import { browser } from 'wxt/browser';
import type { ExtensionMessageId } from '../../../shared/i18n/extension';
import { loadBatch, watchBatch, type StoredBatch } from '../../batch/store';
import { progressOf, queueOf } from '../../batch/worker';
import { send } from '../../messaging/router';
import type { MessageOf, MessageType, ResponseOf } from '../../messaging/protocol';
import { useUi, type Ui } from '../../ui/page';

/** Sends a batch message to the background worker and parses its answer. */
export function askWorker<T extends MessageType>(message: MessageOf<T>): Promise<ResponseOf<T>> {
  return send((m) => browser.runtime.sendMessage(m) as Promise<unknown>, message);
}

function duration(ms: number, t: Ui['t']): string {
  const minutes = Math.round(ms / 60_000);
  return minutes < 1 ? t('extension.batch.lessThanMinute') : t('extension.batch.minutesLeft', { count: minutes });
}

export function BatchProgress(props: { batch: StoredBatch; title: ExtensionMessageId; children?: ComponentChildren }) {
  const { batch } = props;
  const { t, locale } = useUi();
  const failed = useSignal(false);
  const p = progressOf(batch, Date.now());
  const finished = p.done + p.unscannable;
  async function control(action: 'pause' | 'resume' | 'cancel'): Promise<void> {
    try {
      await askWorker({ type: 'batch/control', action });
      failed.value = false;
    } catch {
      failed.value = true;
    }
  }
  const rate =
    p.pagesPerMinute !== null && p.msLeft !== null
      ? t('extension.batch.rate', {
          rate: p.pagesPerMinute.toLocaleString(locale === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 1 }),
          left: duration(p.msLeft, t),
        })
      : t('extension.batch.rateUnknown');
  return (
    <section class="batch-progress" aria-labelledby="progress-title" data-run={batch.run}>
      <h2 id="progress-title">{t(props.title)}</h2>
      <progress max={Math.max(1, p.total)} value={finished} aria-labelledby="progress-title" />
      <div aria-live="polite" data-live="progress">
        <p data-state={batch.run}>
          {t('extension.batch.stateLine', { state: t(`extension.batch.state.${batch.run}`), source: batch.source })}
        </p>
        <p
          data-counts
          data-total={p.total}
          data-done={p.done}
          data-unscannable={p.unscannable}
          data-pending={p.pending}
          data-running={p.running}
        >
          {t('extension.batch.counts', {
            finished,
            total: p.total,
            done: p.done,
            unscannable: p.unscannable,
            active: p.running,
            pending: p.pending,
          })}
        </p>
        {batch.run === 'running' && <p data-rate>{rate}</p>}
        {batch.run !== 'running' && p.running > 0 && <p>{t('extension.batch.waitingActive', { count: p.running })}</p>}
      </div>
      <div class="actions">
        {batch.run === 'running' && (
          <button type="button" data-action="pause" onClick={() => void control('pause')}>
            {t('extension.batch.pause')}
          </button>
        )}
        {batch.run === 'paused' && (
          <button type="button" data-action="resume" onClick={() => void control('resume')}>
            {t('extension.batch.resume')}
          </button>
        )}
        {(batch.run === 'running' || batch.run === 'paused') && (
          <button type="button" class="secondary" data-action="cancel" onClick={() => void control('cancel')}>
            {t('extension.batch.cancel')}
          </button>
        )}
        {props.children}
      </div>
      <p class={`notice ${failed.value ? 'error' : ''}`} role="status" data-batch-notice={failed.value ? 'extension.batch.noWorker' : ''}>
        {failed.value ? t('extension.batch.noWorker') : ''}
      </p>
    </section>
  );
}

/** The side panel's view of the latest batch (nothing when there is none), followed live. */
export function BatchInPanel() {
  const { t } = useUi();
  const batch = useSignal<StoredBatch | null>(null);
  useEffect(() => {
    let changed = false;
    const stop = watchBatch((b) => {
      changed = true;
      batch.value = b;
    });
    // The first read, unless a write already arrived (it is newer).
    void loadBatch().then((b) => {
      if (!changed) batch.value = b;
    });
    return stop;
  }, []);
  const current = batch.value;
  if (!current || !queueOf(current)) return null;
  return (
    <BatchProgress batch={current} title="extension.batch.panelTitle">
      <a href={browser.runtime.getURL('/batch.html')} target="_blank" rel="noopener" data-action="open-batch-table">
        {t('extension.batch.openTable')}
      </a>
    </BatchProgress>
  );
}
