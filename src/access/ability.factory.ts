import { AbilityBuilder, createMongoAbility, type MongoQuery } from '@casl/ability';
import { Injectable } from '@nestjs/common';
import type { Role } from '../accounts/entities/account.entity';
import type { ClientPrincipal } from './client-principal';
import type { Principal } from './principal';
import type { Action, AppAbility, SubjectType } from './subjects';

/**
 * The one place that says who may do what. Conditions use entity property paths (dot notation for
 * relations) so the same rules check a loaded entity and become a SQL filter (see rules-to-filter).
 */
@Injectable()
export class AbilityFactory {
  createFor(principal: Principal): AppAbility {
    const builder = new AbilityBuilder<AppAbility>(createMongoAbility);
    const can = (
      action: Action | Action[],
      subject: SubjectType | SubjectType[],
      conditions?: MongoQuery,
    ): void => {
      builder.can(action, subject, conditions);
    };
    const P = principal.provinceCode;
    const L = principal.laoCode;

    can('read', 'Province');
    can('read', 'CitizenService');
    can(['read', 'update'], 'Notification', { 'account.id': principal.accountId });
    can('read', 'Account', { id: principal.accountId });

    switch (principal.role) {
      case 'dla_admin':
        can('read', 'all');
        can(['create', 'update', 'import'], 'Lao');
        // DLA central is a team: it manages its own accounts and the provincial officers.
        can(['create', 'update', 'disable', 'enable'], 'Account', {
          role: { $in: ['province_officer', 'dla_admin', 'dla_helpdesk'] },
        });
        can('resetPassword', 'Account');
        can('read', ['Dashboard', 'QueueDashboard', 'AuditEntry']);
        // Operating the queues: bull-board's job actions and re-queueing stuck documents.
        can('manage', 'QueueDashboard');
        // Registers the e-service platform's clients and webhook endpoints (issue 14).
        can('manage', ['IntegrationClient', 'Webhook']);
        break;

      case 'dla_helpdesk':
        // Answers the phone for the whole country: reads people and LAOs (each read of a person is
        // audited by the services) and sends links, nothing else: no grants, orders or registry changes.
        can('read', ['Lao', 'Division', 'LaoService', 'AccountGrant']);
        can('read', 'Account', { role: { $in: BELOW_DLA_ADMIN } });
        can('resetPassword', 'Account', {
          role: { $in: BELOW_DLA_ADMIN.filter((r) => r !== 'dla_helpdesk') },
        });
        break;

      case 'province_officer':
        if (!P) break;
        can('read', 'Lao', { 'province.code': P });
        can('read', ['Division', 'LaoService', 'AccountGrant'], {
          'lao.province.code': P,
        });
        can('read', 'Account', { 'province.code': P });
        can(['create', 'update', 'disable', 'enable', 'resetPassword'], 'Account', {
          role: 'lao_admin',
          'province.code': P,
        });
        can(['read', 'verify', 'return', 'revoke'], 'AppointmentOrder', { provinceCode: P });
        can('read', 'OrderDocument', { 'order.provinceCode': P });
        can('revoke', 'AccountGrant', { 'lao.province.code': P });
        can('read', 'ReviewQueue');
        can('read', 'Dashboard', { provinceCode: P });
        break;

      case 'lao_admin': {
        // No live grant (all revoked or superseded): nothing beyond the profile and notifications.
        // Provisional (draft, uploaded, verified) prepares everything; active may also publish.
        if (!L || principal.grantState === null) break;
        const active = principal.grantState === 'active';
        can('read', 'Lao', { code: L });
        // The LAO keeps its contact details; name, type, district and province are DLA's registry.
        builder.can('update', 'Lao', ['address', 'phone', 'email', 'website'], { code: L });
        can(['read', 'create', 'update', 'delete'], 'Division', { 'lao.code': L });
        can(['read', 'update'], 'LaoService', { 'lao.code': L });
        // A provisional admin prepares everything but opens nothing to the public.
        if (active) can('publish', 'LaoService', { 'lao.code': L });
        can('read', 'Account', { 'lao.code': L });
        can(['create', 'update', 'disable', 'enable'], 'Account', { role: 'lao_user', 'lao.code': L });
        // Staff without working e-mail (as in DLA's letter) get a temporary password from their admin.
        if (active) {
          can(['resetPassword', 'setTemporaryPassword'], 'Account', { role: 'lao_user', 'lao.code': L });
        }
        can(['read', 'create'], 'AccountGrant', { 'lao.code': L });
        can('revoke', 'AccountGrant', { 'lao.code': L, role: 'lao_user' });
        can(['read', 'create', 'update', 'upload', 'withdraw', 'revoke'], 'AppointmentOrder', {
          'lao.code': L,
        });
        can('read', 'OrderDocument', { 'order.lao.code': L });
        break;
      }

      case 'lao_user': {
        if (!L || principal.grantState !== 'active') break;
        can('read', 'Lao', { code: L });
        const keysFor = (action: 'view' | 'process') =>
          principal.services.filter((s) => s.actions.includes(action)).map((s) => s.serviceKey);
        const viewKeys = [...new Set([...keysFor('view'), ...keysFor('process')])];
        can('read', 'LaoService', { 'lao.code': L, 'service.key': { $in: viewKeys } });
        can('view', 'CitizenService', { key: { $in: viewKeys } });
        can('process', 'CitizenService', { key: { $in: keysFor('process') } });
        break;
      }
    }
    // Decisions and the change feed answer integration clients only: a person's token is refused
    // there even where `read all` would reach (issue 14).
    builder.cannot(['read', 'check'], ['AuthzDecision', 'ChangeEvent']);
    return builder.build({ detectSubjectType: detectSubjectType });
  }

  /**
   * An integration client (client credentials): by scope, decisions and the change feed, nothing
   * else. Whether a person may act is then decided by `createFor` of that person.
   */
  createForClient(client: ClientPrincipal): AppAbility {
    const builder = new AbilityBuilder<AppAbility>(createMongoAbility);
    if (client.scopes.includes('authz:check')) builder.can('check', 'AuthzDecision');
    if (client.scopes.includes('events:read')) builder.can('read', 'ChangeEvent');
    return builder.build({ detectSubjectType: detectSubjectType });
  }
}

const BELOW_DLA_ADMIN: Role[] = ['dla_helpdesk', 'province_officer', 'lao_admin', 'lao_user'];

/** Entities are matched by class name; plain objects tagged with `subject()` keep their tag. */
function detectSubjectType(object: object): SubjectType {
  const tagged = (object as { __caslSubjectType__?: SubjectType }).__caslSubjectType__;
  return tagged ?? (object.constructor.name as SubjectType);
}
