/**
 * The formula's settings as an operator writes them in the environment. MIN_ANSWERS: how many
 * answers a figure needs to be trusted on the dashboard and to be published on the agency's public
 * page. SATISFIED_FROM_5 / SATISFIED_FROM_3: the lowest level counted as satisfied on each scale. A
 * bad value is named in Vietnamese and English; the dashboard, the summary API and the public page
 * follow them and say which levels they counted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../collector/config';
import { collectorCatalogs } from '../../shared/i18n/collector';
import { translator } from '../../shared/i18n/format';
import { openStore, type SubmissionStore } from '../../collector/db/store';
import { post, rating, startCollector, type RunningCollector } from './kit';

const TOKEN = 'min-answers-test-token-0123456789';
const AGENCY = 'Sở Kiểm thử Ngưỡng';

describe('MIN_ANSWERS in the environment', () => {
  it('defaults to 30 and takes a whole number', () => {
    const def = parseConfig({}, '/srv');
    expect(def.ok && def.config.minAnswers).toBe(30);
    const set = parseConfig({ MIN_ANSWERS: '5' }, '/srv');
    expect(set.ok && set.config.minAnswers).toBe(5);
  });

  it.each(['0', 'ten', '2.5', '-3'])('refuses MIN_ANSWERS=%s, naming it in Vietnamese and in English', (value) => {
    const result = parseConfig({ MIN_ANSWERS: value }, '/srv');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const [problem] = result.problems;
    expect(translator(collectorCatalogs, 'vi')(problem!.id, problem!.params)).toBe(
      `MIN_ANSWERS phải là số nguyên từ 1 đến 1000000, nhận được "${value}".`,
    );
    expect(translator(collectorCatalogs, 'en')(problem!.id, problem!.params)).toBe(
      `MIN_ANSWERS must be a whole number from 1 to 1000000, got "${value}".`,
    );
  });
});

describe('SATISFIED_FROM_5 and SATISFIED_FROM_3 in the environment', () => {
  it('default to 4 of 5 and 3 of 3, and take another level', () => {
    const def = parseConfig({}, '/srv');
    expect(def.ok && def.config.satisfiedFrom).toEqual({ 5: 4, 3: 3 });
    const set = parseConfig({ SATISFIED_FROM_5: '5', SATISFIED_FROM_3: '2' }, '/srv');
    expect(set.ok && set.config.satisfiedFrom).toEqual({ 5: 5, 3: 2 });
  });

  it('refuse a level outside the scale, naming the variable', () => {
    const result = parseConfig({ SATISFIED_FROM_5: '6', SATISFIED_FROM_3: '1' }, '/srv');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => translator(collectorCatalogs, 'en')(p.id, p.params))).toEqual([
      'SATISFIED_FROM_5 must be a whole number from 2 to 5, got "6".',
      'SATISFIED_FROM_3 must be a whole number from 2 to 3, got "1".',
    ]);
  });
});

describe('the dashboard, the summary API and the public page follow MIN_ANSWERS', () => {
  let store: SubmissionStore;
  let two: RunningCollector;
  let three: RunningCollector;
  beforeAll(async () => {
    store = await openStore();
    // This one also counts only "Rất hài lòng" (5 of 5) as satisfied.
    two = await startCollector({ dashboardToken: TOKEN, minAnswers: 2, minFillMs: 0, satisfiedFrom: { 5: 5, 3: 3 } }, store);
    three = await startCollector({ dashboardToken: TOKEN, minAnswers: 3, minFillMs: 0 }, store);
    // Two answers for one procedure of the agency.
    for (const overall of [5, 4]) expect((await post(two.url, rating({ agency: AGENCY, overall }))).status).toBe(201);
  }, 120_000);
  afterAll(async () => {
    await two?.close();
    await three?.close();
    await store?.close();
  });

  const summary = async (c: RunningCollector) =>
    (await (
      await fetch(`${c.url}/api/v1/summary?period=year&agency=${encodeURIComponent(AGENCY)}`, {
        headers: { authorization: `Bearer ${TOKEN}` },
      })
    ).json()) as { formula: { minAnswers: number }; overall: { answers: number; tooFew: boolean } };

  it('two answers are enough with MIN_ANSWERS=2, too few with MIN_ANSWERS=3', async () => {
    const a = await summary(two);
    expect(a.formula.minAnswers).toBe(2);
    expect(a.overall).toMatchObject({ answers: 2, tooFew: false });
    const b = await summary(three);
    expect(b.formula.minAnswers).toBe(3);
    expect(b.overall).toMatchObject({ answers: 2, tooFew: true });
    const page = await (await fetch(`${three.url}/dashboard?period=year`, { headers: { authorization: `Bearer ${TOKEN}` } })).text();
    expect(page).toContain('data-too-few');
  });

  it('with SATISFIED_FROM_5=5 only the 5 counts, and the pages say which levels were counted', async () => {
    const a = (await summary(two)) as unknown as { overall: { satisfied: number }; formula: { satisfiedLevels: unknown } };
    expect(a.formula.satisfiedLevels).toEqual({ 5: [5], 3: [3] });
    expect(a.overall.satisfied).toBe(1);
    const b = (await summary(three)) as unknown as { overall: { satisfied: number } };
    expect(b.overall.satisfied).toBe(2);
    const page = await (await fetch(`${two.url}/dashboard?period=year`, { headers: { authorization: `Bearer ${TOKEN}` } })).text();
    expect(page).toContain('mức 5 trên thang 5 mức, mức 3 trên thang 3 mức) trên tổng số câu trả lời');
    const pub = await (await fetch(`${two.url}/public/${encodeURIComponent(AGENCY)}?ui=en`)).text();
    expect(pub).toContain('level 5 on the 5-level scale, level 3 on the 3-level scale) among all answers');
    const standard = await (await fetch(`${three.url}/public/${encodeURIComponent(AGENCY)}`)).text();
    expect(standard).toContain('tỷ lệ câu trả lời Hài lòng và Rất hài lòng trên tổng số câu trả lời');
  });

  it('the public page publishes the figure only when it reaches MIN_ANSWERS', async () => {
    const path = `/public/${encodeURIComponent(AGENCY)}`;
    const published = await (await fetch(`${two.url}${path}`)).text();
    expect(published).toContain('data-procedure="1.000178"');
    expect(published).not.toContain('data-too-few-overall');
    const withheld = await (await fetch(`${three.url}${path}`)).text();
    expect(withheld).not.toContain('data-procedure="1.000178"');
    expect(withheld).toContain('data-too-few-overall');
  });
});
