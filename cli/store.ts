/**
 * Where a batch run keeps what it must not lose: the state file (`--resume <file>`: the page list
 * and each page's state, written after every page as a whole, to a temporary file then renamed,
 * so a kill never leaves half a file) and, beside it, `<file>.reports.jsonl`, one page report per
 * line, appended before the state marks the page finished. On resume the reports file is the
 * truth: a page with a report there is finished even if the state written last did not say so
 * yet; a page marked finished without a report (a torn last line) is audited again.
 */
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import type { AuditReport } from '../shared/audit';
import { parseAuditReport } from '../shared/audit/schema';
import { parseBatchState, unscannableKind, type BatchState } from '../shared/batch';

export function reportsPath(statePath: string): string {
  return `${statePath}.reports.jsonl`;
}

/** Writes `state` to `path` atomically (temporary file, then rename). */
export async function writeState(path: string, state: BatchState): Promise<void> {
  const temp = `${path}.tmp-${process.pid}`;
  await writeFile(temp, `${JSON.stringify(state)}\n`);
  await rename(temp, path);
}

/** Appends one report (one line) to the reports file. Synchronous: lines never interleave. */
export function appendReport(statePath: string, report: AuditReport): void {
  appendFileSync(reportsPath(statePath), `${JSON.stringify(report)}\n`);
}

export type LoadedState = { ok: true; state: BatchState; reports: Map<string, AuditReport> } | { ok: false; detail: string };

/** Reads a saved run, or null when there is none at `path`. */
export function readSavedRun(path: string): LoadedState | null {
  if (!existsSync(path)) return null;
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    return { ok: false, detail: (error as Error).message };
  }
  const parsed = parseBatchState(value);
  if (!parsed.ok) return { ok: false, detail: parsed.error };
  const reports = new Map<string, AuditReport>();
  const file = reportsPath(path);
  if (existsSync(file)) {
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      let json: unknown;
      try {
        json = JSON.parse(line);
      } catch {
        continue; // a line cut short by a kill: that page is audited again
      }
      const report = parseAuditReport(json);
      if (report.ok && report.report.page.url) reports.set(report.report.page.url, report.report);
    }
  }
  const state = parsed.state;
  for (const page of state.pages) {
    const report = reports.get(page.url);
    if (report) {
      const kind = unscannableKind(report);
      page.state = kind ? 'unscannable' : 'done';
      if (kind) page.kind = kind;
    } else if (page.state !== 'pending') {
      page.state = 'pending';
      delete page.kind;
    }
  }
  return { ok: true, state, reports };
}
