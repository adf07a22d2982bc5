import { createAccount, emOf } from '../support/factories';
import { ApiClient } from '../support/http';
import { BOOTSTRAP, createTestApp, type TestApp } from '../support/test-app';
import { HEADER, importCsv, listCodes } from './registry-fixtures';

interface DivisionItem {
  id: string;
  nameTh: string;
  nameEn: string | null;
  active: boolean;
}
interface ServiceItem {
  serviceKey: string;
  enabled: boolean;
  open: boolean;
  fee: number | null;
  slaDays: number;
  division: { id: string; nameTh: string } | null;
}

/** Province 36 has LAO A (active admin) and B (provisional admin); province 20 has C. */
const A = '6360507';
const B = '6360204';
const C = '2200101';

describe('Registry isolation: who sees and changes which LAO', () => {
  let t: TestApp;
  let api: ApiClient;
  let dla: string;
  let officer36: string;
  let adminA: string;
  let provisionalB: string;

  beforeAll(async () => {
    t = await createTestApp();
    api = new ApiClient(t.baseUrl);
    dla = await api.login(BOOTSTRAP.username, BOOTSTRAP.password);
    const csv = [
      HEADER,
      `${A},องค์การบริหารส่วนตำบลคูเมือง,sao,หนองบัวแดง,36`,
      `${B},องค์การบริหารส่วนตำบลภูแล่นคา,sao,บ้านเขว้า,36`,
      `${C},เทศบาลเมืองทดสอบ,town_municipality,เมืองชลบุรี,20`,
    ].join('\n');
    expect((await importCsv(api, dla, csv)).status).toBe(200);
    const officer = await createAccount(emOf(t), { role: 'province_officer', provinceCode: '36' });
    const a = await createAccount(emOf(t), { role: 'lao_admin', laoCode: A, grant: { state: 'active' } });
    const b = await createAccount(emOf(t), { role: 'lao_admin', laoCode: B, grant: { state: 'draft' } });
    officer36 = await api.login(officer.username, officer.password);
    adminA = await api.login(a.username, a.password);
    provisionalB = await api.login(b.username, b.password);
  });
  afterAll(() => t.close());

  describe('a province officer', () => {
    it('gets 404 (not 403) for another province’s LAO, its divisions and its services', async () => {
      for (const path of [`/api/laos/${C}`, `/api/laos/${C}/divisions`, `/api/laos/${C}/services`]) {
        const res = await api.get(path, officer36);
        expect({ path, status: res.status, code: res.body.code }).toEqual({
          path,
          status: 404,
          code: 'LAO_NOT_FOUND',
        });
      }
      const unknown = await api.get('/api/laos/9999999', officer36);
      expect(unknown.body).toEqual(expect.objectContaining({ statusCode: 404, code: 'LAO_NOT_FOUND' }));
      expect((await api.get(`/api/laos/${A}`, officer36)).status).toBe(200);
      expect((await api.get(`/api/laos/${A}/divisions`, officer36)).status).toBe(200);
    });

    it('lists only its own province, even when asking for another', async () => {
      expect(await listCodes(api, officer36)).toEqual([B, A]);
      expect(await listCodes(api, officer36, 'province=20')).toEqual([]);
      const provinces = await api.get<{ items: { code: string; laoCount: number }[] }>(
        '/api/provinces',
        officer36,
      );
      expect(provinces.body.items).toHaveLength(77);
      expect(provinces.body.items.find((p) => p.code === '36')?.laoCount).toBe(2);
      expect(provinces.body.items.find((p) => p.code === '20')?.laoCount).toBe(0);
    });

    it('cannot change LAO details', async () => {
      const res = await api.patch(`/api/laos/${A}`, { phone: '044-111111' }, officer36);
      expect(res.status).toBe(403);
    });
  });

  describe('a LAO admin', () => {
    it('gets 404 for another LAO, even in its own province', async () => {
      expect((await api.get(`/api/laos/${B}`, adminA)).status).toBe(404);
      expect((await api.patch(`/api/laos/${B}`, { phone: '044-000000' }, adminA)).status).toBe(404);
      expect((await api.get(`/api/laos/${B}/divisions`, adminA)).status).toBe(404);
      expect((await api.put(`/api/laos/${B}/services/waste-fee`, { enabled: true }, adminA)).status).toBe(
        404,
      );
      expect(await listCodes(api, adminA)).toEqual([A]);
    });

    it('edits its contact details but not the registry name, which DLA may change', async () => {
      const ok = await api.patch<Record<string, unknown>>(
        `/api/laos/${A}`,
        { address: '  99 หมู่ 1   ตำบลคูเมือง ', phone: '044-123456', email: 'Saraban@Khumueang.go.th' },
        adminA,
      );
      expect(ok.status).toBe(200);
      expect(ok.body).toMatchObject({
        address: '99 หมู่ 1 ตำบลคูเมือง',
        phone: '044-123456',
        email: 'saraban@khumueang.go.th',
        detailsComplete: true,
      });
      const name = await api.patch(`/api/laos/${A}`, { nameTh: 'ชื่อใหม่' }, adminA);
      expect(name.status).toBe(403);
      expect(name.body.code).toBe('LAO_FIELD_NOT_ALLOWED');
      const byDla = await api.patch<{ nameTh: string }>(
        `/api/laos/${A}`,
        { nameTh: 'องค์การบริหารส่วนตำบลคูเมือง' },
        dla,
      );
      expect(byDla.status).toBe(200);
      const invalid = await api.patch(`/api/laos/${A}`, { website: 'javascript:alert(1)' }, adminA);
      expect(invalid.status).toBe(400);
    });

    it('opens a service only when enabled, and only with an active grant', async () => {
      const notEnabled = await api.put(`/api/laos/${A}/services/waste-fee`, { open: true }, adminA);
      expect(notEnabled.status).toBe(422);
      expect(notEnabled.body.code).toBe('SERVICE_OPEN_REQUIRES_ENABLED');

      const opened = await api.put<ServiceItem>(
        `/api/laos/${A}/services/waste-fee`,
        { enabled: true, open: true, fee: 20.5, slaDays: 7, note: 'ชำระที่กองคลัง' },
        adminA,
      );
      expect(opened.status).toBe(200);
      expect(opened.body).toMatchObject({
        serviceKey: 'waste-fee',
        enabled: true,
        open: true,
        fee: 20.5,
        slaDays: 7,
      });

      const enabledOnly = await api.put<ServiceItem>(
        `/api/laos/${B}/services/waste-fee`,
        { enabled: true },
        provisionalB,
      );
      expect(enabledOnly.status).toBe(200);
      expect(enabledOnly.body).toMatchObject({ enabled: true, open: false });
      const open = await api.put(`/api/laos/${B}/services/waste-fee`, { open: true }, provisionalB);
      expect(open.status).toBe(403);
      expect(open.body.code).toBe('SERVICE_OPEN_NOT_ALLOWED');
      const unknown = await api.put(`/api/laos/${A}/services/no-such-service`, { enabled: true }, adminA);
      expect(unknown.status).toBe(404);
      expect(unknown.body.code).toBe('SERVICE_NOT_FOUND');
    });

    it('refuses a division of another LAO for a service', async () => {
      const divisionsOfB = await api.get<{ items: DivisionItem[] }>(`/api/laos/${B}/divisions`, provisionalB);
      const foreign = divisionsOfB.body.items[0].id;
      const res = await api.put(`/api/laos/${A}/services/signboard-tax`, { divisionId: foreign }, adminA);
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('DIVISION_NOT_FOUND');
      const own = (await api.get<{ items: DivisionItem[] }>(`/api/laos/${A}/divisions`, adminA)).body
        .items[1];
      const set = await api.put<ServiceItem>(
        `/api/laos/${A}/services/signboard-tax`,
        { divisionId: own.id },
        adminA,
      );
      expect(set.body.division).toMatchObject({ id: own.id, nameTh: own.nameTh });
    });

    it('replaces its divisions: renames, adds, deletes unused ones and deactivates those in use', async () => {
      const before = (await api.get<{ items: DivisionItem[] }>(`/api/laos/${A}/divisions`, adminA)).body
        .items;
      const byName = new Map(before.map((d) => [d.nameTh, d]));
      // กองการศึกษา… is named by no service: deleted. กองสวัสดิการสังคม runs the allowances: deactivated.
      const keep = ['สำนักปลัด', 'กองคลัง', 'กองช่าง', 'กองสาธารณสุขและสิ่งแวดล้อม'].map((n) => byName.get(n)!);
      const res = await api.put<{ items: DivisionItem[] }>(
        `/api/laos/${A}/divisions`,
        {
          items: [
            { id: keep[0].id, nameTh: 'สำนักปลัด อบต.', nameEn: 'Office of the Permanent Secretary' },
            ...keep.slice(1).map((d) => ({ id: d.id, nameTh: d.nameTh })),
            { nameTh: 'กองส่งเสริมการเกษตร', nameEn: 'Agriculture Division' },
          ],
        },
        adminA,
      );
      expect(res.status).toBe(200);
      expect(res.body.items.map((d) => d.nameTh)).toEqual([
        'สำนักปลัด อบต.',
        'กองคลัง',
        'กองช่าง',
        'กองสาธารณสุขและสิ่งแวดล้อม',
        'กองส่งเสริมการเกษตร',
      ]);
      const all = await api.get<{ items: DivisionItem[] }>(
        `/api/laos/${A}/divisions?includeInactive=true`,
        adminA,
      );
      const welfare = byName.get('กองสวัสดิการสังคม')!;
      const education = byName.get('กองการศึกษา ศาสนาและวัฒนธรรม')!;
      expect(all.body.items.find((d) => d.id === welfare.id)).toMatchObject({ active: false });
      expect(all.body.items.find((d) => d.id === education.id)).toBeUndefined();
      const services = await api.get<{ items: ServiceItem[] }>(`/api/laos/${A}/services`, adminA);
      expect(services.body.items.find((s) => s.serviceKey === 'elderly-allowance')?.division?.id).toBe(
        welfare.id,
      );
    });

    it('cannot put another LAO’s division into its list, nor duplicate a name', async () => {
      const divisionOfB = (await api.get<{ items: DivisionItem[] }>(`/api/laos/${B}/divisions`, provisionalB))
        .body.items[0];
      const foreign = await api.put(
        `/api/laos/${A}/divisions`,
        { items: [{ id: divisionOfB.id, nameTh: 'ยึดมา' }] },
        adminA,
      );
      expect(foreign.status).toBe(404);
      expect(foreign.body.code).toBe('DIVISION_NOT_FOUND');
      const duplicate = await api.put(
        `/api/laos/${A}/divisions`,
        { items: [{ nameTh: 'กองคลัง' }, { nameTh: ' กองคลัง ' }] },
        adminA,
      );
      expect(duplicate.status).toBe(422);
      expect(duplicate.body.code).toBe('DIVISION_NAME_DUPLICATE');
      expect((await api.get(`/api/laos/${B}/divisions`, provisionalB)).status).toBe(200);
    });
  });

  it('shows a staff member only the services granted to it', async () => {
    const staff = await createAccount(emOf(t), {
      role: 'lao_user',
      laoCode: A,
      grant: { state: 'active', services: [{ serviceKey: 'waste-fee', actions: ['view'] }] },
    });
    const token = await api.login(staff.username, staff.password);
    const res = await api.get<{ items: ServiceItem[] }>(`/api/laos/${A}/services`, token);
    expect(res.status).toBe(200);
    expect(res.body.items.map((s) => s.serviceKey)).toEqual(['waste-fee']);
    expect((await api.put(`/api/laos/${A}/services/waste-fee`, { open: false }, token)).status).toBe(403);
  });
});
