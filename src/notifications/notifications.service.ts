import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import type { FilterQuery } from '@mikro-orm/core';
import { assertCan } from '../access/assert-can';
import type { Caller } from '../access/request-context';
import { decodeTimeIdCursor, encodeTimeIdCursor, pageSize } from '../common/pagination/keyset-cursor';
import { Notification } from './entities/notification.entity';
import { presentNotification, type NotificationView } from './notification.presenter';
import { NotificationsErrors } from './notifications-errors';

export interface NotificationQuery {
  unread?: boolean;
  limit?: number;
  cursor?: string;
}

/** The caller's own in-app notifications, newest first. */
@Injectable()
export class NotificationsService {
  constructor(private readonly em: EntityManager) {}

  async list(
    caller: Caller,
    query: NotificationQuery,
  ): Promise<{ items: NotificationView[]; nextCursor: string | null }> {
    const limit = pageSize(query.limit);
    const where: FilterQuery<Notification>[] = [{ account: caller.principal.accountId }];
    if (query.unread) where.push({ readAt: null });
    if (query.cursor) {
      const { date: at, id } = decodeTimeIdCursor(query.cursor);
      where.push({ $or: [{ createdAt: { $lt: at } }, { createdAt: at, id: { $lt: id } }] });
    }
    const rows = await this.em
      .fork()
      .find(Notification, { $and: where }, { orderBy: { createdAt: 'desc', id: 'desc' }, limit: limit + 1 });
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map(presentNotification),
      nextCursor: rows.length > limit && last ? encodeTimeIdCursor(last.createdAt, last.id) : null,
    };
  }

  async markRead(caller: Caller, id: string): Promise<NotificationView> {
    return this.em.fork().transactional(async (em) => {
      const notification = await em.findOne(Notification, id);
      if (!notification) throw NotificationsErrors.NOTIFICATION_NOT_FOUND();
      // Someone else's notification is not found, never forbidden.
      assertCan(caller.ability, 'update', notification, () => NotificationsErrors.NOTIFICATION_NOT_FOUND());
      notification.readAt ??= new Date();
      return presentNotification(notification);
    });
  }
}
