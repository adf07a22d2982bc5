import { Migration } from '@mikro-orm/migrations';

export class Migration20261126083027_document_pipeline extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "order_document" add column "queued_at" timestamptz not null default now(), add column "quarantine_removed_at" timestamptz null, add column "integrity_checked_at" timestamptz null, add column "integrity_failure" jsonb null;`,
    );
    // Existing rows: queued when uploaded; before this change every processed upload left quarantine at once.
    this.addSql(`update "order_document" set "queued_at" = "created_at";`);
    this.addSql(
      `update "order_document" set "quarantine_removed_at" = "processed_at" where "state" <> 'processing';`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(
      `alter table "order_document" drop column "queued_at", drop column "quarantine_removed_at", drop column "integrity_checked_at", drop column "integrity_failure";`,
    );
  }
}
