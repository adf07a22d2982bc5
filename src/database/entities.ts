/**
 * Every entity of the service, listed once so the API, the workers, the CLI and the tests
 * discover the same metadata (no glob discovery: it behaves differently under Jest and in dist/).
 */
import { AccountGrant } from '../accounts/entities/account-grant.entity';
import { Account } from '../accounts/entities/account.entity';
import { AuditEntry } from '../audit/entities/audit-entry.entity';
import { LoginThrottle } from '../auth/entities/login-throttle.entity';
import { RefreshToken } from '../auth/entities/refresh-token.entity';
import { SetPasswordToken } from '../auth/entities/set-password-token.entity';
import { IdempotencyRecord } from '../common/entities/idempotency-record.entity';
import { IntegrationClient } from '../integration/entities/integration-client.entity';
import { OrderDocument } from '../documents/entities/order-document.entity';
import { MailMessage } from '../notifications/entities/mail-message.entity';
import { Notification } from '../notifications/entities/notification.entity';
import { NotificationEvent } from '../notifications/entities/notification-event.entity';
import { AppointmentOrder } from '../orders/entities/appointment-order.entity';
import { ChangeEvent } from '../outbox/change-event.entity';
import { OutboxMessage } from '../outbox/outbox-message.entity';
import { CitizenService } from '../registry/entities/citizen-service.entity';
import { Division } from '../registry/entities/division.entity';
import { LaoService } from '../registry/entities/lao-service.entity';
import { Lao } from '../registry/entities/lao.entity';
import { Province } from '../registry/entities/province.entity';
import { WorkflowHistory } from '../workflow/entities/workflow-history.entity';

export const ENTITIES = [
  Province,
  Lao,
  Division,
  CitizenService,
  LaoService,
  Account,
  AccountGrant,
  RefreshToken,
  SetPasswordToken,
  LoginThrottle,
  AppointmentOrder,
  OrderDocument,
  WorkflowHistory,
  AuditEntry,
  Notification,
  NotificationEvent,
  MailMessage,
  IdempotencyRecord,
  OutboxMessage,
  IntegrationClient,
  ChangeEvent,
];
