import { z } from 'zod';
import { approvalDecisionBody, approvalRejectBody, approvalRuleCreateBody, approvalRulePatchBody, approvalRuleSchema, approvalSchema, approvalStates } from '../../../contracts/approvals.ts';
import { idParams } from '../../../contracts/common.ts';
import type { App } from '../../platform/http/types.ts';
import type { ApprovalsService } from './approvals.service.ts';
import type { RulesService } from './rules.service.ts';

const tags = ['approvals'];

export function approvalRoutes(app: App, approvals: ApprovalsService, rules: RulesService): void {
  app.get('/api/v1/approvals', { schema: { tags, querystring: z.object({ state: z.enum(approvalStates).default('pending') }), response: { 200: z.object({ items: z.array(approvalSchema) }) } } }, async (req) => ({
    items: await approvals.inbox(req.actor!, req.query.state),
  }));
  app.post('/api/v1/approvals/:id/approve', { schema: { tags, params: idParams, body: approvalDecisionBody.optional(), response: { 200: approvalSchema } } }, (req) =>
    approvals.decide(req.actor!, req.params.id, { approve: true, comment: req.body?.comment ?? null }),
  );
  app.post('/api/v1/approvals/:id/reject', { schema: { tags, params: idParams, body: approvalRejectBody, response: { 200: approvalSchema } } }, (req) =>
    approvals.decide(req.actor!, req.params.id, { approve: false, comment: req.body.comment, returnForEdit: req.body.returnForEdit }),
  );

  const admin = { config: { permission: 'admin:settings' as const } };
  app.get('/api/v1/admin/approval-rules', { ...admin, schema: { tags, response: { 200: z.object({ items: z.array(approvalRuleSchema) }) } } }, async () => ({ items: await rules.list() }));
  app.post('/api/v1/admin/approval-rules', { ...admin, schema: { tags, body: approvalRuleCreateBody, response: { 201: approvalRuleSchema } } }, async (req, reply) => reply.code(201).send(await rules.create(req.actor!, req.body)));
  app.patch('/api/v1/admin/approval-rules/:id', { ...admin, schema: { tags, params: idParams, body: approvalRulePatchBody, response: { 200: approvalRuleSchema } } }, (req) => rules.update(req.actor!, req.params.id, req.body));
}
