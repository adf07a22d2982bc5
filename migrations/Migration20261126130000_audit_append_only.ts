import { Migration } from '@mikro-orm/migrations';

/**
 * The audit log is append-only in the database itself, not only by convention: UPDATE, DELETE and
 * TRUNCATE of audit_entry fail for every role the application uses. The hash chain still detects an
 * edit made around this (a superuser disabling triggers); `npm run audit:verify` names the row.
 */
export class Migration20261126130000_audit_append_only extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create function audit_entry_append_only() returns trigger language plpgsql as $$
      begin
        raise exception 'audit_entry is append-only (% refused)', tg_op using errcode = 'insufficient_privilege';
      end $$;`);
    this.addSql(`create trigger audit_entry_no_change before update or delete on audit_entry
      for each row execute function audit_entry_append_only();`);
    this.addSql(`create trigger audit_entry_no_truncate before truncate on audit_entry
      for each statement execute function audit_entry_append_only();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger audit_entry_no_truncate on audit_entry;`);
    this.addSql(`drop trigger audit_entry_no_change on audit_entry;`);
    this.addSql(`drop function audit_entry_append_only();`);
  }
}
