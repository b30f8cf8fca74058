import type { Db, Tx } from './db/database.ts';
import { AppError } from './http/errors.ts';
import { newId, newSecret, nowIso, sha256 } from './ids.ts';

/**
 * Customer links (/c/:token): 256-bit random tokens, only their SHA-256 stored, expiring
 * and revocable. Lookup is by hash through a unique index, so a guess learns nothing from
 * timing. Owned by the platform because both document modules (which create links) and
 * the portal (which resolves them) need it.
 */
export async function createLink(tx: Tx, input: { kind: string; entityId: string; createdBy: string; expiresInDays: number }) {
  const token = newSecret(32);
  const id = newId();
  const expiresAt = new Date(Date.now() + input.expiresInDays * 86_400_000).toISOString();
  await tx
    .insertInto('customerLink')
    .values({ id, tokenHash: sha256(token), kind: input.kind, entityId: input.entityId, createdBy: input.createdBy, createdAt: nowIso(), expiresAt, revokedAt: null, lastViewedAt: null })
    .execute();
  return { id, token, expiresAt };
}

export interface ResolvedLink {
  id: string;
  kind: string;
  entityId: string;
  expiresAt: string;
  createdBy: string;
}

/** NOT_FOUND for an unknown token, LINK_EXPIRED (410) for an expired or revoked one. */
export async function resolveLink(q: Db | Tx, token: string): Promise<ResolvedLink> {
  const row = await q.selectFrom('customerLink').selectAll().where('tokenHash', '=', sha256(token)).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND');
  if (row.revokedAt || row.expiresAt <= nowIso()) throw new AppError('LINK_EXPIRED');
  return { id: row.id, kind: row.kind, entityId: row.entityId, expiresAt: row.expiresAt, createdBy: row.createdBy };
}

export async function touchLink(q: Db | Tx, id: string): Promise<void> {
  await q
    .updateTable('customerLink')
    .set((eb) => ({ lastViewedAt: nowIso(), viewCount: eb('viewCount', '+', 1) }))
    .where('id', '=', id)
    .execute();
}

export async function findLink(q: Db | Tx, id: string) {
  return q.selectFrom('customerLink').select(['id', 'kind', 'entityId', 'createdBy', 'expiresAt', 'revokedAt']).where('id', '=', id).executeTakeFirst();
}

export async function revokeLink(q: Db | Tx, id: string): Promise<void> {
  await q.updateTable('customerLink').set({ revokedAt: nowIso() }).where('id', '=', id).where('revokedAt', 'is', null).execute();
}

/** Revokes every live link to a document (when the document is cancelled). */
export async function revokeLinksFor(q: Db | Tx, kind: string, entityId: string): Promise<void> {
  await q.updateTable('customerLink').set({ revokedAt: nowIso() }).where('kind', '=', kind).where('entityId', '=', entityId).where('revokedAt', 'is', null).execute();
}

export async function listLinks(q: Db | Tx, kind: string, entityId: string) {
  const rows = await q.selectFrom('customerLink').select(['id', 'createdAt', 'createdBy', 'expiresAt', 'revokedAt', 'lastViewedAt', 'viewCount']).where('kind', '=', kind).where('entityId', '=', entityId).orderBy('createdAt', 'desc').execute();
  return rows.map((r) => ({ ...r, viewCount: Number(r.viewCount) }));
}
