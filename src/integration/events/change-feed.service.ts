import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import type { ClientCaller } from '../../access/request-context';
import { AuditService } from '../../audit/audit.service';
import type { ChangeEventType } from '../../outbox/change-event.entity';
import { IntegrationErrors } from '../integration-errors';

export interface FeedItem {
  id: string;
  type: ChangeEventType;
  occurredAt: string;
  data: Record<string, unknown>;
}

export interface FeedPage {
  items: FeedItem[];
  /** Where to continue; never null: a reader keeps polling with it (the same cursor when nothing is new). */
  nextCursor: string;
}

interface Row {
  seq: string;
  id: string;
  type: ChangeEventType;
  occurred_at: Date | string;
  data: Record<string, unknown>;
  txid: string;
}

const START = { txid: '0', seq: '0' };

/**
 * The pull side of the change feed, ordered by (writer's transaction id, seq) and handed out only
 * below the oldest transaction still in flight (`pg_snapshot_xmin`): every transaction below it has
 * ended, so no event can later appear before a cursor already handed out. A long transaction delays
 * the feed; it never makes a reader skip an event.
 */
@Injectable()
export class ChangeFeedService {
  constructor(
    private readonly em: EntityManager,
    private readonly audit: AuditService,
  ) {}

  /** A page for an integration client, audited under its name. */
  async readFor(caller: ClientCaller, after: string | undefined, limit: number): Promise<FeedPage> {
    const page = await this.read(after, limit);
    await this.audit.record({
      action: 'access.events.read',
      actorUsername: `client:${caller.client.clientId}`.slice(0, 64),
      ip: caller.client.ip,
      subjectType: 'ChangeEvent',
      details: { clientId: caller.client.clientId, after: after ?? null, count: page.items.length },
    });
    return page;
  }

  async read(after: string | undefined, limit: number): Promise<FeedPage> {
    const cursor = after ? decodeCursor(after) : START;
    const rows = await this.em.getConnection().execute<Row[]>(
      `select seq, id, type, occurred_at, data, txid::text as txid from change_event
        where (txid, seq) > (?::xid8, ?::bigint)
          and txid < pg_snapshot_xmin(pg_current_snapshot())
        order by txid, seq
        limit ?`,
      [cursor.txid, cursor.seq, limit],
    );
    const last = rows[rows.length - 1];
    return {
      items: rows.map((r) => ({
        id: r.id,
        type: r.type,
        occurredAt: new Date(r.occurred_at).toISOString(),
        data: r.data,
      })),
      nextCursor: last ? encodeCursor(last.txid, last.seq) : (after ?? encodeCursor(START.txid, START.seq)),
    };
  }
}

function encodeCursor(txid: string, seq: string): string {
  return Buffer.from(`${txid}.${seq}`, 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): { txid: string; seq: string } {
  const match = /^(\d{1,20})\.(\d{1,19})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) throw IntegrationErrors.EVENTS_CURSOR_INVALID();
  return { txid: match[1], seq: match[2] };
}
