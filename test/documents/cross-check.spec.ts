import {
  crossCheck,
  FINDING_CODES,
  FINDING_MESSAGES,
  NOT_FOUND_TH,
  type ExpectedOrder,
} from '../../src/documents/inspection/cross-check';

const EXPECTED: ExpectedOrder = {
  laoName: 'องค์การบริหารส่วนตำบลคูเมือง',
  orderNo: 12,
  orderYear: 2568,
  appointees: [{ title: 'นาย', firstName: 'สมชาย', lastName: 'ใจดี' }],
};

const order = (numberLine: string, name = 'นายสมชาย ใจดี', lao = 'องค์การบริหารส่วนตำบลคูเมือง'): string =>
  `คำสั่ง${lao}\n${numberLine}\nเรื่อง แต่งตั้งผู้ดูแลระบบ\nจึงแต่งตั้ง ${name} เป็นผู้ดูแลระบบ\nสั่ง ณ วันที่ ๑ ตุลาคม พ.ศ. ๒๕๖๘`;

describe('crossCheck', () => {
  it.each([
    ['Thai digits', 'ที่ ๑๒/๒๕๖๘'],
    ['Arabic digits', 'ที่ 12/2568'],
    ['spaces around the slash', 'ที่  ๑๒ / ๒๕๖๘'],
    ['no space after ที่', 'ที่12/2568'],
    ['a two-digit year', 'ที่ ๑๒/๖๘'],
  ])('has no findings for a matching order with %s', (_what, line) => {
    expect(crossCheck(order(line), EXPECTED)).toEqual([]);
  });

  it('reports the number that was found instead', () => {
    const [finding, ...rest] = crossCheck(order('ที่ ๑๓/๒๕๖๘'), EXPECTED);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      code: 'ORDER_NUMBER_MISMATCH',
      severity: 'error',
      expected: 'ที่ 12/2568',
    });
    expect(finding.found).toContain('ที่ 13/2568');
    expect(finding.found?.length).toBeLessThanOrEqual(80);
  });

  it('reports a year mismatch alone when the number matches', () => {
    expect(crossCheck(order('ที่ 12/2567'), EXPECTED)).toEqual([
      expect.objectContaining({
        code: 'ORDER_YEAR_MISMATCH',
        expected: '2568',
        found: expect.stringContaining('12/2567'),
      }),
    ]);
  });

  it('reports both when neither matches', () => {
    expect(crossCheck(order('ที่ 7/2566'), EXPECTED).map((f) => f.code)).toEqual([
      'ORDER_NUMBER_MISMATCH',
      'ORDER_YEAR_MISMATCH',
    ]);
  });

  it('does not take a date for an order number', () => {
    const findings = crossCheck(order('ลงวันที่ 12/10/2568'), EXPECTED);
    expect(findings).toEqual([
      { code: 'ORDER_NUMBER_MISMATCH', severity: 'error', expected: 'ที่ 12/2568', found: NOT_FOUND_TH },
    ]);
  });

  it('accepts the abbreviated LAO type and reports another LAO', () => {
    expect(crossCheck(order('ที่ 12/2568', 'นายสมชาย ใจดี', 'อบต.คูเมือง'), EXPECTED)).toEqual([]);
    expect(crossCheck(order('ที่ 12/2568', 'นายสมชาย ใจดี', 'เทศบาลตำบลคูเมือง'), EXPECTED)).toEqual([
      { code: 'LAO_NAME_NOT_FOUND', severity: 'warn', expected: EXPECTED.laoName, found: NOT_FOUND_TH },
    ]);
  });

  it('reports a missing appointee with the full expected name and the nearest snippet', () => {
    const findings = crossCheck(order('ที่ 12/2568', 'นายสมศักดิ์ ใจดี'), EXPECTED);
    expect(findings).toEqual([
      {
        code: 'APPOINTEE_NOT_FOUND',
        severity: 'error',
        expected: 'นายสมชาย ใจดี',
        found: expect.stringContaining('นายสมศักดิ์ ใจดี'),
      },
    ]);
    const none = crossCheck(order('ที่ 12/2568', 'นางมาลี มีสุข'), EXPECTED);
    expect(none).toEqual([expect.objectContaining({ code: 'APPOINTEE_NOT_FOUND', found: NOT_FOUND_TH })]);
  });

  it('reports one finding per missing appointee and a loose match as info', () => {
    const expected = {
      ...EXPECTED,
      appointees: [
        ...EXPECTED.appointees,
        { title: 'นางสาว', firstName: 'พรทิพย์', lastName: 'แก้วประเสริฐ' },
        { firstName: 'มาลี', lastName: 'มีสุข' },
        { firstName: 'สมหญิง', lastName: 'รักดี' },
      ],
    };
    const text = `${order('ที่ 12/2568')} และ นางสาวพรทิพย์ แกูวประเสริฐ`;
    expect(crossCheck(text, expected)).toEqual([
      {
        code: 'NAME_MATCHED_LOOSELY',
        severity: 'info',
        expected: 'นางสาวพรทิพย์ แก้วประเสริฐ',
        found: expect.stringContaining('แกูว'),
      },
      expect.objectContaining({ code: 'APPOINTEE_NOT_FOUND', expected: 'มาลี มีสุข' }),
      expect.objectContaining({ code: 'APPOINTEE_NOT_FOUND', expected: 'สมหญิง รักดี' }),
    ]);
  });

  it('reports missing keywords', () => {
    const text = 'องค์การบริหารส่วนตำบลคูเมือง ที่ 12/2568 นายสมชาย ใจดี';
    expect(crossCheck(text, EXPECTED)).toEqual([
      { code: 'KEYWORD_MISSING', severity: 'warn', expected: 'คำสั่ง', found: NOT_FOUND_TH },
      { code: 'KEYWORD_MISSING', severity: 'warn', expected: 'แต่งตั้ง', found: NOT_FOUND_TH },
    ]);
  });

  it('says when the text came from OCR', () => {
    expect(crossCheck(order('ที่ 12/2568'), EXPECTED, { ocr: true })).toEqual([
      { code: 'TEXT_FROM_OCR', severity: 'info' },
    ]);
  });

  it('falls back to a bare n/25xx when OCR garbled ที่', () => {
    expect(crossCheck(order('ทิ 12/2568'), EXPECTED, { ocr: true })).toEqual([
      { code: 'TEXT_FROM_OCR', severity: 'info' },
    ]);
  });
});

describe('FINDING_MESSAGES', () => {
  it('has a Thai and an English message for every code', () => {
    for (const code of FINDING_CODES) {
      expect(FINDING_MESSAGES[code].th).toMatch(/[\u0e00-\u0e7f]/);
      expect(FINDING_MESSAGES[code].en).toMatch(/^[\x20-\x7e]+$/);
    }
    expect(FINDING_MESSAGES.APPOINTEE_NOT_FOUND).toEqual({
      th: 'ชื่อผู้ได้รับแต่งตั้งไม่ตรงกับเอกสาร',
      en: 'Appointee name not found in the document',
    });
  });
});
