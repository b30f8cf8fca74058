/**
 * Row types of every table: the one source for DB types (CONVENTIONS rule 5).
 * Timestamps are ISO-8601 UTC text, flags are 0/1 integers and documents are JSON text
 * on both dialects, so one migration set and one repository work on SQLite and PostgreSQL.
 */
import type { Generated, Insertable, Selectable } from 'kysely';

export interface UserTable {
  id: string;
  username: string;
  displayName: string;
  passwordHash: string;
  email: string | null;
  mobile: string | null;
  teamId: string | null;
  managerId: string | null;
  active: number;
  locale: string;
  createdAt: string;
  updatedAt: string;
}

export interface RoleTable {
  key: string;
  name: string;
  nameEn: string;
  permissions: string; // JSON string[]
  dataScope: 'own' | 'team' | 'all';
  hiddenFields: string; // JSON string[]
  builtin: number;
  updatedAt: string;
}

export interface UserRoleTable {
  userId: string;
  roleKey: string;
}

export interface TeamTable {
  id: string;
  name: string;
  managerId: string | null;
  createdAt: string;
}

export interface SessionTable {
  id: string; // sha256 of the cookie value
  userId: string;
  csrfToken: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  ip: string | null;
  userAgent: string | null;
}

export interface ApiTokenTable {
  id: string;
  userId: string;
  name: string;
  tokenHash: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
}

export interface LoginThrottleTable {
  key: string;
  failures: number;
  windowStart: string;
  lockedUntil: string | null;
}

export interface IdempotencyKeyTable {
  userId: string;
  key: string;
  requestHash: string;
  state: 'in_flight' | 'done';
  statusCode: number | null;
  responseBody: string | null;
  createdAt: string;
}

export interface EventTable {
  id: string;
  entityType: string;
  entityId: string;
  type: string;
  actorId: string | null;
  at: string;
  stage: string | null;
  data: string; // JSON { before?, after?, ... }
}

export interface OutboxTable {
  id: string;
  channel: string;
  topic: string;
  payload: string;
  dedupeKey: string | null;
  state: 'pending' | 'done' | 'dead';
  attempts: Generated<number>;
  nextAttemptAt: string;
  lockedBy: string | null;
  lockedUntil: string | null;
  lastError: string | null;
  createdAt: string;
  doneAt: string | null;
}

export interface OutboxAttemptTable {
  id: string;
  outboxId: string;
  attempt: number;
  at: string;
  ok: number;
  error: string | null;
  durationMs: number;
}

export interface NotificationTable {
  id: string;
  userId: string;
  outboxId: string | null;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

export interface WebhookTable {
  id: string;
  name: string;
  url: string;
  preset: 'generic' | 'wecom' | 'dingtalk' | 'feishu';
  secret: string | null;
  topics: string; // JSON string[]; ["*"] for all
  active: number;
  createdAt: string;
}

export interface SettingTable {
  key: string;
  value: string; // JSON
}

export interface SequenceTable {
  key: string;
  value: number;
}

export interface CustomerTable {
  id: string;
  code: string;
  name: string;
  /** normalizeCompanyName(name): the duplicate-search key. */
  nameKey: string;
  taxId: string | null;
  invoice: string; // JSON
  tier: 'A' | 'B' | 'C' | 'D';
  tags: string; // JSON string[]
  ownerId: string;
  paymentTermsDays: number;
  creditLimit: number;
  currency: string;
  status: 'active' | 'on_hold';
  /** Province of the default address, denormalized for the list filter. */
  province: string | null;
  customFields: string; // JSON
  version: number;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface CustomerContactTable {
  id: string;
  customerId: string;
  name: string;
  role: string | null;
  /** Mobile as 11 national digits (normalized), indexed for duplicate search. */
  phone: string | null;
  landline: string | null;
  email: string | null;
  wechat: string | null;
  isPrimary: number;
  sort: number;
}

export interface CustomerAddressTable {
  id: string;
  customerId: string;
  label: string | null;
  province: string;
  city: string;
  district: string;
  detail: string;
  recipient: string;
  phone: string;
  isDefault: number;
  sort: number;
}

export interface CommunicationTable {
  id: string;
  customerId: string;
  orderId: string | null;
  requirementId: string | null;
  channel: 'call' | 'visit' | 'email' | 'wechat' | 'meeting' | 'other';
  summary: string;
  occurredAt: string;
  participants: string; // JSON string[]
  followUpAt: string | null;
  attachments: string; // JSON
  createdBy: string;
  createdAt: string;
}

export interface CustomFieldTable {
  id: string;
  entity: 'requirement' | 'customer' | 'order';
  key: string;
  label: string;
  labelEn: string | null;
  type: 'text' | 'number' | 'date' | 'select' | 'multiselect' | 'attachment';
  options: string; // JSON string[]
  required: number;
  help: string | null;
  sort: number;
  active: number;
  createdAt: string;
}

export interface RequirementTable {
  id: string;
  number: string;
  customerId: string;
  ownerId: string;
  status: 'draft' | 'sent' | 'confirmed' | 'changes_requested' | 'converted' | 'cancelled';
  version: number;
  title: string;
  confirmedVersion: number | null;
  lastConfirmation: string | null; // JSON
  createdAt: string;
  updatedAt: string;
}

export interface RequirementVersionTable {
  requirementId: string;
  version: number;
  content: string; // JSON: title, items, dueDate, attachments, customFields, note
  changeReason: string | null;
  createdBy: string | null;
  createdAt: string;
}

export interface CustomerLinkTable {
  id: string;
  tokenHash: string;
  kind: string;
  entityId: string;
  createdBy: string;
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
  lastViewedAt: string | null;
  viewCount: Generated<number>;
}

export interface FileBlobTable {
  id: string;
  name: string;
  mime: string;
  size: number;
  sha256: string;
  content: Buffer;
  createdBy: string;
  createdAt: string;
}

export interface CustomerChangeRequestTable {
  id: string;
  customerId: string;
  patch: string; // JSON: the gated part of the customer patch
  changes: string; // JSON: [{ field, old, new }] as computed when requested
  reason: string | null;
  state: 'pending' | 'approved' | 'rejected';
  requestedBy: string;
  requestedAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  comment: string | null;
}

export interface ProductTable {
  id: string;
  sku: string;
  name: string;
  spec: string | null;
  category: string | null;
  unit: string;
  /** How many decimals a quantity of this product may have (0 for pieces). */
  unitDecimals: number;
  listPrice: number;
  floorPrice: number;
  cost: number;
  /** VAT rate in basis points: 1300 = 13 %. */
  taxRateBp: number;
  makeOrBuy: 'make' | 'buy';
  leadTimeDays: number;
  /** Thousandths of a unit (see contracts/quantity.ts). */
  minQty: number | null;
  maxQty: number | null;
  specOptions: string; // JSON { name: string[] }
  active: number;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface PriceListTable {
  id: string;
  name: string;
  tier: string | null;
  validFrom: string | null;
  validTo: string | null;
  currency: string;
  active: number;
  createdAt: string;
}

export interface PriceListItemTable {
  priceListId: string;
  productId: string;
  unitPrice: number;
}

export interface WarehouseTable {
  id: string;
  code: string;
  name: string;
  isDefault: number;
  active: number;
  createdAt: string;
  /** Added in 0016; optional so existing row builders stay valid. */
  address?: string | null;
}

/** Counters per product × warehouse, in thousandths; CHECK 0 ≤ reserved ≤ on_hand. */
export interface StockTable {
  productId: string;
  warehouseId: string;
  onHand: number;
  reserved: number;
  updatedAt: string;
}

/** The stock ledger: Σ qty per product × warehouse = on_hand. */
export interface StockMovementTable {
  id: string;
  type: 'receipt' | 'issue' | 'adjustment' | 'transfer_out' | 'transfer_in' | 'count';
  productId: string;
  warehouseId: string;
  /** Signed thousandths: receipts positive, issues negative. */
  qty: number;
  reason: string | null;
  refType: string | null;
  refId: string | null;
  actorId: string | null;
  at: string;
}

/** Reservation ledger: Σ active qty per product × warehouse = stock.reserved. */
export interface ReservationTable {
  id: string;
  orderId: string;
  orderLineId: string;
  productId: string;
  warehouseId: string;
  qty: number;
  state: 'active' | 'released' | 'consumed';
  createdAt: string;
  closedAt: string | null;
}

/** A stock count (盘点) of one warehouse (0024). */
export interface StockCountTable {
  id: string;
  number: string;
  warehouseId: string;
  status: 'draft' | 'counting' | 'posted' | 'cancelled';
  note: string | null;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  postedBy: string | null;
  postedAt: string | null;
}

/** One product of a count: snapshot, counted, and what posting found and booked (thousandths). */
export interface StockCountLineTable {
  id: string;
  countId: string;
  productId: string;
  snapshotQty: number;
  countedQty: number | null;
  postedOnHand: number | null;
  postedVariance: number | null;
  movementId: string | null;
}

/** An adjustment above the approval threshold, waiting for an approver (0024). */
export interface AdjustmentRequestTable {
  id: string;
  productId: string;
  warehouseId: string;
  qty: number;
  reason: string;
  status: 'pending' | 'approved' | 'rejected';
  requestedBy: string | null;
  requestedAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionNote: string | null;
  movementId: string | null;
}

export interface SalesOrderTable {
  id: string;
  /** Allocated at submit (drafts have none); unique. */
  number: string | null;
  customerId: string;
  requirementId: string | null;
  customerPo: string | null;
  currency: string;
  promisedDate: string;
  priority: 'low' | 'normal' | 'high' | 'urgent';
  nonStandard: number;
  nonStandardReason: string | null;
  shipTo: string | null; // JSON address
  status: 'draft' | 'submitted' | 'pending_approval' | 'rejected' | 'confirmed' | 'in_fulfilment' | 'partially_shipped' | 'shipped' | 'delivered' | 'completed' | 'on_hold' | 'cancelled';
  ownerId: string;
  createdBy: string;
  submittedBy: string | null;
  net: number;
  tax: number;
  gross: number;
  /** Fingerprint of product × qty × price lines, for the duplicate check. */
  linesHash: string;
  /** The rule facts captured at submit (amount, discount, margin …): approval dry-runs read these. */
  facts: string | null;
  warnings: string; // JSON CheckResult[]
  note: string | null;
  customFields: string;
  version: number;
  submittedAt: string | null;
  confirmedAt: string | null;
  createdAt: string;
  updatedAt: string;
  /** 0016: the order this draft was copied from. */
  copiedFromId?: string | null;
}

/** 0031: running sales (confirmed, not cancelled orders) per UTC month of the order date, customer and owner; kept by triggers. */
export interface SalesMonthTable {
  month: string;
  customerId: string;
  ownerId: string;
  orders: number;
  net: number;
  gross: number;
}

/** 0033: finished stages per China completion month, stage, 10-minute lead bucket (-1: none) and writer slot; kept by triggers. */
export interface StageMonthTable {
  month: string;
  stage: string;
  bucket: number;
  slot: number;
  stages: number;
  late: number;
  lateMinutes: number;
}

/** 0033: finished stages per China completion month, stage, owner ('' for none), delay reason ('' for none) and writer slot; kept by triggers. */
export interface StageOwnerMonthTable {
  month: string;
  stage: string;
  ownerId: string;
  reason: string;
  slot: number;
  stages: number;
  late: number;
  lateMinutes: number;
}

export interface OrderLineTable {
  id: string;
  orderId: string;
  lineNo: number;
  productId: string;
  /** Thousandths. */
  qty: number;
  unitPrice: number;
  listPrice: number;
  discountBp: number;
  taxRateBp: number;
  net: number;
  tax: number;
  spec: string;
  warehouseId: string | null;
  reservedQty: number;
  shortQty: number;
  /** Thousandths dispatched so far (shipments). */
  shippedQty: Generated<number>;
  /** The scheduler's planned completion of the line's work orders (ISO UTC); null when nothing is planned. */
  plannedCompletion: Generated<string | null>;
  /** 1 when the planned completion leaves no time to ship by the promised date. */
  atRisk: Generated<number>;
  note: string | null;
}

export interface CustomerPriceTable {
  customerId: string;
  productId: string;
  unitPrice: number;
  orderId: string;
  at: string;
}

export interface OrderRevisionTable {
  id: string;
  orderId: string;
  revisionNo: number;
  fromVersion: number;
  reason: string;
  changes: string; // JSON: the requested patch
  impact: string; // JSON: revisionImpact
  before: string; // JSON: the order before (header + lines)
  state: 'pending_approval' | 'applied' | 'rejected';
  requestedBy: string;
  createdAt: string;
  appliedAt: string | null;
  /** 0016: asked of the customer through a link: requested → confirmed | declined. */
  customerState?: 'requested' | 'confirmed' | 'declined' | null;
  customerAnswer?: string | null; // JSON: { linkId, requestedAt, requestedBy, at, comment, contactName, ip }
}

export interface ShipmentTable {
  id: string;
  number: string;
  orderId: string;
  customerId: string;
  ownerId: string;
  status: 'draft' | 'dispatched' | 'in_transit' | 'delivered' | 'exception' | 'cancelled';
  shipTo: string | null; // JSON address
  carrier: string | null;
  trackingNumber: string | null;
  eta: string | null;
  note: string | null;
  createdBy: string;
  createdAt: string;
  dispatchedAt: string | null;
  deliveredAt: string | null;
  /** JSON proof of delivery from the customer link: { at, disputed, comment, ip, userAgent, contactName }. */
  receipt: string | null;
  cancelledAt: string | null;
  cancelReason: string | null;
  /** Lane of the ETA estimate: the company's ship-from province and the ship-to province. */
  originProvince: string | null;
  destProvince: string | null;
  /** Where the ETA came from: 'manual' | 'lane' | 'carrier_default'. */
  etaSource: string | null;
  /** The newest tracking event (or the dispatch): what the no-movement scan compares. */
  lastMovementAt: string | null;
  /** When a no-movement exception was raised; cleared by the next tracking event (once per silence). */
  movementAlertedAt: string | null;
}

/** A parcel of a shipment (packing list): weight in grams, sides in millimetres. */
export interface ShipmentPackageTable {
  id: string;
  shipmentId: string;
  no: number;
  weightG: number;
  lengthMm: number | null;
  widthMm: number | null;
  heightMm: number | null;
}

export interface ShipmentPackageLineTable {
  id: string;
  packageId: string;
  shipmentId: string;
  orderLineId: string;
  /** Thousandths. */
  qty: number;
}

/** An admin-edited customer notice text per event key, channel and language. */
export interface NoticeTemplateTable {
  key: string;
  channel: 'email' | 'sms' | 'wecom';
  locale: 'zh-CN' | 'en-US';
  subject: string | null;
  body: string;
  updatedBy: string;
  updatedAt: string;
}

export interface ShipmentLineTable {
  id: string;
  shipmentId: string;
  orderLineId: string;
  productId: string;
  warehouseId: string;
  qty: number;
}

export interface TrackingEventTable {
  id: string;
  shipmentId: string;
  at: string;
  status: string;
  location: string | null;
  description: string | null;
  raw: string | null;
}

export interface ExceptionTable {
  id: string;
  type: 'late_eta' | 'tracking_exception' | 'receipt_disputed' | 'no_movement';
  entityType: string;
  entityId: string;
  orderId: string;
  ownerId: string;
  dueAt: string;
  state: 'open' | 'resolved';
  details: string; // JSON
  notes: string; // JSON [{ at, by, text }]
  resolution: string | null;
  resolvedAt: string | null;
  createdAt: string;
  /** `<type>:<entityId>` while open, null once resolved (a unique key against duplicates). */
  openKey: string | null;
}

export interface OrderStageTable {
  orderId: string;
  stage: 'requirement' | 'review' | 'preparation' | 'shipping' | 'delivery' | 'billing' | 'after_sales';
  ownerId: string | null;
  dueAt: string | null;
  startedAt: string | null;
  completedAt: string | null;
  skipped: number;
  delayReason: string | null;
  /** 0017: the role queue holding the stage when no single person owns it. */
  ownerRole?: string | null;
  /** 0017: when the reminder scan must look at this stage next (null: nothing left to send). */
  nextAlertAt?: string | null;
  /** 0020: delay attribution, frozen when the stage finishes (optional so stage inserts stay valid). */
  delayNote?: string | null;
  /** 'event' (pre-filled from a known event) or 'user' (set by the owner, coordinator or manager). */
  delaySource?: 'event' | 'user' | null;
  delaySetBy?: string | null;
  delaySetAt?: string | null;
  delayMinutes?: number | null;
  leadMinutes?: number | null;
  /** China calendar date of completion: reports filter and group by it. */
  completedDate?: string | null;
  /** The order's customer, frozen at completion (reports group by it without a join). */
  customerId?: string | null;
}

/** 0020: admin-managed delay reasons; `prefill` is JSON PrefillRule[]. */
export interface DelayReasonTable {
  code: string;
  labelZh: string;
  labelEn: string;
  active: number;
  sortOrder: number;
  prefill: string;
  updatedAt: string;
}

export interface ChecklistItemTable {
  id: string;
  stage: OrderStageTable['stage'];
  labelZh: string;
  labelEn: string;
  required: number;
  sortOrder: number;
  active: number;
  updatedAt: string;
}

export interface ChecklistTickTable {
  orderId: string;
  itemId: string;
  tickedBy: string;
  tickedAt: string;
}

export interface DigestSentTable {
  userId: string;
  day: string;
  sentAt: string;
  orderCount: number;
}

/** 0017: one year of the working calendar; `config` is JSON CalendarConfig. */
export interface WorkCalendarTable {
  year: number;
  config: string;
  version: number;
  updatedAt: string;
}

/** 0017: the SLA rule of a stage; owner, due, reminders and escalations are JSON. */
export interface SlaRuleTable {
  id: string;
  stage: string;
  name: string;
  owner: string;
  queueRole: string;
  due: string;
  reminders: string;
  escalations: string;
  active: number;
  version: number;
  updatedAt: string;
}

/** 0017: a reminder or escalation, recorded once per (order, stage, kind, level, due time). */
export interface StageAlertTable {
  id: string;
  orderId: string;
  stage: string;
  kind: 'reminder' | 'escalation';
  level: number;
  dueAt: string;
  fireAt: string;
  createdAt: string;
  state: 'queued' | 'sent' | 'dropped';
  sentAt: string | null;
  recipients: string; // JSON string[]
  note: string | null;
}

export interface ApprovalRuleTable {
  id: string;
  name: string;
  documentType: string;
  condition: string; // JSON Condition
  levels: string; // JSON level[]
  active: number;
  version: number;
  updatedAt: string;
}

export interface ApprovalTable {
  id: string;
  documentType: string;
  documentId: string;
  documentVersion: number;
  level: number;
  ruleId: string | null;
  ruleName: string | null;
  approverRole: string | null;
  approverUserId: string | null;
  requestedBy: string;
  state: 'waiting' | 'pending' | 'approved' | 'rejected' | 'cancelled';
  decidedBy: string | null;
  decidedAt: string | null;
  comment: string | null;
  summary: string; // JSON
  createdAt: string;
}

export interface BomLineTable {
  id: string;
  parentProductId: string;
  componentProductId: string;
  /** Thousandths of the component per one unit of the parent. */
  qtyPer: number;
  /** Scrap allowance in basis points (500 = 5 %), 0–5000. */
  scrapBp: number;
  version: number;
  validFrom: string;
  validTo: string | null;
  sort: number;
  note: string | null;
  createdAt: string;
}

export interface SavedViewTable {
  id: string;
  ownerId: string;
  entity: 'orders';
  name: string;
  query: string; // JSON: the list's filter params
  /** 1: visible to everyone (only the owner or an admin changes it). */
  shared: number;
  createdAt: string;
  updatedAt: string;
}

/** Each user's default view per entity (primary key user + entity). */
export interface SavedViewDefaultTable {
  userId: string;
  entity: string;
  viewId: string;
}

/** A work center: capacity in minutes per working day (see production/capacity.ts). */
export interface WorkCenterTable {
  id: string;
  code: string;
  name: string;
  capacityMinutes: number;
  /** Shift start, minutes after local midnight (0030); the shift lasts capacityMinutes and ends by midnight. */
  shiftStartMinutes: number;
  state: 'up' | 'down';
  downReason: string | null;
  downSince: string | null;
  expectedUpAt: string | null;
  active: number;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface RoutingOperationTable {
  id: string;
  productId: string;
  seq: number;
  name: string;
  workCenterId: string;
  setupMinutes: number;
  /** Thousandths of a minute per unit. */
  runMilliMinutes: number;
}

export interface WorkOrderTable {
  id: string;
  number: string;
  orderId: string | null;
  orderLineId: string | null;
  productId: string;
  warehouseId: string | null;
  /** Thousandths. */
  qty: number;
  receivedQty: number;
  status: 'planned' | 'released' | 'in_progress' | 'done' | 'cancelled';
  priority: 'low' | 'normal' | 'high' | 'urgent';
  dueDate: string | null;
  plannedStart: string | null;
  plannedFinish: string | null;
  atRisk: number;
  bottleneckWorkCenterId: string | null;
  openLineKey: string | null;
  version: number;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  releasedAt: string | null;
  completedAt: string | null;
}

export interface WorkOrderOperationTable {
  id: string;
  workOrderId: string;
  seq: number;
  name: string;
  workCenterId: string;
  setupMinutes: number;
  runMilliMinutes: number;
  goodQty: number;
  scrapQty: number;
  state: 'pending' | 'in_progress' | 'done';
  plannedStart: string | null;
  plannedFinish: string | null;
}

export interface WorkOrderProgressTable {
  id: string;
  workOrderId: string;
  operationId: string;
  goodQty: number;
  scrapQty: number;
  operatorId: string | null;
  note: string | null;
  at: string;
}

export interface Database {
  appUser: UserTable;
  role: RoleTable;
  userRole: UserRoleTable;
  team: TeamTable;
  session: SessionTable;
  apiToken: ApiTokenTable;
  loginThrottle: LoginThrottleTable;
  idempotencyKey: IdempotencyKeyTable;
  event: EventTable;
  outbox: OutboxTable;
  outboxAttempt: OutboxAttemptTable;
  notification: NotificationTable;
  webhook: WebhookTable;
  setting: SettingTable;
  sequence: SequenceTable;
  customer: CustomerTable;
  customerContact: CustomerContactTable;
  customerAddress: CustomerAddressTable;
  communication: CommunicationTable;
  customField: CustomFieldTable;
  requirement: RequirementTable;
  requirementVersion: RequirementVersionTable;
  customerLink: CustomerLinkTable;
  fileBlob: FileBlobTable;
  customerChangeRequest: CustomerChangeRequestTable;
  product: ProductTable;
  priceList: PriceListTable;
  priceListItem: PriceListItemTable;
  warehouse: WarehouseTable;
  stock: StockTable;
  stockMovement: StockMovementTable;
  reservation: ReservationTable;
  stockCount: StockCountTable;
  stockCountLine: StockCountLineTable;
  adjustmentRequest: AdjustmentRequestTable;
  salesOrder: SalesOrderTable;
  salesMonth: SalesMonthTable;
  stageMonth: StageMonthTable;
  stageOwnerMonth: StageOwnerMonthTable;
  orderLine: OrderLineTable;
  customerPrice: CustomerPriceTable;
  orderRevision: OrderRevisionTable;
  shipment: ShipmentTable;
  shipmentLine: ShipmentLineTable;
  trackingEvent: TrackingEventTable;
  shipmentPackage: ShipmentPackageTable;
  shipmentPackageLine: ShipmentPackageLineTable;
  noticeTemplate: NoticeTemplateTable;
  exception: ExceptionTable;
  orderStage: OrderStageTable;
  workCalendar: WorkCalendarTable;
  slaRule: SlaRuleTable;
  stageAlert: StageAlertTable;
  delayReason: DelayReasonTable;
  checklistItem: ChecklistItemTable;
  checklistTick: ChecklistTickTable;
  digestSent: DigestSentTable;
  approvalRule: ApprovalRuleTable;
  approval: ApprovalTable;
  bomLine: BomLineTable;
  workCenter: WorkCenterTable;
  routingOperation: RoutingOperationTable;
  workOrder: WorkOrderTable;
  workOrderOperation: WorkOrderOperationTable;
  workOrderProgress: WorkOrderProgressTable;
  savedView: SavedViewTable;
  savedViewDefault: SavedViewDefaultTable;
}

export type UserRow = Selectable<UserTable>;
export type NewOutbox = Insertable<OutboxTable>;
