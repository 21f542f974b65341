/**
 * Where a batch run keeps what it must not lose, and what it must not hold in memory: the state
 * file (`--resume <file>`: the page list and each page's state, written after every page as a
 * whole, to a temporary file then renamed, so a kill never leaves half a file) and the reports
 * log (`<file>.reports.jsonl`, one page report per line, appended before the state marks the page
 * finished; without --resume, a temporary file removed at the end). The log keeps the reports on
 * disk: the run holds only where each line starts and how long it is, and reads a report back
 * when the output and the portal report are written, so memory stays flat however many pages.
 *
 * On resume the log is the truth: a page with a report there is finished even if the state
 * written last did not say so yet; a page marked finished without a report (a line torn by a
 * kill) is audited again, and the torn line is cut off before anything is appended.
 */
import { closeSync, existsSync, fstatSync, ftruncateSync, openSync, readFileSync, readSync, rmSync, writeSync } from 'node:fs';
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

const NEWLINE = 0x0a;
const CHUNK = 1 << 20;

/** The page reports of a run, one JSON line each, on disk; in memory only each line's place. */
export class ReportLog {
  private readonly lines = new Map<string, { at: number; length: number }>();
  private size: number;

  private constructor(
    readonly path: string,
    private readonly fd: number,
  ) {
    this.size = fstatSync(fd).size;
  }

  /** Opens (or creates) the log at `path`, indexing the reports already there. */
  static open(path: string): ReportLog {
    const log = new ReportLog(path, openSync(path, 'a+'));
    log.index();
    return log;
  }

  /** Reads every complete line once (a megabyte at a time), keeping the place of each valid report. */
  private index(): void {
    let lineStart = 0;
    let pending: Buffer[] = [];
    let position = 0;
    const buffer = Buffer.alloc(CHUNK);
    while (position < this.size) {
      const read = readSync(this.fd, buffer, 0, CHUNK, position);
      if (read <= 0) break;
      let from = 0;
      for (let i = 0; i < read; i++) {
        if (buffer[i] !== NEWLINE) continue;
        const line = Buffer.concat([...pending, buffer.subarray(from, i)]).toString('utf8');
        pending = [];
        this.keep(line, lineStart, position + i - lineStart);
        from = i + 1;
        lineStart = position + i + 1;
      }
      if (from < read) pending.push(Buffer.from(buffer.subarray(from, read)));
      position += read;
    }
    // A last line without its newline was cut short by a kill: drop it, so the next report starts clean.
    if (lineStart < this.size) {
      ftruncateSync(this.fd, lineStart);
      this.size = lineStart;
    }
  }

  private keep(line: string, at: number, length: number): void {
    if (!line.trim()) return;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      return; // a damaged line: that page is audited again
    }
    const parsed = parseAuditReport(json);
    if (parsed.ok && parsed.report.page.url) this.lines.set(parsed.report.page.url, { at, length });
  }

  /** Appends one report (one line; synchronous, so lines never interleave). */
  append(report: AuditReport): void {
    const data = Buffer.from(`${JSON.stringify(report)}\n`, 'utf8');
    writeSync(this.fd, data);
    if (report.page.url) this.lines.set(report.page.url, { at: this.size, length: data.length - 1 });
    this.size += data.length;
  }

  has(url: string): boolean {
    return this.lines.has(url);
  }

  /** The addresses with a report, in the order first logged. */
  keys(): IterableIterator<string> {
    return this.lines.keys();
  }

  /** The report logged for `url` (the last one), read back from disk. */
  read(url: string): AuditReport | null {
    const line = this.lines.get(url);
    if (!line) return null;
    const buffer = Buffer.alloc(line.length);
    readSync(this.fd, buffer, 0, line.length, line.at);
    return JSON.parse(buffer.toString('utf8')) as AuditReport;
  }

  close(): void {
    closeSync(this.fd);
  }

  /** Closes and deletes the log (a run without --resume has nothing to keep). */
  remove(): void {
    this.close();
    rmSync(this.path, { force: true });
  }
}

export type LoadedState = { ok: true; state: BatchState; reports: ReportLog } | { ok: false; detail: string };

/** Reads a saved run and opens its reports log, or null when there is none at `path`. */
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
  const reports = ReportLog.open(reportsPath(path));
  const state = parsed.state;
  for (const page of state.pages) {
    const report = reports.has(page.url) ? reports.read(page.url) : null;
    if (report) {
      const kind = unscannableKind(report);
      page.state = kind ? 'unscannable' : 'done';
      if (kind) page.kind = kind;
      else delete page.kind;
    } else if (page.state !== 'pending') {
      page.state = 'pending';
      delete page.kind;
    }
  }
  return { ok: true, state, reports };
}
