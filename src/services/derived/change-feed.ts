/** How often views look for writes by other instances: the bound on how late those arrive. */
const DEFAULT_POLL_MS = 1_000;

/**
 * Tells derived views that the revision log may have moved on: at once when this process commits
 * a write, and every `pollMs` for writes that other instances sharing the database committed.
 * The signal carries nothing; the revision log is the one record of what changed, and each view
 * reads it from where it last stopped, so no change is heard twice or lost between two sources.
 * The timer runs only while a view listens, and never keeps the process alive.
 */
export class ChangeFeed {
  readonly #listeners = new Set<() => void>();
  readonly #pollMs: number;
  readonly #polls: boolean;
  #timer: NodeJS.Timeout | undefined;

  /**
   * `poll: false` for a feed another one forwards its signals to (a worker thread's, from the
   * main thread's feed, which polls): one poll per process is enough.
   */
  constructor(options: { pollMs?: number; poll?: boolean } = {}) {
    this.#pollMs = options.pollMs ?? DEFAULT_POLL_MS;
    this.#polls = options.poll ?? true;
  }

  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    if (this.#polls) this.#timer ??= setInterval(() => this.publish(), this.#pollMs).unref();
    return () => {
      this.#listeners.delete(listener);
      if (this.#listeners.size === 0) this.#stopPolling();
    };
  }

  /** Called once a write has committed, never before: a view that reads the log finds it. */
  publish(): void {
    for (const listener of this.#listeners) listener();
  }

  close(): void {
    this.#listeners.clear();
    this.#stopPolling();
  }

  #stopPolling(): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
  }
}
