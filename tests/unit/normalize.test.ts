import { describe, expect, it } from 'vitest';
import { labelKey, normalizeMultiline, normalizeText, quote } from '../../shared/text/normalize';
import { classifyValue } from '../../shared/checklist/judge';

describe('text normalisation', () => {
  it('composes decomposed diacritics (NFD → NFC)', () => {
    expect(normalizeText('Thời hạn giải quyết'.normalize('NFD'))).toBe('Thời hạn giải quyết');
  });

  it('reads the look-alike Ð (U+00D0) and ð (U+00F0) as Đ and đ', () => {
    expect(normalizeText('\u00D0ối tượng')).toBe('Đối tượng');
    expect(normalizeText('\u00F0ồng')).toBe('đồng');
  });

  it('folds non-breaking, zero-width and bidirectional characters', () => {
    expect(normalizeText('\u00A0Phí,\u00A0lệ\u200B phí\u202E  ')).toBe('Phí, lệ phí');
  });

  it('keeps line breaks only where asked', () => {
    expect(normalizeMultiline('  Bước 1 \r\n\n  Bước 2 ')).toBe('Bước 1\nBước 2');
  });

  it('compares labels whatever their case, numbering or trailing colon', () => {
    expect(labelKey('II. CÁCH THỨC THỰC HIỆN:')).toBe('cách thức thực hiện');
    expect(labelKey('- Phí ,lệ phí :')).toBe('phí, lệ phí');
    expect(labelKey('a) Thành phần hồ sơ')).toBe('thành phần hồ sơ');
  });

  it('quotes long text at a word boundary', () => {
    expect(quote('một hai ba bốn năm sáu bảy tám chín mười', 20)).toBe('một hai ba bốn năm…');
  });
});

describe('value classification', () => {
  it.each([
    ['Không có thông tin', 'placeholder'],
    ['Đang cập nhập.', 'placeholder'],
    ['Không có thông tin\nKhông có thông tin', 'placeholder'],
    ['| | |', 'empty'],
    ['', 'empty'],
    ['Không.', 'none'],
    ['Miễn phí', 'none'],
    ['7', 'real'],
    ['Không có thông tin\n60 Ngày làm việc', 'real'],
    ['<div class="row"></div>&nbsp;', 'empty'],
    ['<p>Sở Tư ph&aacute;p</p>', 'real'],
  ])('“%s” is %s', (value, kind) => {
    expect(classifyValue(value)).toBe(kind);
  });
});
