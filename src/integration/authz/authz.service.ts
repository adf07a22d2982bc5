import { Injectable } from '@nestjs/common';
import type { ClientCaller } from '../../access/request-context';
import { AuditService } from '../../audit/audit.service';
import { IntegrationErrors } from '../integration-errors';
import { AuthzDecisionService, type Decision, type DecisionQuery } from './authz-decision.service';

export const MAX_BATCH = 100;

/** The decision API as the platform calls it: decisions, each call audited under the client's name. */
@Injectable()
export class AuthzService {
  constructor(
    private readonly decisions: AuthzDecisionService,
    private readonly audit: AuditService,
  ) {}

  async check(caller: ClientCaller, query: DecisionQuery): Promise<Decision> {
    const decision = await this.decisions.check(query);
    await this.record(caller, [query], [decision]);
    return decision;
  }

  async checkBatch(caller: ClientCaller, checks: DecisionQuery[]): Promise<{ results: Decision[] }> {
    if (checks.length > MAX_BATCH) throw IntegrationErrors.AUTHZ_BATCH_TOO_LARGE({ max: MAX_BATCH });
    const results = await Promise.all(checks.map((q) => this.decisions.check(q)));
    await this.record(caller, checks, results);
    return { results };
  }

  /** Who asked about whom and what it was told (PDPA: a read of a person's rights by another system). */
  private async record(caller: ClientCaller, queries: DecisionQuery[], results: Decision[]): Promise<void> {
    // Keyed by the person asked about: the audit's change chains are picked by subject, so checks about
    // different people append in parallel instead of queueing on one chain's lock (bench:authz).
    await this.audit.record({
      action: 'integration.authz.check',
      actorUsername: `client:${caller.client.clientId}`.slice(0, 64),
      ip: caller.client.ip,
      subjectType: 'AuthzDecision',
      subjectId: queries[0]?.username.slice(0, 64) ?? null,
      details: {
        clientId: caller.client.clientId,
        checks: queries.map((q, i) => ({
          username: q.username,
          laoCode: q.laoCode,
          serviceKey: q.serviceKey,
          action: q.action,
          allowed: results[i].allowed,
          reason: results[i].reason,
        })),
      },
    });
  }
}
