/** portal — customer links (/c/:token): the customer's view of their requirement, order or statement. */
import type { FilesService } from '../files/index.ts';
import type { Actor } from '../../platform/http/actor.ts';
import type { App, AppContext } from '../../platform/http/types.ts';
import type { RequirementsService } from '../requirements/index.ts';
import type { OrderPortal } from '../shipping/index.ts';
import type { RevisionPortal } from '../orders/index.ts';
import { portalRoutes } from './portal.routes.ts';

/** Per link kind: NOT_FOUND unless the actor may see the linked document (revoking a link needs that). */
export type LinkScope = Record<string, (actor: Actor, entityId: string) => Promise<void>>;

export function registerPortal(app: App, ctx: AppContext, deps: { requirements: RequirementsService; orders: OrderPortal; linkScope: LinkScope; revisions: RevisionPortal; files: FilesService }) {
  portalRoutes(app, ctx, deps.requirements, deps.orders, deps.linkScope, deps.revisions, deps.files);
}
