import { Migration } from '@mikro-orm/migrations';

export class Migration20261208015745_integration extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "change_event" ("seq" bigserial primary key, "id" uuid not null, "type" varchar(40) not null, "account_id" uuid null, "data" jsonb not null, "occurred_at" timestamptz not null default now(), "txid" xid8 not null default pg_current_xact_id());`,
    );
    this.addSql(`alter table "change_event" add constraint "change_event_id_unique" unique ("id");`);
    this.addSql(`create index "change_event_feed_idx" on "change_event" ("txid", "seq");`);

    this.addSql(
      `create table "integration_client" ("id" uuid not null, "client_id" varchar(64) not null, "name" varchar(200) not null, "scopes" jsonb not null, "secret_hash" varchar(64) not null, "previous_secret_hash" varchar(64) null, "previous_secret_expires_at" timestamptz null, "secret_rotated_at" timestamptz not null default now(), "created_by_id" uuid not null, "revoked_at" timestamptz null, "last_token_at" timestamptz null, "created_at" timestamptz not null default now(), constraint "integration_client_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "integration_client" add constraint "integration_client_client_id_unique" unique ("client_id");`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "change_event" cascade;`);

    this.addSql(`drop table if exists "integration_client" cascade;`);
  }
}
