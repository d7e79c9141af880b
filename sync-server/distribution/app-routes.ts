import type { FastifyInstance } from 'fastify';
import {
  appFileNameSchema,
  appReleaseInputSchema,
  channelFileSchema,
  DISTRIBUTION_PATHS,
} from '../../common/contract/distribution.js';
import type { TokenVerifier } from '../accounts/token-verifier.js';
import { authenticate, requireRole } from '../http/bearer-auth.js';
import { parseBody } from '../http/parse-body.js';
import { ServerError } from '../http/server-error.js';
import type { AppShelf } from './app-shelf.js';
import { sendFile } from './send-file.js';

/**
 * The electron-updater "generic" feed: anyone on the LAN reads it (an app updates before anyone signs in; the
 * updater checks each installer's SHA-512 from the channel file, and the OS its code signature), only admins
 * write it.
 */
export async function registerAppRoutes(
  app: FastifyInstance,
  { shelf, tokens }: { shelf: AppShelf; tokens: TokenVerifier },
): Promise<void> {
  await app.register(async (scope) => {
    scope.addContentTypeParser(
      'application/octet-stream',
      { bodyLimit: Number.MAX_SAFE_INTEGER },
      (_request, payload, done) => done(null, payload),
    );

    scope.put<{ Params: { name: string } }>(`${DISTRIBUTION_PATHS.appFiles}/:name`, async (request) => {
      const claims = await authenticate(request, tokens);
      requireRole(claims, ['admin']);
      const name = parseBody(appFileNameSchema, request.params.name);
      const body = request.body as { pipe?: unknown } | undefined;
      if (typeof body?.pipe !== 'function') {
        throw new ServerError(
          'invalid-input',
          'Send the installer as the body, with Content-Type application/octet-stream.',
        );
      }
      return shelf.putInstaller(name, body as NodeJS.ReadableStream);
    });

    scope.put<{ Params: { channel: string } }>(`${DISTRIBUTION_PATHS.appRelease}/:channel`, async (request) => {
      const claims = await authenticate(request, tokens);
      requireRole(claims, ['admin']);
      const channel = parseBody(channelFileSchema, request.params.channel);
      const { info, stagingPercentage } = parseBody(appReleaseInputSchema, request.body);
      await shelf.putRelease(channel, info, stagingPercentage);
      return { channel, version: info.version, stagingPercentage };
    });

    scope.get<{ Params: { name: string } }>(`${DISTRIBUTION_PATHS.appFeed}/:name`, async (request, reply) => {
      const { name } = request.params;
      const valid = channelFileSchema.safeParse(name).success || appFileNameSchema.safeParse(name).success;
      const found = valid ? await shelf.sizeAndTime(name) : undefined;
      if (!found) throw new ServerError('not-found', 'No such file in the app-update feed.');
      const channel = name.endsWith('.yml');
      if (channel) reply.header('cache-control', 'no-cache');
      return sendFile(request, reply, {
        path: shelf.pathOf(name),
        size: found.size,
        etag: `"${found.size.toString(36)}-${Math.floor(found.mtimeMs).toString(36)}"`,
        contentType: channel ? 'text/yaml; charset=utf-8' : 'application/octet-stream',
      });
    });
  });
}
