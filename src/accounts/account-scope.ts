import { EntityManager, UniqueConstraintViolationException } from '@mikro-orm/postgresql';
import type { Caller } from '../access/request-context';
import { Division } from '../registry/entities/division.entity';
import { LaoService } from '../registry/entities/lao-service.entity';
import { Lao } from '../registry/entities/lao.entity';
import { RegistryErrors } from '../registry/registry-errors';
import { AccountsErrors } from './accounts-errors';
import type { ServicePermission } from './entities/account-grant.entity';
import { cleanUsername, normalizeUsername, USERNAME_PATTERN } from './username';

/** The LAO if the caller may see it; otherwise "not found" (never reveal another province's LAO). */
export async function visibleLao(em: EntityManager, caller: Caller, code: string): Promise<Lao> {
  const lao = /^\d{7}$/.test(code) ? await em.findOne(Lao, code) : null;
  if (!lao || !caller.ability.can('read', lao)) throw RegistryErrors.LAO_NOT_FOUND({ code });
  return lao;
}

export async function divisionOf(em: EntityManager, lao: Lao, divisionId: string): Promise<Division> {
  const division = await em.findOne(Division, { id: divisionId, lao: lao.code, active: true });
  if (!division) throw AccountsErrors.DIVISION_NOT_FOUND({ divisionId });
  return division;
}

/** Staff may only be granted services the LAO has enabled. */
export async function enabledServices(
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

export function usernameFields(username: string): { username: string; usernameKey: string } {
  const display = cleanUsername(username);
  if (!USERNAME_PATTERN.test(display)) throw AccountsErrors.USERNAME_INVALID();
  return { username: display, usernameKey: normalizeUsername(display) };
}

/** Runs a create in a transaction; a username that collides after normalisation answers 409. */
export async function withUniqueUsername<T>(
  em: EntityManager,
  work: (tx: EntityManager) => Promise<T>,
): Promise<T> {
  try {
    return await em.fork().transactional(work);
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException && /username_key/.test(error.message)) {
      throw AccountsErrors.USERNAME_TAKEN();
    }
    throw error;
  }
}
