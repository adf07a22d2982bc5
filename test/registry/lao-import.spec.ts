import { ApiClient } from '../support/http';
import { createAccount, createOrder, emOf } from '../support/factories';
import { BOOTSTRAP, createTestApp, type TestApp } from '../support/test-app';
import { HEADER, importCsv, listCodes, type RowError } from './registry-fixtures';

interface Counts {
  created: number;
  updated: number;
  unchanged: number;
  total: number;
}

describe('POST /api/laos/import (registry CSV)', () => {
  let t: TestApp;
  let api: ApiClient;
  let admin: string;

  beforeAll(async () => {
    t = await createTestApp();
    api = new ApiClient(t.baseUrl);
    admin = await api.login(BOOTSTRAP.username, BOOTSTRAP.password);
  });
  afterAll(() => t.close());

  const FULL_HEADER = `${HEADER},address,phone,email,website,phase1_target`;
  const GOOD_FILE =
    '\uFEFF' +
    [
      FULL_HEADER,
      '6360507,องค์การบริหารส่วนตำบลคูเมือง,sao,หนองบัวแดง,36,"99 หมู่ 1, ตำบลคูเมือง",044-000001,Saraban@Khumueang.go.th,https://khumueang.go.th,1',
      '2200101,"เทศบาลเมือง ""ทดสอบ"" ชลบุรี",ทม.,เมืองชลบุรี,20,,,,,0',
      '1360100,องค์การบริหารส่วนจังหวัดชัยภูมิ,อบจ.,เมืองชัยภูมิ,36,,,,,',
    ].join('\r\n') +
    '\r\n';

  it('imports a BOM + CRLF file with quoted commas, doubled quotes and Thai, with default divisions and services', async () => {
    const res = await importCsv(api, admin, GOOD_FILE);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ created: 3, updated: 0, unchanged: 0, total: 3 });

    const quoted = await api.get<{ nameTh: string; type: string; provinceCode: string }>(
      '/api/laos/2200101',
      admin,
    );
    expect(quoted.status).toBe(200);
    expect(quoted.body).toMatchObject({
      nameTh: 'เทศบาลเมือง "ทดสอบ" ชลบุรี',
      type: 'town_municipality',
      provinceCode: '20',
    });

    const khumueang = await api.get<Record<string, unknown>>('/api/laos/6360507', admin);
    expect(khumueang.body).toMatchObject({
      code: '6360507',
      nameTh: 'องค์การบริหารส่วนตำบลคูเมือง',
      type: 'sao',
      districtTh: 'หนองบัวแดง',
      address: '99 หมู่ 1, ตำบลคูเมือง',
      email: 'saraban@khumueang.go.th',
      phase1Target: true,
      detailsComplete: true,
    });
    const pao = await api.get<Record<string, unknown>>('/api/laos/1360100', admin);
    expect(pao.body).toMatchObject({ type: 'pao', phase1Target: false, address: null });

    const divisions = await api.get<{ items: { nameTh: string }[] }>('/api/laos/6360507/divisions', admin);
    expect(divisions.body.items.map((d) => d.nameTh)).toEqual([
      'สำนักปลัด',
      'กองคลัง',
      'กองช่าง',
      'กองการศึกษา ศาสนาและวัฒนธรรม',
      'กองสาธารณสุขและสิ่งแวดล้อม',
      'กองสวัสดิการสังคม',
    ]);
    const services = await api.get<{
      items: { serviceKey: string; enabled: boolean; open: boolean; division: { nameTh: string } | null }[];
    }>('/api/laos/6360507/services', admin);
    expect(services.body.items).toHaveLength(14);
    expect(services.body.items.every((s) => !s.enabled && !s.open)).toBe(true);
    // The catalog's division hint picks the new LAO's division.
    expect(services.body.items.find((s) => s.serviceKey === 'building-permit')?.division?.nameTh).toBe(
      'กองช่าง',
    );
  });

  it('reports every bad row with its line and imports nothing', async () => {
    const before = await listCodes(api, admin);
    const file = [
      HEADER, // line 1
      '63605,องค์การบริหารส่วนตำบลสั้น,sao,เมือง,36', // 2: bad code
      '6369901,องค์การบริหารส่วนตำบลไม่มีจังหวัด,sao,เมือง,99', // 3: unknown province
      '6369902,องค์การบริหารส่วนตำบลหนึ่ง,sao,เมือง,36', // 4: fine
      '6369902,องค์การบริหารส่วนตำบลซ้ำ,sao,เมือง,36', // 5: duplicate of line 4
      '6369903,,sao,เมือง,36', // 6: missing name
      '6369904,องค์การบริหารส่วนตำบลแปลก,village,เมือง,36', // 7: unknown type
      '6369905,องค์การบริหารส่วนตำบลเกิน,sao,เมือง,36,เกิน', // 8: an unquoted comma
    ].join('\n');
    const res = await importCsv(api, admin, file);
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code: 'CSV_INVALID', message: 'ไฟล์ CSV มีข้อผิดพลาด ไม่มีการนำเข้าข้อมูลใด ๆ' });
    const errors = (res.body.details as { errors: RowError[] }).errors;
    expect(errors.map(({ line, field, code }) => ({ line, field, code }))).toEqual([
      { line: 2, field: 'code', code: 'CODE_INVALID' },
      { line: 3, field: 'province_code', code: 'PROVINCE_UNKNOWN' },
      { line: 5, field: 'code', code: 'CODE_DUPLICATE' },
      { line: 6, field: 'name_th', code: 'NAME_MISSING' },
      { line: 7, field: 'type', code: 'TYPE_UNKNOWN' },
      { line: 8, field: null, code: 'COLUMN_COUNT' },
    ]);
    expect(errors[2]).toMatchObject({ firstLine: 4 });
    expect(errors.every((e) => /[\u0E00-\u0E7F]/.test(e.message))).toBe(true);
    expect(await listCodes(api, admin)).toEqual(before);
  });

  it('numbers lines as an editor does when a quoted field spans lines', async () => {
    const file = [
      HEADER,
      '6369905,"องค์การบริหารส่วนตำบล\r\nสองบรรทัด",sao,เมือง,36',
      '636990,ผิด,sao,เมือง,36',
    ].join('\r\n');
    const res = await importCsv(api, admin, file);
    expect(res.status).toBe(422);
    expect((res.body.details as { errors: RowError[] }).errors).toEqual([
      expect.objectContaining({ line: 4, field: 'code', code: 'CODE_INVALID' }),
    ]);
  });

  it('refuses a file that is not valid CSV, a missing column and a non-CSV body', async () => {
    const broken = await importCsv(api, admin, `${HEADER}\n6369906,"ไม่ปิด,sao,เมือง,36\n`);
    expect(broken.status).toBe(422);
    expect((broken.body.details as { errors: RowError[] }).errors[0]).toMatchObject({
      line: 2,
      code: 'CSV_SYNTAX',
    });

    const noType = await importCsv(api, admin, 'code,name_th,district_th,province_code\n6369907,ก,ข,36\n');
    expect((noType.body.details as { errors: RowError[] }).errors).toEqual([
      expect.objectContaining({ line: 1, field: 'type', code: 'COLUMN_MISSING' }),
    ]);

    // องค์การ in Windows-874 (TIS-620) bytes: not UTF-8.
    const tis620 = Buffer.concat([
      Buffer.from(`${HEADER}\n6369909,`),
      Buffer.from([0xcd, 0xa7, 0xa4, 0xec]),
      Buffer.from(',sao,ก,36\n'),
    ]);
    const encoding = await importCsv(api, admin, tis620);
    expect(encoding.status).toBe(422);
    expect((encoding.body.details as { errors: RowError[] }).errors).toEqual([
      expect.objectContaining({ line: 2, code: 'CSV_ENCODING' }),
    ]);

    const json = await api.post('/api/laos/import', { code: '6369908' }, admin);
    expect(json.status).toBe(415);
    expect(json.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('re-imports: unchanged rows stay, changed rows update, contact details the file leaves blank are kept', async () => {
    const again = await importCsv(api, admin, GOOD_FILE);
    expect(again.body).toEqual({ created: 0, updated: 0, unchanged: 3, total: 3 });

    const changed = [
      HEADER,
      '6360507,องค์การบริหารส่วนตำบลคูเมือง,sao,หนองบัวแดง,36',
      '2200101,"เทศบาลเมือง ""ทดสอบ"" ชลบุรี",ทม.,เมืองชลบุรี,20',
      '1360100,องค์การบริหารส่วนจังหวัดชัยภูมิ (ปรับชื่อ),อบจ.,เมืองชัยภูมิ,36',
      '6360204,องค์การบริหารส่วนตำบลภูแล่นคา,อบต.,บ้านเขว้า,36',
    ].join('\n');
    const res = await importCsv(api, admin, changed);
    expect(res.status).toBe(200);
    expect(res.body).toEqual<Counts>({ created: 1, updated: 1, unchanged: 2, total: 4 });
    const kept = await api.get<Record<string, unknown>>('/api/laos/6360507', admin);
    expect(kept.body).toMatchObject({ address: '99 หมู่ 1, ตำบลคูเมือง', phase1Target: true });
    const renamed = await api.get<{ nameTh: string }>('/api/laos/1360100', admin);
    expect(renamed.body.nameTh).toBe('องค์การบริหารส่วนจังหวัดชัยภูมิ (ปรับชื่อ)');
  });

  it('stores Thai names in one canonical form (NFC, split SARA AM repaired, zero-width removed)', async () => {
    // ตำบล typed with NIKHAHIT + SARA AA, น้ำ with the tone mark before the split SARA AM,
    // ผู้ with the tone mark before SARA UU, and a zero-width space.
    const messy = 'องค์การบริหารส่วนต\u0E4D\u0E32บลน\u0E49\u0E4D\u0E32ผ\u0E49\u0E39\u200Bใหญ่';
    const res = await importCsv(api, admin, `${HEADER}\n6361001,${messy},sao,เมืองชัยภูมิ,36\n`);
    expect(res.body).toMatchObject({ created: 1 });
    const lao = await api.get<{ nameTh: string }>('/api/laos/6361001', admin);
    expect(lao.body.nameTh).toBe('องค์การบริหารส่วนตำบลน้ำผู้ใหญ่');
    const found = await api.get<{ items: { code: string }[] }>(
      `/api/laos?q=${encodeURIComponent('น้ำผู้ใหญ่')}`,
      admin,
    );
    expect(found.body.items.map((i) => i.code)).toEqual(['6361001']);
    const again = await importCsv(
      api,
      admin,
      `${HEADER}\n6361001,องค์การบริหารส่วนตำบลน้ำผู้ใหญ่,sao,เมืองชัยภูมิ,36\n`,
    );
    expect(again.body).toMatchObject({ unchanged: 1 });
  });

  it('lists LAOs by code with an opaque cursor, by province and by name or code prefix', async () => {
    const page1 = await api.get<{ items: { code: string }[]; nextCursor: string | null }>(
      '/api/laos?limit=2',
      admin,
    );
    expect(page1.body.items.map((i) => i.code)).toEqual(['1360100', '2200101']);
    expect(page1.body.nextCursor).toEqual(expect.any(String));
    const page2 = await api.get<{ items: { code: string }[] }>(
      `/api/laos?limit=2&cursor=${page1.body.nextCursor}`,
      admin,
    );
    expect(page2.body.items.map((i) => i.code)).toEqual(['6360204', '6360507']);
    expect(await listCodes(api, admin, 'province=20')).toEqual(['2200101']);
    expect(await listCodes(api, admin, 'q=636')).toEqual(['6360204', '6360507', '6361001']);
    expect(await listCodes(api, admin, `q=${encodeURIComponent('๒๒๐')}`)).toEqual(['2200101']);
    expect(await listCodes(api, admin, `q=${encodeURIComponent('คูเมือง')}`)).toEqual(['6360507']);
    const bad = await api.get('/api/laos?cursor=not-a-cursor', admin);
    expect(bad.status).toBe(400);
    const tooMany = await api.get('/api/laos?limit=201', admin);
    expect(tooMany.status).toBe(400);
  });

  it('is for dla_admin only', async () => {
    const officer = await createAccount(emOf(t), { role: 'province_officer', provinceCode: '36' });
    const token = await api.login(officer.username, officer.password);
    const res = await importCsv(api, token, `${HEADER}\n6361002,องค์การบริหารส่วนตำบลก,sao,เมือง,36\n`);
    expect(res.status).toBe(403);
  });

  it('lists the 77 provinces with counts of visible LAOs', async () => {
    const res = await api.get<{ items: { code: string; laoCount: number; phase1Target: boolean }[] }>(
      '/api/provinces',
      admin,
    );
    expect(res.body.items).toHaveLength(77);
    expect(res.body.items[0].code).toBe('10');
    expect(res.body.items.find((p) => p.code === '36')).toMatchObject({ laoCount: 4, phase1Target: true });
    expect(res.body.items.find((p) => p.code === '20')).toMatchObject({ laoCount: 1 });
  });
  it('moves the LAO’s accounts and orders with it when a correction changes its province', async () => {
    const account = await createAccount(emOf(t), { role: 'lao_admin', laoCode: '2200101' });
    await createOrder(emOf(t), { laoCode: '2200101', createdById: account.id });
    const res = await importCsv(
      api,
      admin,
      `${HEADER}\n2200101,"เทศบาลเมือง ""ทดสอบ"" ชลบุรี",ทม.,เมืองชลบุรี,21\n`,
    );
    expect(res.body).toMatchObject({ updated: 1 });
    const rows = await emOf(t)
      .getConnection()
      .execute<{ province_code: string }[]>(
        `select province_code from account where lao_code = '2200101'
         union all select province_code from appointment_order where lao_code = '2200101'`,
      );
    expect(rows.map((r) => r.province_code)).toEqual(['21', '21']);
  });
});
