/** A tiny typed fan-out; listeners that throw do not stop the others. */
export class EventHub<E> {
  readonly #listeners = new Set<(event: E) => void>();

  subscribe = (listener: (event: E) => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  emit(event: E): void {
    for (const listener of this.#listeners) {
      try {
        listener(event);
      } catch {
        // One broken listener (a closed socket, a destroyed window) must not starve the rest.
      }
    }
  }
}
