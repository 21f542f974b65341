/**
 * Per-instance state of one <tthc-feedback> element: the chosen rating and the sending status.
 * Built from signals inside a factory, never at module level, so two widgets on one page (or two
 * tests) never share state. The transport is injected so the model is testable without a network.
 */
import { computed, signal, type ReadonlySignal } from '@preact/signals';
import type { RatingSubmission } from '../../shared/protocol/feedback';
import { FEEDBACK_PROTOCOL_VERSION, SATISFACTION_LEVELS, URL_MAX, type SatisfactionLevel } from '../../shared/protocol/constants';
import type { Locale, MessageParams } from '../../shared/i18n/format';
import type { WidgetMessageId as MessageId } from '../../shared/i18n/widget';

export type SendOutcome = { ok: true; id: string } | { ok: false; kind: 'network' } | { ok: false; kind: 'rejected'; reason: string };

export type Transport = (submission: RatingSubmission) => Promise<SendOutcome>;

export interface FeedbackModelOptions {
  lang: Locale;
  pageUrl: string;
  procedureCode?: string | undefined;
  /** Undefined when the webmaster gave no collector address. */
  send?: Transport | undefined;
}

export type Status = 'idle' | 'sending' | 'sent' | 'error';

export interface Notice {
  id: MessageId;
  params?: MessageParams;
}

export interface FeedbackModel {
  readonly rating: ReadonlySignal<SatisfactionLevel | null>;
  readonly status: ReadonlySignal<Status>;
  readonly notice: ReadonlySignal<Notice | null>;
  readonly canRetry: ReadonlySignal<boolean>;
  readonly lang: Locale;
  /** Records the citizen's choice and sends it. */
  rate(level: SatisfactionLevel): Promise<void>;
  /** Sends the last choice again after a failure. */
  retry(): Promise<void>;
}

export function createFeedbackModel(options: FeedbackModelOptions): FeedbackModel {
  const rating = signal<SatisfactionLevel | null>(null);
  const status = signal<Status>('idle');
  const notice = signal<Notice | null>(null);
  const canRetry = computed(() => status.value === 'error' && rating.value !== null && !!options.send);

  async function submit(): Promise<void> {
    const level = rating.value;
    if (level === null) return;
    if (!options.send) {
      status.value = 'error';
      notice.value = { id: 'widget.error.noCollector' };
      return;
    }
    const submission: RatingSubmission = {
      v: FEEDBACK_PROTOCOL_VERSION,
      kind: 'rating',
      rating: level,
      pageUrl: options.pageUrl.slice(0, URL_MAX),
      lang: options.lang,
      ...(options.procedureCode ? { procedureCode: options.procedureCode } : {}),
    };
    status.value = 'sending';
    notice.value = { id: 'widget.sending' };
    const outcome = await options.send(submission);
    if (outcome.ok) {
      status.value = 'sent';
      notice.value = { id: 'widget.thanks' };
    } else {
      status.value = 'error';
      notice.value =
        outcome.kind === 'network' ? { id: 'widget.error.network' } : { id: 'widget.error.rejected', params: { reason: outcome.reason } };
    }
  }

  return {
    rating,
    status,
    notice,
    canRetry,
    lang: options.lang,
    async rate(level) {
      if (status.value === 'sending' || !SATISFACTION_LEVELS.includes(level)) return;
      rating.value = level;
      await submit();
    },
    retry: submit,
  };
}
