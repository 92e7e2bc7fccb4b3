import { defaultWindow, SessionPlan, sessionPlanProblems } from './session-rules';

const TODAY = '2026-11-26';

const plan = (overrides: Partial<SessionPlan> = {}): SessionPlan => ({
  startsOn: '2026-12-07',
  endsOn: '2026-12-11',
  enrollmentOpensOn: TODAY,
  enrollmentClosesOn: '2026-12-07',
  venue: 'Technopark, Rabat',
  onlineUrl: null,
  meetings: [
    {
      startsAt: new Date('2026-12-07T09:00:00+01:00'),
      endsAt: new Date('2026-12-07T12:30:00+01:00'),
    },
  ],
  ...overrides,
});

const fields = (p: SessionPlan, refusePast = true) =>
  sessionPlanProblems(p, { today: TODAY, refusePast }).map((problem) => problem.field);

describe('session plan rules', () => {
  it('accepts a coherent plan', () => {
    expect(fields(plan())).toEqual([]);
  });

  it('refuses an end before the start', () => {
    expect(fields(plan({ endsOn: '2026-12-06' }))).toContain('endsOn');
  });

  it('accepts a one-day session', () => {
    expect(fields(plan({ endsOn: '2026-12-07' }))).toEqual([]);
  });

  it('refuses an enrollment window closing after the end or opening after it closes', () => {
    expect(fields(plan({ enrollmentClosesOn: '2026-12-12' }))).toEqual(['closesOn']);
    expect(fields(plan({ enrollmentOpensOn: '2026-12-08' }))).toEqual(['opensOn']);
  });

  it('refuses a past start for trainers but not for administrators recording a past cohort', () => {
    const past = plan({
      startsOn: '2025-03-03',
      endsOn: '2025-03-07',
      enrollmentOpensOn: '2025-02-01',
      enrollmentClosesOn: '2025-03-03',
      meetings: [],
    });
    expect(fields(past, true)).toEqual(['startsOn']);
    expect(fields(past, false)).toEqual([]);
  });

  it('needs a venue or an online link', () => {
    expect(fields(plan({ venue: null }))).toEqual(['venue']);
    expect(fields(plan({ venue: null, onlineUrl: 'https://meet.example/x' }))).toEqual([]);
  });

  it('refuses a meeting that ends before it starts or falls outside the session’s days', () => {
    const meetings = [
      { startsAt: new Date('2026-12-08T10:00:00Z'), endsAt: new Date('2026-12-08T09:00:00Z') },
      { startsAt: new Date('2026-12-12T09:00:00Z'), endsAt: new Date('2026-12-12T10:00:00Z') },
    ];
    expect(fields(plan({ meetings }))).toEqual(['meetings.0.endsAt', 'meetings.1.startsAt']);
  });

  it('reckons a meeting’s day in Morocco: 23:30 UTC on the last day is the next day there', () => {
    const meetings = [
      { startsAt: new Date('2026-12-11T23:30:00Z'), endsAt: new Date('2026-12-12T00:30:00Z') },
    ];
    expect(fields(plan({ meetings }))).toEqual(['meetings.0.startsAt']);
  });
});

describe('default enrollment window', () => {
  it('opens today and closes on the first day', () => {
    expect(defaultWindow('2026-12-07', TODAY)).toEqual({
      enrollmentOpensOn: TODAY,
      enrollmentClosesOn: '2026-12-07',
    });
  });

  it('opens on the first day for a past cohort', () => {
    expect(defaultWindow('2025-03-03', TODAY)).toEqual({
      enrollmentOpensOn: '2025-03-03',
      enrollmentClosesOn: '2025-03-03',
    });
  });
});
