import { Controller, Get, Inject } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '../access/public.decorator';
import { APP_CONFIG, type AppConfig, type HelpdeskConfig } from '../config/app-config';

/**
 * Where people get help, for the screens where they get stuck before signing in (sign-in,
 * set-password with an expired link). Public: the same numbers are printed in DLA's letter.
 */
@ApiTags('help')
@Controller('help-contacts')
export class HelpController {
  constructor(@Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'helpdesk'>) {}

  @Public()
  @Get()
  contacts(): HelpdeskConfig {
    const { phone, line, manualUrl } = this.config.helpdesk;
    return { phone, line, manualUrl };
  }
}
