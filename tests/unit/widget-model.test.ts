import { describe, expect, it, vi } from 'vitest';
import { createFeedbackModel, type Transport } from '../../widget/src/model';

const base = { lang: 'vi' as const, pageUrl: 'https://dichvucong.example/tthc/1' };

describe('widget feedback model', () => {
  it('sends the chosen level with the page and procedure code, then thanks the citizen', async () => {
    const send = vi.fn<Transport>(async () => ({ ok: true, id: 'abc' }));
    const model = createFeedbackModel({ ...base, procedureCode: '1.000178', send });
    await model.rate(4);
    expect(send).toHaveBeenCalledWith({
      v: 2,
      id: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/),
      kind: 'rating',
      overall: 4,
      respondent: expect.stringMatching(/^[0-9a-f-]{36}$/),
      pageUrl: base.pageUrl,
      lang: 'vi',
      createdAt: expect.any(String),
      procedureCode: '1.000178',
    });
    expect(model.status.value).toBe('sent');
    expect(model.notice.value?.id).toBe('widget.thanks');
  });

  it('sends origin and path only, shows the receipt, and keeps the id on a retry so it is stored once', async () => {
    const sent: string[] = [];
    let fail = true;
    const send = vi.fn<Transport>(async (s) => {
      sent.push(s.id);
      expect(s.pageUrl).toBe('https://dichvucong.example/tthc/1');
      return fail ? { ok: false, kind: 'network' } : { ok: true, id: s.id, receipt: 'ACDE3467' };
    });
    const model = createFeedbackModel({ ...base, pageUrl: `${base.pageUrl}?name=Nguyen#top`, send });
    await model.rate(3);
    fail = false;
    await model.retry();
    expect(sent).toHaveLength(2);
    expect(sent[1]).toBe(sent[0]);
    expect(model.notice.value).toEqual({ id: 'widget.thanksReceipt', params: { receipt: 'ACDE3467' } });
  });

  it('shows a catalog message for a collector error code, never the server text', async () => {
    const model = createFeedbackModel({ ...base, send: async () => ({ ok: false, kind: 'rejected', code: 'rate_limited' }) });
    await model.rate(1);
    expect(model.notice.value?.id).toBe('widget.error.code.rateLimited');
  });

  it('keeps the rating and offers to send again after a network failure', async () => {
    let fail = true;
    const send: Transport = async () => (fail ? { ok: false, kind: 'network' } : { ok: true, id: 'x' });
    const model = createFeedbackModel({ ...base, send });
    await model.rate(2);
    expect(model.status.value).toBe('error');
    expect(model.canRetry.value).toBe(true);
    expect(model.rating.value).toBe(2);
    fail = false;
    await model.retry();
    expect(model.status.value).toBe('sent');
  });

  it('says so when no collector is configured, and does not offer a retry that cannot work', async () => {
    const model = createFeedbackModel(base);
    await model.rate(5);
    expect(model.notice.value?.id).toBe('widget.error.noCollector');
    expect(model.canRetry.value).toBe(false);
  });

  it('gives each widget its own state', async () => {
    const send: Transport = async () => ({ ok: true, id: 'x' });
    const a = createFeedbackModel({ ...base, send });
    const b = createFeedbackModel({ ...base, send });
    await a.rate(1);
    expect(b.rating.value).toBeNull();
  });
});
