import { AbilityFactory } from '../../src/access/ability.factory';
import type { ClientPrincipal } from '../../src/access/client-principal';
import type { Principal } from '../../src/access/principal';
import { ACTIONS, SUBJECTS } from '../../src/access/subjects';

/** Issue 14: what an integration client may do (by scope) and that people never reach its subjects. */
describe('abilities of integration clients', () => {
  const factory = new AbilityFactory();
  const client = (scopes: ClientPrincipal['scopes']): ClientPrincipal => ({
    kind: 'client',
    id: 'c',
    clientId: 'dla-x',
    name: 'x',
    scopes,
    ip: null,
  });

  it('grants exactly its scopes: check decisions, read the feed, nothing else', () => {
    const both = factory.createForClient(client(['authz:check', 'events:read']));
    const allowed: string[] = [];
    for (const action of ACTIONS) {
      for (const subject of SUBJECTS) if (both.can(action, subject)) allowed.push(`${action} ${subject}`);
    }
    expect(allowed.sort()).toEqual(['check AuthzDecision', 'read ChangeEvent']);
    expect(factory.createForClient(client(['events:read'])).can('check', 'AuthzDecision')).toBe(false);
    expect(factory.createForClient(client([])).can('read', 'ChangeEvent')).toBe(false);
  });

  it('refuses decisions and the feed to every person, and lets only dla_admin manage clients and webhooks', () => {
    const base = { accountId: 'me', username: 'me', ip: null, services: [], grantState: null };
    const people: Principal[] = [
      { ...base, role: 'dla_admin', provinceCode: null, laoCode: null },
      { ...base, role: 'dla_helpdesk', provinceCode: null, laoCode: null },
      { ...base, role: 'province_officer', provinceCode: '36', laoCode: null },
      { ...base, role: 'lao_admin', provinceCode: '36', laoCode: '6360507', grantState: 'active' },
      { ...base, role: 'lao_user', provinceCode: '36', laoCode: '6360507', grantState: 'active' },
    ];
    for (const person of people) {
      const ability = factory.createFor(person);
      expect([person.role, ability.can('check', 'AuthzDecision')]).toEqual([person.role, false]);
      expect([person.role, ability.can('read', 'ChangeEvent')]).toEqual([person.role, false]);
      const admin = person.role === 'dla_admin';
      for (const action of ['create', 'read', 'update', 'revoke'] as const) {
        expect([person.role, action, ability.can(action, 'IntegrationClient')]).toEqual([
          person.role,
          action,
          admin,
        ]);
      }
      expect(ability.can('create', 'Webhook')).toBe(admin);
    }
  });
});
