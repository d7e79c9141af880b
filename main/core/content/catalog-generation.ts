import type { SqliteDatabase } from '../../../infra/sqlite/open-database.js';

/**
 * Which installed catalog a kept read was built from. Reads of the catalog (every exercise with its
 * skills and lessons, every item's difficulty) are many and the catalog changes rarely, so they are
 * built once per generation. The generation moves with this connection's installs and removals, and
 * with SQLite's data_version, which moves when another connection commits (a CLI on the same data
 * folder installing a pack while the app runs); that also moves on others' progress writes, which
 * costs a rebuild, never a stale read.
 */
export class CatalogGeneration {
  #changes = 0;
  readonly #dataVersion;

  constructor(db: SqliteDatabase) {
    this.#dataVersion = db.prepare<[], number>('PRAGMA data_version').pluck();
  }

  /** Called after any write to the catalog's tables, committed or rolled back. */
  changed(): void {
    this.#changes += 1;
  }

  current(): string {
    return `${this.#changes}/${this.#dataVersion.get()}`;
  }

  /** `build`'s result, built again only once the catalog has changed. Callers must not mutate what it returns. */
  remember<T>(build: () => T): () => T {
    let kept: { generation: string; value: T } | undefined;
    return () => {
      const generation = this.current();
      if (kept?.generation !== generation) kept = { generation, value: build() };
      return kept.value;
    };
  }
}
