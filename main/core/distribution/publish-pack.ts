import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable, Transform } from 'node:stream';
import { DISTRIBUTION_PATHS, publishResultSchema } from '../../../common/contract/distribution.js';
import type { PublishResult } from '../../../common/contract/distribution.js';
import type { Said } from '../../../common/i18n/message.js';
import { serverRefusal } from '../sync/server-request.js';

/** The server answered and said no (as opposed to a connection that failed), in its words as a catalog message. */
export class ServerRefused extends Error {
  constructor(readonly said: Said) {
    super(said.text);
    this.name = 'ServerRefused';
  }
}

/** The server's refusal in its own words (its `messageI18n`, else its English), else the status. */
export async function refusal(response: Response): Promise<ServerRefused> {
  return new ServerRefused(serverRefusal(response.status, await response.json().catch(() => null)));
}

/**
 * POSTs a signed .lpack to the class server's pack feed as the account of `accessToken` (the server verifies it
 * against its own trust store and refuses non-admins). The file streams from disk, never whole in memory; the
 * bytes sent are counted for a progress bar. The one publishing path of the CLI and the app.
 */
export async function publishPackFile(
  serverUrl: string,
  accessToken: string,
  file: string,
  onProgress: (bytes: number, total: number) => void = () => undefined,
): Promise<PublishResult> {
  const total = (await stat(file)).size;
  let sent = 0;
  const counted = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      sent += chunk.length;
      onProgress(sent, total);
      callback(null, chunk);
    },
  });
  const response = await fetch(`${serverUrl.replace(/\/+$/, '')}${DISTRIBUTION_PATHS.packs}`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${accessToken}`,
      'content-type': 'application/octet-stream',
      'content-length': String(total),
    },
    body: Readable.toWeb(createReadStream(file).pipe(counted)) as ReadableStream,
    duplex: 'half',
  } as RequestInit);
  if (!response.ok) throw await refusal(response);
  return publishResultSchema.parse(await response.json());
}
