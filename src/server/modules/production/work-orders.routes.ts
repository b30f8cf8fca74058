import { z } from 'zod';
import { idParams, page } from '../../../contracts/common.ts';
import {
  boardSchema,
  incomingQuery,
  incomingSchema,
  equipmentChangeSchema,
  routingPutBody,
  routingSchema,
  scheduleResultSchema,
  scheduleViewQuery,
  scheduleViewSchema,
  workCenterCreate,
  workCenterDownBody,
  workCenterPatch,
  workCenterSchema,
  workOrderCreate,
  workOrderDetailSchema,
  workOrderListQuery,
  workOrderProgressBody,
  workOrderSchema,
} from '../../../contracts/production.ts';
import type { App } from '../../platform/http/types.ts';
import type { BoardService } from './board.service.ts';
import type { EquipmentService } from './equipment.service.ts';
import type { ScheduleService } from './schedule.service.ts';
import type { ScheduleViewService } from './schedule-view.service.ts';
import type { WorkCentersService } from './work-centers.service.ts';
import type { WorkOrdersService } from './work-orders.service.ts';

const tags = ['production'];
const read = { config: { permission: 'production:read' as const } };
const write = { config: { permission: 'production:write' as const } };

export function workOrderRoutes(app: App, s: { centers: WorkCentersService; workOrders: WorkOrdersService; schedule: ScheduleService; scheduleView: ScheduleViewService; equipment: EquipmentService; board: BoardService }): void {
  app.get('/api/v1/work-centers', { ...read, schema: { tags, response: { 200: page(workCenterSchema) } } }, () => s.centers.list());
  app.get('/api/v1/work-centers/:id', { ...read, schema: { tags, params: idParams, response: { 200: workCenterSchema } } }, (req) => s.centers.get(req.params.id));
  app.post('/api/v1/work-centers', { ...write, schema: { tags, description: 'Capacity in hours per working day from shiftStart (default 08:00 China time) on the company calendar’s working days; the shift ends by 24:00.', body: workCenterCreate, response: { 201: workCenterSchema } } }, async (req, reply) =>
    reply.code(201).send(await s.centers.create(req.actor!, req.body)),
  );
  app.patch(
    '/api/v1/work-centers/:id',
    { ...write, schema: { tags, description: 'Name and working hours (shiftStart HH:mm + capacityHoursPerDay, ending by 24:00, else 400 on shiftStart). New hours re-plan everything open. version: 409 when the center changed.', params: idParams, body: workCenterPatch, response: { 200: workCenterSchema } } },
    (req) => s.centers.update(req.actor!, req.params.id, req.body),
  );
  app.post(
    '/api/v1/work-centers/:id/down',
    { ...write, schema: { tags, description: 'Sets the center down, re-plans everything open and flags, records and notifies the orders whose planned completion now misses the promise. 409 when already down.', params: idParams, body: workCenterDownBody, response: { 200: equipmentChangeSchema } } },
    (req) => s.equipment.down(req.actor!, req.params.id, req.body),
  );
  app.post('/api/v1/work-centers/:id/up', { ...write, schema: { tags, description: 'Back up: re-plans everything open. 409 when not down.', params: idParams, response: { 200: equipmentChangeSchema } } }, (req) =>
    s.equipment.up(req.actor!, req.params.id),
  );

  app.get('/api/v1/products/:id/routing', { config: { permission: 'products:read' }, schema: { tags, params: idParams, response: { 200: routingSchema } } }, (req) => s.centers.routing(req.params.id));
  app.put(
    '/api/v1/products/:id/routing',
    { ...write, schema: { tags, description: 'Replaces the ordered operations (work center, setup minutes, run minutes per unit). Open work orders keep theirs.', params: idParams, body: routingPutBody, response: { 200: routingSchema } } },
    (req) => s.centers.putRouting(req.actor!, req.params.id, req.body),
  );

  app.get('/api/v1/work-orders', { ...read, schema: { tags, querystring: workOrderListQuery, response: { 200: page(workOrderSchema) } } }, (req) => s.workOrders.list(req.query));
  app.get(
    '/api/v1/production/incoming',
    { config: { permission: 'inventory:read' }, schema: { tags, description: 'What open work orders will still bring per product (?productIds=a,b; up to 200): Σ (qty − received) and the work orders, soonest planned first.', querystring: incomingQuery, response: { 200: incomingSchema } } },
    (req) => s.workOrders.incoming(req.query.productIds.split(',').map((x) => x.trim()).filter(Boolean)),
  );
  app.get('/api/v1/work-orders/:id', { ...read, schema: { tags, params: idParams, response: { 200: workOrderDetailSchema } } }, (req) => s.workOrders.get(req.params.id));
  app.post('/api/v1/work-orders', { ...write, schema: { tags, description: 'A make-to-stock work order; short make-to-order lines get theirs when the order is confirmed.', body: workOrderCreate, response: { 201: workOrderDetailSchema } } }, async (req, reply) =>
    reply.code(201).send(await s.workOrders.create(req.actor!, req.body)),
  );
  app.post(
    '/api/v1/work-orders/:id/release',
    {
      ...write,
      schema: {
        tags,
        description: 'planned → released: reserves the BOM materials (422 MATERIAL_SHORT with the components short, nothing reserved). With `version`, a stale copy answers 409.',
        params: idParams,
        body: z.strictObject({ version: z.number().int().optional() }).optional(),
        response: { 200: workOrderDetailSchema },
      },
    },
    (req) => s.workOrders.release(req.actor!, req.params.id, req.body?.version),
  );
  app.post(
    '/api/v1/work-orders/:id/progress',
    {
      ...write,
      schema: {
        tags,
        description: 'Good and scrap quantity on one operation; more than the operation still has is 422 PROGRESS_EXCEEDS_REMAINING. Good quantity off the last operation is received into stock and reserved for the order.',
        params: idParams,
        body: workOrderProgressBody,
        response: { 200: workOrderDetailSchema },
      },
    },
    (req) => s.workOrders.progress(req.actor!, req.params.id, req.body),
  );
  app.post(
    '/api/v1/work-orders/:id/cancel',
    { ...write, schema: { tags, params: idParams, body: z.strictObject({ reason: z.string().trim().min(1).max(500) }), response: { 200: workOrderDetailSchema } } },
    (req) => s.workOrders.cancel(req.actor!, req.params.id, req.body.reason),
  );

  app.post(
    '/api/v1/schedule/run',
    {
      ...write,
      schema: {
        tags,
        description: 'Finite-capacity forward scheduling of every open work order by order priority, promised date, creation; writes planned start/finish per work order and operation and plannedCompletion/atRisk on the order lines. `from` (default now) is the instant to plan from.',
        body: z.strictObject({ from: z.iso.datetime({ offset: true }).optional() }).optional(),
        response: { 200: scheduleResultSchema },
      },
    },
    (req) => s.schedule.run(req.body?.from),
  );

  app.get(
    '/api/v1/schedule',
    { ...read, schema: { tags, description: 'The last plan per work center for the Gantt: open operations overlapping ?from= (China date, default today) for ?days= (1–62, default 14), order priority, risk, and the bottleneck center. Which order a bar serves only within the caller’s data scope.', querystring: scheduleViewQuery, response: { 200: scheduleViewSchema } } },
    (req) => s.scheduleView.view(req.actor!, req.query),
  );
  app.get('/api/v1/production/board', { config: { permission: 'board:read' }, schema: { tags, description: 'Per work center: state and the open operations in planned order; totals of open, running and late work.', response: { 200: boardSchema } } }, () => s.board.board());
}
