import { savedViewPermission, savedViewQuerySchemas, type SavedView, type SavedViewCreate, type SavedViewEntity, type SavedViewPatch } from '../../../contracts/views.ts';
import type { Locale } from '../../../contracts/errors.ts';
import type { Db, Tx } from '../../platform/db/database.ts';
import { isUniqueViolation, json } from '../../platform/db/dialect.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { assertCan, can, type Actor } from '../../platform/http/actor.ts';
import { AppError, fieldError, localizeIssue, notFound } from '../../platform/http/errors.ts';
import { newId, nowIso } from '../../platform/ids.ts';
import { views, visibleViews, type ViewRow } from './views.repository.ts';

/** Owners manage their views; an admin may also tidy up views others shared. */
const mayEdit = (actor: Actor, r: { ownerId: string }) => r.ownerId === actor.id || can(actor, 'admin:settings');

function toView(actor: Actor, r: ViewRow): SavedView {
  return {
    id: r.id,
    entity: r.entity,
    name: r.name,
    query: json.read<Record<string, unknown>>(r.query, {}),
    shared: r.shared === 1,
    isDefault: r.defaultFor !== null,
    ownerId: r.ownerId,
    ownerName: r.ownerName ?? null,
    editable: mayEdit(actor, r),
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

/**
 * Filters are checked with the list's own query schema, so a view always opens; empty
 * values are dropped (they mean "no filter"). Messages name `query.<param>` in the caller's language.
 */
function parseQuery(entity: SavedViewEntity, query: Record<string, unknown>, locale: Locale): Record<string, unknown> {
  const kept = Object.fromEntries(Object.entries(query).filter(([, v]) => v !== '' && v !== null && v !== undefined));
  const r = savedViewQuerySchemas[entity].safeParse(kept, { reportInput: true });
  if (r.success) return r.data;
  throw new AppError(
    'VALIDATION_FAILED',
    r.error.issues.map((i) => {
      const path = ['query', ...(i.code === 'unrecognized_keys' ? [i.keys[0]] : i.path.map(String))].join('.');
      return { path, code: i.code, message: `${path}: ${localizeIssue(i as never, locale)}` };
    }),
  );
}

/** A view deleted by its owner meanwhile (PostgreSQL's foreign-key check sees the commit) is simply gone. */
async function setDefault(tx: Tx, userId: string, entity: SavedViewEntity, viewId: string) {
  try {
    await views.setDefault(tx, userId, entity, viewId);
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === '23503' || code === 'SQLITE_CONSTRAINT_FOREIGNKEY') throw notFound();
    throw err;
  }
}

const nameTaken = () => new AppError('NAME_TAKEN', [fieldError('name', 'taken')]);

/** Saved list views: named filters per user, optionally shared, one default per user and list. */
export function createViewsService(db: Db) {
  async function visible(q: Db | Tx, actor: Actor, id: string): Promise<ViewRow> {
    const r = await visibleViews(q, actor.id).where('savedView.id', '=', id).executeTakeFirst();
    if (!r) throw notFound();
    assertCan(actor, savedViewPermission[r.entity]);
    return r;
  }

  return {
    async list(actor: Actor, entity: SavedViewEntity): Promise<SavedView[]> {
      assertCan(actor, savedViewPermission[entity]);
      const rows = await visibleViews(db, actor.id).where('savedView.entity', '=', entity).orderBy('savedView.name').orderBy('savedView.id').execute();
      // Mine first, then the shared ones of others.
      return rows.map((r) => toView(actor, r)).sort((a, b) => Number(b.ownerId === actor.id) - Number(a.ownerId === actor.id));
    },

    async create(actor: Actor, input: SavedViewCreate, locale: Locale): Promise<SavedView> {
      assertCan(actor, savedViewPermission[input.entity]);
      const query = parseQuery(input.entity, input.query, locale);
      const id = newId();
      const now = nowIso();
      await inTransaction(db, async (tx) => {
        try {
          await views.insert(tx, { id, ownerId: actor.id, entity: input.entity, name: input.name, query: json.write(query), shared: input.shared ? 1 : 0, createdAt: now, updatedAt: now });
        } catch (err) {
          throw isUniqueViolation(err) ? nameTaken() : err;
        }
        if (input.isDefault) await setDefault(tx, actor.id, input.entity, id);
      });
      return toView(actor, await visible(db, actor, id));
    },

    /** Renaming, re-filtering and sharing are the owner's (or an admin's); anyone who sees a view may make it their default. */
    async update(actor: Actor, id: string, patch: SavedViewPatch, locale: Locale): Promise<SavedView> {
      await inTransaction(db, async (tx) => {
        const r = await visible(tx, actor, id);
        const { isDefault, ...change } = patch;
        if (Object.values(change).some((v) => v !== undefined)) {
          if (!mayEdit(actor, r)) throw new AppError('FORBIDDEN', { reason: 'not_owner' });
          const query = change.query ? parseQuery(r.entity, change.query, locale) : undefined;
          try {
            await views.update(tx, id, {
              ...(change.name !== undefined ? { name: change.name } : {}),
              ...(query ? { query: json.write(query) } : {}),
              ...(change.shared !== undefined ? { shared: change.shared ? 1 : 0 } : {}),
              updatedAt: nowIso(),
            });
          } catch (err) {
            throw isUniqueViolation(err) ? nameTaken() : err;
          }
        }
        if (isDefault === true) await setDefault(tx, actor.id, r.entity, id);
        if (isDefault === false) await views.clearDefault(tx, actor.id, id);
      });
      return toView(actor, await visible(db, actor, id));
    },

    async remove(actor: Actor, id: string): Promise<void> {
      await inTransaction(db, async (tx) => {
        const r = await visible(tx, actor, id);
        if (!mayEdit(actor, r)) throw new AppError('FORBIDDEN', { reason: 'not_owner' });
        await views.remove(tx, id);
      });
    },
  };
}

export type ViewsService = ReturnType<typeof createViewsService>;
