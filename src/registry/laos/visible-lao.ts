import type { EntityManager } from '@mikro-orm/postgresql';
import type { Caller } from '../../access/request-context';
import { Lao } from '../entities/lao.entity';
import { RegistryErrors } from '../registry-errors';

export const LAO_CODE_PATTERN = /^\d{7}$/;

/**
 * The LAO the caller may read, or LAO_NOT_FOUND: an LAO of another province answers exactly like
 * one that does not exist, so the API never reveals what a caller may not see.
 */
export async function findVisibleLao(em: EntityManager, caller: Caller, code: string): Promise<Lao> {
  const lao = LAO_CODE_PATTERN.test(code) ? await em.findOne(Lao, code, { populate: ['province'] }) : null;
  if (!lao || !caller.ability.can('read', lao)) throw RegistryErrors.LAO_NOT_FOUND({ code });
  return lao;
}
