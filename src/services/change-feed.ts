export type ChangeEvent =
  | { entity: 'role'; taxonomy: string; code: string }
  | { entity: 'term'; slug: string }
  | { entity: 'taxonomy'; taxonomy: string };

/** Listeners hear about committed changes, so in-memory indexes stay current without a restart. */
export class ChangeFeed {
  readonly #listeners = new Set<(changes: readonly ChangeEvent[]) => void>();

  subscribe(listener: (changes: readonly ChangeEvent[]) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  publish(changes: readonly ChangeEvent[]): void {
    if (changes.length === 0) return;
    for (const listener of this.#listeners) listener(changes);
  }
}
