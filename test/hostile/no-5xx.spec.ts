import fc from 'fast-check';
import { createTestApp, type TestApp } from '../support/test-app';
import { routesOf, type Route } from './support/openapi-routes';
import { requestFor, type GeneratedRequest } from './support/request-arbitraries';
import { changed, describeRequest, problemWith, send } from './support/send';
import { createWorld, type World } from './support/world';

/** Fixed, so CI runs the same requests every time; FUZZ_SEED / FUZZ_RUNS explore further by hand. */
const SEED = Number(process.env.FUZZ_SEED ?? 20261208);
const RUNS_PER_ROUTE = Number(process.env.FUZZ_RUNS ?? 30);

/**
 * Issue 10, the class: every route of the OpenAPI document, as every role, with generated path parameters,
 * query strings and bodies (wrong types, nulls, huge strings, control characters, RTL and combining marks,
 * deep nesting, duplicate keys). Never a 5xx; every 4xx in the error shape with a code; and a 4xx writes
 * nothing (row count and newest row version of every main table, before and after).
 */
describe('no input makes a 5xx', () => {
  let t: TestApp;
  let world: World;
  let routes: Route[];

  beforeAll(async () => {
    t = await createTestApp();
    world = await createWorld(t);
    routes = routesOf(t.app);
  });
  afterAll(async () => {
    await world?.close();
    await t?.close();
  });

  it('reads every route from the OpenAPI document', () => {
    expect(routes.length).toBeGreaterThanOrEqual(50);
    expect(routes.map((r) => `${r.method} ${r.template}`)).toContain('GET /api/laos');
  });

  it('answers every generated request of every route and role without a 5xx or a write on refusal', async () => {
    let requests = 0;
    const byClass: Record<string, number> = {};
    let writes = 0;
    const slowest: [string, number][] = [];
    const started = Date.now();
    const failures: string[] = [];
    let last = await world.fingerprint();
    for (const [index, route] of routes.entries()) {
      const seed = SEED + index;
      const property = fc.asyncProperty(requestFor(route, world.pools), async (req: GeneratedRequest) => {
        requests++;
        const answer = await send(t.baseUrl, world, req);
        const statusClass = `${Math.floor(answer.status / 100)}xx`;
        byClass[statusClass] = (byClass[statusClass] ?? 0) + 1;
        const problem = problemWith(answer);
        const before = last;
        last = await world.fingerprint();
        if (problem) throw new Error(problem);
        const written = changed(before, last);
        if (written.length > 0) writes++;
        if (answer.status >= 400 && written.length > 0) {
          throw new Error(`${answer.status} ${answer.text.slice(0, 200)} but wrote to ${written.join(', ')}`);
        }
      });
      const routeStarted = Date.now();
      const result = await fc.check(property, { seed, numRuns: RUNS_PER_ROUTE });
      slowest.push([`${route.method} ${route.template}`, Date.now() - routeStarted]);
      if (result.failed) {
        const smallest = result.counterexample?.[0];
        failures.push(
          [
            `${route.method} ${route.template}: ${result.errorInstance instanceof Error ? result.errorInstance.message : String(result.errorInstance)}`,
            `  seed ${result.seed} (FUZZ_SEED=${SEED}, route #${index}), path "${result.counterexamplePath}", after ${result.numRuns} runs and ${result.numShrinks} shrinks`,
            `  smallest failing request: ${smallest ? describeRequest(smallest) : 'none'}`,
          ].join('\n'),
        );
      }
    }
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(
      `fast-check: ${requests} requests (${RUNS_PER_ROUTE} cases × ${routes.length} routes + shrinks) in ${seconds} s, seed ${SEED}; answers ${JSON.stringify(byClass)}, ${writes} wrote`,
    );
    const top = slowest.sort((a, b) => b[1] - a[1]).slice(0, 5);
    console.log(
      `slowest routes: ${top.map(([name, ms]) => `${name} ${(ms / 1000).toFixed(1)} s`).join(', ')}`,
    );
    if (failures.length > 0)
      throw new Error(`${failures.length} route(s) failed:\n\n${failures.join('\n\n')}`);
  }, 600_000);
});
