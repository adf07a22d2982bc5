/**
 * `npm run bench:http`: Express vs Fastify under Nest on a database-backed route (the provinces
 * list with LAO counts), measured with autocannon in the same run. Prints req/s, latency and the ratio.
 */
import 'reflect-metadata';
import { MikroORM, type EntityManager } from '@mikro-orm/postgresql';
import { Controller, Get, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ExpressAdapter } from '@nestjs/platform-express';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import autocannon from 'autocannon';
import { Client } from 'pg';
import { ensureDatabaseExists } from '../src/database/ensure-database';
import { createOrmOptions } from '../src/database/orm-options';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 50;
const DB = `postgresql://postgres@127.0.0.1:5432/dla_bench_http_${process.pid}`;

async function main(): Promise<void> {
  await ensureDatabaseExists(DB);
  const orm = await MikroORM.init(createOrmOptions(DB, { preferTs: false }));
  await orm.getMigrator().up();
  const em: EntityManager = orm.em.fork();

  @Controller('provinces')
  class ProvincesController {
    @Get()
    list(): Promise<unknown> {
      return em
        .fork()
        .getConnection()
        .execute(
          `select p.code, p.name_th, count(l.code)::int as laos from province p
             left join lao l on l.province_code = p.code group by p.code order by p.code`,
        );
    }
  }
  @Module({ controllers: [ProvincesController] })
  class BenchModule {}

  const results: Record<string, autocannon.Result> = {};
  for (const [name, adapter] of [
    ['express', new ExpressAdapter()],
    ['fastify', new FastifyAdapter()],
  ] as const) {
    const app = await NestFactory.create(BenchModule, adapter, { logger: false });
    await app.listen(0, '127.0.0.1');
    const url = `${await app.getUrl()}/provinces`.replace('[::1]', '127.0.0.1');
    await autocannon({ url, connections: 10, duration: 2 }); // warm-up
    results[name] = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS });
    await app.close();
    const r = results[name];
    console.log(
      `${name.padEnd(8)} ${r.requests.average.toFixed(0)} req/s  p50 ${r.latency.p50} ms  p99 ${r.latency.p99} ms  errors ${r.errors + r.non2xx}`,
    );
  }
  console.log(
    `ratio fastify/express throughput: ${(results.fastify.requests.average / results.express.requests.average).toFixed(2)}`,
  );
  await orm.close(true);
  const admin = new Client({ connectionString: 'postgresql://postgres@127.0.0.1:5432/postgres' });
  await admin.connect();
  await admin.query(`drop database if exists "dla_bench_http_${process.pid}" with (force)`);
  await admin.end();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
