import type { Db } from '../../platform/db/database.ts';
import { can, scopeCondition, type Actor } from '../../platform/http/actor.ts';

/** A file is visible through a requirement in scope any of whose versions references it. */
export function requirementFileReferrer(db: Db) {
  return async (actor: Actor, fileId: string): Promise<boolean> => {
    if (!can(actor, 'requirements:read')) return false;
    const hit = await db
      .selectFrom('requirementVersion')
      .innerJoin('requirement', 'requirement.id', 'requirementVersion.requirementId')
      .select('requirement.id')
      .where('requirementVersion.content', 'like', `%${fileId}%`)
      .where(scopeCondition(actor, 'requirement.ownerId'))
      .limit(1)
      .executeTakeFirst();
    return !!hit;
  };
}
