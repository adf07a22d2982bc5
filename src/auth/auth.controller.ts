import { Body, Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { clearedDashboardCookie } from '../access/dashboard-cookie';
import { AnyAuthenticated } from '../access/policy.decorator';
import { Public } from '../access/public.decorator';
import { type Caller, CurrentCaller } from '../access/request-context';
import { AuthService, type TokenPair } from './auth.service';
import { ForgotPasswordService } from './forgot-password.service';
import {
  ChangePasswordDto,
  ForgotPasswordDto,
  LoginDto,
  RefreshDto,
  SetPasswordDto,
  TokenPairDto,
} from './dto/auth.dto';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly forgot: ForgotPasswordService,
  ) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOkResponse({ type: TokenPairDto })
  login(@Body() body: LoginDto, @Req() req: Request): Promise<TokenPair> {
    return this.auth.login(body.username, body.password, req.ip ?? null);
  }

  /** 202 with the same body whether or not the login names an account (no enumeration). */
  @Public()
  @Post('forgot-password')
  @HttpCode(202)
  async forgotPassword(@Body() body: ForgotPasswordDto, @Req() req: Request): Promise<{ accepted: true }> {
    await this.forgot.request(body.login, req.ip ?? null);
    return { accepted: true };
  }

  @Public()
  @Post('refresh')
  @HttpCode(200)
  @ApiOkResponse({ type: TokenPairDto })
  refresh(@Body() body: RefreshDto): Promise<TokenPair> {
    return this.auth.refresh(body.refreshToken);
  }

  @Public()
  @Post('logout')
  @HttpCode(204)
  async logout(@Body() body: RefreshDto, @Res({ passthrough: true }) res: Response): Promise<void> {
    await this.auth.logout(body.refreshToken);
    res.setHeader('Set-Cookie', clearedDashboardCookie());
  }

  @ApiBearerAuth()
  @AnyAuthenticated()
  @Post('password')
  @HttpCode(204)
  async changePassword(@Body() body: ChangePasswordDto, @CurrentCaller() caller: Caller): Promise<void> {
    await this.auth.changePassword(caller.principal, body.currentPassword, body.newPassword);
  }

  @Public()
  @Post('set-password')
  @HttpCode(204)
  async setPassword(@Body() body: SetPasswordDto, @Req() req: Request): Promise<void> {
    await this.auth.setPassword(body.token, body.newPassword, req.ip ?? null);
  }
}
