/**
 * Link discovery on procedure lists: the layouts portals use (a table of procedures, a card list,
 * the national portal's search results), pagination in its usual forms, deduplication by address
 * and by procedure code, other hosts left out, and a site profile's selectors overriding the defaults.
 */
import { describe, expect, it } from 'vitest';
import { discoverLinks, mergeLinks, normalizeUrl, walkList } from '../../shared/batch';
import { parseHtmlDocument } from '../../shared/node/html';

const LIST = 'https://dichvucong.tinh.gov.vn/thu-tuc/danh-sach?page=2';
const page = (body: string) => parseHtmlDocument(`<!doctype html><html><head><title>Danh sách</title></head><body>${body}</body></html>`);
const chrome = `<header><nav><a href="/">Trang chủ</a><a href="/gioi-thieu">Giới thiệu</a></nav></header>
<footer><a href="/lien-he">Liên hệ</a><a href="https://facebook.com/x">Facebook</a></footer>`;

describe('discoverLinks on list layouts', () => {
  it('finds each procedure row of a table, with its code and name, and not the menus', () => {
    const doc =
      page(`${chrome}<table class="table"><thead><tr><th>STT</th><th>Mã</th><th>Tên thủ tục</th><th>Lĩnh vực</th></tr></thead><tbody>
<tr><td>1</td><td>1.000178</td><td><a href="/thu-tuc/chi-tiet?id=11">Thủ tục giải quyết khiếu nại lần đầu</a></td><td>Khiếu nại</td></tr>
<tr><td>2</td><td>2.001234.000.00.00.H12</td><td><a href="/thu-tuc/chi-tiet?id=12">Đăng ký khai sinh</a></td><td>Hộ tịch</td></tr>
<tr><td>3</td><td>1.003658.000.00.00.H38</td><td><a href="chi-tiet?id=13#top">Cấp giấy phép kinh doanh karaoke</a></td><td>Văn hóa</td></tr>
</tbody></table>`);
    const { links } = discoverLinks(doc, LIST);
    expect(links).toEqual([
      {
        url: 'https://dichvucong.tinh.gov.vn/thu-tuc/chi-tiet?id=11',
        procedureCode: '1.000178',
        title: 'Thủ tục giải quyết khiếu nại lần đầu',
      },
      { url: 'https://dichvucong.tinh.gov.vn/thu-tuc/chi-tiet?id=12', procedureCode: '2.001234.000.00.00.H12', title: 'Đăng ký khai sinh' },
      {
        url: 'https://dichvucong.tinh.gov.vn/thu-tuc/chi-tiet?id=13',
        procedureCode: '1.003658.000.00.00.H38',
        title: 'Cấp giấy phép kinh doanh karaoke',
      },
    ]);
  });

  it('finds each card of a card list, naming a "Xem chi tiết" link by the card title', () => {
    const doc = page(`${chrome}<div class="list">
<div class="card"><h3 class="card-title">Cấp phiếu lý lịch tư pháp</h3><p>Mã thủ tục: 1.001234</p><a class="btn" href="/tthc/1001234">Xem chi tiết</a></div>
<div class="card"><h3 class="card-title">Chứng thực bản sao từ bản chính</h3><p>Mã thủ tục: 1.001235</p><a class="btn" href="/tthc/1001235">Xem chi tiết</a></div>
</div>`);
    const { links } = discoverLinks(doc, LIST);
    expect(links.map((l) => [l.url.replace(/^https:\/\/[^/]+/, ''), l.procedureCode, l.title])).toEqual([
      ['/tthc/1001234', '1.001234', 'Cấp phiếu lý lịch tư pháp'],
      ['/tthc/1001235', '1.001235', 'Chứng thực bản sao từ bản chính'],
    ]);
  });

  it('finds the national portal search results (ma_thu_tuc links in result items)', () => {
    const base = 'https://dichvucong.gov.vn/p/home/dvc-tthc-danh-muc-tthc.html?keyword=khai+sinh';
    const doc = page(`<div class="list-document"><ul>
<li class="item"><a class="title" href="/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=2345">Đăng ký khai sinh</a><div class="meta"><span>Mã thủ tục: 1.001193</span><span>Lĩnh vực: Hộ tịch</span></div></li>
<li class="item"><a class="title" href="/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=2346&utm_source=x">Đăng ký khai sinh có yếu tố nước ngoài</a><div class="meta"><span>Mã thủ tục: 1.001695</span></div></li>
</ul></div>`);
    const { links } = discoverLinks(doc, base);
    expect(links.map((l) => [l.url, l.procedureCode])).toEqual([
      ['https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=2345', '1.001193'],
      ['https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=2346', '1.001695'],
    ]);
  });

  it('finds no procedures on a page without a list of them', () => {
    const doc = page(`${chrome}<article><h1>Tin tức</h1><p>Một bài viết có <a href="/tin/1">một liên kết</a>.</p></article>`);
    expect(discoverLinks(doc, LIST).links).toEqual([]);
  });
});

describe('discoverLinks pagination', () => {
  const rows = `<table><tr><td><a href="/tt/1">Thủ tục cấp giấy phép số một</a></td></tr><tr><td><a href="/tt/2">Thủ tục cấp giấy phép số hai</a></td></tr></table>`;

  it('follows numbered pages, "Trang sau" and », without the current page', () => {
    const doc = page(
      `${rows}<ul class="pagination"><li><a href="?page=1">1</a></li><li class="active"><a href="?page=2">2</a></li><li><a href="?page=3">3</a></li><li><a href="?page=3">Trang sau</a></li><li><a href="?page=9">»</a></li></ul>`,
    );
    const { nextPages, links } = discoverLinks(doc, LIST);
    expect(nextPages).toEqual([
      'https://dichvucong.tinh.gov.vn/thu-tuc/danh-sach?page=1',
      'https://dichvucong.tinh.gov.vn/thu-tuc/danh-sach?page=3',
      'https://dichvucong.tinh.gov.vn/thu-tuc/danh-sach?page=9',
    ]);
    expect(links).toHaveLength(2);
  });

  it('follows rel=next, "Sau" and "Next" links outside a pager', () => {
    expect(discoverLinks(page(`${rows}<a rel="next" href="/ds/p4">tiếp</a>`), LIST).nextPages).toEqual([
      'https://dichvucong.tinh.gov.vn/ds/p4',
    ]);
    expect(discoverLinks(page(`${rows}<div><a href="/ds?trang=5">Sau</a></div>`), LIST).nextPages).toEqual([
      'https://dichvucong.tinh.gov.vn/ds?trang=5',
    ]);
    expect(discoverLinks(page(`${rows}<div><a href="/ds/6">Next</a></div>`), LIST).nextPages).toEqual([
      'https://dichvucong.tinh.gov.vn/ds/6',
    ]);
  });

  it('does not take script pagination or another host', () => {
    const doc = page(
      `${rows}<div class="pager"><a href="javascript:__doPostBack('p','2')">2</a><a href="https://other.example/ds?page=3">3</a></div>`,
    );
    expect(discoverLinks(doc, LIST).nextPages).toEqual([]);
  });
});

describe('discoverLinks deduplication, hosts and profiles', () => {
  it('keeps one link per normalised address and per procedure code, and drops other hosts', () => {
    const doc = page(`<table>
<tr><td>1.000001</td><td><a href="https://DichVuCong.Tinh.gov.vn/tt/a/?utm_source=zalo#x">Thủ tục thứ nhất của tỉnh</a></td></tr>
<tr><td>1.000002</td><td><a href="/tt/a">Thủ tục thứ nhất của tỉnh (lặp lại)</a></td></tr>
<tr><td>1.000001</td><td><a href="/tt/a-khac">Thủ tục thứ nhất, địa chỉ khác</a></td></tr>
<tr><td>1.000003</td><td><a href="https://ministry.example.vn/tt/3">Thủ tục ở trang của bộ</a></td></tr>
<tr><td>1.000004</td><td><a href="/tt/d">Thủ tục thứ tư của tỉnh</a></td></tr>
</table>`);
    expect(discoverLinks(doc, LIST).links.map((l) => l.url)).toEqual([
      'https://dichvucong.tinh.gov.vn/tt/a',
      'https://dichvucong.tinh.gov.vn/tt/d',
    ]);
    expect(discoverLinks(doc, LIST, { allowHosts: ['example.vn'] }).links.map((l) => l.url)).toContain('https://ministry.example.vn/tt/3');
  });

  it('uses the profile selectors when the defaults miss', () => {
    const doc = page(`<div id="ds"><span class="tt"><a href="/x/1">A</a></span> <span class="tt"><a href="/x/2">B</a></span></div>
<p><button>1</button><a class="more" href="/ds?offset=20">Xem thêm thủ tục</a></p>`);
    expect(discoverLinks(doc, LIST).links).toEqual([]);
    const found = discoverLinks(doc, LIST, { linkSelector: '#ds .tt', nextSelector: 'a.more' });
    expect(found.links.map((l) => l.url)).toEqual(['https://dichvucong.tinh.gov.vn/x/1', 'https://dichvucong.tinh.gov.vn/x/2']);
    expect(found.nextPages).toEqual(['https://dichvucong.tinh.gov.vn/ds?offset=20']);
  });

  it('merges the links of several list pages, the first occurrence winning', () => {
    const a = [{ url: 'https://h/1', procedureCode: '1.000001' }, { url: 'https://h/2' }];
    const b = [{ url: 'https://h/2' }, { url: 'https://h/3', procedureCode: '1.000001' }, { url: 'https://h/4' }];
    expect(mergeLinks([a, b]).map((l) => l.url)).toEqual(['https://h/1', 'https://h/2', 'https://h/4']);
  });
});

describe('normalizeUrl', () => {
  it('gives one form per page address', () => {
    expect(normalizeUrl('HTTPS://Example.VN:443/a/b/?z=1&utm_medium=x&a=2#frag')).toBe('https://example.vn/a/b?a=2&z=1');
    expect(normalizeUrl('/c/', 'http://example.vn/a/')).toBe('http://example.vn/c');
    expect(normalizeUrl('http://example.vn')).toBe('http://example.vn/');
    expect(normalizeUrl('javascript:void(0)')).toBeNull();
    expect(normalizeUrl('mailto:a@b.vn')).toBeNull();
    expect(normalizeUrl('not a url')).toBeNull();
  });
});

describe('walkList through a list and its pagination', () => {
  const BASE = 'https://sotuphap.tinh.gov.vn/thu-tuc';
  /** Three list pages of two procedures each; page 1 is also linked as ?page=1; page 3 cannot be read at first. */
  const listPage = (n: number) =>
    `<!doctype html><html><body><table><tr><th>Mã</th><th>Tên thủ tục</th></tr>${[1, 2]
      .map((i) => `<tr><td>1.00${n}${i}00</td><td><a href="/thu-tuc/chi-tiet?id=${n}${i}">Thủ tục ${n}.${i}</a></td></tr>`)
      .join('')}</table><div class="pagination"><a href="?page=1">1</a><a href="?page=2">2</a><a href="?page=3">3</a></div></body></html>`;

  function io(fail: Set<string> = new Set()) {
    const requested: string[] = [];
    return {
      requested,
      load: async (url: string) => {
        requested.push(url);
        if (fail.has(url)) throw new Error('HTTP 503');
        const n = Number(new URL(url).searchParams.get('page') ?? '1');
        return listPage(n);
      },
      parse: parseHtmlDocument,
    };
  }

  it('reads every list page once (page 1 linked again as ?page=1 included) and keeps only procedure links', async () => {
    const pages = io();
    const walk = await walkList(BASE, pages, { maxListPages: 10 });
    expect(pages.requested).toEqual([BASE, `${BASE}?page=2`, `${BASE}?page=3`]);
    expect(walk.links.map((l) => l.url)).toEqual(
      ['11', '12', '21', '22', '31', '32'].map((id) => `https://sotuphap.tinh.gov.vn/thu-tuc/chi-tiet?id=${id}`),
    );
    expect(walk).toMatchObject({ listPages: 3, failures: [], firstFailed: false, cappedPages: false, cappedLinks: false });
  });

  it('goes on past a list page that cannot be read, and says which', async () => {
    const walk = await walkList(BASE, io(new Set([`${BASE}?page=2`])), { maxListPages: 10 });
    expect(walk.links).toHaveLength(4);
    expect(walk.failures.map((f) => f.url)).toEqual([`${BASE}?page=2`]);
    expect(walk.firstFailed).toBe(false);
    const dead = await walkList(BASE, io(new Set([BASE])), { maxListPages: 10 });
    expect(dead).toMatchObject({ links: [], listPages: 0, firstFailed: true });
  });

  it('stops at the list-page and link caps and says it did', async () => {
    const byPages = await walkList(BASE, io(), { maxListPages: 2 });
    expect(byPages).toMatchObject({ listPages: 2, cappedPages: true });
    expect(byPages.links).toHaveLength(4);
    const byLinks = await walkList(BASE, io(), { maxListPages: 10, maxLinks: 3 });
    expect(byLinks.links).toHaveLength(3);
    expect(byLinks.cappedLinks).toBe(true);
  });

  it("uses the first page's HTML when the caller already has it (the open tab)", async () => {
    const pages = io();
    await walkList(BASE, pages, { maxListPages: 10, firstHtml: listPage(1) });
    expect(pages.requested).toEqual([`${BASE}?page=2`, `${BASE}?page=3`]);
  });
});
