import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FastifyInstance } from 'fastify';
import { ADMIN_SESSION_HEADER } from '../../common/contract/admin.js';
import { dispatch } from '../../common/contract/bridge.js';
import { LearnError } from '../../common/contract/errors.js';
import type { Core } from '../core/create-core.js';
import { megabytes, sendFailure, statusOf } from './contract-errors.js';
import { namingTheUpload, uploadName } from './upload-name.js';

/** The largest pack the browser face accepts, as the archive reader does. */
export const MAX_UPLOAD_BYTES = 1024 ** 3;

class TooLarge extends Error {}

/**
 * PUT <api>/upload-pack: the browser face's pack import. The body streams to a private temp file
 * (never into memory), which is installed like any pack file and then deleted. Registered inside the
 * /api scope, whose hook has authorized the request before a byte of the body is read.
 */
export function registerPackUpload(
  api: FastifyInstance,
  core: Pick<Core, 'api' | 'logger' | 'requireAdmin'>,
  maxBytes = MAX_UPLOAD_BYTES,
): void {
  void api.register(async (scope) => {
    // The body is the pack's bytes and nothing else: any other content type is refused (415).
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('application/octet-stream', (_request, payload, done) => done(null, payload));
    const tooLarge = `That file is larger than a pack may be (${megabytes(maxBytes)}).`;
    scope.put<{ Querystring: { allowDowngrade?: string; name?: string } }>('/upload-pack', async (request, reply) => {
      // Refused before reading when the length is declared; counted while streaming when it is not.
      if (Number(request.headers['content-length']) > maxBytes)
        return sendFailure(reply, 413, 'invalid-input', tooLarge);
      // Only an admin installs: anyone else is refused before a gigabyte reaches the disk.
      const header = request.headers[ADMIN_SESSION_HEADER];
      const session = typeof header === 'string' ? header : undefined;
      try {
        core.requireAdmin(session);
      } catch (error) {
        if (!(error instanceof LearnError)) throw error;
        return sendFailure(reply, statusOf[error.code], error.code, error.message);
      }
      const dir = await mkdtemp(join(tmpdir(), 'lionlearn-upload-'));
      const file = join(dir, 'upload.lpack');
      try {
        let size = 0;
        const limit = new Transform({
          transform(chunk: Buffer, _encoding, callback) {
            size += chunk.length;
            callback(size > maxBytes ? new TooLarge() : null, chunk);
          },
        });
        await pipeline(request.body as Readable, limit, createWriteStream(file, { mode: 0o600 }));
        const allowDowngrade = request.query.allowDowngrade === 'true';
        // The core's gate checks the session again: it may have ended during the upload.
        const input = { file, allowDowngrade, ...(session ? { session } : {}) };
        const result = await dispatch(core.api, 'installPack', input, (error) =>
          core.logger.error({ err: error }, 'pack upload failed'),
        );
        const named = namingTheUpload(result, [file, dir], uploadName(request.query.name));
        return reply.code(named.ok ? 200 : statusOf[named.error.code]).send(named);
      } catch (error) {
        if (!(error instanceof TooLarge)) throw error;
        return sendFailure(reply, 413, 'invalid-input', tooLarge);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    });
  });
}
