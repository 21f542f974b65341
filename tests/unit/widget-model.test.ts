/** The widget's per-instance models: what a rating and a gap report carry, and the states a citizen reads. */
import { describe, expect, it, vi } from 'vitest';
import { cleanUrl, createGapModel, createRatingModel, pageKey, type Deliver } from '../../widget/src/model';
import type { AuditReport } from '../../shared/audit/types';

const base = { lang: 'vi' as const, pageUrl: 'https://dichvucong.example/tthc/1' };
const delivered: Deliver = async (s, listen) => listen({ state: 'sent', receipt: 'ACDE3467' });

describe('page addresses', () => {
  it('sends origin and path only, but tells pages apart by their query and route, not by an anchor', () => {
    const page = 'https://dichvucong.example.gov.vn/chi-tiet.html';
    expect(cleanUrl(`${page}?ma_thu_tuc=1.000178#muc-2`)).toBe(page);
    expect(pageKey(`${page}?ma_thu_tuc=1.000178#muc-2`)).toBe(`${page}?ma_thu_tuc=1.000178`);
    expect(pageKey(`${page}#/thu-tuc/1.000178`)).toBe(`${page}#/thu-tuc/1.000178`);
    expect(pageKey(`${page}#!/thu-tuc/2.000001`)).toBe(`${page}#!/thu-tuc/2.000001`);
    expect(pageKey(`${page}#huong-dan`)).toBe(page);
  });
});

describe('rating model', () => {
  it('sends the procedure name and agency with a rating and a gap report, trimmed to the protocol bounds', async () => {
    const deliver = vi.fn<Deliver>(delivered);
    const options = { ...base, deliver, procedureName: ' Cấp giấy phép xây dựng ', agency: 'x'.repeat(400) };
    const rating = createRatingModel(options);
    await rating.rate(5);
    expect(deliver.mock.calls[0]![0]).toMatchObject({ procedureName: 'Cấp giấy phép xây dựng', agency: 'x'.repeat(300) });
    const gap = createGapModel(options);
    gap.toggle('fees');
    await gap.submit();
    expect(deliver.mock.calls[1]![0]).toMatchObject({ kind: 'gap-report', procedureName: 'Cấp giấy phép xây dựng' });
    const plain = vi.fn<Deliver>(delivered);
    await createRatingModel({ ...base, pageUrl: `${base.pageUrl}/plain`, deliver: plain }).rate(2);
    expect(plain.mock.calls[0]![0]).not.toHaveProperty('procedureName');
    expect(plain.mock.calls[0]![0]).not.toHaveProperty('scale');
  });

  it('on the 3-level scale takes levels 1 to 3 only and sends scale 3', async () => {
    const deliver = vi.fn<Deliver>(delivered);
    const model = createRatingModel({ ...base, pageUrl: `${base.pageUrl}/three`, deliver, scale: 3 });
    model.select(4);
    expect(model.rating.value).toBeNull();
    await model.rate(3);
    expect(deliver.mock.calls[0]![0]).toMatchObject({ overall: 3, scale: 3 });
  });

  it('sends the chosen level with the page, procedure code, answers and comment, then shows the receipt', async () => {
    const deliver = vi.fn<Deliver>(delivered);
    const model = createRatingModel({ ...base, procedureCode: '1.000178', deliver });
    model.select(4);
    model.answer('d', 2);
    model.comment.value = '  Thiếu mẫu đơn  ';
    await model.submit();
    expect(deliver.mock.calls[0]![0]).toMatchObject({
      v: 2,
      id: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/),
      kind: 'rating',
      overall: 4,
      respondent: expect.stringMatching(/^[0-9a-f-]{36}$/),
      pageUrl: base.pageUrl,
      lang: 'vi',
      procedureCode: '1.000178',
      questionSet: 'nd118-art33',
      answers: { d: 2 },
      comment: 'Thiếu mẫu đơn',
    });
    expect(model.status.value).toBe('sent');
    expect(model.notice.value).toEqual({ id: 'widget.thanksReceipt', params: { receipt: 'ACDE3467' } });
  });

  it('sends origin and path only, and keeps the id when the same form is sent again', async () => {
    const ids: string[] = [];
    const deliver: Deliver = async (s, listen) => {
      ids.push(s.id);
      expect(s.pageUrl).toBe(base.pageUrl);
      listen({ state: 'rejected', code: 'rate_limited' });
    };
    const model = createRatingModel({ ...base, pageUrl: `${base.pageUrl}?name=Nguyen#top`, deliver });
    await model.rate(3);
    expect(model.notice.value?.id).toBe('widget.error.code.rateLimited');
    await model.rate(3);
    expect(ids[1]).toBe(ids[0]);
  });

  it('shows each delivery state: sending, saved on this device, sent', async () => {
    let listen: Parameters<Deliver>[1] = () => undefined;
    const model = createRatingModel({ ...base, deliver: async (_s, l) => void (listen = l) });
    await model.rate(2);
    listen({ state: 'sending' });
    expect(model.notice.value?.id).toBe('widget.sending');
    listen({ state: 'queued', reason: 'network' });
    expect(model.status.value).toBe('queued');
    expect(model.notice.value?.id).toBe('widget.queued.network');
    listen({ state: 'sent' });
    expect(model.notice.value?.id).toBe('widget.thanks');
  });

  it('says so when no collector is configured', async () => {
    const model = createRatingModel(base);
    await model.rate(5);
    expect(model.notice.value?.id).toBe('widget.error.noCollector');
  });

  it('gives each widget its own state', async () => {
    const a = createRatingModel({ ...base, pageUrl: 'https://a.example/x', deliver: delivered });
    const b = createRatingModel({ ...base, pageUrl: 'https://a.example/y', deliver: delivered });
    await a.rate(1);
    expect(b.rating.value).toBeNull();
  });
});

describe('gap-report model', () => {
  const report = {
    status: 'audited',
    engine: { name: 'tthc-audit', version: '9.9.9' },
    results: [
      { id: 'name', status: 'pass' },
      { id: 'fees', status: 'fail' },
      { id: 'forms', status: 'fail' },
      { id: 'result', status: 'review' },
    ],
  } as unknown as AuditReport;

  it('pre-ticks what the engine found missing and sends the ticked elements with the findings', async () => {
    const deliver = vi.fn<Deliver>(delivered);
    const model = createGapModel({ ...base, procedureCode: '1.000178', deliver });
    model.setReport(report);
    expect([...model.ticked.value].sort()).toEqual(['fees', 'forms']);
    model.toggle('forms');
    model.toggle('result');
    model.toggleWrong('name');
    model.toggleWrong('result');
    await model.submit();
    expect(deliver.mock.calls[0]![0]).toMatchObject({
      kind: 'gap-report',
      elements: [
        { id: 'fees', problem: 'missing' },
        { id: 'name', problem: 'wrong' },
        { id: 'result', problem: 'wrong' },
      ],
      findings: { engineVersion: '9.9.9', results: report.results.map((r) => ({ id: r.id, status: r.status })) },
    });
    expect(model.notice.value?.id).toBe('widget.gap.thanksReceipt');
  });

  it('asks for at least one ticked element', async () => {
    const deliver = vi.fn<Deliver>(delivered);
    const model = createGapModel({ ...base, deliver });
    await model.submit();
    expect(deliver).not.toHaveBeenCalled();
    expect(model.notice.value?.id).toBe('widget.gap.noneTicked');
  });
});
