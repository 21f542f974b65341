/**
 * The widget's view: the 5-level satisfaction scale as a radio group of buttons, then the status
 * line. Reads and drives one FeedbackModel; holds no state of its own.
 */
import { SATISFACTION_LEVELS } from '../../shared/protocol/constants';
import { widgetCatalogs } from '../../shared/i18n/widget';
import { translator } from '../../shared/i18n/format';
import type { FeedbackModel } from './model';

export function Widget({ model }: { model: FeedbackModel }) {
  const t = translator(widgetCatalogs, model.lang);
  const busy = model.status.value === 'sending';
  const done = model.status.value === 'sent';
  const notice = model.notice.value;
  return (
    <section class="tf" lang={model.lang} aria-labelledby="tf-title">
      <h2 id="tf-title" class="tf-title">
        {t('widget.title')}
      </h2>
      <div class="tf-scale" role="radiogroup" aria-labelledby="tf-title">
        {SATISFACTION_LEVELS.map((level) => (
          <button
            type="button"
            role="radio"
            class="tf-level"
            data-rating={level}
            aria-checked={model.rating.value === level}
            disabled={busy || done}
            onClick={() => void model.rate(level)}
          >
            <Face level={level} />
            <span class="tf-label">{t(`widget.rating.${level}`)}</span>
          </button>
        ))}
      </div>
      <p class="tf-status" role="status" aria-live="polite" data-status={model.status.value}>
        {notice ? t(notice.id, notice.params) : ''}
      </p>
      {model.canRetry.value && (
        <button type="button" class="tf-retry" onClick={() => void model.retry()}>
          {t('widget.retry')}
        </button>
      )}
    </section>
  );
}

/** A drawn face (emoji fonts are missing on many office machines): the mouth curves with the level. */
function Face({ level }: { level: number }) {
  const curve = 15 + (level - 3) * 2.5;
  return (
    <svg class="tf-face" viewBox="0 0 24 24" width="28" height="28" aria-hidden="true" focusable="false">
      <circle cx="12" cy="12" r="10.5" fill="none" stroke="currentColor" stroke-width="1.5" />
      <circle cx="8.5" cy="9.5" r="1.3" fill="currentColor" />
      <circle cx="15.5" cy="9.5" r="1.3" fill="currentColor" />
      <path d={`M7.5 15.5 Q12 ${curve + 0.5} 16.5 15.5`} fill="none" stroke="currentColor" stroke-width="1.5" stroke-linecap="round" />
    </svg>
  );
}
