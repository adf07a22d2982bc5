import { packRules } from '@casl/ability/extra';
import { EntityManager } from '@mikro-orm/postgresql';
import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AnyAuthenticated } from '../access/policy.decorator';
import { type Caller, CurrentCaller } from '../access/request-context';
import { presentAccount, type AccountView } from './account.presenter';
import { liveGrantsOf } from './live-grants';
import { Account } from './entities/account.entity';

@ApiTags('auth')
@ApiBearerAuth()
@Controller('me')
export class MeController {
  constructor(private readonly em: EntityManager) {}

  /** The caller, its grant and the packed CASL rules the console uses to show only allowed actions. */
  @Get()
  @AnyAuthenticated()
  async me(
    @CurrentCaller() caller: Caller,
  ): Promise<AccountView & { grantState: string | null; rules: unknown }> {
    const em = this.em.fork();
    const account = await em.findOneOrFail(Account, caller.principal.accountId, {
      populate: ['division', 'lao'],
    });
    const { current, pending } = (await liveGrantsOf(em, [account.id])).get(account.id)!;
    return {
      ...presentAccount(account, current, pending),
      grantState: caller.principal.grantState,
      rules: packRules(caller.ability.rules),
    };
  }
}
