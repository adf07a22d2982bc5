/**
 * `node dist/bench/identity-import.js`: imports 7,850 LAOs (the whole country) over the 77 provinces
 * through the real HTTP endpoint into a fresh database, and compares with raw multi-row INSERTs of
 * the same rows (LAO rows alone, and with the default divisions and service rows the import also
 * writes) measured in the same run. Prints figures; asserts nothing (machines are noisy).
 * The helpers are exported for bench/readiness.ts.
 */
import 'reflect-metadata';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { MikroORM } from '@mikro-orm/postgresql';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Client } from 'pg';
import { AppModule } from '../src/app.module';
import { createOrmOptions } from '../src/database/orm-options';
import { configureApp } from '../src/http/configure-app';
import { DEFAULT_DIVISIONS } from '../src/registry/data/default-divisions';

export const ADMIN_URL = process.env.BENCH_PG_ADMIN_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
export const LAO_COUNT = 7850;
const BOOTSTRAP = { username: 'bench.admin', password: 'Bench-Admin-Password-2569' };

export interface BenchDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A fresh database migrated with the deploy migrations (dist/migrations). */
export async function createBenchDatabase(prefix: string): Promise<BenchDatabase> {
  const name = `dla_bench_${prefix}_${randomBytes(3).toString('hex')}`;
  const admin = new Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`create database "${name}"`);
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const orm = await MikroORM.init(createOrmOptions(url.toString(), { preferTs: false }));
  await orm.getMigrator().up();
  await orm.close(true);
  return {
    url: url.toString(),
    drop: async () => {
      const client = new Client({ connectionString: ADMIN_URL });
      await client.connect();
      await client.query(`drop database if exists "${name}" with (force)`);
      await client.end();
    },
  };
}

export interface BenchApi {
  baseUrl: string;
  token: string;
  close(): Promise<void>;
}

/** The real AppModule on a loopback port over the bench database, signed in as the bootstrap dla_admin. */
export async function startApi(databaseUrl: string): Promise<BenchApi> {
  const storageDir = await mkdtemp(join(tmpdir(), 'dla-bench-'));
  Object.assign(process.env, {
    NODE_ENV: 'development',
    DATABASE_URL: databaseUrl,
    QUEUE_PREFIX: `bench-${randomBytes(4).toString('hex')}`,
    STORAGE_DIR: storageDir,
    LOG_LEVEL: 'silent',
    JWT_SECRET: randomBytes(32).toString('hex'),
    BOOTSTRAP_ADMIN_USERNAME: BOOTSTRAP.username,
    BOOTSTRAP_ADMIN_PASSWORD: BOOTSTRAP.password,
  });
  const app = await NestFactory.create<NestExpressApplication>(AppModule, {
    bodyParser: false,
    logger: false,
  });
  configureApp(app);
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  const login = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(BOOTSTRAP),
  });
  if (login.status !== 200) throw new Error(`login failed: ${login.status} ${await login.text()}`);
  const { accessToken } = (await login.json()) as { accessToken: string };
  return {
    baseUrl,
    token: accessToken,
    close: async () => {
      await app.close();
      await rm(storageDir, { recursive: true, force: true });
    },
  };
}

export interface GeneratedLao {
  code: string;
  nameTh: string;
  type: string;
  districtTh: string;
  provinceCode: string;
  phase1Target: boolean;
}

const TYPES = [
  ['pao', '1', 'องค์การบริหารส่วนจังหวัด'],
  ['city_municipality', '3', 'เทศบาลนคร'],
  ['town_municipality', '4', 'เทศบาลเมือง'],
  ['subdistrict_municipality', '5', 'เทศบาลตำบล'],
  ['sao', '6', 'องค์การบริหารส่วนตำบล'],
] as const;

/** 7,850 LAOs spread over the 77 provinces: one อบจ. each, a few municipalities, the rest อบต. */
export async function generateLaos(databaseUrl: string): Promise<GeneratedLao[]> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  const { rows } = await client.query<{ code: string; phase1_target: boolean }>(
    'select code, phase1_target from province order by code',
  );
  await client.end();
  const laos: GeneratedLao[] = [];
  rows.forEach((province, p) => {
    const count = Math.floor(LAO_COUNT / rows.length) + (p < LAO_COUNT % rows.length ? 1 : 0);
    for (let i = 0; i < count; i += 1) {
      const [type, digit, prefix] =
        i === 0 ? TYPES[0] : i < 3 ? TYPES[1 + (i % 2)] : i < 20 ? TYPES[3] : TYPES[4];
      const district = String(Math.floor(i / 20) + 1).padStart(2, '0');
      laos.push({
        code: `${digit}${province.code}${district}${String(i % 100).padStart(2, '0')}`,
        // Every tenth name has a comma and quotes, so the parser's quoting path is part of the run.
        nameTh: i % 10 === 5 ? `${prefix}ทดสอบ "${i}", หมู่ ${p}` : `${prefix}ทดสอบที่${i}`,
        type,
        districtTh: `อำเภอทดสอบ${district}`,
        provinceCode: province.code,
        phase1Target: province.phase1_target && i % 25 === 0,
      });
    }
  });
  return laos;
}

export function toCsv(laos: readonly GeneratedLao[]): string {
  const cell = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const lines = laos.map((l) =>
    [l.code, l.nameTh, l.type, l.districtTh, l.provinceCode, l.phase1Target ? '1' : '0'].map(cell).join(','),
  );
  return `\uFEFFcode,name_th,type,district_th,province_code,phase1_target\r\n${lines.join('\r\n')}\r\n`;
}

/** Runs `insert into <table> (<columns>) values (...), (...)` in statements of 1,000 rows. */
async function insertRows(
  client: Client,
  table: string,
  columns: string[],
  rows: unknown[][],
): Promise<void> {
  for (let start = 0; start < rows.length; start += 1000) {
    const params: unknown[] = [];
    const values = rows.slice(start, start + 1000).map((row) => {
      const placeholders = row.map((value) => `$${params.push(value)}`);
      return `(${placeholders.join(', ')})`;
    });
    await client.query(`insert into ${table} (${columns.join(', ')}) values ${values.join(', ')}`, params);
  }
}

/**
 * The baseline: the same rows written by a client with plain multi-row INSERTs into the real tables
 * (same indexes, same foreign keys), then rolled back so the import still starts from empty tables.
 * `withDefaults` adds the 6 divisions and 14 service rows per LAO that the import also writes.
 */
async function rawInsertSeconds(
  databaseUrl: string,
  laos: readonly GeneratedLao[],
  withDefaults: boolean,
): Promise<number> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  const services = (
    await client.query<{ key: string; division_hint: string | null }>(
      'select key, division_hint from citizen_service',
    )
  ).rows;
  const started = performance.now();
  await client.query('begin');
  await insertRows(
    client,
    'lao',
    ['code', 'name_th', 'type', 'district_th', 'province_code', 'phase1_target'],
    laos.map((l) => [l.code, l.nameTh, l.type, l.districtTh, l.provinceCode, l.phase1Target]),
  );
  if (withDefaults) {
    const divisions: unknown[][] = [];
    const settings: unknown[][] = [];
    for (const lao of laos) {
      const idByName = new Map<string, string>();
      DEFAULT_DIVISIONS.forEach((d, i) => {
        const id = randomUUID();
        idByName.set(d.nameTh, id);
        divisions.push([id, lao.code, d.nameTh, d.nameEn, i]);
      });
      for (const s of services) {
        settings.push([
          randomUUID(),
          lao.code,
          s.key,
          s.division_hint ? (idByName.get(s.division_hint) ?? null) : null,
        ]);
      }
    }
    await insertRows(client, 'division', ['id', 'lao_code', 'name_th', 'name_en', 'sort_order'], divisions);
    await insertRows(client, 'lao_service', ['id', 'lao_code', 'service_key', 'division_id'], settings);
  }
  const seconds = (performance.now() - started) / 1000;
  await client.query('rollback');
  await client.query('vacuum analyze lao, division, lao_service');
  await client.end();
  return seconds;
}

async function timedImport(api: BenchApi, csv: string): Promise<{ seconds: number; body: unknown }> {
  const started = performance.now();
  const res = await fetch(`${api.baseUrl}/api/laos/import`, {
    method: 'POST',
    headers: { authorization: `Bearer ${api.token}`, 'content-type': 'text/csv; charset=utf-8' },
    body: csv,
  });
  const body: unknown = await res.json();
  const seconds = (performance.now() - started) / 1000;
  if (res.status !== 200)
    throw new Error(`import failed: ${res.status} ${JSON.stringify(body).slice(0, 500)}`);
  return { seconds, body };
}

async function main(): Promise<void> {
  const db = await createBenchDatabase('import');
  let api: BenchApi | undefined;
  try {
    api = await startApi(db.url);
    const laos = await generateLaos(db.url);
    const csv = toCsv(laos);
    console.log(
      `Generated ${laos.length} LAOs over 77 provinces (${(Buffer.byteLength(csv) / 1024).toFixed(0)} KiB CSV)`,
    );

    const laoRowsOnly = await rawInsertSeconds(db.url, laos, false);
    console.log(`Baseline, raw multi-row INSERT of the ${laos.length} LAO rows: ${laoRowsOnly.toFixed(2)} s`);
    const allRows = await rawInsertSeconds(db.url, laos, true);
    console.log(`Baseline, the same plus 6 divisions and 14 service rows per LAO: ${allRows.toFixed(2)} s`);

    const first = await timedImport(api, csv);
    console.log(
      `HTTP import, fresh database: ${first.seconds.toFixed(2)} s (target < 10 s) ${JSON.stringify(first.body)}`,
    );
    const again = await timedImport(api, csv);
    console.log(`HTTP re-import, all unchanged: ${again.seconds.toFixed(2)} s ${JSON.stringify(again.body)}`);
    console.log(
      `Ratio HTTP import / raw insert of the same rows: ${(first.seconds / allRows).toFixed(2)}x ` +
        `(${(first.seconds / laoRowsOnly).toFixed(1)}x the LAO rows alone)`,
    );
  } finally {
    await api?.close();
    await db.drop();
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
