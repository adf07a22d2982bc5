import type { Client } from 'pg';
import type { BenchPerson } from './order-pdf';

const FIRST = ['สมชาย', 'สมหญิง', 'มาลี', 'ประยุทธ', 'วิภา', 'สุดา', 'อนุชา', 'กมล', 'จันทร์เพ็ญ', 'ธนพล'];
const LAST = ['ใจดี', 'ศรีสุข', 'ขยันดี', 'ตรวจดี', 'มั่นคง', 'รักงาน', 'สุขสันต์', 'ทองดี', 'บุญมา', 'พรหมมา'];
const TITLES = ['นาย', 'นาง', 'นางสาว'];

export interface SeededOrder {
  id: string;
  laoCode: string;
  laoName: string;
  orderNo: number;
  people: BenchPerson[];
  admin: number;
}

export interface Seeded {
  admins: string[];
  orders: SeededOrder[];
}

/**
 * One LAO per client with its (active) admin, and `docs` draft orders spread over them, each with one or two
 * draft grants of staff with Thai names: what the admins would have prepared before uploading the PDFs.
 */
export async function seedPipeline(
  pg: Client,
  docs: number,
  clients: number,
  passwordHash: string,
): Promise<Seeded> {
  await pg.query('begin');
  const laos = await pg.query<{ code: string; name_th: string; province_code: string }>(
    `insert into lao (code, name_th, type, district_th, province_code, phase1_target, review_sla_days)
     select '8' || lpad(n::text, 6, '0'), 'องค์การบริหารส่วนตำบลทดสอบระบบ' || n, 'sao', 'อำเภอเมือง', '36', true, 5
       from generate_series(1, $1::int) n
     returning code, name_th, province_code`,
    [clients],
  );
  const admins: string[] = [];
  for (const lao of laos.rows) {
    const username = `${lao.code}admin01`;
    const admin = await pg.query<{ id: string }>(
      `insert into account (id, username, username_key, password_hash, title, first_name, last_name, position, email,
                            role, status, lao_code, province_code)
       values (gen_random_uuid(), $1::varchar, $1::varchar, $2, 'นาย', 'ผู้ดูแล', 'ระบบ', 'นักวิชาการคอมพิวเตอร์', $1::varchar || '@bench.localhost',
               'lao_admin', 'active', $3, $4) returning id`,
      [username, passwordHash, lao.code, lao.province_code],
    );
    await pg.query(
      `insert into account_grant (id, account_id, lao_code, role, state, services, activated_at)
       values (gen_random_uuid(), $1, $2, 'lao_admin', 'active', '[]', now())`,
      [admin.rows[0].id, lao.code],
    );
    admins.push(username);
  }
  const orders: SeededOrder[] = [];
  for (let i = 0; i < docs; i++) {
    const admin = i % clients;
    const lao = laos.rows[admin];
    const orderNo = Math.floor(i / clients) + 1;
    const people: BenchPerson[] = Array.from({ length: 1 + (i % 2) }, (_, k) => ({
      title: TITLES[(i + k) % TITLES.length],
      firstName: FIRST[(i + 3 * k) % FIRST.length],
      lastName: LAST[(i * 7 + k) % LAST.length],
      position: 'เจ้าพนักงานธุรการ',
    }));
    const order = await pg.query<{ id: string }>(
      `insert into appointment_order (id, lao_code, province_code, order_no, order_year, subject, signed_date,
                                      effective_date, state, version, created_by_id)
       values (gen_random_uuid(), $1, $2, $3, 2568, 'แต่งตั้งผู้ดูแลระบบและเจ้าหน้าที่', '2025-10-01', '2025-10-01',
               'draft', 1, (select id from account where username = $4)) returning id`,
      [lao.code, lao.province_code, orderNo, admins[admin]],
    );
    for (const [k, p] of people.entries()) {
      const username = `b${i}u${k}`;
      await pg.query(
        `with a as (
           insert into account (id, username, username_key, title, first_name, last_name, position, email, role,
                                status, lao_code, province_code)
           values (gen_random_uuid(), $1::varchar, $1::varchar, $2, $3, $4, $5, $1::varchar || '@bench.localhost', 'lao_user', 'invited', $6::varchar, $7)
           returning id)
         insert into account_grant (id, account_id, lao_code, role, state, services, order_id)
         select gen_random_uuid(), a.id, $6::varchar, 'lao_user', 'draft', '[]', $8 from a`,
        [
          username,
          p.title,
          p.firstName,
          p.lastName,
          p.position,
          lao.code,
          lao.province_code,
          order.rows[0].id,
        ],
      );
    }
    orders.push({ id: order.rows[0].id, laoCode: lao.code, laoName: lao.name_th, orderNo, people, admin });
  }
  await pg.query('commit');
  return { admins, orders };
}
