import { idParams, page } from '../../../contracts/common.ts';
import { adjustmentDecisionBody, adjustmentRejectBody, adjustmentRequestCount, adjustmentRequestListQuery, adjustmentRequestSchema } from '../../../contracts/inventory.ts';
import type { App } from '../../platform/http/types.ts';
import type { AdjustmentRequestsService } from './adjustment-requests.service.ts';

const tags = ['inventory'];
const read = { config: { permission: 'inventory:read' as const } };
const approve = { config: { permission: 'inventory:approve' as const } };

export function adjustmentRequestRoutes(app: App, requests: AdjustmentRequestsService): void {
  app.get('/api/v1/stock/adjustment-requests', { ...read, schema: { tags, description: 'Adjustments above the approval threshold, newest first. mine=to_decide: pending ones the caller may decide; mine=decided: the ones they decided.', querystring: adjustmentRequestListQuery, response: { 200: page(adjustmentRequestSchema) } } }, (req) =>
    requests.list(req.actor!, req.query),
  );
  app.get(
    '/api/v1/stock/adjustment-requests/count',
    { ...read, schema: { tags, description: 'Pending requests the caller may decide (inventory:approve, not their own): what the 审批 badge adds.', response: { 200: adjustmentRequestCount } } },
    (req) => requests.toDecideCount(req.actor!),
  );
  app.post(
    '/api/v1/stock/adjustment-requests/:id/approve',
    { ...approve, schema: { tags, description: 'Books the adjustment against the stock as it is now. Not by the requester (403 ADJUSTMENT_SELF_APPROVAL); decided already: 409; below reserved now: 422 and it stays pending.', params: idParams, body: adjustmentDecisionBody, response: { 200: adjustmentRequestSchema } } },
    (req) => requests.approve(req.actor!, req.params.id, req.body.note ?? null),
  );
  app.post(
    '/api/v1/stock/adjustment-requests/:id/reject',
    { ...approve, schema: { tags, description: 'Nothing is booked; the note (required) says why.', params: idParams, body: adjustmentRejectBody, response: { 200: adjustmentRequestSchema } } },
    (req) => requests.reject(req.actor!, req.params.id, req.body.note),
  );
}
