import type { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import type { AccountGrant } from '../accounts/entities/account-grant.entity';
import { SetPasswordLinks } from '../auth/set-password-links.service';

/**
 * What an active grant means for its holder: the account is enabled (a disabled account stays
 * disabled: that was someone's decision) and a holder without a password gets a one-time
 * set-password link. Abilities follow on the next request (the principal is loaded per request).
 */
@Injectable()
export class GrantActivation {
  constructor(private readonly links: SetPasswordLinks) {}

  async enableHolders(em: EntityManager, grants: AccountGrant[]): Promise<void> {
    for (const grant of grants) {
      if (grant.state !== 'active') continue;
      const account = grant.account;
      await em.populate(account, ['lao']);
      if (account.status === 'invited') account.status = 'active';
      if (!account.passwordHash && account.status === 'active') {
        await this.links.issue(em, account, 'activation');
      }
    }
  }
}
