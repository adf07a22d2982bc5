import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuditService } from '../audit/audit.service';
import { AuthErrors } from '../auth/auth-errors';
import { TokenService } from '../auth/token.service';
import { AppError } from '../common/errors/app-error';
import { CommonErrors } from '../common/errors/common-errors';
import { AbilityFactory } from './ability.factory';
import { ClientPrincipalLoader } from './client-principal.loader';
import { DASHBOARD_COOKIE_KEY, dashboardCookieToken } from './dashboard-cookie';
import { AUTHENTICATED_KEY, POLICY_KEY, type PolicyMetadata } from './policy.decorator';
import { PrincipalLoader } from './principal.loader';
import { PUBLIC_KEY } from './public.decorator';
import type { AuthenticatedRequest } from './request-context';

/** Routes a user who must change the password may still call. */
const PASSWORD_CHANGE_ALLOWED = new Set(['/api/auth/password', '/api/me', '/api/auth/logout']);

/**
 * One global guard: authenticates (JWT + per-request token version), builds the CASL ability and
 * checks the route's declared policy. A route with no policy is refused: permissions fail closed.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
    private readonly principals: PrincipalLoader,
    private readonly abilities: AbilityFactory,
    private readonly audit: AuditService,
    private readonly clients: ClientPrincipalLoader,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();

    const path = (request.originalUrl ?? request.url).split('?')[0];
    const header = request.headers.authorization ?? '';
    const cookieAccepted = this.reflector.getAllAndOverride<boolean>(DASHBOARD_COOKIE_KEY, targets) === true;
    const bearer = /^Bearer ([A-Za-z0-9._-]+)$/.exec(header)?.[1];
    const cookie = !bearer && cookieAccepted ? dashboardCookieToken(request, path) : null;
    if (!bearer && !cookie) throw CommonErrors.UNAUTHENTICATED();
    if (bearer && this.tokens.isClientToken(bearer)) return this.admitClient(context, request, bearer, path);
    // The board cookie holds a token of its own audience (see dashboard-cookie.ts), never an API token.
    const claims = bearer ? this.tokens.verifyAccess(bearer) : this.tokens.verifyDashboard(cookie ?? '');
    const loaded = await this.principals.load(claims.sub, claims.sid, request.ip ?? null);
    if (!loaded) throw AuthErrors.AUTH_TOKEN_INVALID();
    if (loaded.status === 'disabled') throw AuthErrors.AUTH_ACCOUNT_DISABLED();
    if (loaded.tokenVersion !== claims.tv) throw AuthErrors.AUTH_TOKEN_REVOKED();
    // Signed out (or its refresh family revoked for reuse): the access token ends with the session.
    if (!loaded.sessionLive) throw AuthErrors.AUTH_SESSION_ENDED();
    if (loaded.mustChangePassword && !PASSWORD_CHANGE_ALLOWED.has(path)) {
      throw AuthErrors.AUTH_PASSWORD_CHANGE_REQUIRED();
    }

    request.principal = loaded.principal;
    request.ability = this.abilities.createFor(loaded.principal);

    if (this.reflector.getAllAndOverride<boolean>(AUTHENTICATED_KEY, targets)) return true;
    const policy = this.reflector.getAllAndOverride<PolicyMetadata | undefined>(POLICY_KEY, targets);
    if (!policy) {
      throw new AppError('ROUTE_WITHOUT_POLICY', 500, {
        th: 'เส้นทางนี้ไม่ได้กำหนดสิทธิ์การเข้าถึง',
        en: 'This route declares no access policy',
      });
    }
    if (!request.ability.can(policy.action, policy.subject)) {
      await this.audit.record({
        action: 'access.denied',
        actor: loaded.principal,
        subjectType: policy.subject,
        details: { policy, method: request.method, path },
      });
      throw CommonErrors.FORBIDDEN({ action: policy.action, subject: policy.subject });
    }
    return true;
  }

  /**
   * An integration client: only the routes its scopes name (decisions, the feed); everything else,
   * including routes any signed-in person may call, answers 403.
   */
  private async admitClient(
    context: ExecutionContext,
    request: AuthenticatedRequest,
    token: string,
    path: string,
  ): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    const claims = this.tokens.verifyClient(token);
    const client = await this.clients.load(claims.sub, request.ip ?? null);
    if (!client) throw AuthErrors.AUTH_TOKEN_REVOKED();
    request.client = client;
    request.ability = this.abilities.createForClient(client);
    const policy = this.reflector.getAllAndOverride<PolicyMetadata | undefined>(POLICY_KEY, targets);
    if (!policy || !request.ability.can(policy.action, policy.subject)) {
      await this.audit.record({
        action: 'access.denied',
        actorUsername: `client:${client.clientId}`.slice(0, 64),
        ip: client.ip,
        subjectType: policy?.subject ?? null,
        details: { policy: policy ?? null, method: request.method, path, clientId: client.clientId },
      });
      throw CommonErrors.FORBIDDEN(policy ? { action: policy.action, subject: policy.subject } : {});
    }
    return true;
  }
}
