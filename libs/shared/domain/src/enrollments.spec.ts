import {
  admissionRefusal,
  CompletionRule,
  evaluateCompletion,
  holdsSeat,
  isOpenEnrollment,
  percentOf,
  progressPercent,
} from './enrollments';

const window = { status: 'open' as const, opensOn: '2026-03-01', closesOn: '2026-03-10' };

describe('admission', () => {
  it('admits a trainee or a trainer into an open session within its window, bounds included', () => {
    for (const today of ['2026-03-01', '2026-03-05', '2026-03-10']) {
      expect(admissionRefusal(window, 'self', today)).toBeNull();
      expect(admissionRefusal(window, 'trainer', today)).toBeNull();
    }
  });

  it('names the window when it is not open yet or already closed', () => {
    expect(admissionRefusal(window, 'self', '2026-02-28')).toEqual({
      reason: 'window_not_open',
      opensOn: '2026-03-01',
    });
    expect(admissionRefusal(window, 'trainer', '2026-03-11')).toEqual({
      reason: 'window_closed',
      closesOn: '2026-03-10',
    });
  });

  it('refuses a session that is not open, naming its status', () => {
    for (const status of ['planned', 'running', 'completed'] as const) {
      expect(admissionRefusal({ ...window, status }, 'self', '2026-03-05')).toEqual({
        reason: 'session_not_open',
        status,
      });
    }
  });

  it('lets an administrator record a past or closed cohort, but never a cancelled one', () => {
    expect(admissionRefusal({ ...window, status: 'completed' }, 'admin', '2027-01-01')).toBeNull();
    expect(admissionRefusal(window, 'admin', '2020-01-01')).toBeNull();
    expect(admissionRefusal({ ...window, status: 'cancelled' }, 'admin', '2026-03-05')).toEqual({
      reason: 'session_cancelled',
    });
  });
});

describe('enrollment statuses', () => {
  it('lets pending, confirmed and waitlisted enrollments be withdrawn', () => {
    expect(['pending', 'confirmed', 'waitlisted'].every((s) => isOpenEnrollment(s as never))).toBe(
      true,
    );
    expect(isOpenEnrollment('completed')).toBe(false);
    expect(isOpenEnrollment('withdrawn')).toBe(false);
  });

  it('counts confirmed and finished enrollments as holding a seat', () => {
    expect(holdsSeat('confirmed')).toBe(true);
    expect(holdsSeat('completed')).toBe(true);
    expect(holdsSeat('not_completed')).toBe(true);
    expect(holdsSeat('waitlisted')).toBe(false);
    expect(holdsSeat('pending')).toBe(false);
  });
});

describe('completion rule', () => {
  const all: CompletionRule = {
    requiresModules: true,
    minAttendancePercent: 80,
    requiresTrainerValidation: true,
  };
  const facts = {
    requiredModules: 3,
    requiredModulesDone: 3,
    meetingsHeld: 5,
    meetingsAttended: 4,
  };

  it('is met when every required module is done and attendance reaches the threshold', () => {
    const evaluation = evaluateCompletion(all, facts);
    expect(evaluation.met).toBe(true);
    expect(evaluation.criteria.map((c) => c.criterion)).toEqual([
      'required_modules',
      'attendance',
      'trainer_validation',
    ]);
  });

  it('names the missing modules with the figures', () => {
    const evaluation = evaluateCompletion(all, { ...facts, requiredModulesDone: 1 });
    expect(evaluation.met).toBe(false);
    expect(evaluation.unmet).toEqual([
      { criterion: 'required_modules', met: false, detail: '1 of 3 required modules done' },
    ]);
  });

  it('names low attendance with the meetings held and the threshold', () => {
    const evaluation = evaluateCompletion(all, { ...facts, meetingsAttended: 3 });
    expect(evaluation.unmet).toEqual([
      {
        criterion: 'attendance',
        met: false,
        detail: 'attended 3 of 5 meetings held (60%); 80% required',
      },
    ]);
  });

  it('reports every unmet criterion at once', () => {
    const evaluation = evaluateCompletion(all, {
      ...facts,
      requiredModulesDone: 0,
      meetingsAttended: 0,
    });
    expect(evaluation.unmet.map((c) => c.criterion)).toEqual(['required_modules', 'attendance']);
  });

  it('does not count attendance before any meeting is held, nor when the course sets no threshold', () => {
    expect(evaluateCompletion(all, { ...facts, meetingsHeld: 0, meetingsAttended: 0 }).met).toBe(
      true,
    );
    const noThreshold = evaluateCompletion(
      { ...all, minAttendancePercent: null },
      { ...facts, meetingsAttended: 0 },
    );
    expect(noThreshold.met).toBe(true);
    expect(noThreshold.criteria.map((c) => c.criterion)).not.toContain('attendance');
  });

  it('ignores modules when the rule does not require them', () => {
    const evaluation = evaluateCompletion(
      { ...all, requiresModules: false },
      { ...facts, requiredModulesDone: 0 },
    );
    expect(evaluation.met).toBe(true);
  });

  it('accepts exactly the threshold', () => {
    expect(evaluateCompletion(all, { ...facts, meetingsHeld: 10, meetingsAttended: 8 }).met).toBe(
      true,
    );
  });

  it('requires the named quizzes passed when the rule lists some, naming those not passed yet', () => {
    const withQuizzes: CompletionRule = {
      ...all,
      requiredQuizzes: [
        { quizId: 'q1', title: 'Quiz 1' },
        { quizId: 'q2', title: 'Quiz 2' },
      ],
    };
    const evaluation = evaluateCompletion(withQuizzes, { ...facts, quizzesPassed: ['q1'] });
    expect(evaluation.criteria.map((c) => c.criterion)).toEqual([
      'required_modules',
      'attendance',
      'quizzes_passed',
      'trainer_validation',
    ]);
    expect(evaluation.unmet).toEqual([
      {
        criterion: 'quizzes_passed',
        met: false,
        detail: 'passed 1 of 2 required quizzes; not yet: Quiz 2',
      },
    ]);
    expect(evaluateCompletion(withQuizzes, { ...facts, quizzesPassed: ['q2', 'q1'] }).met).toBe(
      true,
    );
    expect(evaluateCompletion({ ...all, requiredQuizzes: [] }, facts).criteria).toHaveLength(3);
  });
});

describe('progress', () => {
  it('counts the required published modules', () => {
    expect(
      progressPercent({ requiredTotal: 3, requiredDone: 1, publishedTotal: 5, publishedDone: 4 }),
    ).toBe(33);
    expect(
      progressPercent({ requiredTotal: 3, requiredDone: 3, publishedTotal: 5, publishedDone: 3 }),
    ).toBe(100);
  });

  it('falls back to every published module when none is required', () => {
    expect(
      progressPercent({ requiredTotal: 0, requiredDone: 0, publishedTotal: 4, publishedDone: 1 }),
    ).toBe(25);
    expect(
      progressPercent({ requiredTotal: 0, requiredDone: 0, publishedTotal: 0, publishedDone: 0 }),
    ).toBe(0);
  });

  it('rounds down, so 100% means everything is done', () => {
    expect(percentOf(2, 3)).toBe(66);
    expect(percentOf(199, 200)).toBe(99);
    expect(percentOf(5, 3)).toBe(100);
  });
});
