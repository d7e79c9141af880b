import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FastifyInstance } from 'fastify';
import { dispatch } from '../../common/contract/bridge.js';
import type { Core } from '../core/create-core.js';

/** The largest pack the browser face accepts, as the archive reader does. */
export const MAX_UPLOAD_BYTES = 1024 ** 3;

class TooLarge extends Error {}

/**
 * PUT /api/upload-pack: the browser face's pack import. The body streams to a private temp file
 * (never into memory), which is installed like any pack file and then deleted.
 */
export function registerPackUpload(app: FastifyInstance, core: Pick<Core, 'api' | 'logger'>): void {
  void app.register(async (scope) => {
    scope.addContentTypeParser('application/octet-stream', (_request, payload, done) => done(null, payload));
    scope.put<{ Querystring: { allowDowngrade?: string } }>('/api/upload-pack', async (request, reply) => {
      const dir = await mkdtemp(join(tmpdir(), 'lionlearn-upload-'));
      const file = join(dir, 'upload.lpack');
      try {
        let size = 0;
        const limit = new Transform({
          transform(chunk: Buffer, _encoding, callback) {
            size += chunk.length;
            callback(size > MAX_UPLOAD_BYTES ? new TooLarge() : null, chunk);
          },
        });
        await pipeline(request.body as Readable, limit, createWriteStream(file, { mode: 0o600 }));
        const allowDowngrade = request.query.allowDowngrade === 'true';
        const result = await dispatch(core.api, 'installPack', { file, allowDowngrade }, (error) =>
          core.logger.error({ err: error }, 'pack upload failed'),
        );
        return reply.code(result.ok ? 200 : result.error.code === 'conflict' ? 409 : 400).send(result);
      } catch (error) {
        if (!(error instanceof TooLarge)) throw error;
        return reply
          .code(413)
          .send({ ok: false, error: { code: 'invalid-input', message: 'That file is larger than a pack may be.' } });
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    });
  });
}
