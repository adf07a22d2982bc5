import { Migration } from '@mikro-orm/migrations';

export class Migration20261208013403_integration extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "integration_client" ("id" uuid not null, "client_id" varchar(64) not null, "name" varchar(200) not null, "scopes" jsonb not null, "secret_hash" varchar(64) not null, "previous_secret_hash" varchar(64) null, "previous_secret_expires_at" timestamptz null, "secret_rotated_at" timestamptz not null default now(), "created_by_id" uuid not null, "revoked_at" timestamptz null, "last_token_at" timestamptz null, "created_at" timestamptz not null default now(), constraint "integration_client_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "integration_client" add constraint "integration_client_client_id_unique" unique ("client_id");`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "integration_client" cascade;`);
  }
}
