/**
 * Comparison of a published page with its national record: a fixture record modelled on the
 * national database's shape (tests/fixtures/national/) with differences planted against the demo
 * page; normalisation hides punctuation, dashes, numbering, leading zeros and table headers.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { auditDocument } from '../../shared/audit';
import { parseHtmlDocument } from '../../shared/node/html';
import { comparableWords, compareWithRecord, diffWords, recordFor, type NationalRecord } from '../../shared/report';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
const report = auditDocument(parseHtmlDocument(readFileSync(join(FIXTURES, 'extension', 'procedure-page.html'), 'utf8')), { url: 'x' });
const record = JSON.parse(readFileSync(join(FIXTURES, 'national', '1.001193.json'), 'utf8')) as NationalRecord;

describe('comparison with the national record', () => {
  it('flags exactly the planted differences', () => {
    const outcomes = Object.fromEntries(compareWithRecord(report, record).map((c) => [c.id, c.outcome]));
    expect(outcomes).toEqual({
      name: 'matches',
      code: 'matches',
      steps: 'matches', // only the final dots and the dash differ
      methods: 'not-in-record',
      dossier: 'missing-here',
      subjects: 'differs',
      agency: 'matches',
      result: 'missing-here',
      conditions: 'not-in-record',
      'legal-basis': 'missing-here',
    });
  });

  it('marks the words that differ', () => {
    const subjects = compareWithRecord(report, record).find((c) => c.id === 'subjects');
    expect(subjects?.words).toEqual([
      { op: 'same', text: 'công dân việt nam' },
      { op: 'record', text: 'người nước ngoài' },
    ]);
    expect(diffWords(['a', 'b', 'c'], ['a', 'x', 'c'])).toEqual([
      { op: 'same', text: 'a' },
      { op: 'record', text: 'x' },
      { op: 'page', text: 'b' },
      { op: 'same', text: 'c' },
    ]);
  });

  it('normalises before comparing', () => {
    expect(comparableWords('Bước 1: Nộp hồ sơ; 02 bản.')).toEqual(comparableWords('bước 1 – nộp  hồ sơ, 2 bản'));
    expect(comparableWords('Tên giấy tờMẫu đơn, tờ khaiSố lượngTờ khai theo mẫu1 bản chính')).toEqual(
      comparableWords('Tờ khai theo mẫu: 01 bản chính'),
    );
    // Decomposed (NFD) Vietnamese compares equal to composed text.
    expect(comparableWords('Đăng ký khai sinh'.normalize('NFD'))).toEqual(comparableWords('Đăng ký khai sinh'));
    expect(comparableWords('Không có thông tin')).toEqual([]);
  });

  it('finds the record of the report by procedure code', () => {
    expect(recordFor(report, [{ ma_thu_tuc: '2.000488' }, record])).toBe(record);
    expect(recordFor(report, [{ ma_thu_tuc: '2.000488' }])).toBeUndefined();
  });
});
