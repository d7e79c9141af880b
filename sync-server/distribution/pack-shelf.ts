import { say } from '../../common/i18n/message.js';
import type { Said } from '../../common/i18n/message.js';
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import semver from 'semver';
import type { FeedPack, PackFeed, PublishResult } from '../../common/contract/distribution.js';
import {
  DEFAULT_LIMITS,
  bytesSaid,
  PackArchiveError,
  verifyPackFile,
} from '../../content-packs/format/pack-archive.js';
import { ServerError } from '../http/server-error.js';
import { makePrivateDir } from '../storage/private-files.js';
import type { SqlStore } from '../storage/sql-store.js';

/**
 * Why the reader refused a pack, as the server's answer says it: for an untrusted key, where this server's trust
 * store is (see pack-keys.ts), not the app's remedy (Settings, `lionlearn trust add`), which would not help here.
 */
const refusedBecause = (reason: Said): Said =>
  reason.key === 'pack-key-untrusted'
    ? say('server-pack-key-untrusted', { keyId: String(reason.params?.keyId) })
    : reason;

interface PackRow {
  sha256: string;
  pack_id: string;
  version: string;
  bytes: number;
  key_id: string;
  published_at: number;
}

const toFeedPack = (row: PackRow): FeedPack => ({
  packId: row.pack_id,
  version: row.version,
  sha256: row.sha256,
  bytes: Number(row.bytes),
  keyId: row.key_id,
  publishedAt: new Date(Number(row.published_at)).toISOString(),
});

/**
 * The published packs of the class server: each version's exact bytes in `<dir>/packs/<sha256>.lpack` (written
 * once, never changed, so a download resumed a day later gets the same bytes), its row in distribution_packs.
 * A pack is verified before it is kept, with the same reader the app installs with, against the keys the server
 * trusts (`keys()`, read again at each publish so an admin adds a key without a restart).
 */
export class PackShelf {
  readonly #packs: string;
  readonly #incoming: string;

  constructor(
    private readonly store: SqlStore,
    dir: string,
    private readonly keys: () => Promise<ReadonlyMap<string, string>>,
    private readonly now: () => Date,
  ) {
    this.#packs = join(dir, 'packs');
    this.#incoming = join(dir, 'incoming');
    makePrivateDir(this.#packs);
    makePrivateDir(this.#incoming);
  }

  fileOf(sha256: string): string {
    return join(this.#packs, `${sha256}.lpack`);
  }

  async find(sha256: string): Promise<FeedPack | undefined> {
    const row = await this.store.get<PackRow>('SELECT * FROM distribution_packs WHERE sha256 = ?', [sha256]);
    return row && toFeedPack(row);
  }

  /** Streams an upload to a private file (no more than a pack may be), checks it whole, then files it. */
  async publish(body: NodeJS.ReadableStream, publishedBy: string): Promise<PublishResult> {
    const work = await mkdtemp(join(this.#incoming, 'publish-'));
    try {
      const upload = join(work, 'upload.lpack');
      const hash = createHash('sha256');
      let bytes = 0;
      const limit = DEFAULT_LIMITS.archiveBytes;
      const counted = new Transform({
        transform(chunk: Buffer, _encoding, callback) {
          bytes += chunk.length;
          if (bytes > limit) {
            callback(new ServerError('invalid-input', say('server-pack-too-large', { size: bytesSaid(limit) })));
            return;
          }
          hash.update(chunk);
          callback(null, chunk);
        },
      });
      await pipeline(body, counted, createWriteStream(upload, { mode: 0o600 }));
      if (bytes === 0) throw new ServerError('invalid-input', say('server-pack-body-missing'));
      const sha256 = hash.digest('hex');
      const { contents, signature } = await verifyPackFile(upload, {
        trusted: await this.keys(),
        extractTo: join(work, 'pack'),
      }).catch((error: unknown) => {
        if (!(error instanceof PackArchiveError)) throw error;
        // The reason alone: the file is the server's temp copy, whose path means nothing to the publisher.
        throw new ServerError('invalid-input', say('server-pack-refused', { reason: refusedBecause(error.reason) }));
      });
      const { packId, version } = contents;
      await this.#checkVersion(packId, version, sha256, signature.keyId);
      const same = await this.find(sha256);
      if (same) return { ...same, status: 'unchanged' };
      await rename(upload, this.fileOf(sha256));
      const publishedAt = this.now().getTime();
      await this.store.run(
        `INSERT INTO distribution_packs (sha256, pack_id, version, bytes, key_id, published_by, published_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
        [sha256, packId, version, bytes, signature.keyId, publishedBy, publishedAt],
      );
      return {
        packId,
        version,
        sha256,
        bytes,
        keyId: signature.keyId,
        publishedAt: new Date(publishedAt).toISOString(),
        status: 'published',
      };
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  }

  /**
   * A published version is never replaced by other bytes (apps that resumed half of it would splice two files),
   * and a pack id stays with the key it was first published with, as it does on every app.
   */
  async #checkVersion(packId: string, version: string, sha256: string, keyId: string): Promise<void> {
    const rows = await this.store.all<PackRow>('SELECT * FROM distribution_packs WHERE pack_id = ?', [packId]);
    const clash = rows.find((r) => r.version === version && r.sha256 !== sha256);
    if (clash) {
      throw new ServerError('conflict', say('server-pack-version-taken', { version, packId }));
    }
    const otherKey = rows.find((r) => r.key_id !== keyId);
    if (otherKey) {
      throw new ServerError('conflict', say('server-pack-other-key', { packId, publishedKey: otherKey.key_id, keyId }));
    }
  }

  /**
   * The pack ids an account may read: those its classes' lists name when any of its classes has a list, every
   * pack (undefined) when none has (an admin is in no class, so reads all).
   */
  async #allowedFor(accountId: string): Promise<ReadonlySet<string> | undefined> {
    const listed = await this.store.all<{ pack_id: string | null }>(
      `SELECT p.pack_id FROM class_members m
         JOIN distribution_class_lists l ON l.class_id = m.class_id
         LEFT JOIN distribution_class_packs p ON p.class_id = l.class_id
       WHERE m.account_id = ?`,
      [accountId],
    );
    return listed.length === 0 ? undefined : new Set(listed.flatMap((r) => (r.pack_id ? [r.pack_id] : [])));
  }

  /** Whether the account may download this pack (any version of it: a download may resume after a newer one). */
  async readableBy(accountId: string, packId: string): Promise<boolean> {
    const allowed = await this.#allowedFor(accountId);
    return !allowed || allowed.has(packId);
  }

  /** The newest version of each pack, limited to the packs of the account's classes when any has a list. */
  async feedFor(accountId: string): Promise<PackFeed> {
    const allowed = await this.#allowedFor(accountId);
    const newest = new Map<string, PackRow>();
    for (const row of await this.store.all<PackRow>('SELECT * FROM distribution_packs')) {
      if (allowed && !allowed.has(row.pack_id)) continue;
      const seen = newest.get(row.pack_id);
      if (!seen || semver.gt(row.version, seen.version)) newest.set(row.pack_id, row);
    }
    const packs = [...newest.values()].map(toFeedPack).sort((a, b) => a.packId.localeCompare(b.packId));
    return { packs };
  }

  /** Sets (or with null, drops) the list of packs one class gets. */
  async setClassPacks(classId: string, packIds: readonly string[] | null): Promise<void> {
    const found = await this.store.get('SELECT 1 AS one FROM classes WHERE id = ?', [classId]);
    if (!found) throw new ServerError('not-found', say('server-no-such-class'));
    await this.store.transaction(async (tx) => {
      await tx.run('DELETE FROM distribution_class_packs WHERE class_id = ?', [classId]);
      await tx.run('DELETE FROM distribution_class_lists WHERE class_id = ?', [classId]);
      if (packIds === null) return;
      await tx.run('INSERT INTO distribution_class_lists (class_id) VALUES (?)', [classId]);
      for (const packId of new Set(packIds)) {
        await tx.run('INSERT INTO distribution_class_packs (class_id, pack_id) VALUES (?, ?)', [classId, packId]);
      }
    });
  }

  /** Bytes of a file on the shelf (its row says the same; the file is the truth a download reads). */
  async sizeOf(sha256: string): Promise<number> {
    return (await stat(this.fileOf(sha256))).size;
  }
}
