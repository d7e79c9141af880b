import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ADMIN_SESSION_HEADER } from '../../common/contract/admin.js';
import { dispatch } from '../../common/contract/bridge.js';
import { LEARNER_SESSION_HEADER } from '../../common/contract/distribution.js';
import { LearnError } from '../../common/contract/errors.js';
import type { ApiResult } from '../../common/contract/errors.js';
import type { Core } from '../core/create-core.js';
import { say } from '../../common/i18n/message.js';
import { megabytes, sendCoreFailure, sendFailure, statusOf } from './contract-errors.js';
import { namingTheUpload, uploadName } from './upload-name.js';

/** The largest pack the browser face accepts, as the archive reader does. */
export const MAX_UPLOAD_BYTES = 1024 ** 3;

class TooLarge extends Error {}

/**
 * PUT <api>/upload-pack: the browser face's pack import; PUT <api>/upload-publish: an admin publishing a pack on the
 * class server. The body streams to a private temp file (never into memory), which is installed or published like
 * any pack file and then deleted. Registered inside the /api scope, whose hook has authorized the request before a
 * byte of the body is read.
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
    const tooLarge = say('web-pack-too-large', { megabytes: megabytes(maxBytes) });

    /**
     * Streams the body to a private temp file and hands it to `use` (which dispatches a core call), admin only: a
     * declared length too large is refused before reading, an undeclared one while streaming.
     */
    const receive = async (
      request: FastifyRequest<{ Querystring: { name?: string } }>,
      reply: FastifyReply,
      use: (file: string, session: string | undefined) => Promise<ApiResult<unknown>>,
    ) => {
      if (Number(request.headers['content-length']) > maxBytes)
        return sendFailure(reply, 413, 'invalid-input', tooLarge);
      // Only an admin installs or publishes: anyone else is refused before a gigabyte reaches the disk.
      const header = request.headers[ADMIN_SESSION_HEADER];
      const session = typeof header === 'string' ? header : undefined;
      try {
        core.requireAdmin(session);
      } catch (error) {
        if (!(error instanceof LearnError)) throw error;
        return sendCoreFailure(reply, statusOf[error.code], error);
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
        // The core's gate checks the session again: it may have ended during the upload.
        const result = await use(file, session);
        const named = namingTheUpload(result, [file, dir], uploadName(request.query.name));
        return reply.code(named.ok ? 200 : statusOf[named.error.code]).send(named);
      } catch (error) {
        if (!(error instanceof TooLarge)) throw error;
        return sendFailure(reply, 413, 'invalid-input', tooLarge);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    };
    const logged = (error: unknown) => core.logger.error({ err: error }, 'pack upload failed');

    scope.put<{ Querystring: { allowDowngrade?: string; name?: string } }>('/upload-pack', (request, reply) =>
      receive(request, reply, (file, session) => {
        const input = {
          file,
          allowDowngrade: request.query.allowDowngrade === 'true',
          ...(session ? { session } : {}),
        };
        return dispatch(core.api, 'installPack', input, logged);
      }),
    );
    // An admin publishing on the class server the profile of the learner session (a header, never the URL) is
    // linked to.
    scope.put<{ Querystring: { name?: string } }>('/upload-publish', (request, reply) =>
      receive(request, reply, (file, session) => {
        const header = request.headers[LEARNER_SESSION_HEADER];
        const input = {
          file,
          learnerSession: typeof header === 'string' ? header : '',
          ...(session ? { session } : {}),
        };
        return dispatch(core.api, 'publishPack', input, logged);
      }),
    );
  });
}
