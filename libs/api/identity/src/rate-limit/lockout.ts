import type { AppConfig, LockoutPolicy } from '@oris/api/platform';

/** Sign-in's policy: one per account (keyed by email), shared with the password change. */
export const accountLockout = (config: AppConfig): LockoutPolicy => ({
  name: 'login:account',
  failuresBeforeLock: config.LOGIN_FAILURES_BEFORE_LOCK,
  firstLockSeconds: config.LOGIN_LOCK_SECONDS,
  maxLockSeconds: config.LOGIN_LOCK_MAX_SECONDS,
});
