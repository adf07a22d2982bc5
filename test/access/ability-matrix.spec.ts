import { subject } from '@casl/ability';
import { AbilityFactory } from '../../src/access/ability.factory';
import type { Principal } from '../../src/access/principal';
import { ACTIONS, type Action } from '../../src/access/subjects';

type Scope = 'own' | 'otherLao' | 'otherProvince';
const SCOPES: Scope[] = ['own', 'otherLao', 'otherProvince'];
const PLACES: Record<Scope, { lao: string; province: string }> = {
  own: { lao: '6360507', province: '36' },
  otherLao: { lao: '5360201', province: '36' },
  otherProvince: { lao: '6200101', province: '20' },
};

/** Instances of each subject located in a scope; "Account:admin" targets an LAO admin account. */
const INSTANCES: Record<string, (p: { lao: string; province: string }) => object> = {
  Province: (p) => subject('Province', { code: p.province }),
  Lao: (p) => subject('Lao', { code: p.lao, province: { code: p.province } }),
  Division: (p) => subject('Division', { lao: { code: p.lao, province: { code: p.province } } }),
  LaoService: (p) =>
    subject('LaoService', {
      lao: { code: p.lao, province: { code: p.province } },
      service: { key: 'waste-fee' },
    }),
  'Account:staff': (p) =>
    subject('Account', {
      id: 'someone-else',
      role: 'lao_user',
      lao: { code: p.lao },
      province: { code: p.province },
    }),
  'Account:admin': (p) =>
    subject('Account', {
      id: 'someone-else',
      role: 'lao_admin',
      lao: { code: p.lao },
      province: { code: p.province },
    }),
  'Account:officer': (p) =>
    subject('Account', {
      id: 'someone-else',
      role: 'province_officer',
      lao: null,
      province: { code: p.province },
    }),
  'Account:helpdesk': () =>
    subject('Account', {
      id: 'someone-else',
      role: 'dla_helpdesk',
      lao: null,
      province: null,
    }),
  'Account:dlaAdmin': () =>
    subject('Account', { id: 'someone-else', role: 'dla_admin', lao: null, province: null }),
  AccountGrant: (p) =>
    subject('AccountGrant', { role: 'lao_user', lao: { code: p.lao, province: { code: p.province } } }),
  AppointmentOrder: (p) => subject('AppointmentOrder', { lao: { code: p.lao }, provinceCode: p.province }),
  OrderDocument: (p) =>
    subject('OrderDocument', { order: { lao: { code: p.lao }, provinceCode: p.province } }),
  Dashboard: (p) => subject('Dashboard', { provinceCode: p.province }),
  // No place of their own: the log is national, the queue a screen whose rows follow AppointmentOrder.
  AuditEntry: () => subject('AuditEntry', { actorId: 'someone-else' }),
  ReviewQueue: () => subject('ReviewQueue', {}),
};

const ALL: Scope[] = SCOPES;
const OWN: Scope[] = ['own'];
const PROVINCE: Scope[] = ['own', 'otherLao'];
type Expected = Partial<Record<string, Partial<Record<Action, Scope[]>>>>;

const EXPECTED: Record<string, Expected> = {
  dla_admin: {
    Province: { read: ALL },
    Lao: { read: ALL, create: ALL, update: ALL, import: ALL },
    Division: { read: ALL },
    LaoService: { read: ALL },
    'Account:staff': { read: ALL, resetPassword: ALL },
    'Account:admin': { read: ALL, resetPassword: ALL },
    // DOMAIN: "create provincial officers"; editing and disabling them come with it. DLA central is
    // a team: further dla_admins and helpdesk accounts too.
    'Account:officer': { read: ALL, create: ALL, update: ALL, disable: ALL, enable: ALL, resetPassword: ALL },
    'Account:helpdesk': {
      read: ALL,
      create: ALL,
      update: ALL,
      disable: ALL,
      enable: ALL,
      resetPassword: ALL,
    },
    'Account:dlaAdmin': {
      read: ALL,
      create: ALL,
      update: ALL,
      disable: ALL,
      enable: ALL,
      resetPassword: ALL,
    },
    AccountGrant: { read: ALL },
    AppointmentOrder: { read: ALL },
    OrderDocument: { read: ALL },
    Dashboard: { read: ALL },
    AuditEntry: { read: ALL },
    ReviewQueue: { read: ALL },
  },
  // Reads people and LAOs nationally and sends links; nothing else (issue 9, item 3).
  dla_helpdesk: {
    Province: { read: ALL },
    Lao: { read: ALL },
    Division: { read: ALL },
    LaoService: { read: ALL },
    'Account:staff': { read: ALL, resetPassword: ALL },
    'Account:admin': { read: ALL, resetPassword: ALL },
    'Account:officer': { read: ALL, resetPassword: ALL },
    'Account:helpdesk': { read: ALL },
    AccountGrant: { read: ALL },
  },
  province_officer: {
    Province: { read: ALL },
    Lao: { read: PROVINCE },
    Division: { read: PROVINCE },
    LaoService: { read: PROVINCE },
    'Account:staff': { read: PROVINCE },
    'Account:admin': {
      read: PROVINCE,
      create: PROVINCE,
      update: PROVINCE,
      disable: PROVINCE,
      enable: PROVINCE,
      resetPassword: PROVINCE,
    },
    // Colleagues of the same provincial office are readable; officers elsewhere are not.
    'Account:officer': { read: PROVINCE },
    AccountGrant: { read: PROVINCE, revoke: PROVINCE },
    AppointmentOrder: { read: PROVINCE, verify: PROVINCE, return: PROVINCE, revoke: PROVINCE },
    OrderDocument: { read: PROVINCE },
    Dashboard: { read: PROVINCE },
    ReviewQueue: { read: ALL },
  },
  lao_admin_active: {
    Province: { read: ALL },
    Lao: { read: OWN, update: OWN },
    Division: { read: OWN, create: OWN, update: OWN, delete: OWN },
    LaoService: { read: OWN, update: OWN, publish: OWN },
    'Account:staff': {
      read: OWN,
      create: OWN,
      update: OWN,
      disable: OWN,
      enable: OWN,
      resetPassword: OWN,
      setTemporaryPassword: OWN,
    },
    'Account:admin': { read: OWN },
    AccountGrant: { read: OWN, create: OWN, revoke: OWN },
    AppointmentOrder: { read: OWN, create: OWN, update: OWN, upload: OWN, withdraw: OWN, revoke: OWN },
    OrderDocument: { read: OWN },
  },
  lao_admin_provisional: {
    Province: { read: ALL },
    Lao: { read: OWN, update: OWN },
    Division: { read: OWN, create: OWN, update: OWN, delete: OWN },
    LaoService: { read: OWN, update: OWN },
    'Account:staff': { read: OWN, create: OWN, update: OWN, disable: OWN, enable: OWN },
    'Account:admin': { read: OWN },
    AccountGrant: { read: OWN, create: OWN, revoke: OWN },
    AppointmentOrder: { read: OWN, create: OWN, update: OWN, upload: OWN, withdraw: OWN, revoke: OWN },
    OrderDocument: { read: OWN },
  },
  // Every grant revoked or superseded: the profile and notifications, nothing of the LAO (item 5).
  lao_admin_revoked: {
    Province: { read: ALL },
  },
  lao_user: {
    Province: { read: ALL },
    Lao: { read: OWN },
    LaoService: { read: OWN },
  },
};

function principalFor(kind: string): Principal {
  const base = { accountId: 'me', username: 'me', ip: null, services: [], grantState: null };
  switch (kind) {
    case 'dla_admin':
      return { ...base, role: 'dla_admin', provinceCode: null, laoCode: null };
    case 'province_officer':
      return { ...base, role: 'province_officer', provinceCode: '36', laoCode: null };
    case 'lao_admin_active':
      return { ...base, role: 'lao_admin', provinceCode: '36', laoCode: '6360507', grantState: 'active' };
    case 'dla_helpdesk':
      return { ...base, role: 'dla_helpdesk', provinceCode: null, laoCode: null };
    case 'lao_admin_revoked':
      return { ...base, role: 'lao_admin', provinceCode: '36', laoCode: '6360507', grantState: null };
    case 'lao_admin_provisional':
      return { ...base, role: 'lao_admin', provinceCode: '36', laoCode: '6360507', grantState: 'draft' };
    default:
      return {
        ...base,
        role: 'lao_user',
        provinceCode: '36',
        laoCode: '6360507',
        grantState: 'active',
        services: [{ serviceKey: 'waste-fee', actions: ['view', 'process'] }],
      };
  }
}

describe('ability matrix: role × action × subject × scope', () => {
  const factory = new AbilityFactory();
  const cells: [string, string, Action, Scope, boolean][] = [];
  for (const role of Object.keys(EXPECTED)) {
    for (const subjectName of Object.keys(INSTANCES)) {
      for (const action of ACTIONS.filter((a) => a !== 'manage')) {
        for (const scope of SCOPES) {
          const allowed = EXPECTED[role][subjectName]?.[action]?.includes(scope) ?? false;
          cells.push([role, subjectName, action, scope, allowed]);
        }
      }
    }
  }

  it.each(cells)('%s %s %s (%s) → %s', (role, subjectName, action, scope, allowed) => {
    const ability = factory.createFor(principalFor(role));
    expect(ability.can(action, INSTANCES[subjectName](PLACES[scope]) as never)).toBe(allowed);
  });

  it('gives a lao_user only the services of its active grant, and nothing before activation', () => {
    const user = factory.createFor(principalFor('lao_user'));
    expect(user.can('process', subject('CitizenService', { key: 'waste-fee' }) as never)).toBe(true);
    expect(user.can('view', subject('CitizenService', { key: 'building-permit' }) as never)).toBe(false);
    const inactive = factory.createFor({ ...principalFor('lao_user'), grantState: 'uploaded' });
    expect(inactive.can('read', subject('Lao', { code: '6360507' }) as never)).toBe(false);
  });

  it('lets only the dla_admin read and operate the queue dashboard (stuck documents, retries, bull-board)', () => {
    for (const role of Object.keys(EXPECTED)) {
      const ability = factory.createFor(principalFor(role));
      expect(ability.can('read', 'QueueDashboard')).toBe(role === 'dla_admin');
      expect(ability.can('manage', 'QueueDashboard')).toBe(role === 'dla_admin');
    }
  });

  it('lets everyone read only their own notifications and their own account', () => {
    for (const role of Object.keys(EXPECTED)) {
      const ability = factory.createFor(principalFor(role));
      expect(ability.can('read', subject('Notification', { account: { id: 'me' } }) as never)).toBe(true);
      expect(ability.can('read', subject('Notification', { account: { id: 'other' } }) as never)).toBe(
        role === 'dla_admin',
      );
      expect(ability.can('read', subject('Account', { id: 'me', role: 'lao_user' }) as never)).toBe(true);
    }
  });
});
