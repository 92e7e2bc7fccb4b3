/** How wrong passwords lock an account: after `failuresBeforeLock`, a lock that doubles, capped. */
export interface LockoutPolicy {
  /** Names the counters in Redis, e.g. `login`. */
  name: string;
  failuresBeforeLock: number;
  firstLockSeconds: number;
  maxLockSeconds: number;
}

/** Seconds to lock the account after its `failures`-th wrong password in a row (0: no lock). */
export function lockSeconds(failures: number, policy: LockoutPolicy): number {
  const beyond = failures - policy.failuresBeforeLock;
  if (beyond < 0) return 0;
  // Capped before exponentiating so that a long run of failures cannot overflow.
  const doublings = Math.min(beyond, 32);
  return Math.min(policy.firstLockSeconds * 2 ** doublings, policy.maxLockSeconds);
}

/**
 * How long a run of failures is remembered after the last one: past it, the next wrong password
 * starts a new run. At least an hour, and longer than the longest lock, so that waiting a lock
 * out does not reset the count by itself.
 */
export const failureMemorySeconds = (policy: LockoutPolicy): number =>
  Math.max(3_600, policy.maxLockSeconds * 2);
