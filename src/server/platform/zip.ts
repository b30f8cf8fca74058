import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { Readable, Transform } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import { AppError } from './http/errors.ts';

/** Limits that stop zip bombs before (central directory) and while (per entry) anything is inflated. */
export const ZIP_LIMITS = { maxUncompressed: 400 * 1024 * 1024, maxRatio: 150, maxEntries: 10_000 };

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

/** A zip's entries from its central directory (nothing inflated); not a zip → IMPORT_FILE_INVALID. */
export async function zipEntries(path: string): Promise<{ fileSize: number; entries: ZipEntry[] }> {
  const fh = await open(path, 'r');
  try {
    const { size } = await fh.stat();
    const tailLen = Math.min(size, 65_557);
    const tail = Buffer.alloc(tailLen);
    await fh.read(tail, 0, tailLen, size - tailLen);
    const eocd = tail.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    if (size < 22 || eocd < 0) throw new AppError('IMPORT_FILE_INVALID', { reason: 'not_xlsx' });
    const count = tail.readUInt16LE(eocd + 10);
    const cdSize = tail.readUInt32LE(eocd + 12);
    const cdOffset = tail.readUInt32LE(eocd + 16);
    if (cdOffset + cdSize > size) throw new AppError('IMPORT_FILE_INVALID', { reason: 'corrupt_zip' });
    const cd = Buffer.alloc(cdSize);
    await fh.read(cd, 0, cdSize, cdOffset);
    const entries: ZipEntry[] = [];
    for (let i = 0, p = 0; i < count; i++) {
      if (p + 46 > cdSize || cd.readUInt32LE(p) !== 0x02014b50) throw new AppError('IMPORT_FILE_INVALID', { reason: 'corrupt_zip' });
      const nameLen = cd.readUInt16LE(p + 28);
      entries.push({
        name: cd.toString('utf8', p + 46, p + 46 + nameLen),
        method: cd.readUInt16LE(p + 10),
        compressedSize: cd.readUInt32LE(p + 20),
        size: cd.readUInt32LE(p + 24),
        localOffset: cd.readUInt32LE(p + 42),
      });
      p += 46 + nameLen + cd.readUInt16LE(p + 30) + cd.readUInt16LE(p + 32);
    }
    return { fileSize: size, entries };
  } finally {
    await fh.close();
  }
}

/**
 * One entry's content, streamed from disk and inflated; never more than the limit, whatever the
 * directory claims. `chunkSize` sets the inflated chunk size (zlib's default is 16 KiB). Destroying
 * the returned stream closes the file as well.
 */
export async function zipEntryStream(path: string, e: ZipEntry, limit = ZIP_LIMITS.maxUncompressed, opts: { chunkSize?: number } = {}): Promise<Readable> {
  const fh = await open(path, 'r');
  const local = Buffer.alloc(30);
  try {
    await fh.read(local, 0, 30, e.localOffset);
  } finally {
    await fh.close();
  }
  if (local.readUInt32LE(0) !== 0x04034b50 || (e.method !== 0 && e.method !== 8)) throw new AppError('IMPORT_FILE_INVALID', { reason: 'corrupt_zip' });
  const start = e.localOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
  if (e.compressedSize === 0) return Readable.from([]);
  const raw = createReadStream(path, { start, end: start + e.compressedSize - 1, highWaterMark: opts.chunkSize });
  let total = 0;
  const cap = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      total += chunk.length;
      cb(total > limit ? new AppError('IMPORT_FILE_INVALID', { reason: 'zip_bomb', uncompressed: total }) : null, chunk);
    },
  });
  const inflated = e.method === 0 ? raw : raw.pipe(createInflateRaw(opts.chunkSize ? { chunkSize: opts.chunkSize } : {}));
  if (inflated !== raw) raw.on('error', (err) => inflated.destroy(err));
  inflated.on('error', (err: Error) => cap.destroy(err));
  // A reader that stops early (too many rows, a bad cell) must not leave the file open behind it.
  cap.on('close', () => {
    raw.destroy();
    if (inflated !== raw) inflated.destroy();
  });
  return inflated.pipe(cap);
}
