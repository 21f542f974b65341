// @vitest-environment happy-dom
/** The widget's view in a DOM (happy-dom): the scale a citizen sees and what a click does. */
import { describe, expect, it } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { Widget } from '../../widget/src/Widget';
import { createFeedbackModel, type Transport } from '../../widget/src/model';

function mount(send?: Transport, lang: 'vi' | 'en' = 'vi') {
  const host = document.createElement('div');
  document.body.append(host);
  const model = createFeedbackModel({ lang, pageUrl: 'https://example.gov.vn/tthc', send });
  render(<Widget model={model} />, host);
  return host;
}

describe('widget view', () => {
  it('offers the five satisfaction levels as a radio group, in Vietnamese', () => {
    const host = mount();
    const levels = [...host.querySelectorAll('[role="radio"]')].map((b) => b.textContent);
    expect(levels).toEqual(['Rất không hài lòng', 'Không hài lòng', 'Bình thường', 'Hài lòng', 'Rất hài lòng']);
    expect(host.querySelector('[role="radiogroup"]')?.getAttribute('aria-labelledby')).toBe('tf-title');
  });

  it('marks the chosen level, thanks the citizen and locks the scale', async () => {
    const host = mount(async () => ({ ok: true, id: 'x' }), 'en');
    await act(async () => {
      (host.querySelector('[data-rating="5"]') as HTMLButtonElement).click();
    });
    expect(host.querySelector('[data-rating="5"]')?.getAttribute('aria-checked')).toBe('true');
    expect(host.querySelector('[role="status"]')?.textContent).toContain('Thank you');
    expect((host.querySelector('[data-rating="1"]') as HTMLButtonElement).disabled).toBe(true);
  });

  it('shows a retry button after a network failure', async () => {
    const host = mount(async () => ({ ok: false, kind: 'network' }));
    await act(async () => {
      (host.querySelector('[data-rating="3"]') as HTMLButtonElement).click();
    });
    expect(host.querySelector('.tf-retry')?.textContent).toBe('Gửi lại');
  });
});
