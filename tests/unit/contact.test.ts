// parseContact on the wording of real footers and PAKN blocks (the page fixtures' footers, with
// their fictitious phones and e-mails), plus one-line footers, English pages and hostile input.
import { describe, expect, it } from 'vitest';
import { parseContact, type StructuredContact } from '../../shared/text/contact';

const NONE: StructuredContact = { agency: null, address: null, phones: [], emails: [], websites: [], hours: null };

describe('contact for phản ánh, kiến nghị, as the citizen sees it', () => {
  it('reads the agency, address, phone and e-mail of a provincial footer written on one line', () => {
    const text =
      'Địa chỉ tiếp nhận phản ánh, kiến nghị về quy định hành chính: Văn phòng UBND tỉnh Lào Cai, số 1 đường Trần Hưng Đạo, phường Nam Cường, thành phố Lào Cai; điện thoại chuyên dùng: 0000 000 000; email: pakn.laocai@example.gov.vn';
    expect(parseContact(text)).toEqual({
      agency: 'Văn phòng UBND tỉnh Lào Cai',
      address: 'số 1 đường Trần Hưng Đạo, phường Nam Cường, thành phố Lào Cai',
      phones: ['0000 000 000'],
      emails: ['pakn.laocai@example.gov.vn'],
      websites: [],
      hours: null,
    });
  });

  it('reads the agency on its own line under the heading of the national portal footer, and its online page', () => {
    const text = [
      'CỔNG DỊCH VỤ CÔNG QUỐC GIA',
      'Cơ quan chủ quản: Văn phòng Chính phủ',
      'Bản quyền thuộc Cổng Dịch vụ công Quốc gia. Ghi rõ nguồn khi phát hành lại thông tin từ Cổng.',
      'Địa chỉ tiếp nhận phản ánh, kiến nghị về quy định hành chính',
      'Cục Kiểm soát thủ tục hành chính - Văn phòng Chính phủ',
      'Địa chỉ: Số 1 Hoàng Hoa Thám, phường Ba Đình, thành phố Hà Nội',
      'Điện thoại: 0000 000 000 | Email: phananhkiennghi@example.gov.vn',
      'Trang tiếp nhận trực tuyến: pakn.example.gov.vn',
    ].join('\n');
    expect(parseContact(text, ['https://pakn.example.gov.vn'])).toEqual({
      agency: 'Cục Kiểm soát thủ tục hành chính - Văn phòng Chính phủ',
      address: 'Số 1 Hoàng Hoa Thám, phường Ba Đình, thành phố Hà Nội',
      phones: ['0000 000 000'],
      emails: ['phananhkiennghi@example.gov.vn'],
      websites: ['https://pakn.example.gov.vn'],
      hours: null,
    });
  });

  it('reads the provincial public administration service centre, the receiver since Decree 118/2025 Art. 8(2)(e)', () => {
    const text =
      'Tiếp nhận phản ánh, kiến nghị về quy định hành chính: Trung tâm Phục vụ hành chính công tỉnh Lào Cai, số 1 đường Trần Hưng Đạo, phường Nam Cường; điện thoại: 0000 000 000; email: pakn@example.gov.vn';
    expect(parseContact(text)).toEqual({
      agency: 'Trung tâm Phục vụ hành chính công tỉnh Lào Cai',
      address: 'số 1 đường Trần Hưng Đạo, phường Nam Cường',
      phones: ['0000 000 000'],
      emails: ['pakn@example.gov.vn'],
      websites: [],
      hours: null,
    });
  });

  it('keeps both parts of an agency name joined by a dash, and an address that opens with "Trụ sở"', () => {
    const text = [
      'CỔNG DỊCH VỤ CÔNG TỈNH QUẢNG NINH',
      'Cơ quan chủ quản: Ủy ban nhân dân tỉnh Quảng Ninh',
      'Tiếp nhận phản ánh, kiến nghị của cá nhân, tổ chức về quy định hành chính',
      'Văn phòng Ủy ban nhân dân tỉnh Quảng Ninh - Phòng Kiểm soát thủ tục hành chính',
      'Địa chỉ: Trụ sở Liên cơ quan số 3, phường Hồng Hà, tỉnh Quảng Ninh',
      'Điện thoại: 0000 000 000 - Email: pakn@example.gov.vn',
      'Bản quyền © Ủy ban nhân dân tỉnh Quảng Ninh. Ghi rõ nguồn khi phát hành lại thông tin từ Cổng này.',
    ].join('\n');
    const c = parseContact(text);
    expect(c.agency).toBe('Văn phòng Ủy ban nhân dân tỉnh Quảng Ninh - Phòng Kiểm soát thủ tục hành chính');
    expect(c.address).toBe('Trụ sở Liên cơ quan số 3, phường Hồng Hà, tỉnh Quảng Ninh');
    expect(c.emails).toEqual(['pakn@example.gov.vn']);
  });

  it('keeps "Cục Kiểm soát thủ tục hành chính, Văn phòng Chính phủ" whole and starts the address at the street number', () => {
    const text =
      'Địa chỉ tiếp nhận phản ánh, kiến nghị về quy định hành chính: Cục Kiểm soát thủ tục hành chính, Văn phòng Chính phủ, số 1 Hoàng Hoa Thám, Ba Đình, Hà Nội; điện thoại chuyên dùng: 0000 000 000; email: pakn@example.gov.vn';
    const c = parseContact(text);
    expect(c.agency).toBe('Cục Kiểm soát thủ tục hành chính, Văn phòng Chính phủ');
    expect(c.address).toBe('số 1 Hoàng Hoa Thám, Ba Đình, Hà Nội');
    expect(c.phones).toEqual(['0000 000 000']);
  });

  it('separates the agency from the address that follows it after a dash', () => {
    const national = parseContact(
      'Tiếp nhận phản ánh, kiến nghị về quy định hành chính\nVăn phòng Chính phủ - Số 1 Hoàng Hoa Thám, Ba Đình, Hà Nội\nĐiện thoại: 0000 000 000',
    );
    expect(national.agency).toBe('Văn phòng Chính phủ');
    expect(national.address).toBe('Số 1 Hoàng Hoa Thám, Ba Đình, Hà Nội');
    const danang = parseContact(
      'Địa chỉ tiếp nhận phản ánh, kiến nghị về quy định hành chính:\nSở Xây dựng thành phố Đà Nẵng - Tầng 6, Trung tâm Hành chính thành phố, số 24 Trần Phú, phường Hải Châu, thành phố Đà Nẵng\nĐiện thoại: 0000 000 000 - Email: sxd.pakn@example.gov.vn',
    );
    expect(danang.agency).toBe('Sở Xây dựng thành phố Đà Nẵng');
    expect(danang.address).toBe('Tầng 6, Trung tâm Hành chính thành phố, số 24 Trần Phú, phường Hải Châu, thành phố Đà Nẵng');
    expect(danang.emails).toEqual(['sxd.pakn@example.gov.vn']);
  });

  it('reads the agency a sentence tells citizens to send their feedback to', () => {
    const vpcp = parseContact(
      'Địa chỉ tiếp nhận phản ánh, kiến nghị\nTổ chức, cá nhân gửi phản ánh, kiến nghị về quy định hành chính, thủ tục hành chính tới Cục Kiểm soát thủ tục hành chính - Văn phòng Chính phủ, Số 1 Hoàng Hoa Thám, Ba Đình, Hà Nội\nĐiện thoại chuyên dùng: 0000 000 000 · Email: pakn@example.gov.vn',
      ['mailto:pakn@example.gov.vn'],
    );
    expect(vpcp.agency).toBe('Cục Kiểm soát thủ tục hành chính - Văn phòng Chính phủ');
    expect(vpcp.address).toBe('Số 1 Hoàng Hoa Thám, Ba Đình, Hà Nội');
    expect(vpcp.emails).toEqual(['pakn@example.gov.vn']);
    const ministry = parseContact(
      'Mọi phản ánh, kiến nghị về quy định hành chính và việc giải quyết thủ tục hành chính xin gửi về Bộ Tư pháp.',
    );
    expect(ministry).toEqual({ ...NONE, agency: 'Bộ Tư pháp' });
  });

  it('reads the agency named as the subject of "… tiếp nhận phản ánh, kiến nghị" and its labelled address', () => {
    const text = [
      'Địa chỉ tiếp nhận phản ánh, kiến nghị',
      'Sở Xây dựng tiếp nhận phản ánh, kiến nghị của cá nhân, tổ chức về quy định hành chính và việc giải quyết thủ tục hành chính:',
      'Địa chỉ: Tầng 5, Trung tâm Hành chính tỉnh, số 01 đường Trung tâm',
      'Điện thoại: 0000 000 000',
      'Email: pakn.sxd@example.gov.vn',
    ].join('\n');
    const c = parseContact(text);
    expect(c.agency).toBe('Sở Xây dựng');
    expect(c.address).toBe('Tầng 5, Trung tâm Hành chính tỉnh, số 01 đường Trung tâm');
  });

  it('reads the agency on the line after "… gửi về:"', () => {
    const text = [
      'Tiếp nhận phản ánh, kiến nghị',
      'Cá nhân, tổ chức phản ánh, kiến nghị về quy định hành chính gửi về:',
      'Sở Tư pháp tỉnh Bắc Ninh',
      'Địa chỉ: số 10 đường Phù Đổng Thiên Vương, phường Kinh Bắc, tỉnh Bắc Ninh',
      'Điện thoại: 0000 000 000',
      'Email: pakn.stp@example.gov.vn',
      'SỞ TƯ PHÁP TỈNH BẮC NINH',
      'Chịu trách nhiệm chính: Giám đốc Sở Tư pháp tỉnh Bắc Ninh',
    ].join('\n');
    expect(parseContact(text)).toEqual({
      agency: 'Sở Tư pháp tỉnh Bắc Ninh',
      address: 'số 10 đường Phù Đổng Thiên Vương, phường Kinh Bắc, tỉnh Bắc Ninh',
      phones: ['0000 000 000'],
      emails: ['pakn.stp@example.gov.vn'],
      websites: [],
      hours: null,
    });
  });

  it('reads an English feedback block, counting a mailto link and its text once', () => {
    const text = [
      'HA NOI DEPARTMENT OF HOME AFFAIRS',
      'Receiving feedback and petitions (phản ánh, kiến nghị) on administrative regulations: Office of the Department of Home Affairs, 18 Ton That Thuyet Street, Ha Noi',
      'Tel: 0000 000 000 · Email: pakn.snv@example.gov.vn',
      '© Ha Noi Department of Home Affairs. Please cite the source when republishing.',
    ].join('\n');
    expect(parseContact(text, ['mailto:pakn.snv@example.gov.vn'])).toEqual({
      agency: 'Office of the Department of Home Affairs',
      address: '18 Ton That Thuyet Street, Ha Noi',
      phones: ['0000 000 000'],
      emails: ['pakn.snv@example.gov.vn'],
      websites: [],
      hours: null,
    });
  });

  it('reads the English working hours and the board named on the first line of the footer', () => {
    const text = [
      'DA NANG INVESTMENT PROMOTION AND SUPPORT BOARD',
      'Contact us — Tel: 0000 000 000 | Email: info@example.gov.vn | Working hours: Monday–Friday, 7:30–17:00',
      '© 2026 Da Nang City. All rights reserved.',
    ].join('\n');
    expect(parseContact(text)).toEqual({
      agency: 'DA NANG INVESTMENT PROMOTION AND SUPPORT BOARD',
      address: null,
      phones: ['0000 000 000'],
      emails: ['info@example.gov.vn'],
      websites: [],
      hours: 'Monday–Friday, 7:30–17:00',
    });
  });

  it('reads the working hours of a one-stop centre footer, dashes and brackets kept', () => {
    const text = [
      'TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG TỈNH LÀO CAI',
      'Địa chỉ: Tầng 1, Khối 5, Đại lộ Trần Hưng Đạo, phường Nam Cường, thành phố Lào Cai',
      'LIÊN HỆ',
      'Điện thoại: 0000 000 000',
      'Email: tthcc@example.gov.vn',
      'Thời gian làm việc: Sáng 7h30 - 11h30, chiều 13h30 - 17h00 (thứ Hai đến thứ Sáu)',
      '© 2026 Cổng Dịch vụ công tỉnh Lào Cai',
    ].join('\n');
    expect(parseContact(text)).toEqual({
      agency: 'TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG TỈNH LÀO CAI',
      address: 'Tầng 1, Khối 5, Đại lộ Trần Hưng Đạo, phường Nam Cường, thành phố Lào Cai',
      phones: ['0000 000 000'],
      emails: ['tthcc@example.gov.vn'],
      websites: [],
      hours: 'Sáng 7h30 - 11h30, chiều 13h30 - 17h00 (thứ Hai đến thứ Sáu)',
    });
  });

  it('reads hours given on the lines under their label', () => {
    const c = parseContact('Giờ tiếp nhận:\nSáng: 7h30 - 11h30\nChiều: 13h30 - 17h00\nĐiện thoại: 0000 000 000');
    expect(c.hours).toBe('Sáng: 7h30 - 11h30; Chiều: 13h30 - 17h00');
    expect(c.phones).toEqual(['0000 000 000']);
  });

  it('reads every part of a one-line footer separated by " | "', () => {
    const text =
      'Văn phòng UBND tỉnh Lào Cai | Địa chỉ: Tòa nhà Khối 1, Trung tâm hành chính tỉnh, phường Cam Đường, tỉnh Lào Cai | Điện thoại: 0000 000 000 | Email: kiemsoattthc@example.gov.vn | Website: https://pakn.example.gov.vn | Thời gian làm việc: Sáng từ 7h30 – 11h30, chiều từ 13h30 – 17h00, từ thứ Hai đến thứ Sáu';
    expect(parseContact(text)).toEqual({
      agency: 'Văn phòng UBND tỉnh Lào Cai',
      address: 'Tòa nhà Khối 1, Trung tâm hành chính tỉnh, phường Cam Đường, tỉnh Lào Cai',
      phones: ['0000 000 000'],
      emails: ['kiemsoattthc@example.gov.vn'],
      websites: ['https://pakn.example.gov.vn'],
      hours: 'Sáng từ 7h30 – 11h30, chiều từ 13h30 – 17h00, từ thứ Hai đến thứ Sáu',
    });
  });

  it('reads a one-line footer separated by "·", and one separated by "; "', () => {
    const dots = parseContact(
      'Tiếp nhận phản ánh, kiến nghị về quy định hành chính: Văn phòng UBND tỉnh · Điện thoại: 0000 000 000 · Email: pakn@example.gov.vn',
    );
    expect(dots).toEqual({ ...NONE, agency: 'Văn phòng UBND tỉnh', phones: ['0000 000 000'], emails: ['pakn@example.gov.vn'] });
    const semicolons = parseContact(
      'Địa chỉ tiếp nhận phản ánh, kiến nghị về quy định hành chính: Văn phòng - Thống kê UBND xã; điện thoại: 0000 000 000; thư điện tử: phananhkiennghi.thanhnua@example.gov.vn',
    );
    expect(semicolons).toEqual({
      ...NONE,
      agency: 'Văn phòng - Thống kê UBND xã',
      phones: ['0000 000 000'],
      emails: ['phananhkiennghi.thanhnua@example.gov.vn'],
    });
  });

  it('reads a footer whose parts are separated by " - " without cutting a name that has one', () => {
    const text = [
      'CỔNG THÔNG TIN ĐIỆN TỬ PHƯỜNG HÒA BÌNH',
      'Cơ quan chủ quản: Ủy ban nhân dân phường Hòa Bình',
      'Địa chỉ tiếp nhận phản ánh, kiến nghị về quy định hành chính: Văn phòng HĐND - UBND phường Hòa Bình, số 12 đường Trần Phú, phường Hòa Bình',
      'Điện thoại: 0000 000 000 - Email: pakn.hoabinh@example.gov.vn',
    ].join('\n');
    const c = parseContact(text, ['mailto:pakn.hoabinh@example.gov.vn']);
    expect(c.agency).toBe('Văn phòng HĐND - UBND phường Hòa Bình');
    expect(c.address).toBe('số 12 đường Trần Phú, phường Hòa Bình');
    expect(c.emails).toEqual(['pakn.hoabinh@example.gov.vn']);
    const oneLine = parseContact(
      'Ủy ban nhân dân xã Thanh Nưa - Địa chỉ: bản Noong Nhai, xã Thanh Nưa, tỉnh Điện Biên - Điện thoại: 0000 000 000 - Thời gian làm việc: Sáng 7h30 - 11h30, chiều 13h30 - 17h00',
    );
    expect(oneLine).toEqual({
      ...NONE,
      agency: 'Ủy ban nhân dân xã Thanh Nưa',
      address: 'bản Noong Nhai, xã Thanh Nưa, tỉnh Điện Biên',
      phones: ['0000 000 000'],
      hours: 'Sáng 7h30 - 11h30, chiều 13h30 - 17h00',
    });
  });

  it('reads phone and e-mail written without a colon after the agency ("…, điện thoại 0000 …, email …")', () => {
    const text =
      'Tiếp nhận phản ánh, kiến nghị của cá nhân, tổ chức về quy định hành chính (Receiving feedback and petitions on administrative regulations): Văn phòng Sở Tư pháp, điện thoại 0000 000 000, email pakn.sotuphap@example.gov.vn';
    expect(parseContact(text)).toEqual({
      ...NONE,
      agency: 'Văn phòng Sở Tư pháp',
      phones: ['0000 000 000'],
      emails: ['pakn.sotuphap@example.gov.vn'],
    });
  });

  it('ends the address at the full stop before the next label', () => {
    const text =
      'Địa chỉ tiếp nhận phản ánh, kiến nghị về quy định hành chính: Văn phòng Ủy ban nhân dân tỉnh Lào Cai, đại lộ Trần Hưng Đạo, phường Nam Cường, tỉnh Lào Cai. Điện thoại chuyên dùng: 0000 000 000. Email: kstthc@example.gov.vn';
    const c = parseContact(text);
    expect(c.agency).toBe('Văn phòng Ủy ban nhân dân tỉnh Lào Cai');
    expect(c.address).toBe('đại lộ Trần Hưng Đạo, phường Nam Cường, tỉnh Lào Cai');
    expect(c.emails).toEqual(['kstthc@example.gov.vn']);
  });

  it('reads an address line that has no label under the agency', () => {
    const c = parseContact(
      'Tiếp nhận phản ánh, kiến nghị\nVăn phòng Chính phủ\nSố 1 Hoàng Hoa Thám, phường Ba Đình, thành phố Hà Nội\nEmail: pakn@example.gov.vn',
    );
    expect(c.agency).toBe('Văn phòng Chính phủ');
    expect(c.address).toBe('Số 1 Hoàng Hoa Thám, phường Ba Đình, thành phố Hà Nội');
  });

  it('reads the agency after "Cơ quan tiếp nhận:" or "Tên cơ quan:"', () => {
    const c = parseContact(
      'Cơ quan tiếp nhận: Sở Tư pháp tỉnh Lào Cai\nĐịa chỉ: số 1 đường Trần Hưng Đạo, phường Nam Cường, tỉnh Lào Cai\nĐiện thoại: 0000 000 000',
    );
    expect(c.agency).toBe('Sở Tư pháp tỉnh Lào Cai');
    expect(c.address).toBe('số 1 đường Trần Hưng Đạo, phường Nam Cường, tỉnh Lào Cai');
    expect(parseContact('Tên cơ quan: Bộ Công an\nĐiện thoại chuyên dùng: 0000 000 000').agency).toBe('Bộ Công an');
  });

  it('shows only the hotline and e-mail when the footer names no receiving agency', () => {
    const text = [
      'CỔNG DỊCH VỤ CÔNG QUỐC GIA',
      'Cơ quan chủ quản: Văn phòng Chính phủ',
      'Đơn vị vận hành: Cục Kiểm soát thủ tục hành chính',
      'Tổng đài tiếp nhận phản ánh, kiến nghị',
      '0000 000 000 (miễn phí cước gọi, giờ hành chính)',
      'Email tiếp nhận phản ánh, kiến nghị: pakn@example.gov.vn',
      'Gửi phản ánh, kiến nghị trực tuyến tại mục Phản ánh kiến nghị',
    ].join('\n');
    expect(parseContact(text, ['tel:0000000000', 'mailto:pakn@example.gov.vn'])).toEqual({
      ...NONE,
      phones: ['0000 000 000'],
      emails: ['pakn@example.gov.vn'],
    });
  });

  it('shows a hotline given alone', () => {
    expect(parseContact('Đường dây nóng: 0000 000 000')).toEqual({ ...NONE, phones: ['0000 000 000'] });
  });

  it('shows nothing for text with no contact at all, or only a placeholder', () => {
    expect(
      parseContact('Phản ánh, kiến nghị\nTổ chức, cá nhân có quyền phản ánh, kiến nghị về quy định hành chính liên quan đến thủ tục này.'),
    ).toEqual(NONE);
    expect(parseContact('Địa chỉ tiếp nhận phản ánh, kiến nghị: Đang cập nhật')).toEqual(NONE);
    expect(parseContact('')).toEqual(NONE);
  });

  it('never shows the PAKN label, a portal name or "cơ quan có thẩm quyền" as the agency', () => {
    const label = parseContact(
      'Địa chỉ tiếp nhận phản ánh, kiến nghị\nĐịa chỉ: Số 10 đường Trần Hưng Đạo, phường Trung tâm\nĐiện thoại chuyên dùng: 0000 000 000',
    );
    expect(label.agency).toBeNull();
    expect(label.address).toBe('Số 10 đường Trần Hưng Đạo, phường Trung tâm');
    expect(
      parseContact('Cổng thông tin điện tử UBND xã (minh hoạ)\nĐiện thoại: 0000 000 000 · Email: vanphong@example.gov.vn').agency,
    ).toBeNull();
    const sentence = parseContact(
      'Tổ chức, cá nhân có phản ánh, kiến nghị về quy định hành chính liên quan đến thủ tục này đề nghị gửi về cơ quan có thẩm quyền theo quy định của pháp luật.\nCỔNG THÔNG TIN ĐIỆN TỬ BỘ CÔNG AN',
    );
    expect(sentence).toEqual(NONE);
  });

  it("prefers the feedback block's own agency and address to the site's", () => {
    const text = [
      'CỔNG THÔNG TIN ĐIỆN TỬ SỞ XÂY DỰNG TỈNH AN GIANG',
      'Địa chỉ: Số 5 đường Lê Triệu Kiết, tỉnh An Giang · Điện thoại: 0000 000 000',
      'Tiếp nhận phản ánh, kiến nghị của cá nhân, tổ chức về quy định hành chính: Văn phòng Sở Xây dựng, số 5 đường Lê Triệu Kiết, tỉnh An Giang; điện thoại chuyên dùng: 0000 000 000; email: pakn.sxd@example.gov.vn',
    ].join('\n');
    const c = parseContact(text);
    expect(c.agency).toBe('Văn phòng Sở Xây dựng');
    expect(c.address).toBe('số 5 đường Lê Triệu Kiết, tỉnh An Giang');
    expect(c.phones).toEqual(['0000 000 000']);
  });

  it('names the agency written just above a feedback block that names none', () => {
    const text = [
      'ỦY BAN CHỨNG KHOÁN NHÀ NƯỚC',
      'Giấy phép thiết lập trang thông tin điện tử tổng hợp trên Internet số 00/GP-TTĐT',
      'Tiếp nhận phản ánh, kiến nghị của cá nhân, tổ chức về quy định hành chính',
      'Địa chỉ: Số 164 Trần Quang Khải, phường Hoàn Kiếm, thành phố Hà Nội',
      'Điện thoại: 0000 000 000',
      'Thư điện tử: pakn@example.gov.vn',
      '© Bản quyền thuộc Ủy ban Chứng khoán Nhà nước',
    ].join('\n');
    const c = parseContact(text);
    expect(c.agency).toBe('ỦY BAN CHỨNG KHOÁN NHÀ NƯỚC');
    expect(c.address).toBe('Số 164 Trần Quang Khải, phường Hoàn Kiếm, thành phố Hà Nội');
    expect(c.emails).toEqual(['pakn@example.gov.vn']);
  });

  it('leaves out a fax number, which a citizen cannot call', () => {
    const text = [
      'Địa chỉ tiếp nhận phản ánh, kiến nghị của cá nhân, tổ chức về quy định hành chính',
      'Văn phòng Ủy ban nhân dân tỉnh Kon Tum',
      'Địa chỉ: số 02 Hùng Vương, thành phố Kon Tum, tỉnh Kon Tum',
      'Điện thoại: 0000 000 000 - Fax: 0000 000 001',
      'Email: phananh@example.gov.vn',
    ].join('\n');
    const c = parseContact(text);
    expect(c.agency).toBe('Văn phòng Ủy ban nhân dân tỉnh Kon Tum');
    expect(c.phones).toEqual(['0000 000 000']);
  });

  it('keeps the bracketed area code of a phone number', () => {
    const c = parseContact(
      'Tiếp nhận phản ánh, kiến nghị về quy định hành chính\nSở Xây dựng (minh hoạ) · Điện thoại: (0000) 000 000 · Email: phananh@example.gov.vn',
    );
    expect(c.agency).toBe('Sở Xây dựng (minh hoạ)');
    expect(c.phones).toEqual(['(0000) 000 000']);
  });

  it('takes a linked website only where the text labels a website', () => {
    const labelled = parseContact('Văn phòng UBND tỉnh (minh hoạ)\nWebsite: Cổng thông tin điện tử tỉnh (minh hoạ)', [
      'https://example.gov.vn/',
      'mailto:pakn@example.gov.vn',
      'tel:0000000000',
    ]);
    expect(labelled.websites).toEqual(['https://example.gov.vn/']);
    expect(labelled.emails).toEqual(['pakn@example.gov.vn']);
    expect(labelled.phones).toEqual(['0000000000']);
    // A list of links to other portals ("Liên kết website") is not the agency's website.
    const links = parseContact('Liên kết website\nCổng Dịch vụ công quốc gia\nCổng Thông tin điện tử Chính phủ', [
      'https://dichvucong.gov.vn',
      'https://chinhphu.vn',
    ]);
    expect(links.websites).toEqual([]);
  });

  it('reads a site address written without "https://" after "Website:"', () => {
    const c = parseContact('Sở Tư pháp (minh hoạ)\nWebsite: sotuphap.example.gov.vn\nEmail: stp@example.gov.vn');
    expect(c.websites).toEqual(['sotuphap.example.gov.vn']);
    expect(c.agency).toBe('Sở Tư pháp (minh hoạ)');
  });

  it('lists a website once, with its scheme, when the text and a link both give it', () => {
    const c = parseContact('Cổng thông tin điện tử: www.example.gov.vn.', ['https://www.example.gov.vn/']);
    expect(c.websites).toEqual(['https://www.example.gov.vn/']);
  });

  it('cuts a very long value at about 200 characters', () => {
    const street = `Địa chỉ: số 1 đường ${'Minh Hoạ '.repeat(100)}`;
    const c = parseContact(street);
    expect(c.address!.length).toBeLessThanOrEqual(201);
    expect(c.address!.endsWith('…')).toBe(true);
  });

  it('finishes fast on a 1 MB line of hostile text', () => {
    const size = 1_000_000;
    const fill = (unit: string) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
    const hostile = [
      fill('a'), // one run the e-mail pattern would rescan from every position
      fill('a'.repeat(128) + ' '),
      fill('0 '),
      fill('Văn phòng, '),
      fill('Địa chỉ: '),
      fill(' - '),
      fill('phản ánh, kiến nghị: '),
      fill('Điện thoại: 0000 000 000 Email: a@b.vn | Fax: 0000 000 000; '),
      fill('0(((((((((('),
      'Tiếp nhận phản ánh' + ' '.repeat(size),
    ];
    for (const text of hostile) {
      const start = performance.now();
      const c = parseContact(text, ['https://example.gov.vn']);
      const ms = performance.now() - start;
      expect(ms, `${JSON.stringify(text.slice(0, 20))}… took ${Math.round(ms)} ms`).toBeLessThan(3_000);
      for (const value of [c.agency, c.address, c.hours, ...c.phones, ...c.emails, ...c.websites]) {
        if (value !== null) expect(value.length).toBeLessThanOrEqual(201);
      }
    }
  });
});
