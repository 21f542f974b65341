/**
 * Developer measurement tool: renders one structured national record (records.ts) as a full HTML
 * page in the real portal layout families of docs/portal-layouts.md (L1 national new UI, L3
 * provincial iGate table, L4 headings + bullets, L5 Huế ASP.NET glued labels, L7 label-cell table
 * with "|" filler, L8 decision-annex dash paragraphs, L9 English headings). Empty record fields are
 * rendered the way each family does on real portals, varied deterministically by record index.
 * Every page has a site header with navigation and a footer; the footer publishes a phản ánh,
 * kiến nghị contact for even record indexes only (truth.ts follows that).
 *
 * It renders data read from ../shared (outside the project) only as a developer measurement tool;
 * the project's tests never use it.
 */
import { isReal, type DossierRow, type MethodRow, type StructuredRecord } from './records.ts';
import { hasFeedbackContact } from './truth.ts';

export const LAYOUTS = ['L1', 'L3', 'L4', 'L5', 'L7', 'L8', 'L9'] as const;
export type LayoutId = (typeof LAYOUTS)[number];

export const LAYOUT_NAMES: Record<LayoutId, string> = {
  L1: 'national new UI (label/value rows, Title-Case sections, tables)',
  L3: 'provincial iGate "Thông tin | Nội dung" table',
  L4: '"Label:" paragraph + • bullets, some labels ALL CAPS',
  L5: 'Huế ASP.NET, labels glued to values, "Bước n:" blocks',
  L7: 'label-cell table with colspan "|" filler',
  L8: 'decision-annex dash paragraphs "- Label: value"',
  L9: 'English headings in a Vietnamese page',
};

export interface RenderedPage {
  html: string;
  /** The URL passed to the audit as options.url. */
  url: string;
}

// ---------------------------------------------------------------------------------------------
// Helpers

export function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** One <p> per line of a multi-line value. */
function paras(text: string, cls = ''): string {
  const c = cls ? ` class="${cls}"` : '';
  return text
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => `<p${c}>${esc(l)}</p>`)
    .join('\n');
}

/** Lines joined with <br>. */
function brs(text: string): string {
  return text
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map(esc)
    .join('<br>');
}

function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0') + (h ^ 0x5bd1e995).toString(16).padStart(8, '0');
}

const NATIONAL_DOWNLOAD = 'https://csdl.dichvucong.gov.vn/web/jsp/download_file.jsp?ma=';

function formLink(file: string, style: 'national' | 'local'): string {
  const href = style === 'national' ? `${NATIONAL_DOWNLOAD}${hash(file)}` : `/Uploads/BieuMau/${encodeURIComponent(file)}`;
  return `<a href="${esc(href)}" target="_blank">${esc(file)}</a>`;
}

function agencyOf(rec: StructuredRecord): string {
  if (isReal(rec.agency)) return rec.agency;
  if (isReal(rec.competentAgency)) return rec.competentAgency;
  return '';
}

function realMethods(rec: StructuredRecord): MethodRow[] {
  return rec.methods;
}

function feeText(m: MethodRow): string {
  return m.feeNote ? `${m.fee} (${m.feeNote})` : m.fee;
}

/** Per-channel values of a method column, collapsed to one value when all channels agree. */
function perChannel(rec: StructuredRecord, pick: (m: MethodRow) => string): { single: string | null; list: [string, string][] } {
  const list = realMethods(rec)
    .map((m) => [m.channel, pick(m)] as [string, string])
    .filter(([, v]) => isReal(v));
  const distinct = new Set(list.map(([, v]) => v));
  return { single: distinct.size === 1 ? (list[0]?.[1] ?? null) : null, list };
}

function allRows(rec: StructuredRecord): DossierRow[] {
  return rec.dossier.flatMap((g) => g.rows);
}

function allForms(rec: StructuredRecord): string[] {
  return [...new Set(allRows(rec).flatMap((r) => r.forms))];
}

/** Deterministic variation: 0 or 1 by record index (and a salt per element, so not all move together). */
function vary(rec: StructuredRecord, salt: number, n = 2): number {
  return (rec.index + salt) % n;
}

function uc(text: string): string {
  return text.toLocaleUpperCase('vi');
}

// ---------------------------------------------------------------------------------------------
// Page shell: header with navigation, footer with or without a feedback contact

interface Site {
  name: string;
  host: string;
  agency: string;
  address: string;
  phone: string;
}

const SITES: Record<LayoutId, Site> = {
  L1: {
    name: 'Cổng Dịch vụ công quốc gia',
    host: 'dichvucong.gov.vn',
    agency: 'Văn phòng Chính phủ',
    address: 'Số 1 Hoàng Hoa Thám, Ba Đình, Hà Nội',
    phone: '024 3733 3333',
  },
  L3: {
    name: 'Hệ thống thông tin giải quyết thủ tục hành chính tỉnh Lào Cai',
    host: 'dichvucong.laocai.example.gov.vn',
    agency: 'Văn phòng UBND tỉnh Lào Cai',
    address: 'Đại lộ Trần Hưng Đạo, phường Nam Cường, tỉnh Lào Cai',
    phone: '0214 3840 012',
  },
  L4: {
    name: 'Sở Tư pháp thành phố Hải Phòng',
    host: 'sotp.haiphong.example.gov.vn',
    agency: 'Sở Tư pháp thành phố Hải Phòng',
    address: 'Số 9 Trần Phú, phường Ngô Quyền, Hải Phòng',
    phone: '0225 3842 456',
  },
  L5: {
    name: 'Sở Y tế tỉnh Thừa Thiên Huế',
    host: 'syt.hue.example.gov.vn',
    agency: 'Sở Y tế',
    address: '28 Lê Lợi, phường Thuận Hóa, thành phố Huế',
    phone: '0234 3822 123',
  },
  L7: {
    name: 'Trường Cao đẳng Y dược (trang thủ tục hành chính)',
    host: 'yduoc.example.edu.vn',
    agency: 'Phòng Hành chính – Tổng hợp',
    address: '12 Nguyễn Trãi, phường Điện Biên Phủ, tỉnh Điện Biên',
    phone: '0215 3825 678',
  },
  L8: {
    name: 'Cổng thông tin điện tử thành phố Tam Kỳ',
    host: 'tamky.example.gov.vn',
    agency: 'Văn phòng HĐND và UBND thành phố Tam Kỳ',
    address: '70 Hùng Vương, phường Tân Thạnh, thành phố Tam Kỳ',
    phone: '0235 3851 234',
  },
  L9: {
    name: 'Sở Tư pháp Hà Nội — Hanoi Department of Justice',
    host: 'sotuphap.hanoi.example.gov.vn',
    agency: 'Sở Tư pháp Hà Nội',
    address: '221 Trần Phú, Hà Đông, Hà Nội',
    phone: '024 3354 7826',
  },
};

function header(site: Site, english: boolean): string {
  const items = english
    ? ['Home', 'About us', 'News', 'Administrative procedures', 'Legal documents', 'Q&A']
    : ['Trang chủ', 'Giới thiệu', 'Tin tức - Sự kiện', 'Thủ tục hành chính', 'Văn bản pháp luật', 'Hỏi đáp'];
  const paths = ['/', '/gioi-thieu', '/tin-tuc', '/thu-tuc-hanh-chinh', '/van-ban', '/hoi-dap'];
  const nav = items.map((t, i) => `<li><a href="${paths[i]}">${esc(t)}</a></li>`).join('');
  return `<header class="site-header"><div class="logo"><a href="/">${esc(site.name)}</a></div><nav class="main-nav"><ul>${nav}</ul></nav><form class="search" action="/tim-kiem"><input type="text" name="q" placeholder="Tìm kiếm"><button type="submit">Tìm</button></form></header>`;
}

function footer(rec: StructuredRecord, site: Site): string {
  const generic = `<p>© 2025 ${esc(site.name)}. Cơ quan chủ quản: ${esc(site.agency)}.</p><p>Ghi rõ nguồn "${esc(site.name)}" khi phát hành lại thông tin từ website này.</p><p>Giấy phép thiết lập trang thông tin điện tử tổng hợp số 45/GP-TTĐT.</p>`;
  if (!hasFeedbackContact(rec)) {
    return `<footer class="site-footer">${generic}<ul class="footer-links"><li><a href="/so-do-trang">Sơ đồ trang</a></li><li><a href="/rss">RSS</a></li></ul></footer>`;
  }
  const mailbox = ['kiemsoattthc', 'phananhkiennghi', 'pakn'][Math.floor(rec.index / 2) % 3] ?? 'pakn';
  const email = `${mailbox}@example.gov.vn`;
  const variant = Math.floor(rec.index / 2) % 3;
  let contact: string;
  if (variant === 0) {
    contact = `<div class="footer-pakn"><h4>Tiếp nhận phản ánh, kiến nghị</h4><p>${esc(site.agency)} – Phòng Kiểm soát thủ tục hành chính</p><p>Địa chỉ: ${esc(site.address)}</p><p>Điện thoại: ${esc(site.phone)}</p><p>Email: <a href="mailto:${email}">${email}</a></p></div>`;
  } else if (variant === 1) {
    contact = `<p class="footer-pakn">Địa chỉ tiếp nhận phản ánh, kiến nghị về quy định hành chính: ${esc(site.agency)}, ${esc(site.address)}; ĐT: ${esc(site.phone)}; Email: ${email}</p>`;
  } else {
    contact = `<div class="footer-pakn"><p><strong>Phản ánh, kiến nghị</strong> của cá nhân, tổ chức về thủ tục hành chính xin gửi về: ${esc(site.agency)}, ${esc(site.address)}.</p><p>Điện thoại: ${esc(site.phone)} – Email: <a href="mailto:${email}">${email}</a></p></div>`;
  }
  return `<footer class="site-footer">${contact}${generic}</footer>`;
}

function page(rec: StructuredRecord, layout: LayoutId, title: string, main: string, lang = 'vi'): string {
  const site = SITES[layout];
  return `<!DOCTYPE html>
<html lang="${lang}">
<head><meta charset="utf-8"><title>${esc(title)} - ${esc(site.name)}</title><meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body class="layout-${layout.toLowerCase()}">
${header(site, layout === 'L9')}
<div class="breadcrumb"><a href="/">${layout === 'L9' ? 'Home' : 'Trang chủ'}</a> › <a href="/thu-tuc-hanh-chinh">${layout === 'L9' ? 'Administrative procedures' : 'Thủ tục hành chính'}</a></div>
<main id="main-content">
${main}
</main>
<aside class="sidebar"><h3>${layout === 'L9' ? 'Links' : 'Liên kết'}</h3><ul><li><a href="https://dichvucong.gov.vn">Cổng Dịch vụ công quốc gia</a></li><li><a href="https://chinhphu.vn">Cổng thông tin điện tử Chính phủ</a></li></ul></aside>
${footer(rec, site)}
</body>
</html>
`;
}

// ---------------------------------------------------------------------------------------------
// L1: dichvucong.gov.vn new UI

const PH = 'Không có thông tin';

function renderL1(rec: StructuredRecord): RenderedPage {
  const info: [string, string][] = [
    ['Tên thủ tục', rec.name],
    ['Mã thủ tục', rec.code],
    ['Số quyết định', rec.decision],
    ['Cấp thực hiện', rec.level],
    ['Loại thủ tục', rec.kind],
    ['Lĩnh vực', rec.field],
    ['Đối tượng thực hiện', rec.subjects],
    ['Cơ quan có thẩm quyền', rec.competentAgency],
    ['Địa chỉ tiếp nhận HS', rec.receivingAddress],
    ['Cơ quan được ủy quyền', rec.delegatedAgency],
    ['Cơ quan phối hợp', rec.coordinatingAgency],
    ['Thủ tục hành chính liên quan', rec.related || PH],
  ];
  const infoHtml = info
    .map(
      ([l, v]) =>
        `<div class="row info-row"><div class="col-md-3 label-info">${esc(l)}</div><div class="col-md-9 value-info">${esc(v)}</div></div>`,
    )
    .join('\n');
  const section = (title: string, body: string) =>
    `<div class="section-tthc"><h3 class="title-section">${esc(title)}</h3><div class="content-section">${body}</div></div>`;

  const methodRows = rec.methods
    .map(
      (m) =>
        `<tr><td>${esc(m.channel)}</td><td>${esc(m.time)}</td><td><span class="fee">${esc(m.fee)}</span>${m.feeNote ? `<span class="fee-desc">(${esc(m.feeNote)})</span>` : ''}</td><td>${brs(m.description)}</td></tr>`,
    )
    .join('\n');
  const methods = rec.methods.length
    ? `<table class="table table-bordered"><thead><tr><th>Hình thức nộp</th><th>Thời gian</th><th>Phí, lệ phí</th><th>Mô tả</th></tr></thead><tbody>${methodRows}</tbody></table>`
    : `<p>${PH}</p>`;

  const dossier = rec.dossier.length
    ? rec.dossier
        .map((g) => {
          const rows = g.rows
            .map(
              (r) =>
                `<tr><td>${esc(r.name)}</td><td>${r.forms.map((f) => formLink(f, 'national')).join('<br>')}</td><td>${esc(r.quantity)}</td></tr>`,
            )
            .join('\n');
          return `<div class="case-dossier"><div class="case-title">${esc(g.title ?? '--')}</div><table class="table table-bordered"><thead><tr><th>Tên giấy tờ</th><th>Mẫu đơn, tờ khai</th><th>Số lượng</th></tr></thead><tbody>${rows}</tbody></table></div>`;
        })
        .join('\n')
    : vary(rec, 1) === 0
      ? ''
      : `<p>${PH}</p>`;

  const legal = rec.legal.length
    ? `<table class="table table-bordered"><thead><tr><th>Tên văn bản pháp lý</th><th>Mã văn bản</th></tr></thead><tbody>${rec.legal
        .map((l) => `<tr><td>${esc(l.title)}</td><td>${esc(l.code)}</td></tr>`)
        .join('\n')}</tbody></table>`
    : `<p>${PH}</p>`;

  const results = rec.results.length
    ? section(
        'Kết quả xử lý',
        rec.results
          .map(
            (r) =>
              `<div class="result-item"><div>${esc(r.text)}</div>${r.code ? `<div class="result-code">Mã: ${esc(r.code)}</div>` : ''}</div>`,
          )
          .join('\n'),
      )
    : '';

  const main = `<div class="detail-tthc">
<div class="page-title"><h2>Chi tiết thủ tục</h2></div>
<h1 class="title-tthc">${esc(rec.name)}</h1>
<div class="info-tthc">
${infoHtml}
</div>
${section('Trình Tự Thực Hiện', isReal(rec.steps) ? paras(rec.steps) : `<p>${PH}</p>`)}
${section('Cách Thức Thực Hiện', methods)}
${section('Thành phần hồ sơ', dossier)}
${section('Căn cứ pháp lý', legal)}
${section('Cơ quan thực hiện', `<p>${esc(rec.agency || PH)}</p>`)}
${section('Yêu cầu, điều kiện thực hiện', paras(rec.conditions || PH))}
${results}
${section('Từ khóa', `<p>${PH}</p>`)}
${section('Mô tả', `<p>${PH}</p>`)}
<div class="chon-co-quan"><h4>Chọn cơ quan thực hiện</h4><label>Tỉnh/ Thành phố</label><select><option>-- Chọn Tỉnh/ Thành phố --</option></select><label>Bộ ngành</label><select><option>-- Chọn Bộ ngành --</option></select><p class="note">Hệ thống chỉ hiển thị những cơ quan đã áp dụng dịch vụ công trực tuyến</p><button type="button" class="btn btn-primary">Nộp hồ sơ</button></div>
</div>`;
  return { html: page(rec, 'L1', rec.name, main), url: rec.url || `https://dichvucong.gov.vn/thu-tuc-hanh-chinh/${hash(rec.code)}` };
}

// ---------------------------------------------------------------------------------------------
// L3: provincial iGate "Thông tin | Nội dung"

function renderL3(rec: StructuredRecord): RenderedPage {
  const cell = (v: string) => (isReal(v) ? v : '');
  const list = (items: string[]) => (items.length ? `<ul>${items.map((i) => `<li>${esc(i)}</li>`).join('')}</ul>` : '');
  const methods = list(rec.methods.map((m) => (isReal(m.description) ? `${m.channel}: ${m.description.replace(/\n/g, ' ')}` : m.channel)));
  const time = list(rec.methods.filter((m) => isReal(m.time)).map((m) => `${m.channel}: ${m.time}`));
  const fees = perChannel(rec, (m) => (isReal(m.fee) ? feeText(m) : ''));
  const feeHtml = fees.single !== null ? esc(fees.single) : list(fees.list.map(([c, v]) => `${c}: ${v}`));
  const feeInPhi = vary(rec, 0) === 0;
  const rows = allRows(rec);
  const dossierHtml = rec.dossier.length
    ? rec.dossier
        .map(
          (g) =>
            `${g.title ? `<p><strong>${esc(g.title)}</strong></p>` : ''}<table class="table-data"><tr><th>Tên giấy tờ</th><th>Mẫu đơn, tờ khai</th><th>Số lượng</th></tr>${g.rows
              .map(
                (r) =>
                  `<tr><td>${esc(r.name)}</td><td>${r.forms.map((f) => formLink(f, 'local')).join('<br>')}</td><td>${esc(r.quantity)}</td></tr>`,
              )
              .join('')}</table>`,
        )
        .join('')
    : '';
  const legal = list(rec.legal.map((l) => (l.code && !l.title.includes(l.code) ? `${l.title} (${l.code})` : l.title)));
  const r = (label: string, value: string) => `<tr><td class="td-label">${esc(label)}</td><td class="td-value">${value}</td></tr>`;
  const level = ['Toàn trình', 'Một phần'][vary(rec, 0)] ?? 'Một phần';
  const main = `<div class="tthc-detail">
<span class="badge badge-level">${level}</span>
<h2 class="ten-thu-tuc">${esc(rec.name)}</h2>
<p class="ky-hieu"><strong>Ký hiệu thủ tục:</strong> ${esc(rec.code)}</p>
<p class="luot-xem">Lượt xem: ${100 + rec.index * 7}</p>
<table class="table table-bordered"><thead><tr><th>Thông tin</th><th>Nội dung</th></tr></thead><tbody>
${r('Cơ quan thực hiện', esc(agencyOf(rec)))}
${r('Địa chỉ cơ quan giải quyết', esc(cell(rec.receivingAddress)))}
${r('Lĩnh vực', esc(cell(rec.field)))}
${r('Cách thức thực hiện', methods)}
${r('Số lượng hồ sơ', rows.length ? '01 bộ' : '')}
${r('Thành phần hồ sơ', dossierHtml)}
${r('Thời hạn giải quyết', time)}
${r('\u00D0ối tượng thực hiện', esc(cell(rec.subjects)))}
${r('Kết quả thực hiện', esc(cell(rec.result)))}
${r('Phí', feeInPhi ? feeHtml : '')}
${r('Lệ phí', feeInPhi ? '' : feeHtml)}
${r('Yêu cầu, điều kiện', isReal(rec.conditions) ? brs(rec.conditions) : '')}
${r('Căn cứ pháp lý', legal)}
</tbody></table>
<div class="trinh-tu"><h4>Trình tự thực hiện</h4>${isReal(rec.steps) ? paras(rec.steps) : ''}</div>
</div>`;
  return {
    html: page(rec, 'L3', rec.name, main),
    url: `https://dichvucong.laocai.example.gov.vn/vi/tra-cuu/chi-tiet-thu-tuc?ma-thu-tuc=${encodeURIComponent(rec.code)}`,
  };
}

// ---------------------------------------------------------------------------------------------
// L4: "Label:" then • bullets (some labels ALL CAPS)

function renderL4(rec: StructuredRecord): RenderedPage {
  let k = 0;
  const block = (label: string, items: string[], emptySalt: number): string => {
    const caps = (rec.index + k++) % 3 === 0;
    const l = caps ? uc(label) : label;
    if (items.length === 0) {
      // Empty: the line is left out, or printed with "Đang cập nhật".
      return vary(rec, emptySalt) === 0 ? '' : `<p class="label"><strong>${esc(l)}:</strong></p><p>• Đang cập nhật</p>`;
    }
    return `<p class="label"><strong>${esc(l)}:</strong></p>\n${items.map((i) => `<p>• ${esc(i)}</p>`).join('\n')}`;
  };
  const lines = (t: string) => (isReal(t) ? t.split('\n') : []);
  const fees = perChannel(rec, (m) => (isReal(m.fee) ? feeText(m) : ''));
  const times = perChannel(rec, (m) => m.time);
  const dossier = rec.dossier.flatMap((g) => [
    ...(g.title ? [g.title] : []),
    ...g.rows.map((r) => `${r.name}${r.forms.length ? ` (Mẫu: ${r.forms.join(', ')})` : ''} – ${r.quantity}`),
  ]);
  const forms = allForms(rec);
  const main = `<article class="news-detail">
<h1 class="title">${esc(rec.name)}</h1>
<div class="news-content">
${block('Mã thủ tục', isReal(rec.code) ? [rec.code] : [], 3)}
${block('Lĩnh vực', isReal(rec.field) ? [rec.field] : [], 4)}
${block('Trình tự thực hiện', lines(rec.steps), 5)}
${block(
  'Cách thức thực hiện',
  rec.methods.map((m) => (isReal(m.description) ? `${m.channel}: ${m.description.replace(/\n/g, ' ')}` : m.channel)),
  6,
)}
${block('Thành phần, số lượng hồ sơ', dossier, 7)}
${block('Thời hạn giải quyết', times.single !== null ? [times.single] : times.list.map(([c, v]) => `${c}: ${v}`), 8)}
${block('Đối tượng thực hiện thủ tục hành chính', isReal(rec.subjects) ? [rec.subjects] : [], 9)}
${block('Cơ quan thực hiện thủ tục hành chính', agencyOf(rec) ? [agencyOf(rec)] : [], 10)}
${block(
  'Kết quả thực hiện thủ tục hành chính',
  rec.results.map((r) => r.text),
  11,
)}
${block('Phí, lệ phí', fees.single !== null ? [fees.single] : fees.list.map(([c, v]) => `${c}: ${v}`), 12)}
${forms.length ? `<p class="label"><strong>${esc((rec.index + k++) % 3 === 0 ? uc('Tên mẫu đơn, mẫu tờ khai') : 'Tên mẫu đơn, mẫu tờ khai')}:</strong></p>\n${forms.map((f) => `<p>• ${formLink(f, 'local')}</p>`).join('\n')}` : ''}
${block('Yêu cầu, điều kiện thực hiện thủ tục hành chính', lines(rec.conditions), 13)}
${block(
  'Căn cứ pháp lý của thủ tục hành chính',
  rec.legal.map((l) => (l.code && !l.title.includes(l.code) ? `${l.title} (${l.code})` : l.title)),
  14,
)}
</div>
</article>`;
  return {
    html: page(rec, 'L4', rec.name, main),
    url: `https://sotp.haiphong.example.gov.vn/thu-tuc-hanh-chinh/${encodeURIComponent(rec.code)}.html`,
  };
}

// ---------------------------------------------------------------------------------------------
// L5: Huế ASP.NET, labels glued to values ("Lĩnh vực:Khám bệnh"), "Bước n:" blocks

function renderL5(rec: StructuredRecord): RenderedPage {
  const bold = vary(rec, 0) === 0;
  // Label glued to the value: in a <b> then the value, or one text node.
  const glued = (label: string, value: string) =>
    bold ? `<div class="field"><b>${esc(label)}:</b>${value}</div>` : `<div class="field">${esc(label)}:${value}</div>`;
  const v = (t: string) => (isReal(t) ? esc(t) : '');
  const site = SITES.L5;
  // "Bước n:" blocks: a new block at each line that starts a step.
  const stepLines = isReal(rec.steps) ? rec.steps.split('\n') : [];
  const blocks: string[][] = [];
  for (const line of stepLines) {
    if (blocks.length === 0 || /^[-+*\s]*(?:Bước\s*\d|[a-zđ]\)\s)/iu.test(line)) blocks.push([line]);
    else blocks[blocks.length - 1]!.push(line);
  }
  const steps = blocks
    .map(
      (b) =>
        `<div class="buoc"><div class="buoc-title">${esc(b[0] ?? '')}</div>${b
          .slice(1)
          .map((l) => `<div>${esc(l)}</div>`)
          .join('')}</div>`,
    )
    .join('\n');
  const methodRows = rec.methods
    .map(
      (m) =>
        `<tr><td>${esc(m.channel)}</td><td>${v(m.time)}</td><td>${isReal(m.fee) ? esc(feeText(m)) : ''}</td><td>${brs(m.description)}</td></tr>`,
    )
    .join('');
  const dossier = rec.dossier
    .map(
      (g) =>
        `${g.title ? `<div class="nhom">${esc(g.title)}</div>` : ''}<table class="grid"><tr><th>Tên giấy tờ</th><th>Mẫu đơn, tờ khai</th><th>Số lượng</th></tr>${g.rows
          .map(
            (r) =>
              `<tr><td>${esc(r.name)}</td><td>${r.forms.map((f) => formLink(f, 'local')).join('<br>')}</td><td>${esc(r.quantity)}</td></tr>`,
          )
          .join('')}</table>`,
    )
    .join('');
  const main = `<div id="ctl00_ContentPlaceHolder1_pnlDetail" class="tthc-detail">
<h2 class="tieu-de">${esc(rec.name)}</h2>
${glued('Mã thủ tục', v(rec.code))}
${glued('Lĩnh vực', v(rec.field))}
${glued('Cơ quan thực hiện', esc(agencyOf(rec)))}
${glued('Nơi tiếp nhận', `Bộ phận tiếp nhận và trả kết quả, ${esc(site.address)}, điện thoại ${esc(site.phone)}`)}
${glued('Đối tượng thực hiện', v(rec.subjects))}
<div class="field"><b>Trình tự thực hiện:</b></div>
${steps}
<div class="field"><b>Cách thức thực hiện:</b></div>
${rec.methods.length ? `<table class="grid"><tr><th></th><th>Thời gian</th><th>Phí, lệ phí</th><th>Mô tả</th></tr>${methodRows}</table>` : ''}
<div class="field"><b>Thành phần hồ sơ:</b></div>
${dossier}
${glued('Kết quả thực hiện', v(rec.result))}
${glued('Yêu cầu, điều kiện', isReal(rec.conditions) ? brs(rec.conditions) : '')}
${glued('Căn cứ pháp lý', rec.legal.map((l) => esc(l.code && !l.title.includes(l.code) ? `${l.title} ${l.code}` : l.title)).join('; '))}
</div>`;
  return { html: page(rec, 'L5', rec.name, main), url: `https://syt.hue.example.gov.vn/?gd=27&cn=264&tc=${20000 + rec.index}` };
}

// ---------------------------------------------------------------------------------------------
// L7: label-cell table with colspan "|" filler

function renderL7(rec: StructuredRecord): RenderedPage {
  const empty = () => (vary(rec, 1) === 0 ? '' : '|');
  const val = (html: string) => (html.trim() === '' ? empty() : html);
  const r = (label: string, html: string) =>
    `<tr><td class="lbl" width="25%"><strong>${esc(label)}</strong></td><td class="val">${val(html)}</td><td>|</td><td colspan="2">|</td></tr>`;
  const fees = perChannel(rec, (m) => (isReal(m.fee) ? feeText(m) : ''));
  const times = perChannel(rec, (m) => m.time);
  const dossier = rec.dossier
    .map(
      (g) =>
        `${g.title ? `<b>${esc(g.title)}</b><br>` : ''}${g.rows.map((d) => `- ${esc(d.name)}${d.forms.length ? ` (${d.forms.map((f) => formLink(f, 'local')).join(', ')})` : ''}: ${esc(d.quantity)}`).join('<br>')}`,
    )
    .join('<br>');
  const forms = allForms(rec);
  const main = `<div class="tthc">
<table class="tbl-tthc" border="1" cellpadding="4" width="100%">
<tr><td colspan="5" class="title">|</td></tr>
${r('Tên thủ tục', esc(rec.name))}
${r('Mã thủ tục', isReal(rec.code) ? esc(rec.code) : '')}
${r('Lĩnh vực', isReal(rec.field) ? esc(rec.field) : '')}
${r('Trình tự thực hiện', isReal(rec.steps) ? brs(rec.steps) : '')}
${r('Cách thức thực hiện', rec.methods.map((m) => esc(isReal(m.description) ? `${m.channel}: ${m.description.replace(/\n/g, ' ')}` : m.channel)).join('<br>'))}
${r('Thành phần, số lượng hồ sơ', dossier)}
${r('Thời hạn giải quyết', times.single !== null ? esc(times.single) : times.list.map(([c, x]) => esc(`${c}: ${x}`)).join('<br>'))}
${r('Đối tượng thực hiện thủ tục hành chính', isReal(rec.subjects) ? esc(rec.subjects) : '')}
${r('Cơ quan thực hiện thủ tục hành chính', esc(agencyOf(rec)))}
${r('Kết quả thực hiện thủ tục hành chính', rec.results.map((x) => esc(x.text)).join('<br>'))}
${r('Lệ phí', fees.single !== null ? esc(fees.single) : fees.list.map(([c, x]) => esc(`${c}: ${x}`)).join('<br>'))}
${r('Tên mẫu đơn, mẫu tờ khai', forms.map((f) => formLink(f, 'local')).join('<br>'))}
${r('Yêu cầu, điều kiện thực hiện thủ tục hành chính', isReal(rec.conditions) ? brs(rec.conditions) : '')}
${r('Căn cứ pháp lý của thủ tục hành chính', rec.legal.map((l) => esc(l.code && !l.title.includes(l.code) ? `${l.title} ${l.code}` : l.title)).join('<br>'))}
<tr><td colspan="5">|</td></tr>
</table>
</div>`;
  return { html: page(rec, 'L7', rec.name, main), url: `https://yduoc.example.edu.vn/thu-tuc/${encodeURIComponent(rec.code)}` };
}

// ---------------------------------------------------------------------------------------------
// L8: decision-annex dash paragraphs

function renderL8(rec: StructuredRecord): RenderedPage {
  const out: string[] = [];
  const line = (label: string, value: string, salt: number) => {
    if (isReal(value)) out.push(`<p>- ${esc(label)}: ${esc(value)}</p>`);
    else if (vary(rec, salt) === 1) out.push(`<p>- ${esc(label)}: Đang cập nhật</p>`);
  };
  const multi = (label: string, lines: string[], salt: number) => {
    if (lines.length) {
      out.push(`<p>- ${esc(label)}:</p>`);
      for (const l of lines) out.push(`<p>${esc(l)}</p>`);
    } else if (vary(rec, salt) === 1) out.push(`<p>- ${esc(label)}: Đang cập nhật</p>`);
  };
  out.push(`<p class="tieu-de"><strong>${rec.index + 1}. ${esc(rec.name)}</strong></p>`);
  line('Mã thủ tục', rec.code, 2);
  multi('Trình tự thực hiện', isReal(rec.steps) ? rec.steps.split('\n') : [], 3);
  const channels = rec.methods.map((m) =>
    isReal(m.description) ? `+ ${m.channel}: ${m.description.replace(/\n/g, ' ')}` : `+ ${m.channel}`,
  );
  multi('Cách thức thực hiện', channels, 4);
  const rows = allRows(rec);
  if (rows.length) {
    out.push('<p>- Thành phần, số lượng hồ sơ:</p>');
    out.push('<p>a) Thành phần hồ sơ bao gồm:</p>');
    for (const g of rec.dossier) {
      if (g.title) out.push(`<p>${esc(g.title)}</p>`);
      for (const d of g.rows) out.push(`<p>+ ${esc(d.name)} (${esc(d.quantity)})</p>`);
    }
    out.push('<p>b) Số lượng hồ sơ: 01 (bộ).</p>');
  } else if (vary(rec, 5) === 1) out.push('<p>- Thành phần, số lượng hồ sơ: Đang cập nhật</p>');
  const times = perChannel(rec, (m) => m.time);
  line('Thời hạn giải quyết', times.single ?? times.list.map(([c, v]) => `${c}: ${v}`).join('; '), 6);
  line('Đối tượng thực hiện thủ tục hành chính', rec.subjects, 7);
  line('Cơ quan thực hiện thủ tục hành chính', agencyOf(rec), 8);
  line('Kết quả thực hiện thủ tục hành chính', rec.result, 9);
  const fees = perChannel(rec, (m) => (isReal(m.fee) ? feeText(m) : ''));
  line('Phí, lệ phí', fees.single ?? fees.list.map(([c, v]) => `${c}: ${v}`).join('; '), 10);
  const forms = allForms(rec);
  if (forms.length) {
    out.push('<p>- Tên mẫu đơn, mẫu tờ khai:</p>');
    for (const f of forms) out.push(`<p>+ ${formLink(f, 'local')}</p>`);
  }
  multi('Yêu cầu, điều kiện thực hiện thủ tục hành chính', isReal(rec.conditions) ? rec.conditions.split('\n') : [], 11);
  multi(
    'Căn cứ pháp lý của thủ tục hành chính',
    rec.legal.map((l) => `+ ${l.code && !l.title.includes(l.code) ? `${l.title} ${l.code}` : l.title}`),
    12,
  );
  const main = `<div class="article"><h1 class="article-title">Thủ tục hành chính: ${esc(rec.name)}</h1><div class="article-content">
<p><em>(Ban hành kèm theo Quyết định số ${esc(rec.decision || '…')} của Chủ tịch Ủy ban nhân dân)</em></p>
${out.join('\n')}
</div></div>`;
  return {
    html: page(rec, 'L8', rec.name, main),
    url: `https://tamky.example.gov.vn/thu-tuc-hanh-chinh/${encodeURIComponent(rec.code)}.htm`,
  };
}

// ---------------------------------------------------------------------------------------------
// L9: English headings in a Vietnamese page

function renderL9(rec: StructuredRecord): RenderedPage {
  const sections: string[] = [];
  const sec = (heading: string, body: string, salt: number) => {
    if (body.trim() !== '') sections.push(`<h3>${esc(heading)}</h3>\n<div class="section">${body}</div>`);
    else if (vary(rec, salt) === 1) sections.push(`<h3>${esc(heading)}</h3>\n<div class="section"><p>${PH}</p></div>`);
  };
  const fees = perChannel(rec, (m) => (isReal(m.fee) ? feeText(m) : ''));
  const times = perChannel(rec, (m) => m.time);
  const forms = allForms(rec);
  sec('Procedure code', isReal(rec.code) ? `<p>${esc(rec.code)}</p>` : '', 1);
  sec('Order of execution', isReal(rec.steps) ? paras(rec.steps) : '', 2);
  sec(
    'Methods of implementation',
    rec.methods
      .map((m) => `<p>${esc(isReal(m.description) ? `${m.channel}: ${m.description.replace(/\n/g, ' ')}` : m.channel)}</p>`)
      .join(''),
    3,
  );
  sec(
    'Composition of documents',
    rec.dossier
      .map(
        (g) =>
          `${g.title ? `<p><em>${esc(g.title)}</em></p>` : ''}<ul>${g.rows.map((d) => `<li>${esc(d.name)} – ${esc(d.quantity)}</li>`).join('')}</ul>`,
      )
      .join(''),
    4,
  );
  sec(
    'Time limit for settlement',
    times.single !== null ? `<p>${esc(times.single)}</p>` : times.list.map(([c, v]) => `<p>${esc(`${c}: ${v}`)}</p>`).join(''),
    5,
  );
  sec('Subjects', isReal(rec.subjects) ? `<p>${esc(rec.subjects)}</p>` : '', 6);
  sec('Implementing agency', agencyOf(rec) ? `<p>${esc(agencyOf(rec))}</p>` : '', 7);
  sec('Result', rec.results.map((r) => `<p>${esc(r.text)}</p>`).join(''), 8);
  sec('Fees', fees.single !== null ? `<p>${esc(fees.single)}</p>` : fees.list.map(([c, v]) => `<p>${esc(`${c}: ${v}`)}</p>`).join(''), 9);
  if (forms.length)
    sections.push(`<h3>Forms</h3>\n<div class="section"><ul>${forms.map((f) => `<li>${formLink(f, 'local')}</li>`).join('')}</ul></div>`);
  sec('Requirements and conditions', isReal(rec.conditions) ? paras(rec.conditions) : '', 10);
  sec(
    'Legal grounds',
    rec.legal.map((l) => `<p>${esc(l.code && !l.title.includes(l.code) ? `${l.title} ${l.code}` : l.title)}</p>`).join(''),
    11,
  );
  const main = `<div class="procedure-detail">
<h1>Procedure ${rec.index + 1}: ${esc(rec.name)}</h1>
<p class="field-line">Field: ${esc(rec.field)}</p>
${sections.join('\n')}
</div>`;
  return {
    html: page(rec, 'L9', rec.name, main, 'en'),
    url: `https://sotuphap.hanoi.example.gov.vn/en/procedure/${encodeURIComponent(rec.code)}`,
  };
}

// ---------------------------------------------------------------------------------------------

const RENDERERS: Record<LayoutId, (rec: StructuredRecord) => RenderedPage> = {
  L1: renderL1,
  L3: renderL3,
  L4: renderL4,
  L5: renderL5,
  L7: renderL7,
  L8: renderL8,
  L9: renderL9,
};

export function renderPage(rec: StructuredRecord, layout: LayoutId): RenderedPage {
  return RENDERERS[layout](rec);
}
