import type { Client } from 'pg';

export const LAO_COUNT = 309;
const FIRST_NAMES = [
  'สมชาย',
  'สมหญิง',
  'มาลี',
  'ประยุทธ',
  'วิภา',
  'สุดา',
  'อนุชา',
  'กมล',
  'จันทร์เพ็ญ',
  'ธนพล',
  'นิภา',
  'ปรีชา',
  'รัตนา',
  'วีระ',
  'ศิริพร',
  'อรุณ',
];
const LAST_NAMES = [
  'ใจดี',
  'ศรีสุข',
  'ขยันดี',
  'ตรวจดี',
  'มั่นคง',
  'รักงาน',
  'สุขสันต์',
  'ทองดี',
  'แก้วมณี',
  'บุญมา',
  'พรหมมา',
  'วงศ์ใหญ่',
];
export const SEARCH_WORDS = FIRST_NAMES;

const pgArray = (values: string[]): string => `{${values.map((v) => `"${v}"`).join(',')}}`;

/**
 * Bulk SQL seed: 309 LAOs over the 65 phase-1 provinces, one officer per province (same password
 * hash), `orders` uploaded orders spread over the last 30 days, each with one appointee account and
 * grant, and a valid current document (one in five with a finding).
 */
export async function seed(
  pg: Client,
  orders: number,
  passwordHash: string,
): Promise<{ officers: string[] }> {
  await pg.query('begin');
  await pg.query(
    `insert into lao (code, name_th, type, district_th, province_code, phase1_target, review_sla_days)
     select '9' || lpad(n::text, 6, '0'), 'องค์การบริหารส่วนตำบลทดสอบ' || n, 'sao', 'อำเภอทดสอบ', p.code, true, 3 + n % 5
       from generate_series(1, $1::int) n
       join (select code, (row_number() over (order by code) - 1)::int as i, (count(*) over ())::int as c
               from province where phase1_target) p on p.i = (n - 1) % p.c`,
    [LAO_COUNT],
  );
  const officers = await pg.query<{ username: string }>(
    `insert into account (id, username, username_key, password_hash, title, first_name, last_name, position, email,
                          role, status, province_code)
     select gen_random_uuid(), 'bench.officer' || code, 'bench.officer' || code, $1, 'นาย', 'เจ้าหน้าที่', 'จังหวัด' || code,
            'เจ้าหน้าที่ สส.', 'officer' || code || '@bench.localhost', 'province_officer', 'active', code
       from province where phase1_target
     returning username`,
    [passwordHash],
  );
  await pg.query(
    `insert into account (id, username, username_key, title, first_name, last_name, position, email, role, status, lao_code, province_code)
     select gen_random_uuid(), 'bench.u' || n, 'bench.u' || n, 'นาย', ($2::text[])[1 + n % 16], ($3::text[])[1 + n % 12],
            'เจ้าพนักงาน', 'u' || n || '@bench.localhost', 'lao_user', 'invited',
            l.code, l.province_code
       from generate_series(1, $1::int) n
       join (select code, province_code, (row_number() over (order by code) - 1)::int as i from lao where code like '9%') l
         on l.i = n % ${LAO_COUNT}`,
    [orders, pgArray(FIRST_NAMES), pgArray(LAST_NAMES)],
  );
  await pg.query(
    `insert into appointment_order (id, lao_code, province_code, order_no, order_year, subject, signed_date, effective_date,
                                    state, version, submitted_at, search_text, created_by_id)
     select gen_random_uuid(), a.lao_code, a.province_code, substr(a.username, 8)::int, 2568, 'แต่งตั้งเจ้าหน้าที่ผู้ปฏิบัติงาน',
            '2025-10-01', '2025-10-01', 'uploaded', 1, now() - random() * interval '30 days',
            lower(l.name_th || ' | แต่งตั้งเจ้าหน้าที่ผู้ปฏิบัติงาน | ' || substr(a.username, 8) || '/2568 | '
                  || a.title || a.first_name || ' ' || a.first_name || ' ' || a.last_name),
            a.id
       from account a join lao l on l.code = a.lao_code
      where a.username like 'bench.u%'`,
  );
  await pg.query(
    `insert into account_grant (id, account_id, lao_code, role, state, services, order_id)
     select gen_random_uuid(), o.created_by_id, o.lao_code, 'lao_user', 'uploaded',
            '[{"serviceKey":"waste-fee","actions":["view"]}]', o.id
       from appointment_order o`,
  );
  await pg.query(
    `insert into order_document (id, order_id, state, sha256, size, pages, filename, findings, quarantine_key, storage_key,
                                 uploaded_by_id, created_at, processed_at)
     select gen_random_uuid(), o.id, 'valid', encode(sha256(o.id::text::bytea), 'hex'), 48213, '1', 'order.pdf',
            case when random() < 0.2 then '[{"code":"LAO_NAME_NOT_FOUND","severity":"warn","found":"ไม่พบ"}]'::jsonb else '[]' end,
            'orders/' || o.id || '/seed.pdf', o.lao_code || '/orders/' || o.id || '/seed.pdf', o.created_by_id,
            o.submitted_at, o.submitted_at
       from appointment_order o`,
  );
  await pg.query(
    `update appointment_order o set current_document_id = d.id from order_document d where d.order_id = o.id`,
  );
  await pg.query('commit');
  await pg.query('vacuum analyze');
  return { officers: officers.rows.map((r) => r.username) };
}
