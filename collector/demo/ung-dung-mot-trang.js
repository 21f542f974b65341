/**
 * The single-page portal demo (ung-dung-mot-trang.html): one document that shows a procedure from
 * its address /demo/ung-dung-mot-trang/<code>, and on a click on a procedure link replaces the
 * procedure's content and the address (history.pushState) without loading a page, as the national
 * portal's new interface does. The widget is embedded without a procedure code: it reads the code
 * from the page and starts afresh when the address changes. An external file, no inline script,
 * so the page also works under a strict Content-Security-Policy. The procedures are sample data.
 */
(() => {
  const BASE = '/demo/ung-dung-mot-trang/';
  const PROCEDURES = {
    1.000178: {
      name: 'Giải quyết khiếu nại về quyết định hành chính, hành vi hành chính của công dân đối với lực lượng Công an nhân dân (thực hiện tại cấp Trung ương)',
      rows: [
        ['Mã thủ tục', '1.000178'],
        ['Số quyết định', 'QĐ/0001-BCA'],
        ['Cấp thực hiện', 'Cấp bộ'],
        ['Lĩnh vực', 'Khiếu nại, tố cáo'],
        ['Đối tượng thực hiện', 'Tổ chức (không bao gồm doanh nghiệp, HTX), Công dân Việt Nam'],
        ['Cơ quan có thẩm quyền', 'Bộ Công an'],
      ],
      sections: [
        [
          'Trình tự thực hiện',
          [
            'Bước 1: Thụ lý giải quyết khiếu nại.',
            'Bước 2: Xác minh nội dung khiếu nại, tổ chức đối thoại (nếu cần).',
            'Bước 3: Ra quyết định giải quyết khiếu nại và gửi cho người khiếu nại.',
          ],
        ],
        ['Cách thức thực hiện', ['Trực tiếp hoặc qua dịch vụ bưu chính; thời hạn 60 ngày làm việc.']],
        [
          'Thành phần hồ sơ',
          ['Đơn khiếu nại hoặc bản ghi nội dung khiếu nại: 1 bản chính.', 'Tài liệu, chứng cứ do các bên cung cấp: 1 bản chính.'],
        ],
        ['Căn cứ pháp lý', ['Luật Khiếu nại năm 2011 (02/2011/QH13); Nghị định 05/2012/NĐ-CP.']],
        ['Cơ quan thực hiện', ['Thanh tra Bộ']],
        ['Kết quả xử lý', ['Quyết định giải quyết khiếu nại lần 1, lần 2']],
      ],
    },
    1.002809: {
      name: 'Cấp giấy phép lái xe quốc tế',
      rows: [
        ['Mã thủ tục', '1.002809'],
        ['Cấp thực hiện', 'Cấp tỉnh'],
        ['Lĩnh vực', 'Đường bộ'],
        ['Đối tượng thực hiện', 'Công dân Việt Nam, Người nước ngoài'],
        ['Cơ quan có thẩm quyền', 'Sở Xây dựng'],
        ['Phí, lệ phí', 'Lệ phí: 135.000 đồng/lần'],
      ],
      sections: [
        [
          'Trình tự thực hiện',
          [
            'Bước 1: Cá nhân nộp hồ sơ tại Trung tâm Phục vụ hành chính công hoặc trên Cổng dịch vụ công.',
            'Bước 2: Cơ quan cấp giấy phép kiểm tra, trả kết quả trong thời hạn quy định.',
          ],
        ],
        ['Cách thức thực hiện', ['Trực tiếp, trực tuyến hoặc qua dịch vụ bưu chính; thời hạn 05 ngày làm việc.']],
        [
          'Thành phần hồ sơ',
          ['Tờ khai đề nghị cấp giấy phép lái xe quốc tế theo mẫu: 01 bản chính.', 'Bản sao giấy phép lái xe quốc gia: 01 bản sao.'],
        ],
        ['Căn cứ pháp lý', ['Thông tư số 12/2017/TT-BGTVT']],
        ['Cơ quan thực hiện', ['Sở Xây dựng']],
        ['Kết quả thực hiện', ['Giấy phép lái xe quốc tế']],
      ],
    },
  };
  const FIRST = '1.000178';

  const el = (tag, text, className) => {
    const node = document.createElement(tag);
    if (text !== undefined) node.textContent = text;
    if (className) node.className = className;
    return node;
  };

  /** The code in the address, or the first procedure's. */
  const codeOf = (path) => {
    const code = decodeURIComponent(path.startsWith(BASE) ? path.slice(BASE.length) : '');
    return Object.hasOwn(PROCEDURES, code) ? code : FIRST;
  };

  /** Replaces the procedure content (what a single-page portal does after fetching its data). */
  const show = (code) => {
    const p = PROCEDURES[code];
    const info = el('div', undefined, 'info');
    for (const [label, value] of p.rows) {
      const row = el('div', undefined, 'row');
      row.append(el('span', label, 'label'), el('span', value));
      info.append(row);
    }
    const parts = [el('h1', p.name), info];
    for (const [title, lines] of p.sections) parts.push(el('h2', title), ...lines.map((line) => el('p', line)));
    document.getElementById('thu-tuc').replaceChildren(...parts);
    document.title = `${p.name} - Cổng Dịch vụ công (minh hoạ)`;
  };

  document.addEventListener('click', (event) => {
    const link = event.target instanceof Element ? event.target.closest('a[href]') : null;
    if (!link || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    const url = new URL(link.href, location.href);
    if (url.origin !== location.origin || !url.pathname.startsWith(BASE)) return;
    event.preventDefault();
    if (url.pathname === location.pathname) return;
    show(codeOf(url.pathname));
    history.pushState(null, '', url.pathname);
  });
  addEventListener('popstate', () => show(codeOf(location.pathname)));
  show(codeOf(location.pathname));
})();
