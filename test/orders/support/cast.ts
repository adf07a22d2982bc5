import { EntityManager } from '@mikro-orm/postgresql';
import { createAccount, type CreatedAccount } from '../../support/factories';
import type { ApiClient } from '../../support/http';
import type { TestApp } from '../../support/test-app';
import { createLao } from '../../support/workflow-factories';
import { seedOrder, type SeededOrder } from '../../workflow/support/workflow-harness';
import type { GrantState } from '../../../src/accounts/entities/account-grant.entity';
import type { OrderState } from '../../../src/orders/entities/appointment-order.entity';

export interface Cast {
  em: EntityManager;
  lao: { code: string; nameTh: string; divisionIds: string[] };
  otherLao: { code: string; nameTh: string; divisionIds: string[] };
  farLao: { code: string; nameTh: string; divisionIds: string[] };
  admin: CreatedAccount & { token: string };
  otherAdmin: CreatedAccount & { token: string };
  officer: CreatedAccount & { token: string };
  officer2: CreatedAccount & { token: string };
  farOfficer: CreatedAccount & { token: string };
  /** An order in `state` with grants of new staff and a valid document (sha256 'a'×64). */
  order(state: OrderState, grantState: GrantState, laoCode?: string): Promise<SeededOrder>;
  /** A new staff account with a draft grant. */
  draftGrant(laoCode?: string): Promise<CreatedAccount>;
}

/** Two LAOs in Chaiyaphum (36), one in Khon Kaen (40), their admins and officers, signed in. */
export async function createCast(t: TestApp, api: ApiClient): Promise<Cast> {
  const em = t.app.get(EntityManager).fork();
  const lao = await createLao(em, { provinceCode: '36', nameTh: 'องค์การบริหารส่วนตำบลคูเมือง' });
  const otherLao = await createLao(em, { provinceCode: '36', nameTh: 'เทศบาลตำบลตลาดแร้ง' });
  const farLao = await createLao(em, { provinceCode: '40', nameTh: 'องค์การบริหารส่วนตำบลบ้านไกล' });
  const signIn = async (a: CreatedAccount): Promise<CreatedAccount & { token: string }> => ({
    ...a,
    token: await api.login(a.username, a.password),
  });
  const draftGrant = (laoCode = lao.code): Promise<CreatedAccount> =>
    createAccount(em, { role: 'lao_user', laoCode, grant: { state: 'draft' }, status: 'invited' });
  const admin = await signIn(await createAccount(em, { role: 'lao_admin', laoCode: lao.code }));
  return {
    em,
    lao,
    otherLao,
    farLao,
    admin,
    otherAdmin: await signIn(await createAccount(em, { role: 'lao_admin', laoCode: otherLao.code })),
    officer: await signIn(await createAccount(em, { role: 'province_officer', provinceCode: '36' })),
    officer2: await signIn(await createAccount(em, { role: 'province_officer', provinceCode: '36' })),
    farOfficer: await signIn(await createAccount(em, { role: 'province_officer', provinceCode: '40' })),
    draftGrant,
    order: async (state, grantState, laoCode = lao.code) => {
      const holder = await createAccount(em, { role: 'lao_user', laoCode, grant: null });
      const provinceCode = laoCode === farLao.code ? '40' : '36';
      return seedOrder(em, {
        laoCode,
        provinceCode,
        createdById: admin.id,
        holderIds: [holder.id],
        state,
        grantState,
      });
    },
  };
}
