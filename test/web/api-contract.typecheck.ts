/**
 * The console's response types (web/src/api/types.ts) against the server's presenters, checked by
 * `npm run lint` (tsc over test/). A presenter that drops or retypes a field the console reads fails
 * here, not in a browser. Direction: what the server sends must fit what the console expects.
 */
import type { AccountView, GrantView } from '../../src/accounts/account.presenter';
import type { TokenPair as ServerTokenPair } from '../../src/auth/auth.service';
import type {
  ReadinessLaoView,
  ReadinessReport as ServerReadinessReport,
  ReadinessTotals as ServerReadinessTotals,
} from '../../src/dashboard/readiness.view';
import type { NotificationView } from '../../src/notifications/notification.presenter';
import type { DocumentView, OrderView } from '../../src/orders/order.presenter';
import type { BulkVerifyResult as ServerBulkVerifyResult } from '../../src/orders/review-queue/bulk-verify.service';
import type { ReviewQueueItem } from '../../src/orders/review-queue/review-queue.service';
import type { DivisionView } from '../../src/registry/divisions/division.presenter';
import type { CsvRowError as ServerCsvRowError } from '../../src/registry/import/csv-row-errors';
import type { LaoView } from '../../src/registry/laos/lao.presenter';
import type { UpsertCounts } from '../../src/registry/laos/upsert-laos';
import type { ProvinceView } from '../../src/registry/provinces/provinces.service';
import type { LaoServiceView } from '../../src/registry/services/lao-service.presenter';
import type { CatalogServiceView } from '../../src/registry/services/service-catalog.controller';
import type { HistoryEntryView } from '../../src/workflow/history.presenter';
import type * as Web from '../../web/src/api/types.js' with { 'resolution-mode': 'import' };

/**
 * The server's type fits the console's, and the server declares every field the console reads (an
 * optional field the presenter stopped sending would otherwise still "fit").
 */
type Fits<Server, Console> = [Server] extends [Console]
  ? [Exclude<keyof Console, keyof Server>] extends [never]
    ? true
    : false
  : false;
const fits = <T extends true>(value: T): T => value;

export const API_CONTRACT = [
  fits<Fits<AccountView, Web.Account>>(true),
  fits<Fits<GrantView, Web.Grant>>(true),
  fits<Fits<CatalogServiceView, Web.CatalogService>>(true),
  fits<Fits<ServerTokenPair, Web.TokenPair>>(true),
  fits<Fits<ProvinceView, Web.Province>>(true),
  fits<Fits<LaoView, Web.Lao>>(true),
  fits<Fits<DivisionView, Web.Division>>(true),
  fits<Fits<LaoServiceView, Web.LaoService>>(true),
  fits<Fits<DocumentView, Web.OrderDocument>>(true),
  fits<Fits<HistoryEntryView, Web.HistoryEntry>>(true),
  fits<Fits<OrderView, Web.Order>>(true),
  fits<Fits<ReviewQueueItem, Web.QueueItem>>(true),
  fits<Fits<ServerBulkVerifyResult, Web.BulkVerifyResult>>(true),
  fits<Fits<ReadinessLaoView, Web.ReadinessLao>>(true),
  fits<Fits<ServerReadinessTotals, Web.ReadinessTotals>>(true),
  fits<Fits<ServerReadinessReport, Web.ReadinessReport>>(true),
  fits<Fits<NotificationView, Web.Notification>>(true),
  fits<Fits<UpsertCounts, Web.ImportCounts>>(true),
  fits<Fits<ServerCsvRowError, Web.CsvRowError>>(true),
] as const;
