import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { CommonErrors } from '../common/errors/common-errors';
import type { ClientPrincipal } from './client-principal';
import type { Principal } from './principal';
import type { AppAbility } from './subjects';

/** What the AccessGuard attaches to an authenticated request. */
export interface AuthenticatedRequest extends Request {
  principal?: Principal;
  /** Set instead of `principal` when an integration client calls (client-credentials token). */
  client?: ClientPrincipal;
  ability?: AppAbility;
}

export interface Caller {
  principal: Principal;
  ability: AppAbility;
}

/** The signed-in caller with its ability, for services that check the loaded instance. */
export const CurrentCaller = createParamDecorator((_data: unknown, ctx: ExecutionContext): Caller => {
  const request = ctx.switchToHttp().getRequest<AuthenticatedRequest>();
  if (!request.principal || !request.ability) throw CommonErrors.UNAUTHENTICATED();
  return { principal: request.principal, ability: request.ability };
});

export interface ClientCaller {
  client: ClientPrincipal;
  ability: AppAbility;
}

/** The integration client calling with a client-credentials token (routes only clients may call). */
export const CurrentClient = createParamDecorator((_data: unknown, ctx: ExecutionContext): ClientCaller => {
  const request = ctx.switchToHttp().getRequest<AuthenticatedRequest>();
  if (!request.client || !request.ability) throw CommonErrors.UNAUTHENTICATED();
  return { client: request.client, ability: request.ability };
});
