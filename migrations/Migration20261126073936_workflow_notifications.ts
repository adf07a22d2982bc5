import { Migration } from '@mikro-orm/migrations';

/**
 * Notification events (dispatched by the worker) and the officers' review-queue index. The trigram
 * indexes stay as the ReferenceData migration made them (the generated diff wanted to drop lao_name_trgm).
 */
export class Migration20261126073936_workflow_notifications extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "notification_event" ("id" uuid not null, "kind" varchar(40) not null, "order_ids" jsonb not null, "reason" text null, "created_at" timestamptz not null default now(), "dispatched_at" timestamptz null, constraint "notification_event_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "notification_event_created_at_index" on "notification_event" ("created_at");`);

    this.addSql(
      `create index "appointment_order_review_queue_idx" on "appointment_order" ("province_code", "submitted_at", "id") where "state" = 'uploaded';`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "notification_event" cascade;`);

    this.addSql(`drop index "appointment_order_review_queue_idx";`);
  }
}
