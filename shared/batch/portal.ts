/**
 * The portal-level report: many page audits summed up the way control staff report on a portal's
 * "niêm yết công khai" (Decree 63/2010, art. 15-17, as amended; Circular 02/2017): per element and
 * per agency the counts of pass/fail/review/na, the pages ranked by how much is missing, and the
 * pages that could not be audited with the reason. Built from the pages' AuditReports alone, so
 * the CLI and the extension make the same report. Statuses are effective ones: a person's
 * override counts. Versioned (`schemaVersion`), with stable ids for pages and agencies (hashes of
 * the normalised address and of the agency name), so two runs can be compared. Rendered by
 * shared/report (CSV, JSON, printable HTML).
 */
import type { AuditReport } from '../audit/types';
import { ELEMENT_IDS, type ElementId, type Reason, type Status } from '../checklist';
import { normalizeText, quote } from '../text/normalize';
import { normalizeUrl, stableId } from './url';

export const PORTAL_REPORT_SCHEMA_VERSION = 1;

/** Why a page could not be audited, as a batch reports it. */
export type UnscannableKind = 'timeout' | 'not-a-procedure' | 'empty' | 'http-status' | 'load-error' | 'permission-refused';

export const UNSCANNABLE_KINDS: readonly UnscannableKind[] = [
  'timeout',
  'not-a-procedure',
  'empty',
  'http-status',
  'load-error',
  'permission-refused',
];

/** The reason ids (common catalog) a batch uses for each kind; other unscannable reasons count as load errors. */
const KIND_OF_REASON: Readonly<Record<string, UnscannableKind>> = {
  'unscannable.timeout': 'timeout',
  'unscannable.notProcedure': 'not-a-procedure',
  'unscannable.empty': 'empty',
  'unscannable.httpStatus': 'http-status',
  'unscannable.permissionRefused': 'permission-refused',
  'unscannable.loadError': 'load-error',
  'unscannable.unreadable': 'load-error',
};

/** The kind of an unscannable report (null for an audited one). */
export function unscannableKind(report: AuditReport): UnscannableKind | null {
  if (report.status !== 'unscannable') return null;
  return KIND_OF_REASON[report.unscannableReason?.id ?? ''] ?? 'load-error';
}

type Counts = Record<Status, number>;
const zero = (): Counts => ({ pass: 0, fail: 0, review: 0, na: 0 });

export interface PortalPage {
  /** Stable id: a hash of the normalised address (or of the title when there is none). */
  id: string;
  url: string | null;
  code: string | null;
  name: string | null;
  agency: string | null;
  agencyId: string | null;
  status: 'audited' | 'unscannable';
  counts: Counts;
  /** Each element's effective status, in checklist order (empty for an unscannable page). */
  elements: Partial<Record<ElementId, Status>>;
  /** Elements that are missing (fail), then those to review, in checklist order. */
  missing: ElementId[];
  review: ElementId[];
  unscannable?: { kind: UnscannableKind; reason: Reason };
}

export interface PortalAgency {
  id: string;
  /** The agency as the pages name it; null gathers pages that name none. */
  name: string | null;
  pages: number;
  counts: Counts;
  /** Per element: how many of the agency's pages miss it. */
  missing: Partial<Record<ElementId, number>>;
}

export interface PortalReport {
  schemaVersion: typeof PORTAL_REPORT_SCHEMA_VERSION;
  kind: 'tthc-portal-report';
  engine: { name: string; version: string } | null;
  /** What was audited (a list address, a file of URLs): given by the caller. */
  source: string | null;
  /** When the report was made (ISO 8601), given by the caller. */
  generatedAt: string | null;
  totals: { pages: number; audited: number; unscannable: number; counts: Counts; byKind: Record<UnscannableKind, number> };
  /** Per element, in checklist order: how many audited pages have each status. */
  elements: { id: ElementId; counts: Counts }[];
  /** Agencies, the most missing first (then by name). */
  agencies: PortalAgency[];
  /** Audited pages, the most missing first (then most to review, then by address). */
  pages: PortalPage[];
  /** Pages that could not be audited, in the order given. */
  unscannable: PortalPage[];
}

/** The agency a page names: the agency element's value, first line, shortened. */
function agencyOf(report: AuditReport): string | null {
  const result = report.results.find((r) => r.id === 'agency');
  const value = result?.present ? result.value : null;
  if (!value) return null;
  const first = normalizeText(value.split('\n')[0] ?? '');
  return first ? quote(first, 160) : null;
}

function effective(item: { status: Status; override?: { status: Status } }): Status {
  return item.override?.status ?? item.status;
}

function pageOf(report: AuditReport): PortalPage {
  const url = report.page.url ? (normalizeUrl(report.page.url) ?? report.page.url) : null;
  const agency = report.status === 'audited' ? agencyOf(report) : null;
  const counts = zero();
  const elements: Partial<Record<ElementId, Status>> = {};
  for (const r of report.results) {
    const status = effective(r);
    counts[status]++;
    elements[r.id] = status;
  }
  const ordered = ELEMENT_IDS.filter((id) => elements[id] !== undefined);
  const kind = unscannableKind(report);
  return {
    id: `p-${stableId(url ?? `title:${report.page.title ?? ''}`)}`,
    url,
    code: report.procedure.code,
    name: report.procedure.name ?? report.page.title,
    agency,
    agencyId: agency ? `a-${stableId(agency.toLowerCase())}` : null,
    status: report.status,
    counts,
    elements,
    missing: ordered.filter((id) => elements[id] === 'fail'),
    review: ordered.filter((id) => elements[id] === 'review'),
    ...(kind
      ? { unscannable: { kind, reason: report.unscannableReason ?? { id: 'unscannable.unreadable', params: { detail: '' } } } }
      : {}),
  };
}

export interface PortalReportOptions {
  source?: string | null;
  generatedAt?: string | null;
}

/**
 * Builds the portal report one page report at a time, keeping only each page's summary (a few
 * hundred bytes, not the report with its evidence), so a run of thousands of pages can read its
 * reports back from disk one by one. A page given twice (same normalised address) counts once,
 * the last one.
 */
export function createPortalBuilder(options: PortalReportOptions = {}): { add(report: AuditReport): void; build(): PortalReport } {
  const byId = new Map<string, PortalPage>();
  let engine: PortalReport['engine'] = null;
  let engineFromAudited = false;
  return {
    add(report) {
      // The engine that audited the pages: an audited page's (an unread page's report may come from elsewhere).
      if (!engineFromAudited && (report.status === 'audited' || engine === null)) {
        engine = { ...report.engine };
        engineFromAudited = report.status === 'audited';
      }
      const page = pageOf(report);
      byId.delete(page.id);
      byId.set(page.id, page);
    },
    build: () => summarize([...byId.values()], engine, options),
  };
}

/** Sums up page audits into the portal report. A page given twice (same normalised address) counts once, the last one. */
export function buildPortalReport(reports: readonly AuditReport[], options: PortalReportOptions = {}): PortalReport {
  const builder = createPortalBuilder(options);
  for (const report of reports) builder.add(report);
  return builder.build();
}

function summarize(all: PortalPage[], engine: PortalReport['engine'], options: PortalReportOptions): PortalReport {
  const audited = all.filter((p) => p.status === 'audited');
  const unscannable = all.filter((p) => p.status === 'unscannable');
  const counts = zero();
  const elementCounts = new Map<ElementId, Counts>(ELEMENT_IDS.map((id) => [id, zero()]));
  const agencies = new Map<string, PortalAgency>();
  for (const page of audited) {
    const agencyKey = page.agencyId ?? 'a-none';
    const agency = agencies.get(agencyKey) ?? { id: agencyKey, name: page.agency, pages: 0, counts: zero(), missing: {} };
    agency.pages++;
    for (const id of ELEMENT_IDS) {
      const status = page.elements[id];
      if (!status) continue;
      counts[status]++;
      agency.counts[status]++;
      elementCounts.get(id)![status]++;
      if (status === 'fail') agency.missing[id] = (agency.missing[id] ?? 0) + 1;
    }
    agencies.set(agencyKey, agency);
  }
  const byKind = Object.fromEntries(UNSCANNABLE_KINDS.map((k) => [k, 0])) as Record<UnscannableKind, number>;
  for (const page of unscannable) byKind[page.unscannable!.kind]++;
  const byName = (a: string | null, b: string | null) => (a ?? '\uffff').localeCompare(b ?? '\uffff', 'vi');
  return {
    schemaVersion: PORTAL_REPORT_SCHEMA_VERSION,
    kind: 'tthc-portal-report',
    engine,
    source: options.source ?? null,
    generatedAt: options.generatedAt ?? null,
    totals: { pages: all.length, audited: audited.length, unscannable: unscannable.length, counts, byKind },
    elements: ELEMENT_IDS.map((id) => ({ id, counts: elementCounts.get(id)! })),
    agencies: [...agencies.values()].sort((a, b) => b.counts.fail - a.counts.fail || b.pages - a.pages || byName(a.name, b.name)),
    pages: audited.sort(
      (a, b) =>
        b.counts.fail - a.counts.fail ||
        b.counts.review - a.counts.review ||
        (a.url ?? '').localeCompare(b.url ?? '') ||
        a.id.localeCompare(b.id),
    ),
    unscannable,
  };
}
