import { describe, expect, it, vi } from 'vitest';
import { createFeedbackModel, type Transport } from '../../widget/src/model';

const base = { lang: 'vi' as const, pageUrl: 'https://dichvucong.example/tthc/1' };

describe('widget feedback model', () => {
  it('sends the chosen level with the page and procedure code, then thanks the citizen', async () => {
    const send = vi.fn<Transport>(async () => ({ ok: true, id: 'abc' }));
    const model = createFeedbackModel({ ...base, procedureCode: '1.000178', send });
    await model.rate(4);
    expect(send).toHaveBeenCalledWith({ v: 1, kind: 'rating', rating: 4, pageUrl: base.pageUrl, lang: 'vi', procedureCode: '1.000178' });
    expect(model.status.value).toBe('sent');
    expect(model.notice.value?.id).toBe('widget.thanks');
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
