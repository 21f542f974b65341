/**
 * The command-line auditor reads a page as a browser would show it: shared/node/html.ts builds the
 * tree a browser builds from broken real-world HTML (server-side-include pages with a second
 * document, stray and missing end tags, content between table cells, `<noscript>`, character
 * references), and fragments and empty strings still become a page with a body. Structure only;
 * the same pages audited in Node and in Chromium are compared in tests/e2e/html-parity.e2e.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { parseHtmlDocument } from '../../shared/node/html';

/** The text of an element with runs of white space made one space, as people read it. */
const text = (element: Element | null | undefined) => element?.textContent?.replace(/\s+/g, ' ').trim();
/** Local names of an element's child elements, in order. */
const childNames = (element: Element | null | undefined) => Array.from(element?.children ?? [], (child) => child.localName);

describe('parsing a page as a browser does', () => {
  it('keeps the rest of the page after a second </body></html><html><head></head><body> from server-side includes', () => {
    const document = parseHtmlDocument(`<!doctype html><html lang="vi"><head><title>Đăng ký khai sinh</title></head><body>
      <header><nav><a href="/">Trang chủ</a></nav></header>
      </body></html><html><head></head><body>
      <h1 id="name">Đăng ký khai sinh</h1>
      <p id="time">Thời hạn giải quyết: Ngay trong ngày</p>
      </body></html>`);
    expect(text(document.getElementById('name'))).toBe('Đăng ký khai sinh');
    expect(text(document.getElementById('time'))).toBe('Thời hạn giải quyết: Ngay trong ngày');
    // One document: one html, one head, one body, the procedure inside that body.
    expect(document.querySelectorAll('html, head, body')).toHaveLength(3);
    expect(document.getElementById('time')?.parentElement).toBe(document.body);
    expect(document.title).toBe('Đăng ký khai sinh');
  });

  it('ignores extra </div></div> so the sections after them stay inside the procedure block', () => {
    const document = parseHtmlDocument(`<!doctype html><body><div id="page"><div id="box"><p>Mã thủ tục: 1.009994</p></div></div></div>
      <div class="section" id="steps"><h3>Trình tự thực hiện</h3><p>Bước 1: nộp hồ sơ.</p></div></div>
      <div class="section" id="time"><h3>Thời hạn giải quyết</h3><p>15 ngày làm việc</p></div></body>`);
    expect(document.getElementById('steps')?.parentElement).toBe(document.body);
    expect(document.getElementById('time')?.parentElement).toBe(document.body);
    expect(text(document.querySelector('#time > p'))).toBe('15 ngày làm việc');
  });

  it('turns a </p> with no open paragraph into an empty paragraph and keeps the text around it', () => {
    const document = parseHtmlDocument('<!doctype html><div id="fees">Phí, lệ phí:</p> 75.000 đồng</div>');
    const fees = document.getElementById('fees')!;
    expect(text(fees)).toBe('Phí, lệ phí: 75.000 đồng');
    expect(childNames(fees)).toEqual(['p']);
    expect(fees.querySelector('p')?.textContent).toBe('');
  });

  it('closes unclosed <p>, <li>, <td> and <tr> where the next one starts, so every field keeps its own box', () => {
    const document = parseHtmlDocument(`<!doctype html><body>
      <table id="fields"><tr><td>Mã thủ tục<td>2.000505<tr><td>Thời hạn giải quyết<td>10 ngày làm việc</table>
      <ul id="steps"><li>Bước 1: nộp tờ khai<li>Bước 2: tra cứu<li>Bước 3: trả kết quả</ul>
      <div id="body"><p>Số lượng hồ sơ: 01 bộ<p>Yêu cầu, điều kiện thực hiện: Không</div>`);
    const rows = document.querySelectorAll('#fields tr');
    expect(rows).toHaveLength(2);
    expect(Array.from(rows[1]!.children, text)).toEqual(['Thời hạn giải quyết', '10 ngày làm việc']);
    expect(Array.from(document.querySelectorAll('#steps > li'), text)).toEqual([
      'Bước 1: nộp tờ khai',
      'Bước 2: tra cứu',
      'Bước 3: trả kết quả',
    ]);
    expect(Array.from(document.querySelectorAll('#body > p'), text)).toEqual([
      'Số lượng hồ sơ: 01 bộ',
      'Yêu cầu, điều kiện thực hiện: Không',
    ]);
  });

  it('moves content written inside a <table> but outside its cells to just before the table', () => {
    const document = parseHtmlDocument(`<!doctype html><div id="detail"><table id="t">
      <tr><td>Mã thủ tục</td><td>2.000720</td></tr>
      <div id="note"><b>Thời hạn giải quyết:</b> 03 ngày làm việc</div>
      Lệ phí: 100.000 đồng
      <tr><td>Tên thủ tục</td><td>Đăng ký hộ kinh doanh</td></tr></table></div>`);
    const table = document.getElementById('t')!;
    expect(childNames(document.getElementById('detail'))).toEqual(['div', 'table']);
    expect(table.previousElementSibling?.id).toBe('note');
    expect(text(document.getElementById('detail'))!.startsWith('Thời hạn giải quyết: 03 ngày làm việc Lệ phí: 100.000 đồng')).toBe(true);
    expect(Array.from(table.querySelectorAll('td'), text)).toEqual(['Mã thủ tục', '2.000720', 'Tên thủ tục', 'Đăng ký hộ kinh doanh']);
    expect(text(table)).not.toContain('Lệ phí');
  });

  it('reads <noscript> as plain text, as a browser with scripts on: its markup makes no elements', () => {
    const document =
      parseHtmlDocument(`<!doctype html><head><noscript><link rel="stylesheet" href="/no-js.css"><p>Bật JavaScript</p></noscript></head>
      <body><noscript><h2>Phí, lệ phí</h2><p>135.000 đồng</p></noscript><p id="after">Yêu cầu, điều kiện thực hiện: Không</p></body>`);
    const [inHead, inBody] = Array.from(document.querySelectorAll('noscript'));
    expect(inHead?.parentElement?.localName).toBe('head');
    expect(inBody?.children).toHaveLength(0);
    expect(inBody?.textContent).toBe('<h2>Phí, lệ phí</h2><p>135.000 đồng</p>');
    expect(document.querySelector('h2')).toBeNull();
    expect(document.getElementById('after')?.parentElement).toBe(document.body);
  });

  it('decodes named, numeric and legacy character references into the letters people read', () => {
    const document =
      parseHtmlDocument(`<!doctype html><p id="a">T&ecirc;n th&#7911; t&#x1EE5;c:&nbsp;&#272;&#259;ng k&yacute; k&#7871;t h&ocirc;n</p>
      <p id="b">&copy 2024 A &amp; B &lt;C&gt; &notit; &#x110000;</p><a id="c" href="/tai.php?id=3&amp;file=mau.doc&copy=1">tải</a>`);
    expect(document.getElementById('a')?.textContent).toBe('Tên thủ tục:\u00a0Đăng ký kết hôn');
    expect(document.getElementById('b')?.textContent).toBe('© 2024 A & B <C> ¬it; \ufffd');
    expect(document.getElementById('c')?.getAttribute('href')).toBe('/tai.php?id=3&file=mau.doc&copy=1');
  });

  it('repairs formatting that crosses paragraphs (Word paste) so each paragraph keeps its own text', () => {
    const document = parseHtmlDocument(
      '<!doctype html><div id="d"><b><p>Trình tự thực hiện</b> Bước 1: nộp hồ sơ.</p><p>Bước 2: nhận kết quả.</p></div>',
    );
    expect(Array.from(document.querySelectorAll('#d p'), text)).toEqual(['Trình tự thực hiện Bước 1: nộp hồ sơ.', 'Bước 2: nhận kết quả.']);
    expect(text(document.querySelector('#d > p:first-of-type > b'))).toBe('Trình tự thực hiện');
    expect(childNames(document.getElementById('d'))).toEqual(['b', 'p', 'p']);
  });

  it('keeps a table inside an open paragraph on a page without a doctype (quirks mode), as browsers do', () => {
    const document = parseHtmlDocument('<HTML><BODY><P id=p>Tên thủ tục: Chứng thực<TABLE><TR><TD>Phí<TD>2.000 đồng</TABLE></BODY></HTML>');
    expect(document.querySelector('table')?.parentElement?.id).toBe('p');
    expect(document.querySelector('#p')?.getAttribute('id')).toBe('p');
  });

  it('reads a fragment as the body of a standards-mode page', () => {
    const document = parseHtmlDocument('<p class="z">Thời hạn giải quyết<table><tr><td>15 ngày</td></tr></table>');
    expect(document.documentElement?.localName).toBe('html');
    expect(document.head?.localName).toBe('head');
    expect(childNames(document.body)).toEqual(['p', 'table']);
    expect(document.doctype?.name).toBe('html');
  });

  it('gives an empty string a page with a head and an empty body', () => {
    const document = parseHtmlDocument('');
    expect(childNames(document.documentElement)).toEqual(['head', 'body']);
    expect(document.body.children).toHaveLength(0);
    expect(document.body.textContent).toBe('');
  });

  it('answers the selectors tests use, such as #id > div:nth-of-type(2)', () => {
    const document = parseHtmlDocument(
      '<!doctype html><div id="info"><div>Mã thủ tục</div><p>x</p><div>1.001193</div><div>Đăng ký khai sinh</div></div>',
    );
    expect(text(document.querySelector('#info > div:nth-of-type(2)'))).toBe('1.001193');
    expect(text(document.querySelector('#info > :last-child'))).toBe('Đăng ký khai sinh');
  });

  it('keeps SVG and MathML elements in their namespaces with their usual names, and HTML inside foreignObject', () => {
    const document =
      parseHtmlDocument(`<!doctype html><svg viewBox="0 0 10 10"><foreignObject><p id="in">chữ</p></foreignObject><a xlink:href="#x"><text>t</text></a></svg>
      <math><mi>x</mi></math><p id="out">sau</p>`);
    const svg = document.querySelector('svg')!;
    expect(svg.namespaceURI).toBe('http://www.w3.org/2000/svg');
    expect(svg.getAttribute('viewBox')).toBe('0 0 10 10');
    expect(svg.firstElementChild?.localName).toBe('foreignObject');
    expect(document.getElementById('in')?.namespaceURI).toBe('http://www.w3.org/1999/xhtml');
    expect(svg.querySelector('a')?.getAttribute('xlink:href')).toBe('#x');
    expect(document.querySelector('math')?.namespaceURI).toBe('http://www.w3.org/1998/Math/MathML');
    expect(document.querySelector('mi')?.localName).toBe('mi');
    expect(document.getElementById('out')?.parentElement).toBe(document.body);
  });

  it('keeps what a <template> holds in its content, out of the page text', () => {
    const document = parseHtmlDocument(
      '<!doctype html><body><template id="t"><p>Phí, lệ phí: 50.000 đồng</p></template><p>Cơ quan thực hiện: UBND</p></body>',
    );
    const template = document.getElementById('t') as HTMLTemplateElement;
    expect(template.children).toHaveLength(0);
    expect(text(template.content.firstChild as Element)).toBe('Phí, lệ phí: 50.000 đồng');
    expect(text(document.body)).toBe('Cơ quan thực hiện: UBND');
  });

  it('keeps attributes in source order and each text run as one text node', () => {
    const document = parseHtmlDocument(
      '<!doctype html><p id="p" class="a b" data-code="1.001193" title="Thủ tục">Thời hạn giải quyết: 15 ngày làm việc kể từ ngày nhận đủ hồ sơ</p>',
    );
    const p = document.getElementById('p')!;
    expect(Array.from(p.attributes, (attribute) => attribute.name)).toEqual(['id', 'class', 'data-code', 'title']);
    expect(p.getAttribute('data-code')).toBe('1.001193');
    expect(p.childNodes).toHaveLength(1);
    expect(p.lastChild?.nodeType).toBe(3);
    expect(p.lastChild?.textContent).toBe('Thời hạn giải quyết: 15 ngày làm việc kể từ ngày nhận đủ hồ sơ');
  });

  it('keeps every item of a very long related-procedures list', () => {
    const items = Array.from(
      { length: 30_000 },
      (_, i) => `<li><a href="/tthc/${i}">Thủ tục liên quan số ${i}: Xác nhận tình trạng hôn nhân</a> <span>1.00${i}</span></li>`,
    );
    const document = parseHtmlDocument(
      `<!doctype html><body><h1>Đăng ký kết hôn</h1><ul id="related">${items.join('\n')}</ul><p id="end">Hết</p></body>`,
    );
    const list = document.getElementById('related')!;
    expect(list.children).toHaveLength(30_000);
    expect(text(list.lastElementChild)).toBe('Thủ tục liên quan số 29999: Xác nhận tình trạng hôn nhân 1.0029999');
    expect(document.getElementById('end')?.previousElementSibling).toBe(list);
  });

  it('lets event listeners be added to, fired on and removed from parsed nodes', () => {
    const document = parseHtmlDocument('<!doctype html><div id="outer"><button id="b">Nộp hồ sơ</button></div>');
    const button = document.getElementById('b')!;
    const heard: string[] = [];
    const onButton = () => heard.push('button');
    button.addEventListener('click', onButton);
    document.getElementById('outer')!.addEventListener('click', () => heard.push('outer'));
    const Event = (document.defaultView as unknown as { Event: typeof globalThis.Event }).Event;
    button.dispatchEvent(new Event('click', { bubbles: true }));
    button.removeEventListener('click', onButton);
    button.dispatchEvent(new Event('click', { bubbles: true }));
    expect(heard).toEqual(['button', 'outer', 'outer']);
  });
});
