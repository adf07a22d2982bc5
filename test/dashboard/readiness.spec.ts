import { createAccount, createOrder, emOf } from '../support/factories';
import { ApiClient } from '../support/http';
import { BOOTSTRAP, createTestApp, type TestApp } from '../support/test-app';

interface LaoRow {
  code: string;
  stage: string;
  phase1Target: boolean;
  adminAccount: { exists: boolean; username: string | null; status: string | null };
  adminGrantState: string | null;
  staffGrants: Record<string, number>;
  orders: Record<string, number>;
  servicesOpen: number;
  detailsComplete: boolean;
  province: { code: string; nameTh: string };
}
interface Totals {
  laos: number;
  phase1Target: number;
  detailsComplete: number;
  servicesOpen: number;
  stages: Record<string, number>;
  phase1Stages: Record<string, number>;
}
interface Report {
  items: LaoRow[];
  nextCursor: string | null;
  provinces: (Totals & { province: { code: string; nameTh: string } })[];
  totals: Totals;
}

/** One LAO per stage in Chaiyaphum (36), one more in Chon Buri (20). */
const NO_ADMIN = '3600001';
const INVITED = '3600002';
const ADMIN_ACTIVE = '3600003';
const STAFF = '3600004';
const VERIFIED = '3600005';
const OPEN = '3600006';
const CHONBURI = '2000001';

describe('GET /api/dashboard/readiness', () => {
  let t: TestApp;
  let api: ApiClient;
  let dla: string;
  let officer36: string;
  let adminOfOpen: string;

  beforeAll(async () => {
    t = await createTestApp();
    api = new ApiClient(t.baseUrl);
    dla = await api.login(BOOTSTRAP.username, BOOTSTRAP.password);
    const csv = [
      'code,name_th,type,district_th,province_code,phase1_target',
      `${NO_ADMIN},องค์การบริหารส่วนตำบลหนึ่ง,sao,เมืองชัยภูมิ,36,1`,
      `${INVITED},องค์การบริหารส่วนตำบลสอง,sao,เมืองชัยภูมิ,36,0`,
      `${ADMIN_ACTIVE},องค์การบริหารส่วนตำบลสาม,sao,เมืองชัยภูมิ,36,0`,
      `${STAFF},เทศบาลตำบลสี่,subdistrict_municipality,เมืองชัยภูมิ,36,0`,
      `${VERIFIED},เทศบาลตำบลห้า,subdistrict_municipality,เมืองชัยภูมิ,36,0`,
      `${OPEN},เทศบาลเมืองหก,town_municipality,เมืองชัยภูมิ,36,1`,
      `${CHONBURI},เทศบาลเมืองเจ็ด,town_municipality,เมืองชลบุรี,20,1`,
    ].join('\n');
    const imported = await api.request('POST', '/api/laos/import', {
      token: dla,
      raw: csv,
      headers: { 'content-type': 'text/csv' },
    });
    expect(imported.status).toBe(200);

    const em = () => emOf(t);
    // A disabled admin does not count: the LAO still has no admin.
    await createAccount(em(), {
      role: 'lao_admin',
      laoCode: NO_ADMIN,
      status: 'disabled',
      grant: { state: 'revoked' },
    });
    await createAccount(em(), {
      role: 'lao_admin',
      laoCode: INVITED,
      status: 'invited',
      grant: { state: 'draft' },
    });
    await createAccount(em(), { role: 'lao_admin', laoCode: ADMIN_ACTIVE, grant: { state: 'draft' } });
    // A revoked staff grant is no staff.
    await createAccount(em(), { role: 'lao_user', laoCode: ADMIN_ACTIVE, grant: { state: 'revoked' } });

    const staffAdmin = await createAccount(em(), {
      role: 'lao_admin',
      laoCode: STAFF,
      grant: { state: 'uploaded' },
    });
    await createAccount(em(), { role: 'lao_user', laoCode: STAFF, grant: { state: 'draft' } });
    await createOrder(em(), { laoCode: STAFF, createdById: staffAdmin.id, state: 'uploaded' });

    for (const code of [VERIFIED, OPEN]) {
      const admin = await createAccount(em(), {
        role: 'lao_admin',
        laoCode: code,
        username: `${code}admin01`,
        grant: { state: 'active' },
      });
      await createAccount(em(), { role: 'lao_user', laoCode: code, grant: { state: 'verified' } });
      await createOrder(em(), { laoCode: code, createdById: admin.id, state: 'active' });
      await createOrder(em(), { laoCode: code, createdById: admin.id, state: 'verified' });
      if (code === OPEN) adminOfOpen = await api.login(admin.username, admin.password);
    }
    const service = await api.put(
      `/api/laos/${OPEN}/services/waste-fee`,
      { enabled: true, open: true },
      adminOfOpen,
    );
    expect(service.status).toBe(200);
    const details = await api.patch(
      `/api/laos/${OPEN}`,
      { address: '1 ถนนหลัก', phone: '044-000006', email: 'admin@hok.go.th' },
      adminOfOpen,
    );
    expect(details.status).toBe(200);

    const officer = await createAccount(em(), { role: 'province_officer', provinceCode: '36' });
    officer36 = await api.login(officer.username, officer.password);
  });
  afterAll(() => t.close());

  it('computes each LAO’s furthest stage and its counts', async () => {
    const res = await api.get<Report>('/api/dashboard/readiness', dla);
    expect(res.status).toBe(200);
    const byCode = new Map(res.body.items.map((row) => [row.code, row]));
    expect(Object.fromEntries([...byCode].map(([code, row]) => [code, row.stage]))).toEqual({
      [CHONBURI]: 'no_admin',
      [NO_ADMIN]: 'no_admin',
      [INVITED]: 'admin_invited',
      [ADMIN_ACTIVE]: 'admin_active',
      [STAFF]: 'staff_granted',
      [VERIFIED]: 'orders_verified',
      [OPEN]: 'services_open',
    });
    expect(byCode.get(NO_ADMIN)).toMatchObject({
      adminAccount: { exists: false, username: null },
      adminGrantState: null,
      phase1Target: true,
    });
    expect(byCode.get(INVITED)).toMatchObject({
      adminAccount: { exists: true, status: 'invited' },
      adminGrantState: 'draft',
    });
    expect(byCode.get(ADMIN_ACTIVE)?.staffGrants).toMatchObject({ revoked: 1, draft: 0 });
    expect(byCode.get(STAFF)).toMatchObject({
      adminGrantState: 'uploaded',
      staffGrants: { draft: 1 },
      orders: { uploaded: 1, verified: 0 },
    });
    expect(byCode.get(OPEN)).toMatchObject({
      adminAccount: { exists: true, username: `${OPEN}admin01`, status: 'active' },
      adminGrantState: 'active',
      staffGrants: { verified: 1 },
      orders: { active: 1, verified: 1, draft: 0 },
      servicesOpen: 1,
      detailsComplete: true,
      province: { code: '36', nameTh: 'ชัยภูมิ' },
    });
    expect(byCode.get(VERIFIED)).toMatchObject({ servicesOpen: 0, detailsComplete: false });
  });

  it('totals per province and for the country', async () => {
    const { body } = await api.get<Report>('/api/dashboard/readiness', dla);
    expect(body.totals).toMatchObject({
      laos: 7,
      phase1Target: 3,
      detailsComplete: 1,
      servicesOpen: 1,
      stages: {
        no_admin: 2,
        admin_invited: 1,
        admin_active: 1,
        staff_granted: 1,
        orders_verified: 1,
        services_open: 1,
      },
      phase1Stages: { no_admin: 2, services_open: 1, admin_invited: 0 },
    });
    expect(body.provinces.map((p) => p.province.code)).toEqual(['20', '36']);
    expect(body.provinces[1]).toMatchObject({
      province: { code: '36', nameTh: 'ชัยภูมิ' },
      laos: 6,
      stages: { no_admin: 1, services_open: 1 },
    });
  });

  it('pages the LAO rows with a cursor while totals cover the whole scope', async () => {
    const first = await api.get<Report>('/api/dashboard/readiness?limit=4', dla);
    expect(first.body.items.map((r) => r.code)).toEqual([CHONBURI, NO_ADMIN, INVITED, ADMIN_ACTIVE]);
    expect(first.body.totals.laos).toBe(7);
    const second = await api.get<Report>(
      `/api/dashboard/readiness?limit=4&cursor=${first.body.nextCursor}`,
      dla,
    );
    expect(second.body.items.map((r) => r.code)).toEqual([STAFF, VERIFIED, OPEN]);
    expect(second.body.nextCursor).toBeNull();
  });

  it('shows a province officer only its province, filtered in SQL', async () => {
    const res = await api.get<Report>('/api/dashboard/readiness', officer36);
    expect(res.status).toBe(200);
    expect(res.body.items.map((r) => r.code)).not.toContain(CHONBURI);
    expect(res.body.items).toHaveLength(6);
    expect(res.body.totals.laos).toBe(6);
    expect(res.body.provinces.map((p) => p.province.code)).toEqual(['36']);
    expect((await api.get('/api/dashboard/readiness?province=36', officer36)).status).toBe(200);
    const other = await api.get('/api/dashboard/readiness?province=20', officer36);
    expect(other.status).toBe(404);
    expect(other.body.code).toBe('PROVINCE_NOT_FOUND');
    const forDla = await api.get<Report>('/api/dashboard/readiness?province=20', dla);
    expect(forDla.body.items.map((r) => r.code)).toEqual([CHONBURI]);
  });

  it('is not for LAO admins', async () => {
    expect((await api.get('/api/dashboard/readiness', adminOfOpen)).status).toBe(403);
    expect((await api.get('/api/dashboard/readiness.csv', adminOfOpen)).status).toBe(403);
  });

  it('exports the same rows as CSV: UTF-8 with BOM, Thai headers, attachment', async () => {
    const res = await fetch(`${t.baseUrl}/api/dashboard/readiness.csv`, {
      headers: { authorization: `Bearer ${dla}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="readiness.csv"');
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').trimEnd().split('\r\n');
    expect(lines).toHaveLength(8);
    expect(lines[0].split(',').slice(0, 3)).toEqual(['รหัส อปท.', 'ชื่อ อปท.', 'ประเภท']);
    const open = lines.find((l) => l.startsWith(OPEN));
    expect(open).toContain('เทศบาลเมืองหก');
    expect(open).toContain('เปิดให้บริการประชาชนแล้ว');
    expect(open).toContain(`${OPEN}admin01`);

    const officer = await fetch(`${t.baseUrl}/api/dashboard/readiness.csv`, {
      headers: { authorization: `Bearer ${officer36}` },
    });
    const officerLines = (await officer.text()).trimEnd().split('\r\n');
    expect(officerLines).toHaveLength(7);
    expect(officerLines.some((l) => l.startsWith(CHONBURI))).toBe(false);
  });
});
