import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Db } from '../../platform/db/database.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { appendEvent } from '../../platform/events.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { AppError, fieldError, notFound } from '../../platform/http/errors.ts';
import type { Upload } from '../../platform/http/upload.ts';
import { newId, nowIso } from '../../platform/ids.ts';

/** Attachments (requirement files, attachment custom fields): at most 10 MB each. */
export const FILE_MAX_BYTES = 10 * 1024 * 1024;

/**
 * Whether the actor may see a record that references the file. Each module that attaches
 * files (customers, communications, requirements, orders) registers one; a file is readable
 * by its uploader and by whoever can see a record it is attached to — nobody else, even with its id.
 */
export type FileReferrer = (actor: Actor, fileId: string) => Promise<boolean>;

/**
 * Files live in the database, not on one server's disk, so every app server behind a load
 * balancer can serve them and backups include them.
 */
export function createFilesService(db: Db) {
  const referrers: FileReferrer[] = [];
  return {
    addReferrer(fn: FileReferrer) {
      referrers.push(fn);
    },
    /** `actor`: the uploader (a customer's upload through a link is kept as its creator's, with no actor on the event). */
    async store(actor: Pick<Actor, 'id' | 'via'>, upload: Upload, name: string) {
      if (upload.size > FILE_MAX_BYTES) throw new AppError('FILE_TOO_LARGE', { limit: FILE_MAX_BYTES, size: upload.size });
      if (upload.size === 0) throw new AppError('VALIDATION_FAILED', [fieldError('body', 'binary_body_required')]);
      const content = await readFile(upload.path);
      const id = newId();
      const sha256 = createHash('sha256').update(content).digest('hex');
      await inTransaction(db, async (tx) => {
        await tx.insertInto('fileBlob').values({ id, name, mime: upload.mime, size: upload.size, sha256, content, createdBy: actor.id, createdAt: nowIso() }).execute();
        await appendEvent(tx, { entityType: 'file', entityId: id, type: 'file.uploaded', actor, data: { name, size: upload.size, mime: upload.mime, sha256 } });
      });
      return { id, name, size: upload.size, mime: upload.mime, sha256 };
    },
    async read(actor: Actor, id: string) {
      const f = await db.selectFrom('fileBlob').select(['name', 'mime', 'content', 'createdBy']).where('id', '=', id).executeTakeFirst();
      if (!f) throw notFound();
      if (f.createdBy !== actor.id && !(await anyTrue(referrers.map((r) => r(actor, id))))) throw notFound();
      return f;
    },
  };
}

async function anyTrue(checks: Promise<boolean>[]): Promise<boolean> {
  return (await Promise.all(checks)).some(Boolean);
}
