import { say } from '../../common/i18n/message.js';
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { classPacksSchema, DISTRIBUTION_PATHS, sha256Schema } from '../../common/contract/distribution.js';
import type { TokenVerifier } from '../accounts/token-verifier.js';
import { authenticate, requireRole } from '../http/bearer-auth.js';
import { parseBody } from '../http/parse-body.js';
import { ServerError } from '../http/server-error.js';
import type { PackShelf } from './pack-shelf.js';
import { sendFile } from './send-file.js';

const OCTETS = 'application/octet-stream';

/**
 * The pack feed: admins publish, every signed-in account reads its feed (a 304 while it has not changed) and
 * downloads, resumably, the packs its feed may list (any version of them), and no other.
 */
export async function registerPackRoutes(
  app: FastifyInstance,
  { shelf, tokens }: { shelf: PackShelf; tokens: TokenVerifier },
): Promise<void> {
  await app.register(async (scope) => {
    // The upload is streamed to disk by the shelf, which enforces the pack size limit itself.
    scope.addContentTypeParser(OCTETS, { bodyLimit: Number.MAX_SAFE_INTEGER }, (_request, payload, done) =>
      done(null, payload),
    );

    scope.post(DISTRIBUTION_PATHS.packs, async (request, reply) => {
      const claims = await authenticate(request, tokens);
      requireRole(claims, ['admin']);
      const body = request.body as { pipe?: unknown } | undefined;
      if (typeof body?.pipe !== 'function') {
        throw new ServerError('invalid-input', say('server-body-content-type', { type: OCTETS }));
      }
      const result = await shelf.publish(body as NodeJS.ReadableStream, claims.accountId);
      return reply.code(result.status === 'published' ? 201 : 200).send(result);
    });

    scope.get(DISTRIBUTION_PATHS.packs, async (request, reply) => {
      const claims = await authenticate(request, tokens);
      const body = JSON.stringify(await shelf.feedFor(claims.accountId));
      const etag = `"${createHash('sha256').update(body).digest('base64url')}"`;
      reply.header('etag', etag).header('cache-control', 'no-cache');
      if (request.headers['if-none-match'] === etag) return reply.code(304).send();
      return reply.type('application/json').send(body);
    });

    scope.get<{ Params: { sha256: string } }>(`${DISTRIBUTION_PATHS.packFile}/:sha256`, async (request, reply) => {
      const claims = await authenticate(request, tokens);
      const sha256 = sha256Schema.safeParse(request.params.sha256);
      const found = sha256.success ? await shelf.find(sha256.data) : undefined;
      // A pack outside the account's class lists answers as absent: its hash does not open it, nor say it exists.
      const pack = found && (await shelf.readableBy(claims.accountId, found.packId)) ? found : undefined;
      if (!pack) throw new ServerError('not-found', say('server-no-pack-sha'));
      return sendFile(request, reply, {
        path: shelf.fileOf(pack.sha256),
        size: await shelf.sizeOf(pack.sha256),
        etag: `"${pack.sha256}"`,
        contentType: OCTETS,
      });
    });

    scope.put<{ Params: { classId: string } }>(`${DISTRIBUTION_PATHS.classPacks}/:classId`, async (request) => {
      const claims = await authenticate(request, tokens);
      requireRole(claims, ['admin']);
      const { packIds } = parseBody(classPacksSchema, request.body);
      await shelf.setClassPacks(request.params.classId, packIds);
      return { classId: request.params.classId, packIds };
    });
  });
}
