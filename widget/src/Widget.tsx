/**
 * The widget's view: up to three panels as tabs (Đánh giá, Liên hệ phản ánh, kiến nghị, Báo thiếu
 * thông tin), inline or behind a launcher that opens a dialog (floating mode). Native controls
 * only (fieldset/legend, input type=radio with the drawn faces as labels, textarea, buttons), so
 * keyboard and assistive technology work as the browser makes them. Reads and drives the models of
 * one element; holds no state of its own (view state, which tab and whether the dialog is open, is cells of the element).
 */
import type { Cell, Notifier } from './cell';
import type { ComponentChildren } from 'preact';
import { COMMENT_MAX } from '../../shared/protocol/constants';
import { SCALE_LABELS } from '../../shared/protocol/scale';
import type { QuestionSet } from '../../shared/protocol/questions';
import type { WidgetMessageId } from '../../shared/i18n/widget';
import { formatMessage, type Locale, type Message, type MessageParams } from '../../shared/i18n/format';
import type { ContactPoint, Mode, PanelId, QuestionSetChoice } from './attributes';
import { levelsOf, type GapModel, type Notice, type RatingModel, type Status } from './model';
import type { EngineRow, EngineView } from './engine';

type T = (id: WidgetMessageId, params?: MessageParams) => string;

export interface EngineState {
  /** idle: not asked; loading: chunk or audit under way; done: audited; failed: chunk or audit failed. */
  state: 'idle' | 'loading' | 'done' | 'failed';
  view: EngineView | null;
  /** Whether the engine chunk is loaded (the panels that need it wait for it). */
  loaded?: boolean | undefined;
  /** The question sets (shared/protocol/questions.ts), once the chunk is loaded. */
  questionSets?: Readonly<Record<string, QuestionSet>> | undefined;
}

/** The title of each question set, for the folded summary shown before the chunk loads. */
const SET_TITLES: Record<string, WidgetMessageId> = { 'nd118-art33': 'widget.questionSet.nd118', sipas: 'widget.questionSet.sipas' };

/** Translates from the strings of the widget's language (its strings chunk, loaded before the first draw). */
function makeT(lang: Locale, strings: Strings): T {
  return (id, params) => {
    const message = strings[id];
    return message === undefined ? '' : formatMessage(lang, message, params);
  };
}

/** View state of one element (dialog open, current tab): cells, so the first file needs no hooks library. */
export interface ViewState {
  open: Cell<boolean>;
  tab: Cell<PanelId | null>;
}

export const createViewState = (notifier: Notifier): ViewState => ({ open: notifier.cell(false), tab: notifier.cell(null) });

/** Focuses `selector` in the tree of `from` once the next draw has happened. */
function focusLater(from: EventTarget | null, selector: string): void {
  const root = (from as Node | null)?.getRootNode() as ParentNode | undefined;
  setTimeout(() => root?.querySelector<HTMLElement>(selector)?.focus());
}

/** Every string of the widget in one language (shared/i18n/widget, as a strings chunk hands it over). */
export type Strings = Readonly<Record<string, Message>>;

export interface WidgetProps {
  view: ViewState;
  lang: Locale;
  /** The strings of `lang`. */
  strings: Strings;
  rating: RatingModel;
  gap?: GapModel | undefined;
  panels?: readonly PanelId[];
  mode?: Mode;
  questionSet?: QuestionSetChoice;
  contacts?: readonly ContactPoint[] | undefined;
  engine?: EngineState;
  /** Asks for the engine (lazy chunk): the contact and gap-report panels call it when they open. */
  needEngine?: () => void;
  /** The procedure the widget is about: the webmaster's attributes, else what the engine read. */
  procedure?: { name?: string | undefined; agency?: string | undefined };
}

const TAB_KEYS: Record<PanelId, WidgetMessageId> = {
  rating: 'widget.tab.rating',
  contact: 'widget.tab.contact',
  'gap-report': 'widget.tab.gap',
};

export function Widget(props: WidgetProps) {
  const t = makeT(props.lang, props.strings);
  const panels = props.panels?.length ? props.panels : (['rating'] as const);
  const floating = props.mode === 'floating';
  const open = props.view.open.value;

  const close = (e: Event) => {
    props.view.open.value = false;
    // Focus goes back to the launcher, where the citizen started.
    focusLater(e.currentTarget, '.tf-launcher');
  };

  const name = props.procedure?.name;
  const agency = props.procedure?.agency;
  const body = (
    <>
      {(name || agency) && (
        <p class="tf-context" data-context>
          {name && <span class="tf-context-name">{t('widget.context.procedure', { name })}</span>}
          {agency && <span class="tf-context-agency">{t('widget.context.agency', { agency })}</span>}
        </p>
      )}
      <Panels {...props} t={t} panels={panels} />
    </>
  );
  if (!floating)
    return (
      <section class="tf" part="container" lang={props.lang} aria-label={t('widget.name')}>
        {body}
      </section>
    );
  return (
    <div class="tf-float" lang={props.lang}>
      {open ? (
        <div
          class="tf tf-dialog"
          part="container dialog"
          role="dialog"
          aria-modal="false"
          aria-labelledby="tf-dialog-title"
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.stopPropagation();
              close(e);
            }
          }}
        >
          <div class="tf-dialog-head">
            <h2 id="tf-dialog-title" class="tf-dialog-title" tabIndex={-1}>
              {t('widget.name')}
            </h2>
            <button type="button" class="tf-close" aria-label={t('widget.close')} onClick={close}>
              ×
            </button>
          </div>
          {body}
        </div>
      ) : (
        <button
          type="button"
          class="tf-launcher"
          part="launcher"
          aria-haspopup="dialog"
          onClick={(e) => {
            props.view.open.value = true;
            focusLater(e.currentTarget, '#tf-dialog-title');
          }}
        >
          {t('widget.launcher')}
        </button>
      )}
    </div>
  );
}

function Panels(props: WidgetProps & { t: T; panels: readonly PanelId[] }) {
  const { t, panels } = props;
  const current = props.view.tab.value;
  const active = current && panels.includes(current) ? current : panels[0]!;
  const select = (p: PanelId) => {
    props.view.tab.value = p;
    if (p !== 'rating') props.needEngine?.();
  };

  const onKey = (e: KeyboardEvent) => {
    const i = panels.indexOf(active);
    const next =
      e.key === 'ArrowRight'
        ? (i + 1) % panels.length
        : e.key === 'ArrowLeft'
          ? (i - 1 + panels.length) % panels.length
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? panels.length - 1
              : -1;
    if (next < 0) return;
    e.preventDefault();
    select(panels[next]!);
    focusLater(e.currentTarget, `[data-tab="${panels[next]}"]`);
  };

  const panel =
    active === 'rating' ? (
      <RatingPanel
        t={t}
        model={props.rating}
        questionSet={props.questionSet ?? 'nd118-art33'}
        sets={props.engine?.questionSets}
        needEngine={props.needEngine}
      />
    ) : active === 'contact' ? (
      <ContactPanel t={t} contacts={props.contacts} engine={props.engine} />
    ) : (
      <GapPanel t={t} model={props.gap} engine={props.engine} />
    );

  if (panels.length === 1) return <div data-panel={active}>{panel}</div>;
  return (
    <>
      <div class="tf-tabs" role="tablist" onKeyDown={onKey}>
        {panels.map((p) => (
          <button
            type="button"
            role="tab"
            id={`tf-tab-${p}`}
            data-tab={p}
            class="tf-tab"
            aria-selected={p === active}
            aria-controls={`tf-panel-${p}`}
            tabIndex={p === active ? 0 : -1}
            onClick={() => select(p)}
          >
            {t(TAB_KEYS[p])}
          </button>
        ))}
      </div>
      <div class="tf-panel" role="tabpanel" id={`tf-panel-${active}`} aria-labelledby={`tf-tab-${active}`} data-panel={active}>
        {panel}
      </div>
    </>
  );
}

function Loading({ t, failed }: { t: T; failed: boolean }) {
  return (
    <p class="tf-hint" role="status">
      {failed ? t('widget.error.load') : t('widget.loading')}
    </p>
  );
}

function StatusLine({ t, status, notice }: { t: T; status: Status; notice: Notice | null }) {
  return (
    <p class="tf-status" role="status" aria-live="polite" data-status={status}>
      {notice ? t(notice.id, notice.params) : ''}
    </p>
  );
}

function Comment({ t, id, value, onInput }: { t: T; id: string; value: string; onInput: (v: string) => void }) {
  return (
    <div class="tf-comment">
      <label for={id} class="tf-label-strong">
        {t('widget.comment.label')}
      </label>
      <p id={`${id}-hint`} class="tf-hint">
        {t('widget.comment.hint')}
      </p>
      <textarea
        id={id}
        rows={3}
        maxLength={COMMENT_MAX}
        value={value}
        aria-describedby={`${id}-hint ${id}-count`}
        onInput={(e) => onInput((e.currentTarget as HTMLTextAreaElement).value)}
      />
      <p id={`${id}-count`} class="tf-count">
        {t('widget.comment.count', { count: value.length, max: COMMENT_MAX })}
      </p>
    </div>
  );
}

function RatingPanel({
  t,
  model,
  questionSet,
  sets,
  needEngine,
}: {
  t: T;
  model: RatingModel;
  questionSet: QuestionSetChoice;
  sets?: Readonly<Record<string, QuestionSet>> | undefined;
  needEngine?: (() => void) | undefined;
}) {
  const status = model.status.value;
  const busy = status === 'sending';
  const title = SET_TITLES[questionSet];
  const set = sets?.[questionSet];
  return (
    <form
      class="tf-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void model.submit();
      }}
    >
      <fieldset class="tf-scale">
        <legend class="tf-title">{t('widget.title')}</legend>
        <div class="tf-levels" data-scale={model.scale}>
          {levelsOf(model.scale).map((level) => (
            <label class="tf-level" data-rating={level}>
              <input
                type="radio"
                name="overall"
                value={level}
                checked={model.rating.value === level}
                onChange={() => model.select(level)}
              />
              {/* On 3 levels the faces of Không hài lòng, Bình thường, Hài lòng: 2, 3, 4 of the five. */}
              <Face level={model.scale === 3 ? level + 1 : level} />
              <span class="tf-level-text">{t(SCALE_LABELS[model.scale][level - 1]!)}</span>
            </label>
          ))}
        </div>
      </fieldset>
      {title && (
        <details class="tf-more" onToggle={(e) => (e.currentTarget as HTMLDetailsElement).open && needEngine?.()}>
          <summary>{t('widget.more', { title: t(title) })}</summary>
          <p class="tf-hint">{t(set ? 'widget.more.hint' : 'widget.loading')}</p>
          {set &&
            set.questions.map((q) => (
              <fieldset class="tf-item" data-question={q.id}>
                <legend>{t(q.text)}</legend>
                <div class="tf-points">
                  {(model.scale === 3 ? SCALE_LABELS[3] : set.scale.labels).map((label, i) => {
                    const value = set.scale.min + i;
                    return (
                      <label class="tf-point">
                        <input
                          type="radio"
                          name={`q-${q.id}`}
                          value={value}
                          checked={model.answers.value[q.id] === value}
                          onChange={() => model.answer(q.id, value)}
                        />
                        <span>{t(label)}</span>
                      </label>
                    );
                  })}
                </div>
              </fieldset>
            ))}
        </details>
      )}
      <Comment t={t} id="tf-rating-comment" value={model.comment.value} onInput={(v) => (model.comment.value = v)} />
      <p class="tf-hint">{t('widget.confidential')}</p>
      <button type="submit" class="tf-submit" part="button" disabled={busy || model.rating.value === null}>
        {status === 'sent' || model.rated ? t('widget.submit.change') : t('widget.submit.rating')}
      </button>
      <StatusLine t={t} status={status} notice={model.notice.value} />
    </form>
  );
}

function ContactPanel({ t, contacts, engine }: { t: T; contacts?: readonly ContactPoint[] | undefined; engine?: EngineState | undefined }) {
  let points: readonly ContactPoint[] = contacts ?? [];
  let source: WidgetMessageId = 'widget.contact.source.config';
  if (!contacts) {
    const c = engine?.view?.contact;
    source = 'widget.contact.source.page';
    points =
      c && (c.agency || c.address || c.phones.length || c.emails.length || c.websites.length)
        ? [
            {
              agency: c.agency ?? '',
              ...(c.address ? { address: c.address } : {}),
              phones: c.phones,
              emails: c.emails,
              websites: c.websites,
              ...(c.hours ? { hours: c.hours } : {}),
            },
          ]
        : [];
  }
  const loading = !engine?.loaded || (!contacts && (engine.state === 'idle' || engine.state === 'loading'));
  if (!engine?.loaded) return <Loading t={t} failed={engine?.state === 'failed'} />;
  return (
    <div class="tf-contact">
      <h3 class="tf-title">{t('widget.contact.title')}</h3>
      {loading ? (
        <p class="tf-hint" role="status">
          {t('widget.contact.reading')}
        </p>
      ) : points.length ? (
        <>
          {points.map((p) => (
            <Contact t={t} point={p} />
          ))}
          <p class="tf-hint" data-source={contacts ? 'config' : 'page'}>
            {t(source)}
          </p>
        </>
      ) : (
        <p class="tf-hint" data-source="none">
          {t('widget.contact.none')}
        </p>
      )}
      <h4 class="tf-subtitle">{t('widget.contact.mustContain.title')}</h4>
      <p class="tf-hint">{t('widget.contact.mustContain')}</p>
    </div>
  );
}

function Contact({ t, point }: { t: T; point: ContactPoint }) {
  const row = (label: WidgetMessageId, children: ComponentChildren) => (
    <>
      <dt>{t(label)}</dt>
      <dd>{children}</dd>
    </>
  );
  return (
    <div class="tf-point-card" data-contact>
      {point.agency && <p class="tf-agency">{point.upper ? t('widget.contact.upper', { agency: point.agency }) : point.agency}</p>}
      <dl class="tf-dl">
        {point.address && row('widget.contact.address', point.address)}
        {!!point.phones?.length &&
          row(
            'widget.contact.phone',
            point.phones.map((p, i) => (
              <>
                {i > 0 && ', '}
                <a href={`tel:${p.replace(/[^\d+]/g, '')}`}>{p}</a>
              </>
            )),
          )}
        {!!point.emails?.length &&
          row(
            'widget.contact.email',
            point.emails.map((m, i) => (
              <>
                {i > 0 && ', '}
                <a href={`mailto:${m}`}>{m}</a>
              </>
            )),
          )}
        {!!point.websites?.length &&
          row(
            'widget.contact.website',
            point.websites.map((w, i) => (
              <>
                {i > 0 && ', '}
                <a href={/^https?:\/\//i.test(w) ? w : `https://${w}`} rel="noopener noreferrer" target="_blank">
                  {w}
                </a>
              </>
            )),
          )}
        {point.hours && row('widget.contact.hours', point.hours)}
      </dl>
    </div>
  );
}

function GapPanel({ t, model, engine }: { t: T; model?: GapModel | undefined; engine?: EngineState | undefined }) {
  if (!model) return null;
  const rows: EngineRow[] = engine?.view?.rows ?? [];
  const status = model.status.value;
  const state = engine?.state ?? 'idle';
  const audited = engine?.view?.report.status === 'audited';
  if (!engine?.loaded) return <Loading t={t} failed={engine?.state === 'failed'} />;
  return (
    <form
      class="tf-form tf-gap"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void model.submit();
      }}
    >
      <fieldset class="tf-scale">
        <legend class="tf-title">{t('widget.gap.title')}</legend>
        <p class="tf-hint" role="status">
          {state === 'done'
            ? audited
              ? t('widget.gap.intro')
              : t('widget.gap.notProcedure')
            : state === 'failed'
              ? t('widget.gap.failed')
              : t('widget.gap.reading')}
        </p>
        {audited && (
          <ul class="tf-checks">
            {rows.map((r) => (
              <li>
                <label class="tf-check" data-element={r.id}>
                  <input type="checkbox" checked={model.ticked.value.has(r.id)} onChange={() => model.toggle(r.id)} />
                  <span>
                    {r.name}{' '}
                    <span class={`tf-badge tf-${r.status}`}>{t('widget.gap.found', { status: t(`widget.status.${r.status}`) })}</span>
                  </span>
                </label>
                <label class="tf-wrong">
                  <input
                    type="checkbox"
                    aria-label={t('widget.gap.wrongOf', { name: r.name })}
                    checked={model.wrong.value.has(r.id)}
                    onChange={() => model.toggleWrong(r.id)}
                  />
                  <span aria-hidden="true">{t('widget.gap.wrong')}</span>
                </label>
              </li>
            ))}
          </ul>
        )}
      </fieldset>
      {state === 'done' && (
        <>
          <Comment t={t} id="tf-gap-comment" value={model.comment.value} onInput={(v) => (model.comment.value = v)} />
          <button type="submit" class="tf-submit" part="button" disabled={status === 'sending'}>
            {t('widget.gap.submit')}
          </button>
        </>
      )}
      <StatusLine t={t} status={status} notice={model.notice.value} />
    </form>
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
