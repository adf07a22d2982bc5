import type { EntityManager } from '@mikro-orm/postgresql';
import type { ClientScope } from '../../src/access/client-principal';
import { createAccount } from '../support/factories';
import type { ApiClient } from '../support/http';
import { createLao, enableServicesInDb } from '../support/workflow-factories';
import { seedOrder } from '../workflow/support/workflow-harness';

export interface RegisteredClient {
  id: string;
  clientId: string;
  clientSecret: string;
}

/** dla_admin registers a client over HTTP (fails the test on anything but 201). */
export async function registerClient(
  api: ApiClient,
  adminToken: string,
  scopes: ClientScope[] = ['authz:check', 'events:read'],
): Promise<RegisteredClient> {
  const res = await api.post<RegisteredClient>(
    '/api/integration-clients',
    { name: 'e-service', scopes },
    adminToken,
  );
  if (res.status !== 201) throw new Error(`register client: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** A client-credentials token with credentials in a JSON body. */
export async function clientToken(
  api: ApiClient,
  client: Pick<RegisteredClient, 'clientId' | 'clientSecret'>,
) {
  const res = await api.post<{ access_token: string }>('/api/oauth/token', {
    grant_type: 'client_credentials',
    client_id: client.clientId,
    client_secret: client.clientSecret,
  });
  if (res.status !== 200) throw new Error(`token: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.access_token;
}

export interface StaffPlace {
  laoCode: string;
  adminId: string;
  adminUsername: string;
  adminPassword: string;
  staffId: string;
  staffUsername: string;
  grantId: string;
  orderId: string;
}

/**
 * An LAO with `waste-fee` enabled (open or not), its active admin and a staff member whose active grant
 * (from an active order) lets them view and process `waste-fee` and view `building-permit`.
 */
export async function staffPlace(em: EntityManager, provinceCode = '36', open = true): Promise<StaffPlace> {
  const lao = await createLao(em, { provinceCode });
  await enableServicesInDb(em, lao.code, ['waste-fee', 'building-permit']);
  if (open)
    await em
      .fork()
      .getConnection()
      .execute('update lao_service set open = true where lao_code = ?', [lao.code]);
  const admin = await createAccount(em, { role: 'lao_admin', laoCode: lao.code });
  const staff = await createAccount(em, { role: 'lao_user', laoCode: lao.code, grant: null });
  const order = await seedOrder(em, {
    laoCode: lao.code,
    provinceCode,
    createdById: admin.id,
    holderIds: [staff.id],
    state: 'active',
    grantState: 'active',
  });
  await em
    .fork()
    .getConnection()
    .execute('update account_grant set services = ?::jsonb, activated_at = now() where id = ?', [
      JSON.stringify([
        { serviceKey: 'waste-fee', actions: ['view', 'process'] },
        { serviceKey: 'building-permit', actions: ['view'] },
      ]),
      order.grantIds[0],
    ]);
  return {
    laoCode: lao.code,
    adminId: admin.id,
    adminUsername: admin.username,
    adminPassword: admin.password,
    staffId: staff.id,
    staffUsername: staff.username,
    grantId: order.grantIds[0],
    orderId: order.orderId,
  };
}
