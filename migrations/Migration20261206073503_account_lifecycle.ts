import { Migration } from '@mikro-orm/migrations';

// Account lifecycle (issue 9): helpdesk role, session limits, sealed mail secrets, link states.
export class Migration20261206073503_account_lifecycle extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "account" drop constraint if exists "account_role_check";`);

    this.addSql(`alter table "mail_message" add column "sealed_secret" text null;`);

    this.addSql(
      `alter table "account" add constraint "account_role_check" check("role" in ('dla_admin', 'dla_helpdesk', 'province_officer', 'lao_admin', 'lao_user'));`,
    );

    this.addSql(
      `alter table "refresh_token" add column "family_expires_at" timestamptz null, add column "token_version" int not null default 0;`,
    );
    // Families already out there end 30 days after their first token; their version is the account's.
    this.addSql(`update "refresh_token" r set "family_expires_at" = f.started + interval '30 days'
      from (select "family_id", min("created_at") as started from "refresh_token" group by "family_id") f
      where r."family_id" = f."family_id";`);
    this.addSql(
      `update "refresh_token" r set "token_version" = a."token_version" from "account" a where a."id" = r."account_id";`,
    );
    this.addSql(`alter table "refresh_token" alter column "family_expires_at" set not null;`);
    // Links already mailed keep working until used, but no stored copy of a delivered one keeps its token.
    this.addSql(`update "mail_message"
      set "text" = regexp_replace("text", 'set-password\\?token=[A-Za-z0-9_%-]+', 'set-password#token=[removed]', 'g'),
          "html" = regexp_replace("html", 'set-password\\?token=[A-Za-z0-9_%-]+', 'set-password#token=[removed]', 'g')
      where "status" <> 'pending';`);

    this.addSql(
      `alter table "set_password_token" add column "voided_at" timestamptz null, add column "mail_id" uuid null;`,
    );
    this.addSql(
      `create index "set_password_token_account_id_created_at_index" on "set_password_token" ("account_id", "created_at");`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "account" drop constraint if exists "account_role_check";`);

    this.addSql(
      `alter table "account" add constraint "account_role_check" check("role" in ('dla_admin', 'province_officer', 'lao_admin', 'lao_user'));`,
    );

    this.addSql(`alter table "mail_message" drop column "sealed_secret";`);

    this.addSql(`alter table "refresh_token" drop column "family_expires_at", drop column "token_version";`);

    this.addSql(`drop index "set_password_token_account_id_created_at_index";`);
    this.addSql(`alter table "set_password_token" drop column "voided_at", drop column "mail_id";`);
  }
}
