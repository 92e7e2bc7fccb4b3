import { failureMemorySeconds, lockSeconds, LockoutPolicy } from './lockout';

const policy: LockoutPolicy = {
  name: 'login',
  failuresBeforeLock: 5,
  firstLockSeconds: 30,
  maxLockSeconds: 900,
};

describe('lockSeconds', () => {
  it('does not lock before the allowed failures are spent', () => {
    expect([1, 2, 3, 4].map((failures) => lockSeconds(failures, policy))).toEqual([0, 0, 0, 0]);
  });

  it('locks at the last allowed failure, then doubles the lock with each further one', () => {
    expect([5, 6, 7, 8].map((failures) => lockSeconds(failures, policy))).toEqual([
      30, 60, 120, 240,
    ]);
  });

  it('never locks longer than the maximum, however many failures', () => {
    expect(lockSeconds(10, policy)).toBe(900);
    expect(lockSeconds(10_000, policy)).toBe(900);
  });

  it('remembers a run of failures longer than the longest lock', () => {
    expect(failureMemorySeconds(policy)).toBeGreaterThan(policy.maxLockSeconds);
    expect(failureMemorySeconds({ ...policy, maxLockSeconds: 7_200 })).toBe(14_400);
  });
});
