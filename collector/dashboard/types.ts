/**
 * The dashboard's data interface: the filter, the figures and the rows the dashboard pages, the
 * summary API, the exports and the public page read. Implementations: aggregate.ts (figures,
 * from the in-process fact index of facts.ts), queries.ts (comments, exports, agencies). Import
 * everything through collector/dashboard/index.ts.
 *
 * The index is OUR formula, not the official SIPAS index (regulation.md: the official formula is
 * unverified): the share of satisfied answers ("Hài lòng" + "Rất hài lòng": levels 4–5 of 5, 3 of 3,
 * shared/protocol/scale.ts) among all answers, counting each respondent's CURRENT rating of a
 * procedure only (a later rating replaces the earlier one). Days are Vietnam days (UTC+7).
 */
import type { ScaleLevels } from '../../shared/protocol/scale';

/** Below this many answers a figure is marked `tooFew` (and the public page omits it). */
export const DEFAULT_MIN_ANSWERS = 30;

export type Lang = 'vi' | 'en';
export type Bucket = 'week' | 'month';
export type PeriodPreset = 'quarter' | 'half' | 'year' | 'custom';

export interface DashboardFilter {
  /** First day, ISO date (YYYY-MM-DD, Vietnam time), inclusive. */
  from: string;
  /** Day after the last, ISO date, exclusive. */
  to: string;
  /** Exact agency name as stored. */
  agency?: string;
  /** A procedure code exactly, or a case- and diacritics-insensitive part of a code or a name. */
  procedure?: string;
  lang?: Lang;
  bucket: Bucket;
}

export interface SummaryOptions {
  /** Below this many answers a figure is `tooFew` (default DEFAULT_MIN_ANSWERS). */
  minAnswers?: number;
  /** At most this many gap rows, most reported first (default 200; Infinity for all). */
  gapLimit?: number;
  /** The lowest level counted as satisfied per scale (default SATISFIED_FROM: 4 of 5, 3 of 3). */
  satisfiedFrom?: { 5: number; 3: number };
}

export interface IndexFigure {
  /** Answers counted (current ratings, or answers to one question). */
  answers: number;
  /** Of which at a satisfied level ("Hài lòng" or "Rất hài lòng" unless configured otherwise). */
  satisfied: number;
  /** satisfied / answers, null without answers. */
  share: number | null;
  /** answers < the minimum: too few to trust. */
  tooFew: boolean;
}

/** How the figures are computed, for the page to show. */
export interface Formula {
  satisfiedLevels: { 5: number[]; 3: number[] };
  minAnswers: number;
}

export interface OverallFigure extends IndexFigure {
  /** Current overall ratings on the 5-level scale by level (index 0 = level 1). */
  byLevel5: [number, number, number, number, number];
  /** Current overall ratings on the 3-level scale by level (index 0 = level 1). */
  byLevel3: [number, number, number];
}

export interface AgencyFigure extends IndexFigure {
  agency: string | null;
}

/** A procedure as the dashboard lists it: one code (or, without a code, one page) at one agency. */
export interface ProcedureRef {
  code: string | null;
  /** Latest name received for it. */
  name: string | null;
  agency: string | null;
  /** Latest page it was rated or reported on. */
  pageUrl: string;
}

export type ProcedureFigure = ProcedureRef & IndexFigure;

export interface QuestionFigure extends IndexFigure {
  questionSet: string;
  questionId: string;
}

export interface SeriesPoint extends IndexFigure {
  /** First day of the bucket (a Monday for weeks, the 1st for months); may precede `from`. */
  bucketStart: string;
}

export interface GapElement {
  /** Element id (shared/checklist). */
  id: string;
  /** Citizens who said it is missing. */
  missing: number;
  /** Citizens who said it is wrong. */
  wrong: number;
  /** Reports whose automatic audit found it failing. */
  engineFail: number;
  /** Reports whose automatic audit asked for a person to review it. */
  engineReview: number;
}

export interface GapRow extends ProcedureRef {
  /** Gap reports from citizens. */
  citizenReports: number;
  /** Of those, reports that carried the automatic audit's findings. */
  engineReports: number;
  /** Elements in checklist order; only those reported by someone or failed/reviewed by the engine. */
  elements: GapElement[];
  /** ISO timestamp of the latest report. */
  lastAt: string;
}

export interface Totals {
  /** Current ratings in the filter. */
  ratings: number;
  /** Gap reports in the filter. */
  gapReports: number;
  /** Submissions in the filter that came with a comment. */
  comments: number;
}

export interface DashboardSummary {
  filter: DashboardFilter;
  formula: Formula;
  overall: OverallFigure;
  perAgency: AgencyFigure[];
  perProcedure: ProcedureFigure[];
  perQuestion: QuestionFigure[];
  /** Every bucket of the period in order, zero-filled. */
  series: SeriesPoint[];
  gaps: GapRow[];
  totals: Totals;
}

export interface CommentQuery extends DashboardFilter {
  /** Case- and diacritics-insensitive words in the comment, code, name or receipt. */
  search?: string;
  /** true: handled only; false: not handled only; absent: both. */
  handled?: boolean;
  limit: number;
  offset: number;
}

export interface ContactDetails {
  name?: string;
  phone?: string;
  email?: string;
}

export interface CommentRow {
  id: string;
  receipt: string;
  kind: 'rating' | 'gap-report';
  /** ISO timestamp. */
  receivedAt: string;
  code: string | null;
  name: string | null;
  agency: string | null;
  pageUrl: string;
  /** The overall rating (ratings only). */
  overall: number | null;
  /** Its scale (ratings only). */
  scale: ScaleLevels | null;
  comment: string;
  /** Stored only when the citizen consented. */
  contact: ContactDetails | null;
  handledAt: string | null;
  handledBy: string | null;
}

export interface CommentPage {
  total: number;
  rows: CommentRow[];
}

export interface ProcedureDetail {
  code: string | null;
  name: string | null;
  agency: string | null;
  pageUrls: string[];
  index: IndexFigure;
  series: SeriesPoint[];
  perQuestion: QuestionFigure[];
  gaps: GapRow | null;
  /** The latest comments on it in the filter (at most 50). */
  comments: CommentRow[];
}

/** One raw submission for the CSV/JSON exports. Contact only when consented (nothing else is stored). */
export interface ExportRow {
  id: string;
  receipt: string;
  kind: 'rating' | 'gap-report';
  receivedAt: string;
  code: string | null;
  name: string | null;
  agency: string | null;
  pageUrl: string;
  lang: string;
  overall: number | null;
  scale: number | null;
  /** False when a later rating of the same respondent replaced it (not counted). */
  current: boolean | null;
  questionSet: string | null;
  answers: Record<string, number> | null;
  /** Gap reports: "element:missing|wrong" joined by spaces. */
  elements: string | null;
  comment: string | null;
  contact: ContactDetails | null;
}

/** One row of the per-procedure summary table (exports, printable report). */
export interface SummaryRow {
  code: string;
  name: string;
  agency: string;
  answers: number;
  satisfied: number;
  /** Share in percent with one decimal, or '' without answers. */
  sharePercent: string;
  tooFew: boolean;
  citizenReports: number;
  engineReports: number;
}

/** Aggregates only, for the public page: no comments, no personal data, no small figures. */
export interface PublicSummary {
  agency: string;
  from: string;
  to: string;
  minAnswers: number;
  /** The levels counted as satisfied on each scale. */
  satisfiedLevels: Formula['satisfiedLevels'];
  /** Null when fewer answers than the minimum. */
  overall: { answers: number; satisfied: number; share: number } | null;
  /** Only procedures with at least the minimum of answers. */
  perProcedure: { code: string | null; name: string | null; answers: number; satisfied: number; share: number }[];
}
