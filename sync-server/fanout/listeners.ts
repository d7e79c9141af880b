/** Handlers per key, so a fanout knows when a key gains its first listener or loses its last one. */
export class Listeners<K, V> {
  private readonly byKey = new Map<K, Set<(value: V) => void>>();

  /** Returns true when `key` had no handler before. */
  add(key: K, handler: (value: V) => void): boolean {
    const set = this.byKey.get(key);
    if (set) {
      set.add(handler);
      return false;
    }
    this.byKey.set(key, new Set([handler]));
    return true;
  }

  /** Returns true when `key` has no handler left. */
  remove(key: K, handler: (value: V) => void): boolean {
    const set = this.byKey.get(key);
    if (!set?.delete(handler)) return false;
    if (set.size > 0) return false;
    this.byKey.delete(key);
    return true;
  }

  emit(key: K, value: V) {
    for (const handler of [...(this.byKey.get(key) ?? [])]) handler(value);
  }

  keys() {
    return [...this.byKey.keys()];
  }
}
