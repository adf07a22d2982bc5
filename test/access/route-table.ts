import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer, Reflector } from '@nestjs/core';
import type { INestApplication } from '@nestjs/common';
import { AUTHENTICATED_KEY, POLICY_KEY, type PolicyMetadata } from '../../src/access/policy.decorator';
import { PUBLIC_KEY } from '../../src/access/public.decorator';

export interface RouteRow {
  method: string;
  /** Without the /api prefix, Nest style (`/orders/:id`). */
  path: string;
  access: 'public' | 'authenticated' | PolicyMetadata;
}

/** Every route of the app with what it declares, read from the controllers' metadata. */
export function routeTable(app: INestApplication): RouteRow[] {
  const reflector = new Reflector();
  const rows: RouteRow[] = [];
  for (const moduleRef of app.get(ModulesContainer).values()) {
    for (const wrapper of moduleRef.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: never[]) => object) | null;
      if (!controller) continue;
      const base = String(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
      for (const name of Object.getOwnPropertyNames(controller.prototype)) {
        const handler = (controller.prototype as Record<string, unknown>)[name];
        if (typeof handler !== 'function' || name === 'constructor') continue;
        const path = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
        if (path === undefined) continue;
        const targets = [handler, controller];
        const policy = reflector.getAllAndOverride<PolicyMetadata | undefined>(POLICY_KEY, targets);
        const access = reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)
          ? 'public'
          : reflector.getAllAndOverride<boolean>(AUTHENTICATED_KEY, targets)
            ? 'authenticated'
            : policy;
        if (!access) continue;
        rows.push({
          method: RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number],
          path: `/${[base, path].filter((p) => p && p !== '/').join('/')}`,
          access,
        });
      }
    }
  }
  return rows;
}
