import {
  findLoose,
  matchName,
  normalizeThai,
  parseThaiInt,
  SearchableText,
  snippetAround,
  toArabicDigits,
} from '../../src/documents/text/thai-text';

describe('toArabicDigits / parseThaiInt', () => {
  it('maps Thai digits and leaves the rest', () => {
    expect(toArabicDigits('ที่ ๑๒/๒๕๖๘')).toBe('ที่ 12/2568');
    expect(toArabicDigits('๐๑๒๓๔๕๖๗๘๙ 42')).toBe('0123456789 42');
  });

  it.each([
    ['๑๒', 12],
    ['12', 12],
    [' ๒๕๖๘ ', 2568],
    ['๐', 0],
  ])('parses %j as %d', (input, value) => expect(parseThaiInt(input)).toBe(value));

  it.each(['', ' ', '๑2', '12a', '-1', '+1', '1.5', '1,000', '1 2', 'สิบสอง', '1234567890123456'])(
    'rejects %j',
    (input) => expect(parseThaiInt(input)).toBeNull(),
  );
});

describe('normalizeThai', () => {
  it.each([
    ['NFC', 'Cafe\u0301', 'Café'],
    ['zero-width characters', 'สม\u200bชาย\u200c \u200dใจ\ufeffดี\u2060', 'สมชาย ใจดี'],
    ['Thai digits', 'ที่ ๑๒/๒๕๖๘', 'ที่ 12/2568'],
    ['split SARA AM (NIKHAHIT + SARA AA)', 'ค\u0e4d\u0e32สั่ง', 'คำสั่ง'],
    ['split SARA AM with the tone before NIKHAHIT', 'น\u0e49\u0e4d\u0e32', 'น\u0e49\u0e33'],
    ['split SARA AM with the tone after NIKHAHIT', 'น\u0e4d\u0e49\u0e32', 'น\u0e49\u0e33'],
    ['pdf-lib "คำาสั่ง" artefact', 'คำาสั่งองค์การบริหารส่วนตำาบล', 'คำสั่งองค์การบริหารส่วนตำบล'],
    ['tone mark after SARA AM', 'ค\u0e33\u0e48', 'ค\u0e48\u0e33'],
    ['tone mark before the upper vowel', 'ท\u0e48\u0e35', 'ที่'],
    ['doubled SARA UU', 'ผููดูแล', 'ผูดูแล'],
    ['whitespace runs, tabs, newlines, NBSP', '  นาย\t\tสมชาย \n\u00a0ใจดี  ', 'นาย สมชาย ใจดี'],
  ])('%s', (_what, input, output) => expect(normalizeThai(input)).toBe(output));

  it('is idempotent', () => {
    const once = normalizeThai('คำาสั่ง ที่ ๑๒/๒๕๖๘\u200b  น\u0e4d\u0e49\u0e32 ผููดูแล');
    expect(normalizeThai(once)).toBe(once);
  });
});

describe('findLoose / SearchableText', () => {
  it('ignores spaces on both sides and reports offsets into the normalised text', () => {
    const doc = new SearchableText('คำสั่ง  องค์การบริหาร ส่วนตำบลคูเมือง');
    const m = doc.find('องค์การบริหารส่วนตำบล คูเมือง');
    expect(m).toMatchObject({ mode: 'exact', matched: 'องค์การบริหาร ส่วนตำบลคูเมือง' });
    expect(doc.text.slice(m?.start, m?.end)).toBe(m?.matched);
  });

  it('falls back to the skeleton when extraction dropped SARA UU (cairo) or doubled marks', () => {
    expect(findLoose('เป็นผดแลระบบ', 'ผู้ดูแลระบบ')).toMatchObject({ mode: 'skeleton', matched: 'ผดแลระบบ' });
    expect(findLoose('คาสง', 'คำสั่ง')).toMatchObject({ mode: 'skeleton' });
    expect(findLoose('ไม่มีอะไรเลย', 'คำสั่ง')).toBeNull();
  });

  it('finds all exact occurrences', () => {
    expect(new SearchableText('ใจดี และ ใจ ดี').findAllExact('ใจดี')).toHaveLength(2);
  });
});

describe('matchName', () => {
  const somchai = { title: 'นาย', firstName: 'สมชาย', lastName: 'ใจดี' };

  it.each([
    ['with the title', '๑. นายสมชาย ใจดี ตำแหน่ง', 'นายสมชาย ใจดี', 'นาย'],
    ['without a title in the document', 'ให้ สมชาย ใจดี เป็น', 'สมชาย ใจดี', undefined],
    ['without the space', 'ให้นายสมชายใจดีเป็น', 'นายสมชายใจดี', 'นาย'],
    ['with several spaces', 'นาย  สมชาย     ใจดี', 'นาย สมชาย ใจดี', 'นาย'],
    ['with a different title', 'ว่าที่ร้อยตรี สมชาย ใจดี', 'ว่าที่ร้อยตรี สมชาย ใจดี', 'ว่าที่ร้อยตรี'],
  ])('matches %s', (_what, text, matched, title) => {
    expect(matchName(text, somchai)).toMatchObject({ mode: 'exact', matched, title });
  });

  it('needs no title on the expected side and strips one typed into the first name', () => {
    expect(matchName('นายสมชาย ใจดี', { firstName: 'สมชาย', lastName: 'ใจดี' })?.mode).toBe('exact');
    expect(matchName('สมชาย ใจดี', { firstName: 'นายสมชาย', lastName: 'ใจดี' })?.matched).toBe('สมชาย ใจดี');
  });

  it('prefers นางสาว over นาง', () => {
    expect(matchName('นางสาวพรทิพย์ แก้วประเสริฐ', { firstName: 'พรทิพย์', lastName: 'แก้วประเสริฐ' })?.title).toBe(
      'นางสาว',
    );
  });

  it('matches extraction noise on the skeleton and says so', () => {
    const m = matchName('นางสาวพรทิพย์ แกูวประเสริฐ', {
      title: 'นางสาว',
      firstName: 'พรทิพย์',
      lastName: 'แก้วประเสริฐ',
    });
    expect(m).toMatchObject({ mode: 'skeleton', title: 'นางสาว', matched: 'นางสาวพรทิพย์ แกูวประเสริฐ' });
  });

  it('does not match another person', () => {
    expect(matchName('นายสมศักดิ์ ใจดี', somchai)).toBeNull();
    expect(matchName('นายสมชาย ใจงาม', somchai)).toBeNull();
  });

  it('returns a snippet of at most 80 characters around the match', () => {
    const text = `${'ก'.repeat(200)} นายสมชาย ใจดี ${'ข'.repeat(200)}`;
    const m = matchName(text, somchai);
    expect(m?.snippet.length).toBeLessThanOrEqual(80);
    expect(m?.snippet).toContain('นายสมชาย ใจดี');
  });
});

describe('snippetAround', () => {
  it('returns short texts whole and cuts long ones with ellipses', () => {
    expect(snippetAround('abc', 1, 2)).toBe('abc');
    const s = snippetAround('x'.repeat(100) + 'MATCH' + 'y'.repeat(100), 100, 105, 40);
    expect(s).toHaveLength(40);
    expect(s).toMatch(/^….*MATCH.*…$/);
  });
});
