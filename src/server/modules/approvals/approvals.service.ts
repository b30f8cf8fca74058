import type { Approval } from '../../../contracts/approvals.ts';
import type { Db, Tx } from '../../platform/db/database.ts';
import { json } from '../../platform/db/dialect.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { appendEvent } from '../../platform/events.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { AppError, notFound } from '../../platform/http/errors.ts';
import { newId, nowIso } from '../../platform/ids.ts';
import { notify } from '../notifications/index.ts';
import { buildChain, type Rule } from './chain.ts';

type Q = Db | Tx;

export type Outcome = 'approved' | 'rejected' | 'returned' | 'pending';

/** How the approvals engine talks back to the module that owns a document type. */
export interface DocumentHandler {
  /** The document's current version, to refuse decisions on a changed document. */
  currentVersion(tx: Tx, documentId: string): Promise<number | null>;
  /** Called in the deciding transaction once the chain is decided (or a level advanced). */
  onOutcome(tx: Tx, e: { documentId: string; outcome: Outcome; actor: Actor; comment: string | null }): Promise<void>;
  link(documentId: string): string;
  /** Where decisions appear on a timeline, when not on the document itself (a revision → its order). */
  timelineOf?(tx: Tx, documentId: string): Promise<{ entityType: string; entityId: string }>;
}
const handlers = new Map<string, DocumentHandler>();

/** Document modules register here (orders → approvals, never the reverse). */
export function registerDocumentHandler(documentType: string, h: DocumentHandler): void {
  handlers.set(documentType, h);
}

export async function activeRules(q: Q, documentType: string): Promise<Rule[]> {
  const rows = await q.selectFrom('approvalRule').selectAll().where('documentType', '=', documentType).where('active', '=', 1).orderBy('id').execute();
  return rows.map((r) => ({ id: r.id, name: r.name, condition: json.read(r.condition, { all: [] } as never), levels: json.read(r.levels, []) }));
}

const select = (q: Q) =>
  q
    .selectFrom('approval')
    .leftJoin('appUser as d', 'd.id', 'approval.decidedBy')
    .selectAll('approval')
    .select('d.displayName as decidedByName');
type Row = Awaited<ReturnType<ReturnType<typeof select>['executeTakeFirstOrThrow']>>;

const toDto = (r: Row): Approval => ({
  id: r.id,
  documentType: r.documentType,
  documentId: r.documentId,
  documentNumber: (json.read<Record<string, unknown>>(r.summary, {}).number as string) ?? null,
  documentVersion: r.documentVersion,
  level: r.level,
  ruleId: r.ruleId,
  ruleName: r.ruleName,
  approverRole: r.approverRole,
  approverUserId: r.approverUserId,
  state: r.state,
  decidedBy: r.decidedBy,
  decidedByName: r.decidedByName ?? null,
  decidedAt: r.decidedAt,
  comment: r.comment,
  summary: json.read(r.summary, {}),
  createdAt: r.createdAt,
});

/** Users who hold a role (for `all` levels and for telling approvers). */
async function usersWithRole(q: Q, role: string): Promise<string[]> {
  const rows = await q.selectFrom('userRole').innerJoin('appUser', 'appUser.id', 'userRole.userId').select('appUser.id').where('userRole.roleKey', '=', role).where('appUser.active', '=', 1).execute();
  return rows.map((r) => r.id);
}

const canDecide = (actor: Actor, r: { approverUserId: string | null; approverRole: string | null }) =>
  r.approverUserId ? r.approverUserId === actor.id : !!r.approverRole && actor.roles.includes(r.approverRole);

export function createApprovalsService(db: Db) {
  async function tellApprovers(tx: Tx, rows: { approverUserId: string | null; approverRole: string | null }[], requestedBy: string, summary: Record<string, unknown>, link: string) {
    const ids = new Set<string>();
    for (const r of rows) {
      if (r.approverUserId) ids.add(r.approverUserId);
      else if (r.approverRole) (await usersWithRole(tx, r.approverRole)).forEach((u) => ids.add(u));
    }
    ids.delete(requestedBy);
    await notify(tx, { userIds: [...ids], kind: 'approval.requested', title: `待审批：${summary.number ?? ''} ${summary.customerName ?? ''}`, body: `金额 ${summary.amountText ?? ''}；触发规则：${(summary.rules as string[] | undefined)?.join('、') ?? ''}`, link, email: true });
  }

  return {
    /**
     * Starts the chain for a submitted document. Returns the triggered rules; no rows when
     * nothing matched (the document needs no approval).
     */
    async request(tx: Tx, input: { documentType: string; documentId: string; documentVersion: number; requestedBy: string; facts: Record<string, unknown>; summary: Record<string, unknown>; extraLevels?: { approverRole: string; reason: string }[]; rulesOf?: string }) {
      // Checks routed to approval (e.g. credit exceeded → finance) join as rules that always match.
      const extra: Rule[] = (input.extraLevels ?? []).map((l, i) => ({ id: `check:${i}`, name: l.reason, condition: { all: [] }, levels: [{ approverRole: l.approverRole, mode: 'any' }] }));
      const { matched, steps } = buildChain([...(await activeRules(tx, input.rulesOf ?? input.documentType)), ...extra], input.facts);
      if (steps.length === 0) return { required: false, rules: [] as string[] };
      const summary = { ...input.summary, rules: matched.map((r) => r.name) };
      const now = nowIso();
      const rows = [];
      for (const s of steps) {
        const users = s.mode === 'all' && s.approverRole ? await usersWithRole(tx, s.approverRole) : [null];
        for (const u of users) {
          rows.push({
            id: newId(),
            documentType: input.documentType,
            documentId: input.documentId,
            documentVersion: input.documentVersion,
            level: s.level,
            ruleId: s.ruleId.startsWith('check:') ? null : s.ruleId,
            ruleName: s.ruleName,
            approverRole: u ? null : (s.approverRole ?? null),
            approverUserId: u ?? s.approverUserId ?? null,
            requestedBy: input.requestedBy,
            state: (s.level === 1 ? 'pending' : 'waiting') as 'pending' | 'waiting',
            decidedBy: null,
            decidedAt: null,
            comment: null,
            summary: json.write(summary),
            createdAt: now,
          });
        }
      }
      await tx.insertInto('approval').values(rows).execute();
      const h = handlers.get(input.documentType);
      await tellApprovers(tx, rows.filter((r) => r.level === 1), input.requestedBy, summary, h?.link(input.documentId) ?? '');
      return { required: true, rules: summary.rules };
    },

    /** Cancels open steps (document cancelled, returned for edit or resubmitted). */
    async cancelOpen(tx: Tx, documentType: string, documentId: string) {
      await tx.updateTable('approval').set({ state: 'cancelled' }).where('documentType', '=', documentType).where('documentId', '=', documentId).where('state', 'in', ['pending', 'waiting']).execute();
    },

    async forDocument(q: Q, documentType: string, documentId: string) {
      return (await select(q).where('documentType', '=', documentType).where('documentId', '=', documentId).orderBy('level').orderBy('createdAt').execute()).map(toDto);
    },

    /**
     * The caller's inbox: pending (or waiting) steps addressed to them or one of their roles,
     * never their own documents. `approved`/`rejected` is the caller's history: the steps
     * they decided themselves, newest first — not every step once addressed to their role.
     */
    async inbox(actor: Actor, state: Approval['state'] = 'pending') {
      if (state === 'approved' || state === 'rejected') {
        const rows = await select(db).where('approval.state', '=', state).where('approval.decidedBy', '=', actor.id).orderBy('approval.decidedAt', 'desc').orderBy('approval.id', 'desc').limit(200).execute();
        return rows.map(toDto);
      }
      const rows = await select(db)
        .where('approval.state', '=', state)
        .where((eb) => eb.or([eb('approval.approverUserId', '=', actor.id), ...(actor.roles.length ? [eb.and([eb('approval.approverUserId', 'is', null), eb('approval.approverRole', 'in', actor.roles)])] : [])]))
        .where('approval.requestedBy', '!=', actor.id)
        .orderBy('approval.createdAt')
        .limit(200)
        .execute();
      return rows.map(toDto);
    },

    async decide(actor: Actor, id: string, decision: { approve: boolean; comment: string | null; returnForEdit?: boolean }) {
      return inTransaction(db, async (tx) => {
        const r = await select(tx).where('approval.id', '=', id).executeTakeFirst();
        if (!r || !canDecide(actor, r)) throw notFound();
        if (r.requestedBy === actor.id) throw new AppError('SELF_APPROVAL');
        if (r.state !== 'pending') throw new AppError('INVALID_STATE', { state: r.state });
        const h = handlers.get(r.documentType);
        if (!h) throw new AppError('INVALID_STATE', { documentType: r.documentType });
        const version = await h.currentVersion(tx, r.documentId);
        if (version !== r.documentVersion) throw new AppError('ORDER_CHANGED', { requestedVersion: r.documentVersion, currentVersion: version });
        const at = nowIso();
        await tx.updateTable('approval').set({ state: decision.approve ? 'approved' : 'rejected', decidedBy: actor.id, decidedAt: at, comment: decision.comment }).where('id', '=', id).execute();
        const on = (await h.timelineOf?.(tx, r.documentId)) ?? { entityType: r.documentType, entityId: r.documentId };
        await appendEvent(tx, {
          ...on,
          type: decision.approve ? 'approval.approved' : decision.returnForEdit ? 'approval.returned' : 'approval.rejected',
          actor,
          stage: 'review',
          data: { approvalId: id, documentType: r.documentType, documentId: r.documentId, level: r.level, rule: r.ruleName, role: r.approverRole, comment: decision.comment },
        });
        let outcome: Outcome = 'pending';
        if (!decision.approve) {
          await tx.updateTable('approval').set({ state: 'cancelled' }).where('documentType', '=', r.documentType).where('documentId', '=', r.documentId).where('state', 'in', ['pending', 'waiting']).execute();
          outcome = decision.returnForEdit ? 'returned' : 'rejected';
        } else {
          const open = await tx.selectFrom('approval').select(['id', 'level', 'state', 'approverRole', 'approverUserId']).where('documentType', '=', r.documentType).where('documentId', '=', r.documentId).where('state', 'in', ['pending', 'waiting']).execute();
          if (!open.some((o) => o.level === r.level)) {
            const next = Math.min(...open.map((o) => o.level));
            if (open.length === 0) outcome = 'approved';
            else {
              const rows = open.filter((o) => o.level === next);
              await tx.updateTable('approval').set({ state: 'pending' }).where('id', 'in', rows.map((o) => o.id)).execute();
              await tellApprovers(tx, rows, r.requestedBy, json.read(r.summary, {}), h.link(r.documentId));
            }
          }
        }
        await h.onOutcome(tx, { documentId: r.documentId, outcome, actor, comment: decision.comment });
        return toDto((await select(tx).where('approval.id', '=', id).executeTakeFirst())!);
      });
    },
  };
}
export type ApprovalsService = ReturnType<typeof createApprovalsService>;
