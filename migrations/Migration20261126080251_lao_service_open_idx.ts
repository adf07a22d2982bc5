import { Migration } from '@mikro-orm/migrations';

/** The readiness dashboard counts open services per LAO; few are open, so a partial index serves it. */
export class Migration20261126080251_lao_service_open_idx extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create index "lao_service_open_idx" on "lao_service" ("lao_code") where "open";`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "lao_service_open_idx";`);
  }
}
