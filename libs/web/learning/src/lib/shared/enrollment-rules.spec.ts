import { toApiError } from '@oris/shared/api-client';
import { neighbours } from '../module/neighbours';
import { anEnrollment, aProgress, aSessionBrief, SESSION_ID } from '../testing';
import {
  activeEnrollmentIn,
  canWithdraw,
  enrollRefusal,
  keepsIdempotencyKey,
  newIdempotencyKey,
  opensModules,
  progressLabel,
} from './enrollment-rules';

describe('activeEnrollmentIn', () => {
  it('finds the person’s enrollment in the session, whatever its status but withdrawn', () => {
    const waitlisted = anEnrollment({ id: 'e2', status: 'waitlisted' });
    const withdrawn = anEnrollment({ id: 'e1', status: 'withdrawn' });

    expect(activeEnrollmentIn([withdrawn, waitlisted], SESSION_ID)?.id).toBe('e2');
    expect(activeEnrollmentIn([withdrawn], SESSION_ID)).toBeNull();
    expect(activeEnrollmentIn([waitlisted], 'another-session')).toBeNull();
  });
});

describe('enrollRefusal', () => {
  const open = aSessionBrief({ status: 'open', opensOn: '2026-11-01', closesOn: '2026-12-09' });

  it('lets a trainee enroll in an open session within its window', () => {
    expect(enrollRefusal(open, '2026-11-01', true)).toBeNull();
    expect(enrollRefusal(open, '2026-12-09', true)).toBeNull();
  });

  it('names the day when the window has not opened or has closed', () => {
    expect(enrollRefusal(open, '2026-10-31', true)).toEqual({
      key: 'learning.enroll.refusal.notYetOpen',
      params: { day: '2026-11-01' },
    });
    expect(enrollRefusal(open, '2026-12-10', true)).toEqual({
      key: 'learning.enroll.refusal.closed',
      params: { day: '2026-12-09' },
    });
  });

  it('refuses sessions that are not open, cancelled ones included', () => {
    expect(enrollRefusal({ ...open, status: 'planned' }, '2026-11-15', true)?.key).toBe(
      'learning.enroll.refusal.notOpen',
    );
    expect(enrollRefusal({ ...open, status: 'cancelled' }, '2026-11-15', true)?.key).toBe(
      'learning.enroll.refusal.cancelled',
    );
  });

  it('tells people without the trainee role that enrolling is for trainees', () => {
    expect(enrollRefusal(open, '2026-11-15', false)?.key).toBe(
      'learning.enroll.refusal.traineesOnly',
    );
  });
});

describe('progressLabel', () => {
  it('counts the required modules, as the percentage does', () => {
    expect(progressLabel(aProgress({ requiredDone: 1, requiredTotal: 2 }))).toEqual({
      key: 'learning.progress.required',
      params: { done: 1, total: 2 },
    });
  });

  it('counts every published module when none is required', () => {
    const progress = aProgress({ requiredTotal: 0, publishedDone: 2, publishedTotal: 5 });
    expect(progressLabel(progress)).toEqual({
      key: 'learning.progress.all',
      params: { done: 2, total: 5 },
    });
  });
});

describe('what an enrollment allows', () => {
  it('opens the modules to a confirmed seat and after completion only', () => {
    expect(opensModules('confirmed')).toBe(true);
    expect(opensModules('completed')).toBe(true);
    expect(opensModules('waitlisted')).toBe(false);
    expect(opensModules('pending')).toBe(false);
  });

  it('lets the trainee withdraw while waiting or taking part, not afterwards', () => {
    expect(canWithdraw('pending')).toBe(true);
    expect(canWithdraw('waitlisted')).toBe(true);
    expect(canWithdraw('confirmed')).toBe(true);
    expect(canWithdraw('completed')).toBe(false);
    expect(canWithdraw('withdrawn')).toBe(false);
  });
});

describe('Idempotency-Key reuse', () => {
  it('keeps the key when the outcome of the first request is unknown', () => {
    expect(keepsIdempotencyKey(toApiError(0, {}))).toBe(true);
    expect(keepsIdempotencyKey(toApiError(503, { title: 'Unavailable' }))).toBe(true);
    expect(
      keepsIdempotencyKey(toApiError(409, { title: 'x', code: 'idempotency_key_in_flight' })),
    ).toBe(true);
  });

  it('takes a new key after a definitive refusal, which enrolled no one', () => {
    expect(keepsIdempotencyKey(toApiError(409, { title: 'x', code: 'enrollment_closed' }))).toBe(
      false,
    );
    expect(keepsIdempotencyKey(toApiError(400, { title: 'Invalid input' }))).toBe(false);
  });

  it('makes random version-4 UUIDs', () => {
    const keys = new Set(Array.from({ length: 50 }, () => newIdempotencyKey()));
    expect(keys.size).toBe(50);
    for (const key of keys) {
      expect(key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    }
  });
});

describe('neighbours', () => {
  const modules = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];

  it('gives a module’s number and the modules on each side', () => {
    expect(neighbours(modules, 'b')).toEqual({
      number: 2,
      count: 3,
      previous: { id: 'a' },
      next: { id: 'c' },
    });
    expect(neighbours(modules, 'a')?.previous).toBeNull();
    expect(neighbours(modules, 'c')?.next).toBeNull();
  });

  it('knows nothing of a module outside the outline', () => {
    expect(neighbours(modules, 'z')).toBeNull();
  });
});
