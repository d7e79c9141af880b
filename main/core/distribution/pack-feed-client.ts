import { DISTRIBUTION_PATHS, packFeedSchema } from '../../../common/contract/distribution.js';
import type { PackFeed } from '../../../common/contract/distribution.js';

/**
 * Reads the server's pack feed, sending the ETag of the last answer: an unchanged feed is a 304 with no body,
 * and the copy kept here is used again.
 */
export class PackFeedClient {
  #last: { serverUrl: string; etag: string; feed: PackFeed } | null = null;

  async read(
    serverUrl: string,
    accessToken: string,
    signal?: AbortSignal,
  ): Promise<{ feed: PackFeed; changed: boolean }> {
    const last = this.#last?.serverUrl === serverUrl ? this.#last : null;
    const response = await fetch(`${serverUrl}${DISTRIBUTION_PATHS.packs}`, {
      headers: { authorization: `Bearer ${accessToken}`, ...(last ? { 'if-none-match': last.etag } : {}) },
      ...(signal ? { signal } : {}),
    });
    if (response.status === 304 && last) return { feed: last.feed, changed: false };
    if (!response.ok) {
      await response.body?.cancel();
      throw new Error(`the server answered ${response.status} for its pack feed`);
    }
    const parsed = packFeedSchema.safeParse(await response.json().catch(() => null));
    if (!parsed.success) throw new Error('the server sent a pack feed this app does not understand');
    const etag = response.headers.get('etag');
    this.#last = etag ? { serverUrl, etag, feed: parsed.data } : null;
    return { feed: parsed.data, changed: true };
  }
}
