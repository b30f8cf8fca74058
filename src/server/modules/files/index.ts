/** files — uploaded attachments, stored in the database. */
import { z } from 'zod';
import { idParams } from '../../../contracts/common.ts';
import { uploadOf } from '../../platform/http/upload.ts';
import type { App, AppContext } from '../../platform/http/types.ts';
import { createFilesService, FILE_MAX_BYTES } from './files.service.ts';

export type { FileReferrer } from './files.service.ts';
export { FILE_MAX_BYTES };
export type FilesService = ReturnType<typeof createFilesService>;

const tags = ['files'];
const fileInfo = z.object({ id: z.string(), name: z.string(), size: z.number(), mime: z.string(), sha256: z.string() });

export function registerFiles(app: App, ctx: AppContext) {
  const svc = createFilesService(ctx.handle.db);
  app.post(
    '/api/v1/files',
    { bodyLimit: FILE_MAX_BYTES + 1024, schema: { tags, description: 'Body: the file (Content-Type application/octet-stream, image/*, application/pdf, …); ≤ 10 MB.', querystring: z.object({ name: z.string().trim().min(1).max(200) }), response: { 201: fileInfo } } },
    async (req, reply) => reply.code(201).send(await svc.store(req.actor!, uploadOf(req), req.query.name)),
  );
  app.get('/api/v1/files/:id', { schema: { tags, params: idParams } }, async (req, reply) => {
    const f = await svc.read(req.actor!, req.params.id);
    return reply
      .header('content-type', f.mime)
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(f.name)}`)
      .send(Buffer.from(f.content));
  });
  return svc;
}
