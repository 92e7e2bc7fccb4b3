import type { EnrollmentDetail } from '../shared/teaching-types';
import {
  completionReadiness,
  countsAfter,
  displayName,
  enrollmentActions,
  formatPercent,
  lastMeetingStart,
  promotesFromWaitlist,
  unmetCriteria,
} from './enrollment-rules';

const counts = { seats: 3, capacity: 4, waitlisted: 2, pending: 1 };

function detail(changes: Partial<EnrollmentDetail['completionCheck']>, requiredDone = 1) {
  return {
    progress: { requiredDone, requiredTotal: 4, publishedDone: 1, publishedTotal: 4, percent: 25 },
    completionCheck: {
      met: false,
      criteria: [],
      meetingsHeld: 4,
      meetingsAttended: 2,
      ...changes,
    },
  } as unknown as EnrollmentDetail;
}

describe('enrollmentActions', () => {
  it('offers approval or rejection of a request', () => {
    expect(enrollmentActions('pending', false)).toEqual(['approve', 'reject']);
  });

  it('lets only administrators withdraw someone', () => {
    expect(enrollmentActions('confirmed', false)).toEqual(['complete', 'notCompleted']);
    expect(enrollmentActions('confirmed', true)).toEqual(['complete', 'notCompleted', 'withdraw']);
    expect(enrollmentActions('waitlisted', false)).toEqual([]);
    expect(enrollmentActions('waitlisted', true)).toEqual(['withdraw']);
  });

  it('lets a "not completed" trainee still complete, and leaves final outcomes alone', () => {
    expect(enrollmentActions('not_completed', true)).toEqual(['complete']);
    expect(enrollmentActions('completed', true)).toEqual([]);
    expect(enrollmentActions('withdrawn', true)).toEqual([]);
  });
});

describe('countsAfter', () => {
  it('moves an approved request to a seat or to the waitlist', () => {
    expect(countsAfter(counts, 'pending', 'confirmed')).toEqual({
      seats: 4,
      capacity: 4,
      waitlisted: 2,
      pending: 0,
    });
    expect(countsAfter(counts, 'pending', 'waitlisted')).toEqual({
      seats: 3,
      capacity: 4,
      waitlisted: 3,
      pending: 0,
    });
  });

  it('keeps the seat of a completed trainee', () => {
    expect(countsAfter(counts, 'confirmed', 'completed')).toEqual(counts);
    expect(countsAfter(counts, 'confirmed', 'not_completed')).toEqual(counts);
  });

  it('gives a freed seat to the first one waiting', () => {
    expect(promotesFromWaitlist(counts, 'confirmed')).toBe(true);
    expect(countsAfter(counts, 'confirmed', 'withdrawn')).toEqual({
      seats: 3,
      capacity: 4,
      waitlisted: 1,
      pending: 1,
    });
  });

  it('frees the seat when nobody waits', () => {
    const none = { ...counts, waitlisted: 0 };
    expect(promotesFromWaitlist(none, 'confirmed')).toBe(false);
    expect(countsAfter(none, 'confirmed', 'withdrawn').seats).toBe(2);
    expect(countsAfter(counts, 'waitlisted', 'withdrawn')).toEqual({ ...counts, waitlisted: 1 });
  });
});

describe('unmetCriteria', () => {
  const rule = { requiredModules: true, minAttendancePercent: 75, trainerValidation: false };

  it('names the unmet modules and attendance with their figures', () => {
    const lines = unmetCriteria(
      detail({
        criteria: [
          { criterion: 'required_modules', met: false, detail: '' },
          { criterion: 'attendance', met: false, detail: '' },
        ],
      }),
      rule,
    );
    expect(lines).toEqual([
      { key: 'teaching.enrollments.completion.unmet.modules', params: { done: 1, total: 4 } },
      {
        key: 'teaching.enrollments.completion.unmet.attendance',
        params: { attended: 2, held: 4, percent: 50, required: 75 },
      },
    ]);
  });

  it('leaves out the criteria that are met', () => {
    const lines = unmetCriteria(
      detail({
        criteria: [
          { criterion: 'required_modules', met: true, detail: '' },
          { criterion: 'attendance', met: false, detail: '' },
          { criterion: 'trainer_validation', met: true, detail: '' },
        ],
      }),
      rule,
    );
    expect(lines.map((line) => line.key)).toEqual([
      'teaching.enrollments.completion.unmet.attendance',
    ]);
  });
});

describe('formatting', () => {
  it('writes a percent as each language does', () => {
    expect(formatPercent(75, 'fr').replace(/\s/g, ' ')).toBe('75 %');
    expect(formatPercent(75, 'en')).toBe('75%');
    expect(formatPercent(75, 'ar')).toMatch(/75/);
  });

  it('shows the Arabic name to Arabic readers when there is one', () => {
    const person = { fullName: 'Omar Idrissi', fullNameAr: 'عمر الإدريسي' };
    expect(displayName(person, 'ar')).toBe('عمر الإدريسي');
    expect(displayName(person, 'fr')).toBe('Omar Idrissi');
    expect(displayName({ ...person, fullNameAr: null }, 'ar')).toBe('Omar Idrissi');
  });
});

describe('completionReadiness', () => {
  const rule = { requiredModules: true, minAttendancePercent: 50, trainerValidation: true };
  const progress = (requiredDone: number) => ({
    requiredDone,
    requiredTotal: 2,
    publishedDone: requiredDone,
    publishedTotal: 2,
    percent: requiredDone * 50,
  });
  const now = new Date('2026-03-10T12:00:00.000Z');

  it('says who meets the rule, and what the others miss, with their figures', () => {
    expect(
      completionReadiness(
        { status: 'confirmed', progress: progress(2) },
        rule,
        { attended: 1, held: 2 },
        '2026-03-09T08:00:00.000Z',
        now,
      ),
    ).toEqual({ met: true, unmet: [], early: false });
    expect(
      completionReadiness(
        { status: 'confirmed', progress: progress(1) },
        rule,
        { attended: 0, held: 2 },
        '2026-03-09T08:00:00.000Z',
        now,
      ),
    ).toEqual({
      met: false,
      early: false,
      unmet: [
        { key: 'teaching.enrollments.completion.unmet.modules', params: { done: 1, total: 2 } },
        {
          key: 'teaching.enrollments.completion.unmet.attendance',
          params: { attended: 0, held: 2, percent: 0, required: 50 },
        },
      ],
    });
  });

  it('flags a validation before the last meeting as early, and says nothing about rows not to validate', () => {
    const early = completionReadiness(
      { status: 'confirmed', progress: progress(2) },
      rule,
      { attended: 1, held: 1 },
      '2026-03-12T08:00:00.000Z',
      now,
    );
    expect(early).toMatchObject({ met: true, early: true });
    expect(
      completionReadiness(
        { status: 'completed', progress: progress(2) },
        rule,
        undefined,
        null,
        now,
      ),
    ).toBeNull();
    expect(
      completionReadiness(
        { status: 'waitlisted', progress: progress(0) },
        rule,
        undefined,
        null,
        now,
      ),
    ).toBeNull();
  });

  it('finds the last meeting whatever the order', () => {
    expect(
      lastMeetingStart([
        { startsAt: '2026-03-12T08:00:00.000Z' },
        { startsAt: '2026-03-14T08:00:00.000Z' },
        { startsAt: '2026-03-10T08:00:00.000Z' },
      ]),
    ).toBe('2026-03-14T08:00:00.000Z');
    expect(lastMeetingStart([])).toBeNull();
  });
});
