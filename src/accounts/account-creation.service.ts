import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { assertCanCreate } from '../access/assert-can';
import type { Caller } from '../access/request-context';
import { AuditService } from '../audit/audit.service';
import { SetPasswordLinks } from '../auth/set-password-links.service';
import { Province } from '../registry/entities/province.entity';
import { presentAccount, type AccountView } from './account.presenter';
import { divisionOf, enabledServices, usernameFields, visibleLao, withUniqueUsername } from './account-scope';
import { AccountsErrors } from './accounts-errors';
import type { CreateLaoAdminDto, CreateProvinceOfficerDto, CreateStaffDto } from './dto/create-accounts.dto';
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

  /** Account + draft lao_admin grant + invitation link, in one transaction. */
  async createLaoAdmin(caller: Caller, laoCode: string, dto: CreateLaoAdminDto): Promise<AccountView> {
    return withUniqueUsername(this.em, async (em) => {
      const lao = await visibleLao(em, caller, laoCode);
      assertCanCreate(caller.ability, 'create', 'Account', {
        role: 'lao_admin',
        province: { code: lao.province.code },
        lao: { code: lao.code },
      });
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
}
