import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { PasswordHasher } from '../auth/password-hasher';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config';
import { Account } from './entities/account.entity';
import { normalizeUsername } from './username';

/** Creates the first dla_admin from BOOTSTRAP_ADMIN_* when no dla_admin exists; otherwise does nothing. */
@Injectable()
export class BootstrapAdmin implements OnApplicationBootstrap {
  private readonly logger = new Logger(BootstrapAdmin.name);

  constructor(
    private readonly em: EntityManager,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { username, password } = this.config.bootstrapAdmin;
    const created = await this.em.fork().transactional(async (em) => {
      // One instance creates it even when several API processes start at once.
      await em
        .getConnection()
        .execute(
          "select pg_advisory_xact_lock(hashtext('bootstrap-admin'))",
          [],
          'all',
          em.getTransactionContext(),
        );
      if ((await em.count(Account, { role: 'dla_admin' })) > 0) return null;
      const account = em.create(Account, {
        username,
        usernameKey: normalizeUsername(username),
        passwordHash: await this.hasher.hash(password),
        title: '',
        firstName: 'ผู้ดูแลระบบ',
        lastName: 'กรมส่งเสริมการปกครองท้องถิ่น',
        position: 'ผู้ดูแลระบบส่วนกลาง',
        email: 'admin@dla.localhost',
        role: 'dla_admin',
        status: 'active',
        mustChangePassword: this.config.nodeEnv === 'production',
      });
      await this.audit.record(
        {
          action: 'account.bootstrap',
          actorUsername: 'system',
          subjectType: 'Account',
          subjectId: account.id,
        },
        em,
      );
      return account;
    });
    if (created) this.logger.log(`Created the bootstrap dla_admin "${username}"`);
  }
}
