import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer, Reflector } from '@nestjs/core';
import { AUTHENTICATED_KEY, POLICY_KEY, type PolicyMetadata } from '../../src/access/policy.decorator';
import { PUBLIC_KEY } from '../../src/access/public.decorator';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * Every route declares who may call it. The snapshot makes any change to a route's permission
 * visible in review, and a route with no declaration fails here (and is refused at runtime).
 */
describe('route permission snapshot', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('declares a policy, @AnyAuthenticated or @Public on every route', () => {
    const reflector = new Reflector();
    const rows: string[] = [];
    const undeclared: string[] = [];
    for (const moduleRef of t.app.get(ModulesContainer).values()) {
      for (const wrapper of moduleRef.controllers.values()) {
        const controller = wrapper.metatype as (new (...args: never[]) => object) | null;
        if (!controller) continue;
        const base = String(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
        for (const name of Object.getOwnPropertyNames(controller.prototype)) {
          const handler = (controller.prototype as Record<string, unknown>)[name];
          if (typeof handler !== 'function' || name === 'constructor') continue;
          const path = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
          if (path === undefined) continue;
          const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number];
          const targets = [handler, controller];
          const route = `${method} /${[base, path].filter((p) => p && p !== '/').join('/')}`;
          const policy = reflector.getAllAndOverride<PolicyMetadata | undefined>(POLICY_KEY, targets);
          const declared = reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)
            ? 'public'
            : reflector.getAllAndOverride<boolean>(AUTHENTICATED_KEY, targets)
              ? 'any signed-in account'
              : policy
                ? `${policy.action} ${policy.subject}`
                : undefined;
          if (!declared) undeclared.push(route);
          rows.push(`${route} → ${declared ?? 'NONE'}`);
        }
      }
    }
    expect(undeclared).toEqual([]);
    expect(rows.sort()).toMatchSnapshot();
  });
});
