import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FastifyRequest } from 'fastify';
import { AppError } from './errors.ts';
import type { App } from './types.ts';

/** A binary request body, streamed to a temp file (never held whole in memory). */
export interface Upload {
  path: string;
  size: number;
  mime: string;
  cleanup(): Promise<void>;
}

export const UPLOAD_MAX_BYTES = 60 * 1024 * 1024;
const binaryTypes = ['application/octet-stream', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/pdf', /^image\//, /^text\/plain/];

/**
 * Binary bodies (uploads, Excel imports) are streamed to a temp file with a byte cap;
 * the file is removed when the response is sent. Routes read `req.body as Upload`.
 */
export function registerUploads(app: App): void {
  const parse = (req: FastifyRequest, payload: NodeJS.ReadableStream, done: (err: Error | null, body?: unknown) => void) => {
    void (async () => {
      const dir = await mkdtemp(join(tmpdir(), 'gendan-up-'));
      const path = join(dir, 'body');
      let size = 0;
      const cap = new Transform({
        transform(chunk: Buffer, _enc, cb) {
          size += chunk.length;
          cb(size > UPLOAD_MAX_BYTES ? new AppError('FILE_TOO_LARGE', { limit: UPLOAD_MAX_BYTES }) : null, chunk);
        },
      });
      const cleanup = () => rm(dir, { recursive: true, force: true });
      try {
        await pipeline(payload, cap, createWriteStream(path));
      } catch (err) {
        await cleanup();
        throw err;
      }
      return { path, size, mime: String(req.headers['content-type'] ?? 'application/octet-stream').split(';')[0], cleanup } satisfies Upload;
    })().then(
      (body) => done(null, body),
      (err) => done(err as Error, undefined),
    );
  };
  for (const t of binaryTypes) app.addContentTypeParser(t, parse);
  app.addHook('onResponse', async (req) => {
    const b = req.body as Partial<Upload> | undefined;
    if (b && typeof b.cleanup === 'function') await b.cleanup();
  });
}

export function uploadOf(req: FastifyRequest): Upload {
  const b = req.body as Upload | undefined;
  if (!b || typeof b !== 'object' || !('path' in b)) throw new AppError('VALIDATION_FAILED', [{ path: 'body', code: 'binary_body_required' }]);
  return b;
}
