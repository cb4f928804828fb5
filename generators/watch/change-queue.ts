/**
 * The changes a watch has seen and not yet acted on. Changes keep arriving while a run is under
 * way; the next wait hands over the ones that matter at once, or waits for one, and in both cases
 * for a short quiet spell first, so that an editor's save (a temporary file written, renamed over
 * the old one, its folder touched) or a `git checkout` of many files starts one run, not several.
 */

/** How long a watch waits, after a change, for the next before it runs: editors save in a few milliseconds. */
export const QUIET_MS = 40;

/** Changed paths collected between runs. */
export class ChangeQueue {
  #pending: string[] = [];
  #wake: (() => void) | undefined;

  /** A change to `path` (absolute). */
  add(path: string): void {
    this.#pending.push(path);
    this.#wake?.();
  }

  /**
   * The changed paths that `matters` keeps, distinct and in the order seen, once a change that
   * matters has come and {@link QUIET_MS} passed with no other; those it does not keep are
   * dropped. Resolves with none when `signal` aborts.
   */
  async next(matters: (path: string) => boolean, signal: AbortSignal): Promise<string[]> {
    const taken: string[] = [];
    const take = () => {
      taken.push(...this.#pending.filter(matters));
      this.#pending = [];
    };
    take();
    while (taken.length === 0 || (await this.#changeWithin(QUIET_MS, signal))) {
      if (signal.aborted) return [];
      if (taken.length === 0) await this.#changeWithin(Infinity, signal);
      take();
    }
    return [...new Set(taken)];
  }

  /** Whether a change comes within `ms` (false when `signal` aborts first). */
  #changeWithin(ms: number, signal: AbortSignal): Promise<boolean> {
    if (signal.aborted) return Promise.resolve(false);
    return new Promise((resolve) => {
      const done = (changed: boolean) => {
        clearTimeout(timer);
        signal.removeEventListener("abort", aborted);
        this.#wake = undefined;
        resolve(changed);
      };
      const aborted = () => done(false);
      const timer = ms === Infinity ? undefined : setTimeout(() => done(false), ms);
      signal.addEventListener("abort", aborted);
      this.#wake = () => done(true);
    });
  }
}
