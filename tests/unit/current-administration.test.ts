/**
 * The words of the pre-reform administration (page check `page.current-administration`), sentence
 * by sentence: what is a district or town body named as current, and what is history, a document's
 * name, a place name or the commune level taking over. Whole pages are its fixtures
 * (shared/checklist/page-checks/current-administration/fixtures); these are the finer cases.
 */
import { describe, expect, it } from 'vitest';
import { judgeLevel, preReformMentions } from '../../shared/checklist/page-checks/current-administration/detect';
import { csvDocument, toCsv } from '../../shared/report';
import { auditDocument } from '../../shared/audit';
import { parseHtmlDocument } from '../../shared/node/html';

const words = (text: string) => preReformMentions(text).map((m) => `${m.kind}: ${m.words}`);

describe('pre-reform mentions', () => {
  it.each([
    // National record 2.000511, steps (July 2026).
    ['Hội đồng thi đua - khen thưởng xét duyệt và làm tờ trình gửi Công an cấp huyện.', ['district: Công an cấp huyện']],
    [
      'Công an cấp huyện đề nghị Hội đồng thi đua - khen thưởng cấp huyện xét duyệt, thẩm định và báo cáo UBND cấp huyện làm tờ trình',
      ['district: Công an cấp huyện', 'district: Hội đồng thi đua - khen thưởng cấp huyện', 'district: UBND cấp huyện'],
    ],
    [
      'làm tờ trình đề nghị Chủ tịch Ủy ban nhân dân cấp quận, huyện tặng Giấy khen',
      ['district: Chủ tịch Ủy ban nhân dân cấp quận, huyện'],
    ],
    ['Nộp hồ sơ tại Bộ phận tiếp nhận và trả kết quả của Ủy ban nhân dân huyện Hàm Yên.', ['district: Ủy ban nhân dân huyện Hàm Yên']],
    ['Nộp tại UBND Quận 1.', ['district: UBND Quận 1']],
    ['Phòng Tài nguyên và Môi trường huyện Đông Anh thẩm định hồ sơ.', ['district: Phòng Tài nguyên và Môi trường huyện Đông Anh']],
    ['Công an các quận, huyện, thị xã tiếp nhận hồ sơ.', ['district: Công an các quận']],
    ['Ủy ban nhân dân thị trấn Quảng Hà chứng thực.', ['town: Ủy ban nhân dân thị trấn Quảng Hà']],
    ['UBND cấp xã chuyển hồ sơ về UBND cấp huyện.', ['district: UBND cấp huyện']],
    ['Hồ sơ thuộc thẩm quyền của UBND cấp huyện thì UBND cấp xã chuyển lên.', ['district: UBND cấp huyện']],
    ['Theo Nghị định số 91/2017/NĐ-CP, Công an cấp huyện xét duyệt.', ['district: Công an cấp huyện']],
    // National records 1.000080 and 1.004002: the old list of commune-level units.
    ['Ủy ban Nhân dân xã, phường, thị trấn.', ['town-list: Ủy ban Nhân dân xã, phường, thị trấn']],
    ['Sở Xây dựng, Uỷ ban Nhân dân cấp xã, phường, thị trấn', ['town-list: Uỷ ban Nhân dân cấp xã, phường, thị trấn']],
  ])('%s', (text, expected) => {
    expect(words(text)).toEqual(expected);
  });

  it.each([
    // History.
    'Trước đây, hồ sơ nộp tại UBND cấp huyện; nay nộp tại UBND cấp xã.',
    'UBND xã Gia Lâm (trước đây là UBND huyện Gia Lâm) tiếp nhận hồ sơ.',
    'Bộ phận một cửa UBND huyện Hàm Thuận Bắc (cũ) nay chuyển về UBND xã Hàm Thuận.',
    'UBND huyện A nay là UBND xã B.',
    'Giấy phép do UBND cấp huyện cấp trước đây vẫn còn giá trị.',
    'Từ ngày 01/7/2025 không còn UBND cấp huyện.',
    // Names of documents and legal-basis titles.
    'Căn cứ Quyết định số 12/2019/QĐ-UBND ngày 05/3/2019 của UBND huyện Gia Lâm về việc ban hành quy chế',
    'Nghị định số 37/2014/NĐ-CP quy định tổ chức các cơ quan chuyên môn thuộc Ủy ban nhân dân huyện, quận, thị xã, thành phố thuộc tỉnh',
    // Place names: wards named after former districts, a unit word inside a name, street addresses (record 1.000232).
    'Nộp hồ sơ tại UBND phường Hà Đông, thành phố Hà Nội.',
    'Nộp tại Phòng Kinh tế phường Chợ Huyện.',
    'Phòng Quản lý đô thị xã Tân Lập tiếp nhận.',
    'Số 44-46 Trần Phú, quận Ba Đình, thành phố Hà Nội; + Số 333-335-337 Nguyễn Trãi, Quận 1, Tp. Hồ Chí Minh',
    'Địa chỉ: Khu 5, thị trấn Quảng Hà, huyện Hải Hà',
    // The commune level taking over.
    'Chủ tịch UBND cấp xã thực hiện thẩm quyền của Chủ tịch UBND cấp huyện.',
    'Chủ tịch Ủy ban nhân dân cấp xã (thay cho Chủ tịch Ủy ban nhân dân cấp huyện)',
    'Thẩm quyền của Ủy ban nhân dân cấp huyện được chuyển giao cho Ủy ban nhân dân cấp xã.',
    'Theo mô hình chính quyền địa phương hai cấp, UBND cấp xã giải quyết thay UBND cấp huyện.',
    // Nothing of the kind.
    'Nộp hồ sơ tại Ủy ban nhân dân cấp xã hoặc Trung tâm Phục vụ hành chính công tỉnh.',
  ])('no mention: %s', (text) => {
    expect(words(text)).toEqual([]);
  });

  it.each(['UBND huyện, ', 'xã, phường, thị trấn, ', 'Phòng Tư pháp huyện ', 'trước đây cấp huyện '])(
    'stays linear on 200,000 characters of “%s”',
    (unit) => {
      const text = unit.repeat(Math.ceil(200_000 / unit.length));
      const start = performance.now();
      preReformMentions(text);
      expect(performance.now() - start).toBeLessThan(1_000);
    },
  );
});

describe('implementation level', () => {
  it.each([
    ['Cấp bộ, Cấp tỉnh, Cấp xã', 'current'],
    ['Cơ quan khác', 'current'],
    ['CẤP TỈNH', 'current'],
    ['Cấp bộ/ngành', 'current'],
    ['Cấp huyện', 'retired'],
    ['Cấp tỉnh, Cấp huyện, Cấp xã', 'retired'],
    ['Cấp quận/huyện', 'retired'],
    ['Cấp xã, phường, thị trấn', 'town-list'],
    ['Sở Tư pháp', 'unknown'],
  ])('%s is %s', (value, kind) => {
    expect(judgeLevel(value).kind).toBe(kind);
  });
});

describe('the finding in reports', () => {
  it('carries its legal reference into the CSV export', () => {
    const html =
      '<h1>Đăng ký hộ kinh doanh</h1><p><b>Cấp thực hiện:</b> Cấp huyện</p><h2>Trình tự thực hiện</h2><p>Nộp tại UBND cấp huyện.</p><h2>Thời hạn giải quyết</h2><p>03 ngày làm việc</p>';
    const report = auditDocument(parseHtmlDocument(html), { url: 'x' });
    const finding = report.findings.find((f) => f.id === 'page.current-administration');
    expect(finding?.status).toBe('fail');
    expect(finding?.evidence.map((e) => e.quote)).toContain('UBND cấp huyện');
    const csv = toCsv([report], 'en');
    const row = csv.split('\r\n').find((line) => line.includes(',page.current-administration,'));
    expect(row).toContain('Nghị định 118/2025/NĐ-CP, Điều 16, khoản 1');
    expect(row).toContain('The page still describes the administration before 1 July 2025');
    expect(csvDocument([])).toBe('\uFEFF\r\n');
  });
});
