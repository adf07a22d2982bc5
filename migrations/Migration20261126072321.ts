import { Migration } from '@mikro-orm/migrations';

export class Migration20261126072321 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "audit_entry" ("id" bigserial primary key, "chain" varchar(40) not null, "seq" bigint not null, "at" timestamptz not null, "actor_id" uuid null, "actor_username" varchar(64) null, "action" varchar(60) not null, "subject_type" varchar(40) null, "subject_id" varchar(64) null, "ip" varchar(64) null, "details" jsonb not null default '{}', "prev_hash" varchar(64) not null, "hash" varchar(64) not null);`,
    );
    this.addSql(
      `create index "audit_entry_subject_type_subject_id_index" on "audit_entry" ("subject_type", "subject_id");`,
    );
    this.addSql(
      `alter table "audit_entry" add constraint "audit_entry_chain_seq_unique" unique ("chain", "seq");`,
    );

    this.addSql(
      `create table "citizen_service" ("key" varchar(64) not null, "name_th" varchar(300) not null, "name_en" varchar(300) not null, "division_hint" varchar(200) null, "sort_order" int not null default 0, constraint "citizen_service_pkey" primary key ("key"));`,
    );

    this.addSql(
      `create table "idempotency_record" ("id" varchar(200) not null, "request_hash" varchar(64) not null, "status_code" varchar(255) null, "body" jsonb null, "created_at" timestamptz not null default now(), constraint "idempotency_record_pkey" primary key ("id"));`,
    );

    this.addSql(
      `create table "login_throttle" ("key" varchar(120) not null, "failures" int not null default 0, "locked_until" timestamptz null, "last_failure_at" timestamptz not null default now(), constraint "login_throttle_pkey" primary key ("key"));`,
    );

    this.addSql(
      `create table "mail_message" ("id" uuid not null, "to" varchar(254) not null, "subject" varchar(300) not null, "text" text not null, "html" text null, "status" varchar(10) not null default 'pending', "attempts" int not null default 0, "last_error" text null, "sent_at" timestamptz null, "created_at" timestamptz not null default now(), constraint "mail_message_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "mail_message_status_created_at_index" on "mail_message" ("status", "created_at");`,
    );

    this.addSql(
      `create table "outbox_message" ("id" uuid not null, "queue" varchar(64) not null, "name" varchar(64) not null, "payload" jsonb not null, "delay_ms" int not null default 0, "created_at" timestamptz not null default now(), "sent_at" timestamptz null, "attempts" int not null default 0, "last_error" text null, constraint "outbox_message_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "outbox_message_pending_idx" on "outbox_message" ("created_at") where "sent_at" is null;`,
    );

    this.addSql(
      `create table "province" ("code" varchar(2) not null, "name_th" varchar(100) not null, "name_en" varchar(100) not null, "region" varchar(20) not null, "phase1_target" boolean not null default false, constraint "province_pkey" primary key ("code"));`,
    );

    this.addSql(
      `create table "lao" ("code" varchar(7) not null, "name_th" varchar(200) not null, "type" text check ("type" in ('pao', 'city_municipality', 'town_municipality', 'subdistrict_municipality', 'sao', 'pattaya')) not null, "district_th" varchar(100) not null, "province_code" varchar(2) not null, "address" text null, "phone" varchar(50) null, "email" varchar(254) null, "website" varchar(300) null, "phase1_target" boolean not null default false, "review_sla_days" int not null default 5, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), constraint "lao_pkey" primary key ("code"));`,
    );
    this.addSql(`create index "lao_province_code_index" on "lao" ("province_code");`);

    this.addSql(
      `create table "division" ("id" uuid not null, "lao_code" varchar(7) not null, "name_th" varchar(200) not null, "name_en" varchar(200) null, "sort_order" int not null default 0, "active" boolean not null default true, constraint "division_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "division_lao_code_sort_order_index" on "division" ("lao_code", "sort_order");`,
    );

    this.addSql(
      `create table "lao_service" ("id" uuid not null, "lao_code" varchar(7) not null, "service_key" varchar(64) not null, "enabled" boolean not null default false, "open" boolean not null default false, "fee" numeric(12,2) null, "division_id" uuid null, "sla_days" int not null default 15, "note" text null, "updated_at" timestamptz not null default now(), constraint "lao_service_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "lao_service" add constraint "lao_service_lao_code_service_key_unique" unique ("lao_code", "service_key");`,
    );

    this.addSql(
      `create table "account" ("id" uuid not null, "username" varchar(64) not null, "username_key" varchar(64) not null, "password_hash" text null, "title" varchar(50) not null, "first_name" varchar(100) not null, "last_name" varchar(100) not null, "position" varchar(200) not null, "email" varchar(254) not null, "role" text check ("role" in ('dla_admin', 'province_officer', 'lao_admin', 'lao_user')) not null, "status" text check ("status" in ('invited', 'active', 'disabled')) not null default 'invited', "lao_code" varchar(7) null, "province_code" varchar(2) null, "division_id" uuid null, "must_change_password" boolean not null default false, "token_version" int not null default 0, "last_login_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), constraint "account_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "account" add constraint "account_username_key_unique" unique ("username_key");`,
    );
    this.addSql(`create index "account_province_code_index" on "account" ("province_code");`);
    this.addSql(`create index "account_lao_code_index" on "account" ("lao_code");`);

    this.addSql(
      `create table "notification" ("id" uuid not null, "account_id" uuid not null, "kind" varchar(60) not null, "title" varchar(300) not null, "body" text not null, "link" varchar(300) null, "read_at" timestamptz null, "created_at" timestamptz not null default now(), constraint "notification_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "notification_account_id_created_at_index" on "notification" ("account_id", "created_at");`,
    );

    this.addSql(
      `create table "appointment_order" ("id" uuid not null, "lao_code" varchar(7) not null, "province_code" varchar(2) not null, "order_no" int not null, "order_year" int not null, "subject" varchar(500) not null, "signed_date" date not null, "effective_date" date not null, "state" text check ("state" in ('draft', 'uploaded', 'returned', 'verified', 'active', 'revoked')) not null default 'draft', "version" int not null default 1, "current_document_id" uuid null, "submitted_at" timestamptz null, "search_text" text not null default '', "created_by_id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), constraint "appointment_order_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "appointment_order_province_code_index" on "appointment_order" ("province_code");`,
    );
    this.addSql(
      `alter table "appointment_order" add constraint "appointment_order_current_document_id_unique" unique ("current_document_id");`,
    );
    this.addSql(
      `create index "appointment_order_queue_idx" on "appointment_order" ("state", "submitted_at", "id");`,
    );
    this.addSql(
      `alter table "appointment_order" add constraint "appointment_order_number_unique" unique ("lao_code", "order_year", "order_no");`,
    );

    this.addSql(
      `create table "order_document" ("id" uuid not null, "order_id" uuid not null, "state" text check ("state" in ('received', 'processing', 'valid', 'needs_manual_check', 'rejected')) not null default 'received', "sha256" varchar(64) not null, "size" bigint not null, "pages" varchar(255) null, "filename" varchar(200) not null, "ocr" boolean not null default false, "findings" jsonb not null default '[]', "rejection" jsonb null, "quarantine_key" varchar(300) not null, "storage_key" varchar(300) null, "text_length" varchar(255) null, "uploaded_by_id" uuid not null, "created_at" timestamptz not null default now(), "processed_at" timestamptz null, constraint "order_document_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "order_document_state_created_at_index" on "order_document" ("state", "created_at");`,
    );
    this.addSql(`create index "order_document_sha256_index" on "order_document" ("sha256");`);
    this.addSql(
      `create index "order_document_order_id_created_at_index" on "order_document" ("order_id", "created_at");`,
    );

    this.addSql(
      `create table "account_grant" ("id" uuid not null, "account_id" uuid not null, "lao_code" varchar(7) not null, "role" text check ("role" in ('lao_admin', 'lao_user')) not null, "state" text check ("state" in ('draft', 'uploaded', 'verified', 'active', 'revoked', 'superseded')) not null default 'draft', "version" int not null default 1, "services" jsonb not null default '[]', "order_id" uuid null, "activated_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), constraint "account_grant_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "account_grant_order_id_index" on "account_grant" ("order_id");`);
    this.addSql(
      `create index "account_grant_lao_code_state_index" on "account_grant" ("lao_code", "state");`,
    );
    this.addSql(
      `create index "account_grant_account_id_state_index" on "account_grant" ("account_id", "state");`,
    );

    this.addSql(
      `create table "refresh_token" ("id" uuid not null, "account_id" uuid not null, "family_id" uuid not null, "token_hash" varchar(64) not null, "expires_at" timestamptz not null, "rotated_at" timestamptz null, "revoked_at" timestamptz null, "created_at" timestamptz not null default now(), constraint "refresh_token_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "refresh_token" add constraint "refresh_token_token_hash_unique" unique ("token_hash");`,
    );
    this.addSql(`create index "refresh_token_family_id_index" on "refresh_token" ("family_id");`);

    this.addSql(
      `create table "set_password_token" ("id" uuid not null, "account_id" uuid not null, "token_hash" varchar(64) not null, "purpose" varchar(20) not null, "expires_at" timestamptz not null, "used_at" timestamptz null, "created_at" timestamptz not null default now(), constraint "set_password_token_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "set_password_token" add constraint "set_password_token_token_hash_unique" unique ("token_hash");`,
    );

    this.addSql(
      `create table "workflow_history" ("id" uuid not null, "item_type" varchar(10) not null, "item_id" uuid not null, "from_state" varchar(20) not null, "to_state" varchar(20) not null, "event" varchar(40) not null, "actor_id" uuid null, "actor_label" varchar(64) not null, "reason" text null, "document_sha256" varchar(64) null, "at" timestamptz not null default now(), constraint "workflow_history_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "workflow_history_item_type_item_id_at_index" on "workflow_history" ("item_type", "item_id", "at");`,
    );

    this.addSql(
      `alter table "lao" add constraint "lao_province_code_foreign" foreign key ("province_code") references "province" ("code") on update cascade;`,
    );

    this.addSql(
      `alter table "division" add constraint "division_lao_code_foreign" foreign key ("lao_code") references "lao" ("code") on update cascade;`,
    );

    this.addSql(
      `alter table "lao_service" add constraint "lao_service_lao_code_foreign" foreign key ("lao_code") references "lao" ("code") on update cascade;`,
    );
    this.addSql(
      `alter table "lao_service" add constraint "lao_service_service_key_foreign" foreign key ("service_key") references "citizen_service" ("key") on update cascade;`,
    );
    this.addSql(
      `alter table "lao_service" add constraint "lao_service_division_id_foreign" foreign key ("division_id") references "division" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "account" add constraint "account_lao_code_foreign" foreign key ("lao_code") references "lao" ("code") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "account" add constraint "account_province_code_foreign" foreign key ("province_code") references "province" ("code") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "account" add constraint "account_division_id_foreign" foreign key ("division_id") references "division" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "notification" add constraint "notification_account_id_foreign" foreign key ("account_id") references "account" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "appointment_order" add constraint "appointment_order_lao_code_foreign" foreign key ("lao_code") references "lao" ("code") on update cascade;`,
    );
    this.addSql(
      `alter table "appointment_order" add constraint "appointment_order_current_document_id_foreign" foreign key ("current_document_id") references "order_document" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "appointment_order" add constraint "appointment_order_created_by_id_foreign" foreign key ("created_by_id") references "account" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "order_document" add constraint "order_document_order_id_foreign" foreign key ("order_id") references "appointment_order" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "order_document" add constraint "order_document_uploaded_by_id_foreign" foreign key ("uploaded_by_id") references "account" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "account_grant" add constraint "account_grant_account_id_foreign" foreign key ("account_id") references "account" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "account_grant" add constraint "account_grant_lao_code_foreign" foreign key ("lao_code") references "lao" ("code") on update cascade;`,
    );
    this.addSql(
      `alter table "account_grant" add constraint "account_grant_order_id_foreign" foreign key ("order_id") references "appointment_order" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "refresh_token" add constraint "refresh_token_account_id_foreign" foreign key ("account_id") references "account" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "set_password_token" add constraint "set_password_token_account_id_foreign" foreign key ("account_id") references "account" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "workflow_history" add constraint "workflow_history_actor_id_foreign" foreign key ("actor_id") references "account" ("id") on update cascade on delete set null;`,
    );
  }
}
