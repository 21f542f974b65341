/**
 * The batch options of the command-line auditor (defaults, safety caps, clear errors) and its
 * resumable store: a state written whole, and on resume the reports log deciding which pages are
 * finished (a torn last line means that page is audited again).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { appendFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_CONCURRENCY, DEFAULT_MAX_LINKS, DEFAULT_MAX_LIST_PAGES, isBatch, parseArgs, type CliOptions } from '../../cli/args';
import { appendReport, readSavedRun, reportsPath, writeState } from '../../cli/store';
import { unscannableReport } from '../../shared/audit';
import { createBatch } from '../../shared/batch';

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
  afterEach(() => {
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
    appendReport(
      path,
      unscannableReport({ url: 'https://p.vn/1', title: null }, { id: 'unscannable.httpStatus', params: { status: 404 } }),
    );
    appendReport(path, unscannableReport({ url: 'https://p.vn/3', title: null }, { id: 'unscannable.notProcedure' }));
    appendFileSync(reportsPath(path), '{"schemaVersion":2,"page":{"url":"https://p.vn/2"');
    const saved = readSavedRun(path);
    expect(saved?.ok).toBe(true);
    if (!saved?.ok) return;
    expect(saved.state.pages.map((p) => [p.state, p.kind ?? null])).toEqual([
      ['unscannable', 'http-status'],
      ['pending', null],
      ['unscannable', 'not-a-procedure'],
      ['pending', null],
    ]);
    expect([...saved.reports.keys()]).toEqual(['https://p.vn/1', 'https://p.vn/3']);
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
