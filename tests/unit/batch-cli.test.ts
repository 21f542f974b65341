/**
 * The batch options of the command-line auditor (defaults, safety caps, clear errors) and its
 * resumable store: a state written whole, and on resume the reports log deciding which pages are
 * finished (a torn last line means that page is audited again, and is cut off); the reports read
 * back from disk; stdout written a report at a time, identical to the single-page output.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { appendFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DEFAULT_CONCURRENCY,
  DEFAULT_MAX_LINKS,
  DEFAULT_MAX_LIST_PAGES,
  isBatch,
  parseArgs,
  type CliOptions,
  type Format,
} from '../../cli/args';
import { createAnswerDeadline } from '../../cli/answer-deadline';
import { createReportStream } from '../../cli/output';
import { readSavedRun, ReportLog, reportsPath, writeState } from '../../cli/store';
import { auditDocument, unscannableReport } from '../../shared/audit';
import { createBatch } from '../../shared/batch';
import { parseHtmlDocument } from '../../shared/node/html';
import { renderTable, toCsv, toJson } from '../../shared/report';

const PAGES = join(import.meta.dirname, '..', 'fixtures', 'pages');

describe('batch arguments', () => {
  it('has documented defaults and turns batch mode on only for batch options', () => {
    const plain = parseArgs(['page.html']) as CliOptions;
    expect(isBatch(plain)).toBe(false);
    const list = parseArgs(['--from-list', 'https://dvc.example.vn/tthc']) as CliOptions;
    expect(isBatch(list)).toBe(true);
    expect(list).toMatchObject({
      concurrency: DEFAULT_CONCURRENCY,
      maxListPages: DEFAULT_MAX_LIST_PAGES,
      maxLinks: DEFAULT_MAX_LINKS,
      timeoutS: 30,
      answerTimeoutS: 'auto',
    });
    expect(DEFAULT_MAX_LIST_PAGES).toBe(200);
    expect(DEFAULT_MAX_LINKS).toBe(5000);
    const all = parseArgs([
      '--urls=u.txt',
      '--concurrency',
      '5',
      '--resume',
      's.json',
      '--out',
      'o',
      '--max-pages',
      '7',
      '--allow-host',
      'a.vn',
      '--allow-host',
      'b.vn',
    ]) as CliOptions;
    expect(all).toMatchObject({
      urlsFile: 'u.txt',
      concurrency: 5,
      resume: 's.json',
      out: 'o',
      maxListPages: 7,
      allowHosts: ['a.vn', 'b.vn'],
    });
  });

  it('refuses bad values with a message id the user reads in their language', () => {
    expect(parseArgs(['--concurrency', '0', 'x.html'])).toMatchObject({
      error: { id: 'cli.error.badNumber', params: { option: '--concurrency', min: 1 } },
    });
    expect(parseArgs(['--max-pages', '2.5', '--from-list', 'https://a.vn'])).toMatchObject({ error: { id: 'cli.error.badNumber' } });
    expect(parseArgs(['--from-list', 'a.vn/list'])).toMatchObject({ error: { id: 'cli.error.fromListNotUrl' } });
    expect(parseArgs(['--urls'])).toMatchObject({ error: { id: 'cli.error.needsValue', params: { option: '--urls' } } });
    expect(parseArgs(['--out', '--format', 'json', 'x.html'])).toMatchObject({ error: { id: 'cli.error.needsValue' } });
    expect(parseArgs(['--lang', 'en', '--concurrency', '99', 'x'])).toMatchObject({ lang: 'en', error: { id: 'cli.error.badNumber' } });
  });
});

describe('resumable store', () => {
  const dirs: string[] = [];
  const logs: ReportLog[] = [];
  afterEach(() => {
    for (const log of logs.splice(0)) log.close();
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  const links = ['https://p.vn/1', 'https://p.vn/2', 'https://p.vn/3', 'https://p.vn/4'].map((url) => ({ url }));

  it('writes the state whole (no temporary file left) and reads it back', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'store-'));
    dirs.push(dir);
    const path = join(dir, 'state.json');
    await writeState(path, createBatch(links, { source: 'x' }));
    expect(readdirSync(dir)).toEqual(['state.json']);
    const saved = readSavedRun(path);
    if (saved?.ok) logs.push(saved.reports);
    expect(saved?.ok && saved.state.pages.map((p) => p.state)).toEqual(['pending', 'pending', 'pending', 'pending']);
    expect(readSavedRun(join(dir, 'none.json'))).toBeNull();
  });

  it('treats the reports log as the truth: logged pages are finished, others pending, a torn line ignored', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'store-'));
    dirs.push(dir);
    const path = join(dir, 'state.json');
    const state = createBatch(links);
    state.pages[1]!.state = 'done'; // marked done, but its report line was torn by a kill
    state.pages[2]!.state = 'running';
    await writeState(path, state);
    const earlier = ReportLog.open(reportsPath(path));
    earlier.append(unscannableReport({ url: 'https://p.vn/1', title: null }, { id: 'unscannable.httpStatus', params: { status: 404 } }));
    earlier.append(unscannableReport({ url: 'https://p.vn/3', title: null }, { id: 'unscannable.notProcedure' }));
    earlier.close();
    appendFileSync(reportsPath(path), '{"schemaVersion":2,"page":{"url":"https://p.vn/2"');
    const saved = readSavedRun(path);
    expect(saved?.ok).toBe(true);
    if (!saved?.ok) return;
    logs.push(saved.reports);
    expect(saved.state.pages.map((p) => [p.state, p.kind ?? null])).toEqual([
      ['unscannable', 'http-status'],
      ['pending', null],
      ['unscannable', 'not-a-procedure'],
      ['pending', null],
    ]);
    expect([...saved.reports.keys()]).toEqual(['https://p.vn/1', 'https://p.vn/3']);
    // The torn line is cut off: the next report is a line of its own, and every report reads back.
    saved.reports.append(unscannableReport({ url: 'https://p.vn/2', title: null }, { id: 'unscannable.empty' }));
    expect(
      readFileSync(reportsPath(path), 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l).page.url),
    ).toEqual(['https://p.vn/1', 'https://p.vn/3', 'https://p.vn/2']);
    expect(saved.reports.read('https://p.vn/3')?.unscannableReason?.id).toBe('unscannable.notProcedure');
    expect(saved.reports.read('https://p.vn/2')?.unscannableReason?.id).toBe('unscannable.empty');
    expect(saved.reports.read('https://p.vn/4')).toBeNull();
  });

  it('says what is wrong with a state file that is not one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'store-'));
    dirs.push(dir);
    const path = join(dir, 'state.json');
    writeFileSync(path, 'not json');
    expect(readSavedRun(path)).toMatchObject({ ok: false });
    writeFileSync(path, JSON.stringify({ version: 1, kind: 'tthc-batch-state', source: null, createdAt: null, pages: [{ url: 1 }] }));
    expect(readSavedRun(path)).toMatchObject({ ok: false, detail: expect.stringContaining('pages.0') });
  });
});

describe('batch output on stdout', () => {
  const reports = [
    auditDocument(parseHtmlDocument(readFileSync(join(PAGES, 'l1-national-new-ui.complaint-1.000178.html'), 'utf8')), {
      url: 'https://p.vn/1',
    }),
    unscannableReport({ url: 'https://p.vn/2', title: 'Đã xóa' }, { id: 'unscannable.httpStatus', params: { status: 404 } }),
    auditDocument(parseHtmlDocument(readFileSync(join(PAGES, 'l1-national-new-ui.complaint-1.000178.html'), 'utf8')), {
      url: 'https://p.vn/3',
    }),
  ];
  const streamed = (format: Format, list: typeof reports) => {
    const stream = createReportStream(format, 'vi');
    return list.map((r) => stream.next(r)).join('') + stream.end();
  };

  it('is, written one report at a time, exactly what the single-page auditor prints for the same reports', () => {
    for (const list of [reports, reports.slice(0, 1), []]) {
      expect(streamed('json', list)).toBe(toJson(list));
      expect(streamed('csv', list)).toBe(toCsv(list, 'vi'));
      expect(streamed('table', list)).toBe(renderTable(list, 'vi'));
    }
  });
});

describe('time a server may take to start answering (--answer-timeout)', () => {
  it('auto: waits the whole --timeout until 10 answers from that host, then 10 × the 90th percentile, at least 3 s', () => {
    const learnt: [string, number, number][] = [];
    const deadline = createAnswerDeadline('auto', 30, (host, p90, ms) => learnt.push([host, p90, ms]));
    for (let i = 0; i < 9; i++) deadline.answered(`https://fast.vn/tt/${i}`, 50 + i);
    expect(deadline.forUrl('https://fast.vn/tt/x')).toBe(30_000);
    deadline.answered('https://fast.vn/tt/9', 1_000); // one slow answer among ten: above the 90th percentile
    expect(deadline.forUrl('https://fast.vn/tt/x')).toBe(3_000);
    for (let i = 0; i < 20; i++) deadline.answered(`https://slow.vn/tt/${i}`, 1_500);
    expect(deadline.forUrl('https://slow.vn/tt/x')).toBe(15_000);
    for (let i = 0; i < 20; i++) deadline.answered(`https://slower.vn/tt/${i}`, 4_000);
    expect(deadline.forUrl('https://slower.vn/tt/x')).toBe(30_000);
    expect(deadline.forUrl('https://other.vn/tt/x')).toBe(30_000);
    deadline.forUrl('https://fast.vn/tt/y');
    expect(learnt).toEqual([
      ['fast.vn', 58, 3_000],
      ['slow.vn', 1_500, 15_000],
      ['slower.vn', 4_000, 30_000],
    ]);
  });

  it('a number fixes the wait for every host, never beyond --timeout', () => {
    expect(createAnswerDeadline(5, 30).forUrl('https://p.vn/1')).toBe(5_000);
    expect(createAnswerDeadline(60, 30).forUrl('https://p.vn/1')).toBe(30_000);
    expect(parseArgs(['--answer-timeout', 'auto', 'x'])).toMatchObject({ answerTimeoutS: 'auto', inputs: ['x'] });
    expect(parseArgs(['--answer-timeout=7', 'x'])).toMatchObject({ answerTimeoutS: 7 });
    expect(parseArgs(['--answer-timeout', 'soon', 'x'])).toMatchObject({ error: { id: 'cli.error.badNumber' } });
  });
});
