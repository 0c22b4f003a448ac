import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import multipart, { type MultipartFile } from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { actorOf, can } from '../identity/index.ts';
import { csrfTokenMatches } from '../platform/csrf.ts';

/** Larger files are refused with a message: split them, or use `meedoen import deliveries`. */
export const MAX_UPLOAD_BYTES = 100 * 1024 * 1024;

export type Upload = {
  path: string;
  fileName: string;
  bytes: number;
  truncated: boolean;
  remove(): Promise<void>;
};

const UPLOAD_PREFIX = 'meedoen-leveringen-';
/** Far longer than the largest upload takes to import (100 MB: under a minute on PGlite). */
const LEFT_BEHIND_AFTER_MS = 60 * 60 * 1000;

/**
 * Removes uploads that a process stopped in the middle of importing left behind: they may hold children's
 * raw details. A file younger than an hour may still be read by a running import (of this or another process).
 */
export async function removeLeftUploads(folder = tmpdir(), now = Date.now()): Promise<number> {
  let removed = 0;
  for (const name of await readdir(folder).catch(() => [])) {
    if (!name.startsWith(UPLOAD_PREFIX)) continue;
    const path = join(folder, name);
    const modified = await stat(path).then(
      (found) => found.mtimeMs,
      () => now,
    );
    if (now - modified < LEFT_BEHIND_AFTER_MS) continue;
    await rm(path, { force: true });
    removed++;
  }
  return removed;
}

/**
 * Multipart uploads for this plugin only: the file is streamed to a private temporary file (it may hold the
 * children's raw details until it is imported, so never into memory, the database or a log) and removed after
 * the response unless the import took it over. It is only written at all for a signed-in member allowed to
 * import for the organisation whose form token came first in the form; anyone else's upload is discarded
 * unread, and the access check refuses the request after.
 */
export async function registerUploads(app: FastifyInstance, { secret }: { secret: string }) {
  const uploads = new WeakMap<FastifyRequest, Upload>();
  const handedOver = new WeakSet<FastifyRequest>();
  const sweep = () =>
    removeLeftUploads().catch((error: unknown) => app.log.warn({ err: error }, 'left uploads not removed'));
  await sweep();
  const sweeping = setInterval(sweep, LEFT_BEHIND_AFTER_MS).unref();
  app.addHook('onClose', async () => clearInterval(sweeping));

  function mayUpload(request: FastifyRequest, part: MultipartFile): boolean {
    const session = request.staffSession;
    if (!session?.secondFactorDone) return false;
    const organisationKey = (request.params as { organisation?: string }).organisation ?? '';
    if (!can(actorOf(session), 'deliveries.import', { organisationKey })) return false;
    const token = part.fields._csrf;
    return (
      !Array.isArray(token) &&
      token?.type === 'field' &&
      csrfTokenMatches(secret, session.idHash, token.value)
    );
  }

  await app.register(multipart, {
    attachFieldsToBody: 'keyValues',
    throwFileSizeLimit: false,
    limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 4, parts: 5 },
    async onFile(this: FastifyRequest, part: MultipartFile) {
      part.value = '';
      if (part.fieldname !== 'bestand' || !part.filename || !mayUpload(this, part)) {
        part.file.resume();
        return;
      }
      const path = join(tmpdir(), `${UPLOAD_PREFIX}${randomUUID()}`);
      const upload: Upload = {
        path,
        fileName: part.filename,
        bytes: 0,
        truncated: false,
        remove: () => rm(path, { force: true }),
      };
      uploads.set(this, upload);
      await pipeline(part.file, createWriteStream(path, { mode: 0o600 }));
      upload.bytes = (await stat(path)).size;
      upload.truncated = part.file.truncated;
    },
  });

  app.addHook('onResponse', async (request) => {
    const upload = uploads.get(request);
    if (upload && !handedOver.has(request)) await upload.remove();
  });

  return {
    get: (request: FastifyRequest) => uploads.get(request),
    /** The background import owns the file from here, and removes it when done. */
    handOver: (request: FastifyRequest) => handedOver.add(request),
  };
}
