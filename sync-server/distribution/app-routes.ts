import { say } from '../../common/i18n/message.js';
import type { FastifyInstance } from 'fastify';
import {
  appFileNameSchema,
  appReleaseInputSchema,
  channelFileSchema,
  DISTRIBUTION_PATHS,
} from '../../common/contract/distribution.js';
import { signatureSchema } from '../../content-packs/format/signing.js';
import type { TokenVerifier } from '../accounts/token-verifier.js';
import { authenticate, requireRole } from '../http/bearer-auth.js';
import { parseBody } from '../http/parse-body.js';
import { ServerError } from '../http/server-error.js';
import type { AppShelf } from './app-shelf.js';
import { sendFile } from './send-file.js';

/** A channel file's signature: the packs' form, with an ed25519 signature's 64 bytes exactly. */
const appSignatureSchema = signatureSchema.refine(
  (s) => Buffer.from(s.signature, 'base64').length === 64,
  'an ed25519 signature is 64 bytes (88 base64 characters)',
);

/**
 * The electron-updater "generic" feed: anyone on the LAN reads it (an app updates before anyone signs in), only
 * admins write it. Nothing here is trusted by the apps for itself: each channel file has its publisher's
 * signature beside it (`latest.yml.sig`), and an app installs a download only when a key its machine admin
 * trusts signed the channel file naming that download's SHA-512 and size.
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
        throw new ServerError('invalid-input', say('server-body-content-type', { type: 'application/octet-stream' }));
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

    scope.put<{ Params: { channel: string } }>(`${DISTRIBUTION_PATHS.appSignatures}/:channel`, async (request) => {
      const claims = await authenticate(request, tokens);
      requireRole(claims, ['admin']);
      const channel = parseBody(channelFileSchema, request.params.channel);
      const signature = parseBody(appSignatureSchema, request.body);
      await shelf.putSignature(channel, `${JSON.stringify(signature)}\n`);
      return { channel, keyId: signature.keyId };
    });

    scope.get<{ Params: { name: string } }>(`${DISTRIBUTION_PATHS.appFeed}/:name`, async (request, reply) => {
      const { name } = request.params;
      const isChannel = (n: string) => channelFileSchema.safeParse(n).success;
      const signature = name.endsWith('.sig') && isChannel(name.slice(0, -'.sig'.length));
      const valid = isChannel(name) || signature || appFileNameSchema.safeParse(name).success;
      const found = valid ? await shelf.sizeAndTime(name) : undefined;
      if (!found) throw new ServerError('not-found', say('server-no-feed-file'));
      const channel = name.endsWith('.yml');
      if (channel || signature) reply.header('cache-control', 'no-cache');
      return sendFile(request, reply, {
        path: shelf.pathOf(name),
        size: found.size,
        etag: `"${found.size.toString(36)}-${Math.floor(found.mtimeMs).toString(36)}"`,
        contentType: channel ? 'text/yaml; charset=utf-8' : signature ? 'application/json' : 'application/octet-stream',
      });
    });
  });
}
