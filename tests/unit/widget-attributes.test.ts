/** The widget's attribute schema: values read, and one warning naming the attribute with a safe fallback for bad ones. */
import { describe, expect, it } from 'vitest';
import { readConfig, type AttributeName } from '../../widget/src/attributes';
import { parseAgencyFile, parseContacts } from '../../widget/src/agency-file';

function read(attrs: Partial<Record<AttributeName, string>>, pageLang = 'vi') {
  const warnings: string[] = [];
  const config = readConfig(
    (n) => attrs[n] ?? null,
    pageLang,
    'https://portal.example.gov.vn/tthc/1',
    (a) => warnings.push(a),
    {},
    parseContacts,
  );
  return { config, warnings };
}

describe('widget attributes', () => {
  it('reads a good configuration without warnings', () => {
    const { config, warnings } = read({
      collector: '/',
      'procedure-code': '1.000178',
      lang: 'en',
      mode: 'floating',
      panels: 'rating, contact',
      contacts: '{"agency":"Trung tâm Phục vụ hành chính công tỉnh Lào Cai","phones":"0214 3840 888","websites":"https://x.gov.vn"}',
      'question-set': 'none',
    });
    expect(warnings).toEqual([]);
    expect(config).toMatchObject({
      endpoint: 'https://portal.example.gov.vn/api/v1/submissions',
      procedureCode: '1.000178',
      lang: 'en',
      mode: 'floating',
      panels: ['rating', 'contact'],
      questionSet: 'none',
      contacts: [{ agency: 'Trung tâm Phục vụ hành chính công tỉnh Lào Cai', phones: ['0214 3840 888'], websites: ['https://x.gov.vn'] }],
    });
  });

  it('warns once per bad attribute and falls back safely', () => {
    const { config, warnings } = read(
      { collector: 'javascript:alert(1)', lang: 'fr', mode: 'popup', panels: 'ratings', contacts: '{oops', 'procedure-code': '<b>' },
      'en-GB',
    );
    expect(warnings.sort()).toEqual(['collector', 'contacts', 'lang', 'mode', 'panels', 'procedure-code']);
    expect(config).toMatchObject({ endpoint: undefined, lang: 'en', mode: 'inline', panels: ['rating', 'contact', 'gap-report'] });
    expect(config.contacts).toBeUndefined();
    expect(config.procedureCode).toBeUndefined();
  });

  it('reads the scale, procedure name and agency; a bad scale warns and keeps 5 levels', () => {
    const good = read({ 'procedure-code': '1.000178', scale: '3', 'procedure-name': ' Cấp giấy phép xây dựng ', agency: 'Sở Xây dựng' });
    expect(good.warnings).toEqual([]);
    expect(good.config).toMatchObject({ scale: 3, procedureName: 'Cấp giấy phép xây dựng', agency: 'Sở Xây dựng' });
    expect(read({}).config.scale).toBe(5);
    const bad = read({ 'procedure-code': '1.000178', scale: '7' });
    expect(bad.warnings).toEqual(['scale']);
    expect(bad.config.scale).toBe(5);
  });

  it('warns when no procedure code is given (the engine reads it from the page)', () => {
    const { config, warnings } = read({ collector: '/' });
    expect(warnings).toEqual(['procedure-code']);
    expect(config.procedureCode).toBeUndefined();
  });

  it('refuses contact points without an agency and drops non-http websites', () => {
    expect(parseContacts('[{"address":"x"}]')).toBeNull();
    expect(parseContacts('{"agency":"A","websites":["javascript:x","http://a.vn"]}')).toEqual([{ agency: 'A', websites: ['http://a.vn'] }]);
  });
});

describe('agency configuration file', () => {
  it('accepts contacts, a question set and theme colours; attributes still win', () => {
    const file = parseAgencyFile({ contacts: { agency: 'A' }, questionSet: 'sipas', theme: { accent: '#7a1f1f' }, other: 1 });
    expect(file).toEqual({ contacts: [{ agency: 'A' }], questionSet: 'sipas', theme: { '--tf-accent': '#7a1f1f' } });
    const config = readConfig(
      (n) => ({ 'question-set': 'none', config: '/agency.json' })[n as string] ?? null,
      'vi',
      'https://p.vn/x',
      () => undefined,
      file!,
    );
    expect(config.questionSet).toBe('none');
    expect(config.contacts).toEqual([{ agency: 'A' }]);
    expect(config.configUrl).toBe('https://p.vn/agency.json');
    expect(config.theme).toEqual({ '--tf-accent': '#7a1f1f' });
  });

  it('sets the 3-level scale from the file unless the scale attribute says otherwise', () => {
    const file = parseAgencyFile({ scale: 3 })!;
    expect(file).toEqual({ scale: 3 });
    expect(
      readConfig(
        () => null,
        'vi',
        'https://p.vn/x',
        () => undefined,
        file,
      ).scale,
    ).toBe(3);
    expect(
      readConfig(
        (n) => (n === 'scale' ? '5' : null),
        'vi',
        'https://p.vn/x',
        () => undefined,
        file,
      ).scale,
    ).toBe(5);
  });

  it('refuses a file with a bad part (CSS injection in a colour, unknown theme key, unknown set, contacts without agency); drops a website that is not http(s)', () => {
    expect(parseAgencyFile({ theme: { accent: 'red;}:host{display:none' } })).toBeNull();
    expect(parseAgencyFile({ questionSet: 'x' })).toBeNull();
    expect(parseAgencyFile({ scale: 4 })).toBeNull();
    expect(parseAgencyFile({ contacts: [{ phones: ['1'] }] })).toBeNull();
    expect(parseAgencyFile([1])).toBeNull();
    expect(parseAgencyFile({ theme: { accent: '#fff', shadow: '#000' } })).toBeNull();
    expect(parseAgencyFile({ theme: { accent: 12 } })).toBeNull();
    expect(parseAgencyFile({ contacts: [{ agency: 'A', websites: ['javascript:alert(1)'] }] })).toEqual({ contacts: [{ agency: 'A' }] });
    expect(parseAgencyFile({ contacts: [] })).toBeNull();
    expect(parseAgencyFile({ contacts: { agency: '   ' } })).toBeNull();
    expect(parseAgencyFile('{"contacts":[]}')).toBeNull();
    expect(parseAgencyFile(null)).toBeNull();
  });

  it('reads one value or a list for phones, e-mails and websites, trimmed', () => {
    expect(
      parseAgencyFile({
        contacts: [
          {
            agency: ' Sở Tư pháp ',
            phones: '0214 3840 888',
            emails: ['a@b.vn', 'c@d.vn'],
            websites: 'https://stp.example.gov.vn',
            upper: false,
          },
        ],
        scale: 5,
      }),
    ).toEqual({
      contacts: [
        { agency: 'Sở Tư pháp', phones: ['0214 3840 888'], emails: ['a@b.vn', 'c@d.vn'], websites: ['https://stp.example.gov.vn'] },
      ],
      scale: 5,
    });
  });
});
