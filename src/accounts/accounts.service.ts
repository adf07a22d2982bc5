import { EntityManager, UniqueConstraintViolationException } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { accessibleFilter } from '../access/rules-to-filter';
import { assertCan, assertCanCreate } from '../access/assert-can';
import type { Caller } from '../access/request-context';
import { AuditService } from '../audit/audit.service';
import { PasswordHasher } from '../auth/password-hasher';
import { assertPasswordAcceptable } from '../auth/password-policy';
import { SetPasswordLinks } from '../auth/set-password-links.service';
import { Division } from '../registry/entities/division.entity';
import { LaoService } from '../registry/entities/lao-service.entity';
import { Lao } from '../registry/entities/lao.entity';
import { Province } from '../registry/entities/province.entity';
import { RegistryErrors } from '../registry/registry-errors';
import { presentAccount, type AccountView } from './account.presenter';
import { AccountsErrors } from './accounts-errors';
import type {
  CreateLaoAdminDto,
  CreateProvinceOfficerDto,
  CreateStaffDto,
  UpdateStaffDto,
} from './dto/create-accounts.dto';
import { AccountGrant, type ServicePermission } from './entities/account-grant.entity';
import { Account } from './entities/account.entity';
import { normalizeUsername, USERNAME_PATTERN } from './username';
import { nextAdminUsername, nextStaffUsername } from './username-generator';

/** Who creates whom: dla_admin → officers; officer → LAO admins; LAO admin → staff. */
@Injectable()
export class AccountsService {
  constructor(
    private readonly em: EntityManager,
    private readonly links: SetPasswordLinks,
    private readonly audit: AuditService,
    private readonly hasher: PasswordHasher,
  ) {}

  async createProvinceOfficer(caller: Caller, dto: CreateProvinceOfficerDto): Promise<AccountView> {
    assertCanCreate(caller.ability, 'create', 'Account', { role: 'province_officer' });
    return this.withUniqueUsername(async (em) => {
      const province = await em.findOne(Province, dto.provinceCode);
      if (!province) throw AccountsErrors.PROVINCE_NOT_FOUND({ provinceCode: dto.provinceCode });
      const [title, firstName, lastName] = splitFullName(dto.fullName);
      const account = em.create(Account, {
        ...this.usernameFields(dto.username),
        title,
        firstName,
        lastName,
        position: 'เจ้าหน้าที่สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัด',
        email: dto.email.trim(),
        role: 'province_officer',
        province,
      });
      await this.links.issue(em, account, 'invite');
      await this.audit.record(
        {
          action: 'account.created',
          actor: caller.principal,
          subjectType: 'Account',
          subjectId: account.id,
          details: { role: account.role, provinceCode: province.code },
        },
        em,
      );
      return presentAccount(account);
    });
  }

  /** Account + draft lao_admin grant + invitation link, in one transaction. */
  async createLaoAdmin(caller: Caller, laoCode: string, dto: CreateLaoAdminDto): Promise<AccountView> {
    return this.withUniqueUsername(async (em) => {
      const lao = await this.visibleLao(em, caller, laoCode);
      assertCanCreate(caller.ability, 'create', 'Account', {
        role: 'lao_admin',
        province: { code: lao.province.code },
        lao: { code: lao.code },
      });
      const username = dto.username ?? (await nextAdminUsername(em, lao.code));
      const account = em.create(Account, {
        ...this.usernameFields(username),
        ...personFields(dto),
        role: 'lao_admin',
        lao,
        province: lao.province,
      });
      const grant = em.create(AccountGrant, { account, lao, role: 'lao_admin', services: [] });
      await this.links.issue(em, account, 'invite');
      await this.audit.record(
        {
          action: 'account.created',
          actor: caller.principal,
          subjectType: 'Account',
          subjectId: account.id,
          details: { role: 'lao_admin', laoCode: lao.code, grantId: grant.id },
        },
        em,
      );
      return presentAccount(account, grant);
    });
  }

  /** Staff get their set-password link when their grant becomes active, not before. */
  async createStaff(caller: Caller, laoCode: string, dto: CreateStaffDto): Promise<AccountView> {
    return this.withUniqueUsername(async (em) => {
      const lao = await this.visibleLao(em, caller, laoCode);
      assertCanCreate(caller.ability, 'create', 'Account', {
        role: 'lao_user',
        province: { code: lao.province.code },
        lao: { code: lao.code },
      });
      const division = await this.divisionOf(em, lao, dto.divisionId);
      const services = await this.enabledServices(em, lao, dto.services);
      const username = dto.username ?? (await nextStaffUsername(em));
      const account = em.create(Account, {
        ...this.usernameFields(username),
        ...personFields(dto),
        role: 'lao_user',
        lao,
        province: lao.province,
        division,
      });
      const grant = em.create(AccountGrant, { account, lao, role: 'lao_user', services });
      await this.audit.record(
        {
          action: 'account.created',
          actor: caller.principal,
          subjectType: 'Account',
          subjectId: account.id,
          details: { role: 'lao_user', laoCode: lao.code, grantId: grant.id, services },
        },
        em,
      );
      return presentAccount(account, grant);
    });
  }

  async listForLao(caller: Caller, laoCode: string): Promise<{ items: AccountView[]; nextCursor: null }> {
    const em = this.em.fork();
    const lao = await this.visibleLao(em, caller, laoCode);
    const filter = accessibleFilter<Account>(caller.ability, 'read', 'Account');
    if (!filter) return { items: [], nextCursor: null };
    const accounts = await em.find(
      Account,
      { $and: [filter, { lao: lao.code }] },
      { populate: ['division'], orderBy: { role: 'asc', username: 'asc' } },
    );
    const grants = await em.find(
      AccountGrant,
      { account: { $in: accounts.map((a) => a.id) }, state: { $nin: ['revoked', 'superseded'] } },
      { orderBy: { createdAt: 'desc' } },
    );
    const grantOf = new Map<string, AccountGrant>();
    for (const g of grants)
      if (!grantOf.has(g.account.id) || g.state === 'active') grantOf.set(g.account.id, g);
    return { items: accounts.map((a) => presentAccount(a, grantOf.get(a.id) ?? null)), nextCursor: null };
  }

  /** Reading someone else's record is personal data: logged. */
  async get(caller: Caller, accountId: string): Promise<AccountView> {
    const em = this.em.fork();
    const account = await em.findOne(Account, accountId, { populate: ['division', 'lao'] });
    if (!account) throw AccountsErrors.ACCOUNT_NOT_FOUND();
    assertCan(caller.ability, 'read', account, () => AccountsErrors.ACCOUNT_NOT_FOUND());
    if (account.id !== caller.principal.accountId) {
      await this.audit.record({
        action: 'read.account',
        actor: caller.principal,
        subjectType: 'Account',
        subjectId: account.id,
      });
    }
    const grant = await em.findOne(
      AccountGrant,
      { account, state: { $nin: ['revoked', 'superseded'] } },
      { orderBy: { createdAt: 'desc' } },
    );
    return presentAccount(account, grant);
  }

  async update(caller: Caller, accountId: string, dto: UpdateStaffDto): Promise<AccountView> {
    return this.em.fork().transactional(async (em) => {
      const account = await em.findOne(Account, accountId, { populate: ['lao', 'division'] });
      if (!account) throw AccountsErrors.ACCOUNT_NOT_FOUND();
      assertCan(caller.ability, 'update', account, () => AccountsErrors.ACCOUNT_NOT_FOUND());
      if (dto.divisionId) {
        if (!account.lao) throw AccountsErrors.DIVISION_NOT_FOUND();
        account.division = await this.divisionOf(em, account.lao, dto.divisionId);
      }
      const changes = personFields({ ...account, ...dto, email: dto.email ?? account.email });
      Object.assign(account, changes);
      await this.audit.record(
        {
          action: 'account.updated',
          actor: caller.principal,
          subjectType: 'Account',
          subjectId: account.id,
          details: { fields: Object.keys(dto) },
        },
        em,
      );
      return presentAccount(account);
    });
  }

  /** Disabling stops the account on its very next request (status is read per request). */
  async disable(caller: Caller, accountId: string): Promise<AccountView> {
    return this.em.fork().transactional(async (em) => {
      const account = await em.findOne(Account, accountId, { populate: ['lao'] });
      if (!account) throw AccountsErrors.ACCOUNT_NOT_FOUND();
      assertCan(caller.ability, 'disable', account, () => AccountsErrors.ACCOUNT_NOT_FOUND());
      if (account.status === 'disabled') throw AccountsErrors.ACCOUNT_ALREADY_DISABLED();
      account.status = 'disabled';
      account.tokenVersion += 1;
      await em
        .getConnection()
        .execute(
          'update refresh_token set revoked_at = now() where account_id = ? and revoked_at is null',
          [account.id],
          'all',
          em.getTransactionContext(),
        );
      await this.audit.record(
        {
          action: 'account.disabled',
          actor: caller.principal,
          subjectType: 'Account',
          subjectId: account.id,
        },
        em,
      );
      return presentAccount(account);
    });
  }

  async resetPassword(caller: Caller, accountId: string, temporaryPassword?: string): Promise<void> {
    await this.em.fork().transactional(async (em) => {
      const account = await em.findOne(Account, accountId, { populate: ['lao'] });
      if (!account) throw AccountsErrors.ACCOUNT_NOT_FOUND();
      assertCan(caller.ability, 'resetPassword', account, () => AccountsErrors.ACCOUNT_NOT_FOUND());
      if (temporaryPassword !== undefined) {
        assertPasswordAcceptable(temporaryPassword, account.username);
        account.passwordHash = await this.hasher.hash(temporaryPassword);
        account.mustChangePassword = true;
        account.tokenVersion += 1;
      } else {
        await this.links.issue(em, account, 'reset');
      }
      await this.audit.record(
        {
          action: 'account.password.reset',
          actor: caller.principal,
          subjectType: 'Account',
          subjectId: account.id,
          details: { method: temporaryPassword !== undefined ? 'temporary_password' : 'link' },
        },
        em,
      );
    });
  }

  private async visibleLao(em: EntityManager, caller: Caller, code: string): Promise<Lao> {
    const lao = /^\d{7}$/.test(code) ? await em.findOne(Lao, code) : null;
    if (!lao || !caller.ability.can('read', lao)) throw RegistryErrors.LAO_NOT_FOUND({ code });
    return lao;
  }

  private async divisionOf(em: EntityManager, lao: Lao, divisionId: string): Promise<Division> {
    const division = await em.findOne(Division, { id: divisionId, lao: lao.code, active: true });
    if (!division) throw AccountsErrors.DIVISION_NOT_FOUND({ divisionId });
    return division;
  }

  private async enabledServices(
    em: EntityManager,
    lao: Lao,
    requested: ServicePermission[],
  ): Promise<ServicePermission[]> {
    const keys = [...new Set(requested.map((s) => s.serviceKey))];
    const enabled = await em.find(LaoService, { lao: lao.code, service: { $in: keys }, enabled: true });
    const enabledKeys = new Set(enabled.map((s) => s.service.key));
    const missing = keys.filter((k) => !enabledKeys.has(k));
    if (missing.length) throw AccountsErrors.SERVICE_NOT_ENABLED({ serviceKeys: missing });
    return requested.map((s) => ({ serviceKey: s.serviceKey, actions: [...new Set(s.actions)].sort() }));
  }

  private usernameFields(username: string): { username: string; usernameKey: string } {
    const display = username.normalize('NFC').trim();
    if (!USERNAME_PATTERN.test(display)) throw AccountsErrors.USERNAME_INVALID();
    return { username: display, usernameKey: normalizeUsername(display) };
  }

  /** Runs a create in a transaction; a username that collides after normalisation answers 409. */
  private async withUniqueUsername<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await this.em.fork().transactional(work);
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException && /username_key/.test(error.message)) {
        throw AccountsErrors.USERNAME_TAKEN();
      }
      throw error;
    }
  }
}

function nfc(value: string): string {
  return value.normalize('NFC').trim().replace(/\s+/g, ' ');
}

function personFields(dto: {
  title: string;
  firstName: string;
  lastName: string;
  position: string;
  email: string;
}) {
  return {
    title: nfc(dto.title),
    firstName: nfc(dto.firstName),
    lastName: nfc(dto.lastName),
    position: nfc(dto.position),
    email: dto.email.trim().toLowerCase(),
  };
}

const TITLES = ['นางสาว', 'นาง', 'นาย', 'ว่าที่ร้อยตรี', 'ว่าที่ ร.ต.', 'ดร.'];
/** "นางสาวสุดา ตรวจดี" → ["นางสาว", "สุดา", "ตรวจดี"]; the title is optional. */
export function splitFullName(fullName: string): [string, string, string] {
  let rest = nfc(fullName);
  const title = TITLES.find((t) => rest.startsWith(t)) ?? '';
  rest = rest.slice(title.length).trim();
  const [first, ...others] = rest.split(' ');
  return [title, first ?? rest, others.join(' ') || '-'];
}
