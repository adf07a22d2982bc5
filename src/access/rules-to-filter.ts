import { rulesToCondition } from '@casl/ability/extra';
import type { FilterQuery } from '@mikro-orm/core';
import type { Action, AppAbility, SubjectType } from './subjects';

type Query = Record<string, unknown>;

/** `{'lao.province.code': '36'}` → `{lao: {province: {code: '36'}}}`, the shape MikroORM joins on. */
export function expandDotPaths(query: Query): Query {
  const out: Query = {};
  for (const [key, value] of Object.entries(query)) {
    if (key.startsWith('$')) {
      out[key] = Array.isArray(value)
        ? value.map((v: unknown) => (isPlainObject(v) ? expandDotPaths(v) : v))
        : isPlainObject(value)
          ? expandDotPaths(value)
          : value;
      continue;
    }
    const parts = key.split('.');
    let cursor = out;
    for (const part of parts.slice(0, -1)) {
      cursor[part] = isPlainObject(cursor[part]) ? cursor[part] : {};
      cursor = cursor[part] as Query;
    }
    const leaf = parts[parts.length - 1];
    cursor[leaf] =
      isPlainObject(value) && isPlainObject(cursor[leaf]) ? { ...cursor[leaf], ...value } : value;
  }
  return out;
}

function isPlainObject(value: unknown): value is Query {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

/**
 * The SQL side of the ability: the rows of `subject` the caller may `action`, as a MikroORM filter.
 * Returns null when nothing is allowed, so list endpoints never load-then-filter in memory.
 */
export function accessibleFilter<T extends object>(
  ability: AppAbility,
  action: Action,
  subject: SubjectType,
): FilterQuery<T> | null {
  const condition = rulesToCondition(
    ability.rulesFor(action, subject),
    (rule) => {
      const conditions = expandDotPaths((rule.conditions ?? {}) as Query);
      return rule.inverted ? { $not: conditions } : conditions;
    },
    {
      and: (parts) => ({ $and: parts }),
      or: (parts) => ({ $or: parts }),
      empty: () => ({}),
    },
  );
  return condition as FilterQuery<T> | null;
}
