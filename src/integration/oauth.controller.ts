import { Controller, Header, HttpCode, Post, Req } from '@nestjs/common';
import { ApiBody, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Public } from '../access/public.decorator';
import { TokenRequestDto } from './dto/integration-clients.dto';
import { OAuthTokenService, type TokenResponse } from './oauth-token.service';
import { readTokenRequest } from './token-request';

@ApiTags('integration')
@Controller('oauth')
export class OAuthController {
  constructor(private readonly tokens: OAuthTokenService) {}

  /** OAuth 2.0 client credentials: form or JSON body, HTTP Basic or body credentials. */
  @Post('token')
  @Public()
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @ApiBody({ type: TokenRequestDto })
  async token(@Req() request: Request): Promise<TokenResponse> {
    return this.tokens.issue(await readTokenRequest(request), request.ip ?? null);
  }
}
