/**
 * Per-instance state of one <tthc-feedback> element: the chosen rating and the sending status.
 * Built from signals inside a factory, never at module level, so two widgets on one page (or two
 * tests) never share state. The transport is injected so the model is testable without a network.
 */
import { computed, signal, type ReadonlySignal } from '@preact/signals';
import type { RatingSubmission } from '../../shared/protocol/submission';
import { FEEDBACK_PROTOCOL_VERSION, SATISFACTION_LEVELS, URL_MAX, type SatisfactionLevel } from '../../shared/protocol/constants';
import { errorMessageId } from '../../shared/protocol/errors';
import type { Locale, MessageParams } from '../../shared/i18n/format';
import type { WidgetMessageId as MessageId } from '../../shared/i18n/widget';

export type SendOutcome =
  { ok: true; id: string; receipt?: string } | { ok: false; kind: 'network' } | { ok: false; kind: 'rejected'; code: string };

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

/** A random UUID v4: crypto.randomUUID where the page is a secure context, else built from getRandomValues. */
export function newUuid(): string {
  const c = globalThis.crypto;
  if (typeof c?.randomUUID === 'function') return c.randomUUID();
  const b = new Uint8Array(16);
  if (typeof c?.getRandomValues === 'function') c.getRandomValues(b);
  else for (let i = 0; i < 16; i++) b[i] = Math.floor(Math.random() * 256);
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** The respondent key for this procedure in this browser (localStorage; a fresh one when storage is blocked). */
function respondentKey(scope: string): string {
  const key = `tthc-feedback:respondent:${scope}`;
  try {
    const stored = localStorage.getItem(key);
    if (stored && /^[0-9a-f-]{36}$/.test(stored)) return stored;
    const fresh = newUuid();
    localStorage.setItem(key, fresh);
    return fresh;
  } catch {
    return newUuid();
  }
}

export function createFeedbackModel(options: FeedbackModelOptions): FeedbackModel {
  const rating = signal<SatisfactionLevel | null>(null);
  const status = signal<Status>('idle');
  const notice = signal<Notice | null>(null);
  const canRetry = computed(() => status.value === 'error' && rating.value !== null && !!options.send);
  /** Origin and path only: the query string and fragment may carry personal data. */
  const pageUrl = options.pageUrl.replace(/[?#].*$/s, '').slice(0, URL_MAX);
  /** The submission being sent: a retry resends it with the same id, so it is stored once. */
  let pending: RatingSubmission | null = null;

  async function submit(): Promise<void> {
    const level = rating.value;
    if (level === null) return;
    if (!options.send) {
      status.value = 'error';
      notice.value = { id: 'widget.error.noCollector' };
      return;
    }
    if (pending?.overall !== level)
      pending = {
        v: FEEDBACK_PROTOCOL_VERSION,
        id: newUuid(),
        kind: 'rating',
        overall: level,
        respondent: respondentKey(options.procedureCode ?? pageUrl),
        pageUrl,
        lang: options.lang,
        createdAt: new Date().toISOString(),
        ...(options.procedureCode ? { procedureCode: options.procedureCode } : {}),
      };
    const submission = pending;
    status.value = 'sending';
    notice.value = { id: 'widget.sending' };
    const outcome = await options.send(submission);
    if (outcome.ok) {
      status.value = 'sent';
      notice.value = outcome.receipt ? { id: 'widget.thanksReceipt', params: { receipt: outcome.receipt } } : { id: 'widget.thanks' };
    } else {
      status.value = 'error';
      notice.value = outcome.kind === 'network' ? { id: 'widget.error.network' } : { id: errorMessageId(outcome.code) };
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
