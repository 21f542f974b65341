// @vitest-environment happy-dom
/** The widget's view in a DOM (happy-dom): native radios in a fieldset, the panels, what a submit does. */
import { describe, expect, it } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { Widget, createViewState, type WidgetProps } from '../../widget/src/Widget';
import { createGapModel, createRatingModel, type Deliver } from '../../widget/src/model';
import { createNotifier } from '../../widget/src/cell';
import { messages as vi } from '../../widget/src/strings-vi';
import { messages as en } from '../../widget/src/strings-en';

/** The strings of each language, as its strings chunk hands them over. */
const strings = { vi, en };

function mount(
  deliver?: Deliver,
  lang: 'vi' | 'en' = 'vi',
  extra: Partial<WidgetProps> = {},
  scale: 3 | 5 = 5,
  pageUrl = `https://example.gov.vn/tthc/${Math.random()}`,
) {
  const host = document.createElement('div');
  document.body.append(host);
  const notifier = createNotifier();
  const common = { lang, pageUrl, deliver, notifier, scale };
  const rating = createRatingModel(common);
  const gap = createGapModel(common);
  // As the element does: every change draws the tree again.
  const view = createViewState(notifier);
  const draw = () => render(<Widget view={view} lang={lang} strings={strings[lang]} rating={rating} gap={gap} {...extra} />, host);
  notifier.subscribe(draw);
  draw();
  return host;
}

describe('widget view', () => {
  it('shows the rating this browser gave before, chosen, and offers to send a changed one', () => {
    const pageUrl = 'https://example.gov.vn/tthc/rated-before';
    localStorage.setItem(`tthc-feedback:rated:${pageUrl}`, JSON.stringify({ overall: 2, scale: 5, receipt: 'ACDE3467' }));
    const host = mount(undefined, 'vi', {}, 5, pageUrl);
    expect((host.querySelector('[data-rating="2"] input') as HTMLInputElement).checked).toBe(true);
    expect(host.querySelector('.tf-status')?.textContent).toContain('mã biên nhận: ACDE3467');
    expect(host.querySelector('.tf-submit')?.textContent).toBe('Gửi đánh giá đã sửa');
    expect(mount().querySelector('.tf-submit')?.textContent).toBe('Gửi đánh giá');
  });

  it("keeps the answers of procedures told apart only by the query (the national portal's ?ma_thu_tuc=) apart", () => {
    const page = 'https://dichvucong.example.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html';
    localStorage.setItem(`tthc-feedback:rated:${page}?ma_thu_tuc=1.000178`, JSON.stringify({ overall: 2, scale: 5 }));
    const rated = mount(undefined, 'vi', {}, 5, `${page}?ma_thu_tuc=1.000178#huong-dan`);
    expect((rated.querySelector('[data-rating="2"] input') as HTMLInputElement).checked).toBe(true);
    const other = mount(undefined, 'vi', {}, 5, `${page}?ma_thu_tuc=2.000001`);
    expect(other.querySelector('[data-rating] input:checked')).toBeNull();
    expect(other.querySelector('.tf-submit')?.textContent).toBe('Gửi đánh giá');
  });

  it('offers the five levels as native radios in a fieldset with a legend, in Vietnamese', () => {
    const host = mount();
    const labels = [...host.querySelectorAll('.tf-level')].map((l) => l.textContent);
    expect(labels).toEqual(['Rất không hài lòng', 'Không hài lòng', 'Bình thường', 'Hài lòng', 'Rất hài lòng']);
    expect(host.querySelectorAll('fieldset.tf-scale input[type="radio"][name="overall"]')).toHaveLength(5);
    expect(host.querySelector('fieldset.tf-scale > legend')?.textContent).toContain('hài lòng');
  });

  it('sends after a choice and the submit button, and thanks the citizen', async () => {
    const host = mount(async (_s, listen) => listen({ state: 'sent', receipt: 'ACDE3467' }), 'en');
    await act(async () => {
      (host.querySelector('[data-rating="5"] input') as HTMLInputElement).click();
    });
    await act(async () => {
      (host.querySelector('.tf-submit') as HTMLButtonElement).click();
      await new Promise((r) => setTimeout(r, 0));
    });
    expect(host.querySelector('.tf-status')?.textContent).toContain('ACDE3467');
  });

  it('counts the characters of a comment', async () => {
    const host = mount();
    const area = host.querySelector('textarea') as HTMLTextAreaElement;
    await act(async () => {
      area.value = 'abc';
      area.dispatchEvent(new Event('input'));
      await Promise.resolve();
    });
    expect(host.querySelector('.tf-count')?.textContent).toBe('Đã nhập 3/2000 ký tự');
  });

  it('shows configured contacts with tel: and mailto: links and says where they come from', async () => {
    const host = mount(undefined, 'vi', {
      panels: ['contact'],
      engine: { state: 'loading', view: null, loaded: true },
      contacts: [{ agency: 'Trung tâm Phục vụ hành chính công tỉnh', phones: ['0214 3840 888'], emails: ['pakn@x.gov.vn'] }],
    });
    expect(host.querySelector('a[href^="tel:"]')?.getAttribute('href')).toBe('tel:02143840888');
    expect(host.querySelector('a[href^="mailto:"]')?.textContent).toBe('pakn@x.gov.vn');
    expect(host.querySelector('[data-source]')?.getAttribute('data-source')).toBe('config');
  });

  it('shows no contact when neither configured nor found on the page', () => {
    const host = mount(undefined, 'en', { panels: ['contact'], engine: { state: 'done', view: null, loaded: true } });
    expect(host.querySelector('[data-contact]')).toBeNull();
    expect(host.querySelector('[data-source="none"]')).not.toBeNull();
  });

  it('offers three levels when the scale is 3, with their faces and labels, and sends scale 3', async () => {
    const sent: unknown[] = [];
    const host = mount(async (s, listen) => (sent.push(s), listen({ state: 'sent', receipt: 'ACDE3467' })), 'vi', {}, 3);
    const labels = [...host.querySelectorAll('.tf-level')].map((l) => l.textContent);
    expect(labels).toEqual(['Không hài lòng', 'Bình thường', 'Hài lòng']);
    expect(host.querySelectorAll('fieldset.tf-scale input[type="radio"][name="overall"]')).toHaveLength(3);
    await act(async () => {
      (host.querySelector('[data-rating="3"] input') as HTMLInputElement).click();
    });
    await act(async () => {
      (host.querySelector('.tf-submit') as HTMLButtonElement).click();
      await new Promise((r) => setTimeout(r, 0));
    });
    expect(sent[0]).toMatchObject({ overall: 3, scale: 3 });
  });

  it('names the procedure and its agency above the panels when they are known', () => {
    const host = mount(undefined, 'vi', { procedure: { name: 'Cấp giấy phép xây dựng', agency: 'Sở Xây dựng' } });
    expect(host.querySelector('[data-context]')?.textContent).toBe('Thủ tục: Cấp giấy phép xây dựngCơ quan thực hiện: Sở Xây dựng');
    expect(mount().querySelector('[data-context]')).toBeNull();
  });
});
