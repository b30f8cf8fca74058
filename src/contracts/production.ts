/**
 * Production: multi-level BOMs, their explosion and the material check of an order.
 * Quantities are JSON numbers with ≤ 3 decimals (API.md); the server stores thousandths.
 * Scrap is a percentage with ≤ 2 decimals (stored as basis points).
 */
import { z } from 'zod';
import { idSchema, listQuery } from './common.ts';
import { priorities } from './orders.ts';
import { fitsDecimals } from './quantity.ts';

const reason = (r: string) => ({ message: r, params: { reason: r } });

export const MAX_SCRAP_PCT = 50;

export const bomLineInput = z.strictObject({
  componentId: idSchema,
  qtyPer: z
    .number()
    .max(1e6)
    .refine((v) => v > 0, reason('must_be_positive'))
    .refine((v) => fitsDecimals(v, 3), reason('max_3_decimals')),
  scrapPct: z
    .number()
    .min(0)
    .max(MAX_SCRAP_PCT)
    .refine((v) => fitsDecimals(v, 2), reason('invalid_number'))
    .default(0),
  note: z.string().trim().max(500).nullable().optional(),
});
export type BomLineInput = z.infer<typeof bomLineInput>;

export const bomPutBody = z.strictObject({
  lines: z.array(bomLineInput).max(500),
  /**
   * false (default): replace the lines of the current version in place.
   * true: close the current version the day before `validFrom` and start the next one.
   */
  newVersion: z.boolean().default(false),
  /** When the (new) version takes effect; defaults to today. */
  validFrom: z.iso.date().optional(),
  /** The version the client edited; a different current version answers 409. */
  version: z.number().int().min(0).optional(),
});
export type BomPut = z.infer<typeof bomPutBody>;

export const bomLineSchema = z.object({
  componentId: z.string(),
  sku: z.string(),
  name: z.string(),
  unit: z.string(),
  makeOrBuy: z.enum(['make', 'buy']),
  qtyPer: z.number(),
  scrapPct: z.number(),
  note: z.string().nullable(),
  sort: z.number(),
});

export const bomSchema = z.object({
  productId: z.string(),
  /** 0 when the product has no BOM yet. */
  version: z.number(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  lines: z.array(bomLineSchema),
});
export type Bom = z.infer<typeof bomSchema>;

export const explosionQuery = z.strictObject({
  qty: z.coerce
    .number()
    .max(1e9)
    .refine((v) => v > 0, reason('must_be_positive'))
    .refine((v) => fitsDecimals(v, 3), reason('max_3_decimals'))
    .default(1),
});

export const requirementSchema = z.object({
  productId: z.string(),
  sku: z.string(),
  name: z.string(),
  unit: z.string(),
  /** Deepest level the product appears on (1 = direct component): its low-level code. */
  level: z.number(),
  levels: z.array(z.number()),
  /** Gross requirement including scrap, rounded up to the product's unit decimals. */
  required: z.number(),
  /** True for sub-assemblies: exploded further, not checked against stock themselves. */
  hasBom: z.boolean(),
});

export const explosionSchema = z.object({ productId: z.string(), qty: z.number(), requirements: z.array(requirementSchema) });

export const materialComponentSchema = requirementSchema.extend({
  available: z.number(),
  short: z.number(),
  /** Still to come from open work orders of this product (planned, released, in progress). */
  incoming: z.number(),
});

export const materialCheckSchema = z.object({
  orderId: z.string(),
  ok: z.boolean(),
  lines: z.array(
    z.object({
      orderLineId: z.string(),
      lineNo: z.number(),
      productId: z.string(),
      sku: z.string(),
      /** What is still to be made: line qty minus what finished stock already covers (reserved). */
      qtyToMake: z.number(),
      hasBom: z.boolean(),
      ok: z.boolean(),
      components: z.array(materialComponentSchema),
    }),
  ),
});
export type MaterialCheck = z.infer<typeof materialCheckSchema>;

// ---------------------------------------------------------------------------------------
// Work centers, routings, work orders, scheduling (status lists written once: DB checks,
// zod enums and the web's status tags all read these).

export const workCenterStates = ['up', 'down'] as const;
export const workOrderStatuses = ['planned', 'released', 'in_progress', 'done', 'cancelled'] as const;
export type WorkOrderStatus = (typeof workOrderStatuses)[number];
export const openWorkOrderStatuses = ['planned', 'released', 'in_progress'] as const satisfies readonly WorkOrderStatus[];
export const operationStates = ['pending', 'in_progress', 'done'] as const;

const qtyInput = z
  .number()
  .max(1e9)
  .refine((v) => v > 0, reason('must_be_positive'))
  .refine((v) => fitsDecimals(v, 3), reason('max_3_decimals'));
const nonNegativeQty = z
  .number()
  .min(0)
  .max(1e9)
  .refine((v) => fitsDecimals(v, 3), reason('max_3_decimals'));

const hoursPerDay = z
  .number()
  .min(0)
  .max(24)
  .refine((v) => fitsDecimals(v * 60, 0), reason('whole_minutes'));
/** A wall-clock time, China local: HH:mm. */
const shiftTime = z.string().refine((v) => /^([01]\d|2[0-3]):[0-5]\d$/.test(v), reason('invalid_time'));
export const shiftMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
export const shiftTimeOf = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/**
 * A work center works `capacityHoursPerDay` from `shiftStart` on each working day of the
 * company calendar (设置 → 工作日历: weekends, holidays off, make-up days on). The shift ends
 * by midnight: start + hours ≤ 24:00 (else 400 naming shiftStart).
 */
export const workCenterCreate = z.strictObject({
  code: z.string().trim().min(1).max(32),
  name: z.string().trim().min(1).max(100),
  capacityHoursPerDay: hoursPerDay.default(8),
  shiftStart: shiftTime.default('08:00'),
});
export type WorkCenterCreate = z.infer<typeof workCenterCreate>;

/** Edit name and working hours; `version` (optional) refuses an edit of a changed center with 409. */
export const workCenterPatch = z.strictObject({
  name: z.string().trim().min(1).max(100).optional(),
  capacityHoursPerDay: hoursPerDay.optional(),
  shiftStart: shiftTime.optional(),
  version: z.number().int().min(1).optional(),
});
export type WorkCenterPatch = z.infer<typeof workCenterPatch>;

export const workCenterDownBody = z.strictObject({
  reason: z.string().trim().min(1).max(500),
  /** When the center is expected back; null = unknown (nothing is planned on it until it is up). */
  expectedUpAt: z.iso.datetime({ offset: true }).nullable().optional(),
});
export type WorkCenterDown = z.infer<typeof workCenterDownBody>;

export const workCenterSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  capacityHoursPerDay: z.number(),
  /** HH:mm, China local; the shift ends at shiftEnd (start + hours, 24:00 at most). */
  shiftStart: z.string(),
  shiftEnd: z.string(),
  state: z.enum(workCenterStates),
  downReason: z.string().nullable(),
  downSince: z.string().nullable(),
  expectedUpAt: z.string().nullable(),
  active: z.boolean(),
  version: z.number(),
});
export type WorkCenter = z.infer<typeof workCenterSchema>;

export const routingOperationInput = z.strictObject({
  name: z.string().trim().min(1).max(100),
  workCenterId: idSchema,
  setupMinutes: z.number().int().min(0).max(100_000).default(0),
  runMinutesPerUnit: z
    .number()
    .min(0)
    .max(100_000)
    .refine((v) => fitsDecimals(v, 3), reason('max_3_decimals')),
});
export const routingPutBody = z.strictObject({ operations: z.array(routingOperationInput).max(50) });
export type RoutingPut = z.infer<typeof routingPutBody>;

export const routingSchema = z.object({
  productId: z.string(),
  operations: z.array(
    z.object({
      id: z.string(),
      seq: z.number(),
      name: z.string(),
      workCenterId: z.string(),
      workCenterCode: z.string(),
      setupMinutes: z.number(),
      runMinutesPerUnit: z.number(),
    }),
  ),
});
export type Routing = z.infer<typeof routingSchema>;

export const workOrderCreate = z.strictObject({
  productId: idSchema,
  qty: qtyInput,
  priority: z.enum(priorities).default('normal'),
  /** The date the goods are wanted by (make to stock: optional). */
  dueDate: z.iso.date().nullable().optional(),
  warehouseId: idSchema.nullable().optional(),
});
export type WorkOrderCreate = z.infer<typeof workOrderCreate>;

export const workOrderProgressBody = z
  .strictObject({
    operationId: idSchema,
    goodQty: nonNegativeQty,
    scrapQty: nonNegativeQty.default(0),
    note: z.string().trim().max(500).nullable().optional(),
  })
  .refine((b) => b.goodQty + b.scrapQty > 0, { path: ['goodQty'], message: 'must_be_positive', params: { reason: 'must_be_positive' } });
export type WorkOrderProgress = z.infer<typeof workOrderProgressBody>;

export const workOrderListQuery = listQuery.extend({
  status: z.enum(workOrderStatuses).optional(),
  orderId: idSchema.optional(),
  productId: idSchema.optional(),
  workCenterId: idSchema.optional(),
  atRisk: z.enum(['true', 'false']).optional(),
});

export const workOrderOperationSchema = z.object({
  id: z.string(),
  seq: z.number(),
  name: z.string(),
  workCenterId: z.string(),
  workCenterCode: z.string(),
  setupMinutes: z.number(),
  runMinutesPerUnit: z.number(),
  goodQty: z.number(),
  scrapQty: z.number(),
  /** What this operation may still report: the work order qty (first) or the previous operation's good qty, minus what it reported. */
  remainingQty: z.number(),
  state: z.enum(operationStates),
  plannedStart: z.string().nullable(),
  plannedFinish: z.string().nullable(),
});

export const workOrderSchema = z.object({
  id: z.string(),
  number: z.string(),
  orderId: z.string().nullable(),
  orderNumber: z.string().nullable(),
  orderLineId: z.string().nullable(),
  productId: z.string(),
  sku: z.string(),
  productName: z.string(),
  qty: z.number(),
  receivedQty: z.number(),
  status: z.enum(workOrderStatuses),
  priority: z.enum(priorities),
  dueDate: z.string().nullable(),
  plannedStart: z.string().nullable(),
  plannedFinish: z.string().nullable(),
  atRisk: z.boolean(),
  bottleneckWorkCenterId: z.string().nullable(),
  progressPct: z.number(),
  version: z.number(),
  createdAt: z.string(),
  releasedAt: z.string().nullable(),
  completedAt: z.string().nullable(),
});
export type WorkOrder = z.infer<typeof workOrderSchema>;

export const workOrderDetailSchema = workOrderSchema.extend({
  operations: z.array(workOrderOperationSchema),
  progress: z.array(z.object({ id: z.string(), operationId: z.string(), goodQty: z.number(), scrapQty: z.number(), operatorId: z.string().nullable(), note: z.string().nullable(), at: z.string() })),
});
export type WorkOrderDetail = z.infer<typeof workOrderDetailSchema>;

export const scheduleResultSchema = z.object({
  runAt: z.string(),
  scheduled: z.number(),
  unscheduled: z.number(),
  atRiskOrders: z.array(z.object({ orderId: z.string(), number: z.string().nullable(), promisedDate: z.string(), plannedCompletion: z.string().nullable(), bottleneckWorkCenterId: z.string().nullable() })),
  durationMs: z.number(),
});
export type ScheduleResult = z.infer<typeof scheduleResultSchema>;

export const affectedOrderSchema = z.object({
  orderId: z.string(),
  number: z.string().nullable(),
  ownerId: z.string(),
  promisedDate: z.string(),
  plannedCompletionBefore: z.string().nullable(),
  plannedCompletion: z.string().nullable(),
  atRisk: z.boolean(),
});

export const equipmentChangeSchema = z.object({
  workCenter: workCenterSchema,
  affectedWorkOrders: z.array(z.object({ id: z.string(), number: z.string(), orderId: z.string().nullable(), plannedFinishBefore: z.string().nullable(), plannedFinish: z.string().nullable() })),
  /** Orders whose planned completion now falls after the promise (flagged at risk, owners told). */
  affectedOrders: z.array(affectedOrderSchema),
  schedule: scheduleResultSchema,
});
export type EquipmentChange = z.infer<typeof equipmentChangeSchema>;

/** The production board (生产大屏): per work center what runs now and next, and the late work. */
export const boardSchema = z.object({
  at: z.string(),
  centers: z.array(
    z.object({
      id: z.string(),
      code: z.string(),
      name: z.string(),
      state: z.enum(workCenterStates),
      downReason: z.string().nullable(),
      expectedUpAt: z.string().nullable(),
      /** Good quantity reported on the center today (China day). */
      outputToday: z.number(),
      /** What the current plan still puts on the center today: today's target is outputToday + remainingToday. */
      remainingToday: z.number(),
      /** Open operations on the center in planned order: the first may be running now. */
      queue: z.array(
        z.object({
          workOrderId: z.string(),
          number: z.string(),
          sku: z.string(),
          operation: z.string(),
          qty: z.number(),
          plannedStart: z.string().nullable(),
          plannedFinish: z.string().nullable(),
          atRisk: z.boolean(),
          status: z.enum(workOrderStatuses),
          progressPct: z.number(),
        }),
      ),
    }),
  ),
  totals: z.object({ open: z.number(), inProgress: z.number(), atRisk: z.number(), centersDown: z.number() }),
  /** Orders with open work at risk, soonest promise first (the first few; count is all of them). */
  ordersAtRisk: z.object({
    count: z.number(),
    items: z.array(z.object({ orderId: z.string(), number: z.string().nullable(), priority: z.enum(priorities), promisedDate: z.string(), plannedCompletion: z.string().nullable(), bottleneck: z.string().nullable() })),
  }),
  /** Orders delivered in the last `days` days and how many on or before the promised date. */
  onTime: z.object({ days: z.number(), delivered: z.number(), onTime: z.number(), rate: z.number().nullable() }),
});
export type Board = z.infer<typeof boardSchema>;

export const incomingQuery = z.strictObject({ productIds: z.string().min(1).max(5000) });
/** What open work orders will still bring per product (stock pages show it next to available). */
export const incomingSchema = z.object({
  items: z.array(
    z.object({
      productId: z.string(),
      incoming: z.number(),
      workOrders: z.array(z.object({ id: z.string(), number: z.string(), status: z.enum(workOrderStatuses), qty: z.number(), receivedQty: z.number(), plannedFinish: z.string().nullable() })),
    }),
  ),
});

/** GET /schedule: the Gantt window — from a China date, so many days. */
export const scheduleViewQuery = z.strictObject({
  from: z.iso.date().optional(),
  days: z.coerce.number().int().min(1).max(62).default(14),
});

/** The plan per work center for the Gantt: each open operation's planned bars in the window, the bottleneck named. */
export const scheduleViewSchema = z.object({
  from: z.string(),
  to: z.string(),
  centers: z.array(
    z.object({
      id: z.string(),
      code: z.string(),
      name: z.string(),
      state: z.enum(workCenterStates),
      shiftStart: z.string(),
      shiftEnd: z.string(),
      /** Open work orders at risk that name this center as what holds them up. */
      bottleneckOf: z.number(),
      /** Open operations on the center that the plan could not place. */
      unplanned: z.number(),
      operations: z.array(
        z.object({
          operationId: z.string(),
          workOrderId: z.string(),
          number: z.string(),
          sku: z.string(),
          name: z.string(),
          qty: z.number(),
          plannedStart: z.string(),
          plannedFinish: z.string(),
          priority: z.enum(priorities),
          atRisk: z.boolean(),
          orderNumber: z.string().nullable(),
          promisedDate: z.string().nullable(),
        }),
      ),
    }),
  ),
  /** The center most at-risk work orders wait on (none when nothing is at risk). */
  bottleneck: z.object({ id: z.string(), code: z.string(), name: z.string(), atRisk: z.number() }).nullable(),
  /**
   * Each day of the window on the company calendar, as the scheduler sees it: `working`
   * false on weekends and holidays (holiday names it), true on make-up days (workday names it).
   */
  days: z.array(z.object({ date: z.string(), working: z.boolean(), holiday: z.string().nullable(), workday: z.string().nullable() })),
});
export type ScheduleView = z.infer<typeof scheduleViewSchema>;
