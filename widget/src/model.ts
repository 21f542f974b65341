/**
 * Per-instance state of one <tthc-feedback> element: the rating form (overall level, optional
 * question set answers, comment), the gap-report form, and each form's delivery state as the
 * citizen reads it (sending, saved on this device, sent with receipt, failed and why). Built from
 * cells of the element's own notifier inside factories, never at module level, so two widgets on
 * one page (or two tests) never share state. Delivery is injected (the outbox in the page, a stub in tests).
 */
import { createNotifier, type Cell, type Notifier } from './cell';
import type { GapReportSubmission, RatingSubmission, Submission } from '../../shared/protocol/submission';
import { AGENCY_MAX, COMMENT_MAX, FEEDBACK_PROTOCOL_VERSION, PROCEDURE_NAME_MAX, URL_MAX } from '../../shared/protocol/constants';
import type { ScaleLevels } from '../../shared/protocol/scale';
import { errorMessageId } from '../../shared/protocol/errors';
import type { Locale, MessageParams } from '../../shared/i18n/format';
import type { WidgetMessageId as MessageId } from '../../shared/i18n/widget';
import type { AuditReport } from '../../shared/audit/types';
import type { Delivery } from './outbox';

/** Hands a submission over for delivery and reports each change of its state. */
export type Deliver = (submission: Submission, listen: (d: Delivery) => void) => Promise<void>;

export type Status = 'idle' | 'sending' | 'queued' | 'sent' | 'error';

export interface Notice {
  id: MessageId;
  params?: MessageParams;
}

export interface Common {
  lang: Locale;
  pageUrl: string;
  procedureCode?: string | undefined;
  /** The procedure's name and agency: the webmaster's attributes, else what the engine read on the page. */
  procedureName?: string | undefined;
  agency?: string | undefined;
  /** Undefined when the webmaster gave no (valid) collector address. */
  deliver?: Deliver | undefined;
  /** The element's notifier (a private one when omitted). */
  notifier?: Notifier | undefined;
}

/** A random UUID v4: crypto.randomUUID in a secure context, else built from getRandomValues. */
export function newUuid(): string {
  const c = globalThis.crypto;
  if (typeof c?.randomUUID === 'function') return c.randomUUID();
  // Plain-http portals have no randomUUID, but every browser has getRandomValues.
  const b = c.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** Origin and path only: the query string and fragment may carry personal data. */
export const cleanUrl = (url: string) => url.replace(/[?#].*$/s, '').slice(0, URL_MAX);

/**
 * Which page this is, for this browser's own memory (answer given, daily auto-report) and to notice a
 * single-page portal's move: the address with its query (the national portal tells procedures apart by
 * `?ma_thu_tuc=`), without a fragment unless it is a route (`#/…`, `#!/…`). Never sent.
 */
export const pageKey = (url: string) => url.replace(/#(?!!?\/).*$/s, '').slice(0, URL_MAX);

function storage(): Storage | null {
  try {
    return localStorage;
  } catch {
    return null;
  }
}

/** The respondent key for this procedure in this browser (localStorage; a fresh one when storage is blocked). */
function respondentKey(scope: string): string {
  const key = `tthc-feedback:respondent:${scope}`;
  try {
    const stored = storage()?.getItem(key);
    if (stored && /^[0-9a-f-]{36}$/.test(stored)) return stored;
    const fresh = newUuid();
    storage()?.setItem(key, fresh);
    return fresh;
  } catch {
    return newUuid();
  }
}

export interface SendState {
  readonly status: Cell<Status>;
  readonly notice: Cell<Notice | null>;
  readonly notifier: Notifier;
}

/** Hands `submission` to `deliver` and mirrors its delivery into status and notice. */
async function deliverInto(
  state: { status: Cell<Status>; notice: Cell<Notice | null> },
  deliver: Deliver | undefined,
  submission: Submission,
  sentNotice: (receipt?: string) => Notice,
  onSent?: (receipt?: string) => void,
): Promise<void> {
  if (!deliver) {
    state.status.value = 'error';
    state.notice.value = { id: 'widget.error.noCollector' };
    return;
  }
  const listen = (d: Delivery) => {
    if (d.state === 'sending') {
      if (state.status.value !== 'queued') {
        state.status.value = 'sending';
        state.notice.value = { id: 'widget.sending' };
      }
    } else if (d.state === 'queued') {
      state.status.value = 'queued';
      state.notice.value = { id: d.reason === 'network' ? 'widget.queued.network' : 'widget.queued.server' };
    } else if (d.state === 'sent') {
      state.status.value = 'sent';
      state.notice.value = sentNotice(d.receipt);
      onSent?.(d.receipt);
    } else {
      state.status.value = 'error';
      state.notice.value = { id: errorMessageId(d.code) };
    }
  };
  try {
    await deliver(submission, listen);
  } catch {
    state.status.value = 'error';
    state.notice.value = { id: 'widget.error.network' };
  }
}

/** The levels of a scale of `levels`: 1 … levels. */
export const levelsOf = (levels: ScaleLevels): number[] => Array.from({ length: levels }, (_, i) => i + 1);

/** The procedure context every submission carries: code, name and agency when known. */
function context(options: Common) {
  const name = options.procedureName?.trim().slice(0, PROCEDURE_NAME_MAX);
  const agency = options.agency?.trim().slice(0, AGENCY_MAX);
  return {
    ...(options.procedureCode ? { procedureCode: options.procedureCode } : {}),
    ...(name ? { procedureName: name } : {}),
    ...(agency ? { agency } : {}),
  };
}

export interface RatingModel extends SendState {
  /** The scale the levels are on (5 or 3). */
  readonly scale: ScaleLevels;
  readonly rating: Cell<number | null>;
  readonly answers: Cell<Readonly<Record<string, number>>>;
  readonly comment: Cell<string>;
  readonly lang: Locale;
  select(level: number): void;
  answer(question: string, value: number): void;
  /** Whether this browser remembered a rating of this procedure (shown chosen; sending changes it). */
  readonly rated: boolean;
  /** Sends the form; a change after a rating replaces it (same respondent key). */
  submit(): Promise<void>;
  /** Selects `level` and sends. */
  rate(level: number): Promise<void>;
}

export interface RatingOptions extends Common {
  /** Question set the answers refer to. */
  questionSet?: string | undefined;
  /** The scale (5 levels by default; 3: Không hài lòng, Bình thường, Hài lòng); answers use it too. */
  scale?: ScaleLevels | undefined;
}

export function createRatingModel(options: RatingOptions): RatingModel {
  const notifier = options.notifier ?? createNotifier();
  const signal = notifier.cell;
  const pageUrl = cleanUrl(options.pageUrl);
  const scope = options.procedureCode ?? pageKey(options.pageUrl);
  const remembered = `tthc-feedback:rated:${scope}`;
  const status = signal<Status>('idle');
  const notice = signal<Notice | null>(null);
  const scale: ScaleLevels = options.scale === 3 ? 3 : 5;
  const onScale = (level: unknown): level is number => Number.isInteger(level) && (level as number) >= 1 && (level as number) <= scale;
  const rating = signal<number | null>(null);
  const answers = signal<Readonly<Record<string, number>>>({});
  const comment = signal('');
  const opened = Date.now();
  let rated = false;
  try {
    const previous = JSON.parse(storage()?.getItem(remembered) ?? 'null') as { overall?: number; scale?: number; receipt?: string } | null;
    // An answer on another scale is not this one's: shown only on the scale it was given on.
    if (previous && (previous.scale ?? 5) === scale && onScale(previous.overall)) {
      rating.value = previous.overall;
      rated = true;
      if (previous.receipt) notice.value = { id: 'widget.previous.receipt', params: { receipt: previous.receipt } };
    }
  } catch {
    /* nothing remembered */
  }
  /** The submission being delivered: resending the same form keeps its id, so it is stored once. */
  let pending: RatingSubmission | null = null;

  async function submit(): Promise<void> {
    const level = rating.value;
    if (level === null || status.value === 'sending') return;
    const text = comment.value.trim().slice(0, COMMENT_MAX);
    const given = Object.keys(answers.value).length ? answers.value : undefined;
    const same =
      pending?.overall === level && (pending.comment ?? '') === text && JSON.stringify(pending.answers) === JSON.stringify(given);
    if (!pending || !same || status.value === 'sent')
      pending = {
        v: FEEDBACK_PROTOCOL_VERSION,
        id: newUuid(),
        kind: 'rating',
        overall: level,
        ...(scale === 3 ? { scale } : {}),
        respondent: respondentKey(scope),
        pageUrl,
        lang: options.lang,
        createdAt: new Date().toISOString(),
        ...context(options),
        ...(given ? { answers: { ...given }, questionSet: options.questionSet ?? 'nd118-art33' } : {}),
        ...(text ? { comment: text } : {}),
        fillMs: Math.min(86_400_000, Date.now() - opened),
      };
    await deliverInto(
      { status, notice },
      options.deliver,
      pending,
      (receipt) => (receipt ? { id: 'widget.thanksReceipt', params: { receipt } } : { id: 'widget.thanks' }),
      (receipt) => {
        try {
          storage()?.setItem(remembered, JSON.stringify({ overall: level, scale, receipt }));
        } catch {
          /* not remembered: storage blocked */
        }
      },
    );
  }

  return {
    notifier,
    scale,
    status,
    notice,
    rating,
    answers,
    comment,
    lang: options.lang,
    rated,
    select(level) {
      if (onScale(level)) rating.value = level;
    },
    answer(question, value) {
      answers.value = { ...answers.value, [question]: value };
    },
    submit,
    async rate(level) {
      if (!onScale(level)) return;
      rating.value = level;
      await submit();
    },
  };
}

export type AuditState = 'idle' | 'running' | 'done' | 'failed';

export interface GapModel extends SendState {
  readonly audit: Cell<AuditState>;
  readonly report: Cell<AuditReport | null>;
  /** Element ids the citizen ticks as missing or wrong. */
  readonly ticked: Cell<ReadonlySet<string>>;
  /** Element ids the citizen marks as published but wrong (never also in `ticked`). */
  readonly wrong: Cell<ReadonlySet<string>>;
  readonly comment: Cell<string>;
  /** Sets the engine's report and pre-ticks what it found missing. */
  setReport(report: AuditReport): void;
  toggle(id: string): void;
  toggleWrong(id: string): void;
  submit(): Promise<void>;
}

export function createGapModel(options: Common): GapModel {
  const notifier = options.notifier ?? createNotifier();
  const signal = notifier.cell;
  const status = signal<Status>('idle');
  const notice = signal<Notice | null>(null);
  const audit = signal<AuditState>('idle');
  const report = signal<AuditReport | null>(null);
  const ticked = signal<ReadonlySet<string>>(new Set());
  const wrong = signal<ReadonlySet<string>>(new Set());
  /** Flips `id` in `cell` and takes it out of `other`: an element is missing or wrong, not both. */
  const flip = (cell: Cell<ReadonlySet<string>>, other: Cell<ReadonlySet<string>>, id: string) => {
    const next = new Set(cell.value);
    if (!next.delete(id)) next.add(id);
    cell.value = next;
    if (other.value.has(id)) other.value = new Set([...other.value].filter((x) => x !== id));
  };
  const comment = signal('');
  let pending: GapReportSubmission | null = null;
  return {
    notifier,
    status,
    notice,
    audit,
    report,
    ticked,
    wrong,
    comment,
    setReport(r) {
      report.value = r;
      audit.value = 'done';
      ticked.value = new Set(r.results.filter((x) => x.status === 'fail').map((x) => x.id));
    },
    toggle: (id) => flip(ticked, wrong, id),
    toggleWrong: (id) => flip(wrong, ticked, id),
    async submit() {
      if (status.value === 'sending') return;
      if (!ticked.value.size && !wrong.value.size) {
        status.value = 'error';
        notice.value = { id: 'widget.gap.noneTicked' };
        return;
      }
      const r = report.value;
      const text = comment.value.trim().slice(0, COMMENT_MAX);
      const elements = [
        ...[...ticked.value].map((id) => ({ id, problem: 'missing' as const })),
        ...[...wrong.value].map((id) => ({ id, problem: 'wrong' as const })),
      ].sort((a, b) => (a.id < b.id ? -1 : 1));
      if (
        !pending ||
        JSON.stringify(pending.elements) !== JSON.stringify(elements) ||
        (pending.comment ?? '') !== text ||
        status.value === 'sent'
      )
        pending = gapSubmission(options, elements, r, text);
      await deliverInto({ status, notice }, options.deliver, pending, (receipt) =>
        receipt ? { id: 'widget.gap.thanksReceipt', params: { receipt } } : { id: 'widget.gap.thanks' },
      );
    },
  };
}

/**
 * The automatic gap report (`auto-report`): the engine's findings alone, as a gap report of the
 * elements it found missing, at most once per page per day in this browser; null when there is
 * nothing to send or it was sent today.
 */
export function autoGapReport(
  options: Common,
  report: AuditReport,
  today = new Date().toISOString().slice(0, 10),
): GapReportSubmission | null {
  if (report.status !== 'audited') return null;
  const failing = report.results.filter((r) => r.status === 'fail');
  if (!failing.length) return null;
  const key = `tthc-feedback:auto-report:${pageKey(options.pageUrl)}`;
  try {
    if (storage()?.getItem(key) === today) return null;
    storage()?.setItem(key, today);
  } catch {
    return null; // without storage the once-a-day promise cannot be kept: send nothing
  }
  return gapSubmission(
    options,
    failing.map((r) => ({ id: r.id, problem: 'missing' as const })),
    report,
    '',
  );
}

/** A gap report of `elements`, with the engine's findings when the page was audited. */
function gapSubmission(
  options: Common,
  elements: GapReportSubmission['elements'],
  report: AuditReport | null,
  comment: string,
): GapReportSubmission {
  return {
    v: FEEDBACK_PROTOCOL_VERSION,
    id: newUuid(),
    kind: 'gap-report',
    pageUrl: cleanUrl(options.pageUrl),
    lang: options.lang,
    createdAt: new Date().toISOString(),
    ...context(options),
    elements,
    ...(comment ? { comment } : {}),
    ...(report?.status === 'audited'
      ? { findings: { engineVersion: report.engine.version, results: report.results.map((x) => ({ id: x.id, status: x.status })) } }
      : {}),
  };
}
