import { type Signal, signal } from '@angular/core';
import { ApiError } from '@oris/shared/api-client';

export interface LatestLoadOptions {
  /** The page loads at once, so it starts out loading (no "nothing found" flash). */
  loading?: boolean;
  /** A new load takes the last problem away at once, rather than when its answer lands. */
  clearProblemOnStart?: boolean;
  /** A failed load forgets the last value, so the page shows only the problem. */
  forgetOnFailure?: boolean;
  /** How a failure is told (e.g. an id that is not a UUID is as missing as an unknown one). */
  problemOf?: (error: unknown) => ApiError;
}

export interface LatestLoad<T> {
  readonly value: Signal<T | null>;
  /** True while the latest request runs. */
  readonly loading: Signal<boolean>;
  /** What the API said when the latest request failed. */
  readonly problem: Signal<ApiError | null>;
  /**
   * Runs a request. Only the answer to the latest call lands: a slower, older one (a search
   * typed further, a page turned again) never overwrites a newer one. Resolves to whether this
   * call's answer landed.
   */
  load(request: () => Promise<T>): Promise<boolean>;
  /** Runs the last request again (a "Try again" button). */
  reload(): Promise<boolean>;
  /** Puts a value in place (an action's answer); a load still on its way replaces it on landing. */
  set(value: T | null): void;
  /** The same, from the value in place. */
  update(change: (value: T | null) => T | null): void;
}

/**
 * The load cycle of a page or a list: value, loading and problem as signals, latest answer
 * wins. The companion of `formSubmission()`; no base class.
 */
export function latestLoad<T>(options: LatestLoadOptions = {}): LatestLoad<T> {
  const value = signal<T | null>(null);
  const loading = signal(options.loading ?? false);
  const problem = signal<ApiError | null>(null);
  const problemOf = options.problemOf ?? ((error: unknown) => ApiError.from(error));
  let latest = 0;
  let last: (() => Promise<T>) | null = null;

  async function load(request: () => Promise<T>): Promise<boolean> {
    const ticket = ++latest;
    last = request;
    loading.set(true);
    if (options.clearProblemOnStart) problem.set(null);
    try {
      const answer = await request();
      if (ticket !== latest) return false;
      value.set(answer);
      problem.set(null);
      return true;
    } catch (error) {
      if (ticket === latest) {
        if (options.forgetOnFailure) value.set(null);
        problem.set(problemOf(error));
      }
      return false;
    } finally {
      if (ticket === latest) loading.set(false);
    }
  }

  return {
    value: value.asReadonly(),
    loading: loading.asReadonly(),
    problem: problem.asReadonly(),
    load,
    reload: () => (last ? load(last) : Promise.resolve(false)),
    set: (next) => value.set(next),
    update: (change) => value.update(change),
  };
}
