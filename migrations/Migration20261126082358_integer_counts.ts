import { Migration } from '@mikro-orm/migrations';

export class Migration20261126082358_integer_counts extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "idempotency_record" alter column "status_code" type int using ("status_code"::int);`,
    );

    this.addSql(`alter table "order_document" alter column "pages" type int using ("pages"::int);`);
    this.addSql(
      `alter table "order_document" alter column "text_length" type int using ("text_length"::int);`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(
      `alter table "idempotency_record" alter column "status_code" type varchar(255) using ("status_code"::varchar(255));`,
    );

    this.addSql(
      `alter table "order_document" alter column "pages" type varchar(255) using ("pages"::varchar(255));`,
    );
    this.addSql(
      `alter table "order_document" alter column "text_length" type varchar(255) using ("text_length"::varchar(255));`,
    );
  }
}
