/** Response shapes of the API (see the presenters under src/ and docs/API.md). */
export type Role = 'dla_admin' | 'dla_helpdesk' | 'province_officer' | 'lao_admin' | 'lao_user';
export type AccountStatus = 'invited' | 'active' | 'disabled';
export type GrantState = 'draft' | 'uploaded' | 'verified' | 'active' | 'revoked' | 'superseded';
export type OrderState = 'draft' | 'uploaded' | 'returned' | 'verified' | 'active' | 'revoked';
export type DocumentState = 'received' | 'processing' | 'valid' | 'needs_manual_check' | 'rejected';
export type ServiceAction = 'view' | 'process';
export type InvitationState = 'pending' | 'expired' | 'used' | 'failed' | 'none';

/** Where an account's latest invitation link stands (sent, expiring, used, bounced). */
export interface Invitation {
  state: InvitationState;
  sentAt: string | null;
  expiresAt: string | null;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  mustChangePassword: boolean;
  expiresIn?: number;
}

export interface ServicePermission {
  serviceKey: string;
  actions: ServiceAction[];
}

/** An entry of the national citizen-services catalog (GET /api/services). */
export interface CatalogService {
  key: string;
  nameTh: string;
  nameEn: string;
}

export interface Grant {
  id: string;
  accountId: string;
  laoCode: string;
  role: 'lao_admin' | 'lao_user';
  state: GrantState;
  version: number;
  services: ServicePermission[];
  orderId: string | null;
  activatedAt: string | null;
  createdAt: string;
}

export interface Account {
  id: string;
  username: string;
  title: string;
  firstName: string;
  lastName: string;
  position: string;
  email: string;
  role: Role;
  status: AccountStatus;
  laoCode: string | null;
  provinceCode: string | null;
  division: { id: string; name: string } | null;
  mustChangePassword: boolean;
  lastSignInAt: string | null;
  /** On lists and the account page; absent from create answers. */
  invitation?: Invitation;
  grant?: Grant | null;
  /** A permission change waiting for its appointment order, beside the active `grant`. */
  pendingGrant?: Grant | null;
  createdAt: string;
}

export interface Me extends Account {
  grantState: GrantState | null;
  rules: unknown[];
}

export interface Province {
  code: string;
  nameTh: string;
  nameEn: string;
  region: string;
  phase1Target: boolean;
  laoCount: number;
}

export interface Lao {
  code: string;
  nameTh: string;
  type: string;
  typeLabel: string;
  districtTh: string;
  provinceCode: string;
  province: { code: string; nameTh: string | null };
  address: string | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  phase1Target: boolean;
  detailsComplete: boolean;
  updatedAt: string;
}

export interface Division {
  id: string;
  nameTh: string;
  nameEn: string | null;
  sortOrder: number;
  active: boolean;
}

export interface LaoService {
  serviceKey: string;
  nameTh: string;
  nameEn: string;
  divisionHint: string | null;
  enabled: boolean;
  open: boolean;
  fee: number | null;
  division: { id: string; nameTh: string; active: boolean } | null;
  slaDays: number;
  note: string | null;
  updatedAt: string;
}

export interface Finding {
  code: string;
  severity: 'info' | 'warn' | 'error';
  expected?: string;
  found?: string;
}

export interface OrderDocument {
  id: string;
  state: DocumentState;
  sha256: string;
  size: number;
  pages: number | null;
  filename: string;
  ocr: boolean;
  findings: Finding[];
  rejection?: { code: string; message: string };
  createdAt: string;
  processedAt: string | null;
}

export interface HistoryEntry {
  from: string;
  to: string;
  event: string;
  actor: { id: string | null; username: string };
  reason: string | null;
  documentSha256?: string | null;
  at: string;
}

export interface OrderGrant extends Grant {
  appointee: { username: string; title: string; firstName: string; lastName: string; position: string };
}

export interface Order {
  id: string;
  laoCode: string;
  laoName: string | null;
  provinceCode: string;
  orderNo: number;
  orderYear: number;
  orderLabel: string;
  subject: string;
  signedDate: string;
  effectiveDate: string;
  state: OrderState;
  version: number;
  submittedAt: string | null;
  grants?: OrderGrant[];
  document?: OrderDocument | null;
  latestUpload?: OrderDocument | null;
  history?: HistoryEntry[];
  createdAt: string;
  updatedAt: string;
}

export interface QueueItem {
  id: string;
  laoCode: string;
  laoName: string;
  provinceCode: string;
  orderNo: number;
  orderYear: number;
  orderLabel: string;
  subject: string;
  signedDate: string;
  effectiveDate: string;
  version: number;
  submittedAt: string;
  overdue: boolean;
  document: {
    id: string;
    state: string;
    sha256: string;
    pages: number | null;
    ocr: boolean;
    findings: Finding[];
  } | null;
}

export interface BulkVerifyResult {
  id: string;
  ok: boolean;
  version?: number;
  code?: string;
  message?: string;
}

export type ReadinessStage =
  'no_admin' | 'admin_invited' | 'admin_active' | 'staff_granted' | 'orders_verified' | 'services_open';

export interface ReadinessLao {
  code: string;
  nameTh: string;
  type: string;
  typeLabel: string;
  province: { code: string; nameTh: string };
  phase1Target: boolean;
  stage: ReadinessStage;
  stageLabel: string;
  adminAccount: {
    exists: boolean;
    username: string | null;
    status: AccountStatus | null;
    /** Whether the admin ever signed in. */
    lastSignInAt: string | null;
  };
  adminGrantState: GrantState | null;
  staffGrants: Record<GrantState, number>;
  orders: Record<OrderState, number>;
  servicesOpen: number;
  detailsComplete: boolean;
}

export interface ReadinessTotals {
  laos: number;
  phase1Target: number;
  detailsComplete: number;
  servicesOpen: number;
  stages: Record<ReadinessStage, number>;
  phase1Stages: Record<ReadinessStage, number>;
}

export interface ReadinessReport {
  items: ReadinessLao[];
  nextCursor: string | null;
  provinces: (ReadinessTotals & { province: { code: string; nameTh: string } })[];
  totals: ReadinessTotals;
}

export interface Notification {
  id: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  readAt: string | null;
  createdAt: string;
}

export interface ImportCounts {
  created: number;
  updated: number;
  unchanged: number;
  total: number;
}

export interface CsvRowError {
  line: number;
  field: string | null;
  code: string;
  message: string;
  messageEn?: string;
  value?: string;
}

/** GET /api/help-contacts: DLA's helpdesk (empty strings when not configured). */
export interface HelpContacts {
  phone: string;
  line: string;
  manualUrl: string;
}
