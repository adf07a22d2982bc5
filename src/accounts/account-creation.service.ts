import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { assertCanCreate } from '../access/assert-can';
import type { Caller } from '../access/request-context';
import { AuditService } from '../audit/audit.service';
import { PasswordHasher } from '../auth/password-hasher';
import { assertPasswordAcceptable } from '../auth/password-policy';
import { SetPasswordLinks } from '../auth/set-password-links.service';
import { Province } from '../registry/entities/province.entity';
import { presentAccount, type AccountView } from './account.presenter';
import { divisionOf, enabledServices, usernameFields, visibleLao, withUniqueUsername } from './account-scope';
import { AccountsErrors } from './accounts-errors';
import type {
  CreateDlaAccountDto,
  CreateLaoAdminDto,
  CreateProvinceOfficerDto,
  CreateStaffDto,
} from './dto/create-accounts.dto';
import { AccountGrant } from './entities/account-grant.entity';
import { Account } from './entities/account.entity';
import { personFields, splitFullName } from './person-fields';
import { nextAdminUsername, nextStaffUsername } from './username-generator';

/** Who creates whom: dla_admin → officers; officer → LAO admins; LAO admin → staff. */
@Injectable()
export class AccountCreationService {
  constructor(
    private readonly em: EntityManager,
    private readonly links: SetPasswordLinks,
    private readonly audit: AuditService,
    private readonly hasher: PasswordHasher,
  ) {}

  async createProvinceOfficer(caller: Caller, dto: CreateProvinceOfficerDto): Promise<AccountView> {
    assertCanCreate(caller.ability, 'create', 'Account', { role: 'province_officer' });
    return withUniqueUsername(this.em, async (em) => {
      const province = await em.findOne(Province, dto.provinceCode);
      if (!province) throw AccountsErrors.PROVINCE_NOT_FOUND({ provinceCode: dto.provinceCode });
      const [title, firstName, lastName] = splitFullName(dto.fullName);
      const account = em.create(Account, {
        ...usernameFields(dto.username),
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

  /** A dla_admin or dla_helpdesk account, invited by link like everyone else. */
  async createDlaAccount(caller: Caller, dto: CreateDlaAccountDto): Promise<AccountView> {
    assertCanCreate(caller.ability, 'create', 'Account', { role: dto.role });
    return withUniqueUsername(this.em, async (em) => {
      const [title, firstName, lastName] = splitFullName(dto.fullName);
      const account = em.create(Account, {
        ...usernameFields(dto.username),
        title,
        firstName,
        lastName,
        position: dto.role === 'dla_admin' ? 'ผู้ดูแลระบบส่วนกลาง' : 'เจ้าหน้าที่ช่วยเหลือผู้ใช้ (Helpdesk)',
        email: dto.email.trim(),
        role: dto.role,
      });
      await this.links.issue(em, account, 'invite');
      await this.audit.record(
        {
          action: 'account.created',
          actor: caller.principal,
          subjectType: 'Account',
          subjectId: account.id,
          details: { role: account.role },
        },
        em,
      );
      return presentAccount(account);
    });
  }

  /**
   * Account + draft lao_admin grant + invitation link, in one transaction. An LAO that has an admin
   * gets a second one as a handover: provisional until its order takes effect, which then supersedes
   * the previous admin's grant (TransitionService).
   */
  async createLaoAdmin(caller: Caller, laoCode: string, dto: CreateLaoAdminDto): Promise<AccountView> {
    return withUniqueUsername(this.em, async (em) => {
      const lao = await visibleLao(em, caller, laoCode);
      assertCanCreate(caller.ability, 'create', 'Account', {
        role: 'lao_admin',
        province: { code: lao.province.code },
        lao: { code: lao.code },
      });
      await assertNoAdminWaiting(em, lao.code);
      const username = dto.username ?? (await nextAdminUsername(em, lao.code));
      const account = em.create(Account, {
        ...usernameFields(username),
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
    return withUniqueUsername(this.em, async (em) => {
      const lao = await visibleLao(em, caller, laoCode);
      assertCanCreate(caller.ability, 'create', 'Account', {
        role: 'lao_user',
        province: { code: lao.province.code },
        lao: { code: lao.code },
      });
      const division = await divisionOf(em, lao, dto.divisionId);
      const services = await enabledServices(em, lao, dto.services);
      const username = dto.username ?? (await nextStaffUsername(em));
      const account = em.create(Account, {
        ...usernameFields(username),
        ...personFields(dto),
        role: 'lao_user',
        lao,
        province: lao.province,
        division,
      });
      const grant = em.create(AccountGrant, { account, lao, role: 'lao_user', services });
      if (dto.temporaryPassword !== undefined) {
        // No working e-mail: the admin hands over a temporary password; no link at activation.
        assertCanCreate(caller.ability, 'setTemporaryPassword', 'Account', {
          role: 'lao_user',
          lao: { code: lao.code },
        });
        assertPasswordAcceptable(dto.temporaryPassword, account.username);
        account.passwordHash = await this.hasher.hash(dto.temporaryPassword);
        account.mustChangePassword = true;
      }
      await this.audit.record(
        {
          action: 'account.created',
          actor: caller.principal,
          subjectType: 'Account',
          subjectId: account.id,
          details: {
            role: 'lao_user',
            laoCode: lao.code,
            grantId: grant.id,
            services,
            credentials: dto.temporaryPassword !== undefined ? 'temporary_password' : 'link_at_activation',
          },
        },
        em,
      );
      return presentAccount(account, grant);
    });
  }
}

/**
 * One handover at a time per LAO: a second admin waiting for its order (or two officers creating
 * one at the same moment) is refused; disable the waiting one first to replace it.
 */
async function assertNoAdminWaiting(em: EntityManager, laoCode: string): Promise<void> {
  await em.execute('select pg_advisory_xact_lock(hashtext(?))', [`lao-admin:${laoCode}`]);
  const waiting = await em.count(AccountGrant, {
    lao: laoCode,
    role: 'lao_admin',
    state: { $in: ['draft', 'uploaded', 'verified'] },
    account: { status: { $ne: 'disabled' } },
  });
  if (waiting > 0) throw AccountsErrors.LAO_ADMIN_HANDOVER_PENDING();
}
