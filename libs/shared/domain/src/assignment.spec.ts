import {
  checkSubmissionFile,
  percentAfterPenalty,
  percentOfPoints,
  passesAssignment,
  Rubric,
  rubricMaximum,
  rubricProblem,
  rubricStructureChange,
  runningTotal,
  scoreRubric,
  sniffFileKind,
  submissionTiming,
} from './assignment';
import { evaluateCompletion } from './enrollments';
import { seededRandom } from './quiz';

// fast-check is not installed: properties are checked over seeded random cases (reproducible).
const RUNS = 300;
const int = (random: () => number, max: number) => Math.floor(random() * max);

function randomRubric(random: () => number): Rubric {
  return {
    criteria: Array.from({ length: 1 + int(random, 6) }, (_, c) => ({
      id: `c${c}`,
      title: `Critère ${c}`,
      levels: Array.from({ length: 2 + int(random, 4) }, (_, l) => ({
        id: `c${c}l${l}`,
        title: `Niveau ${l}`,
        points: int(random, 41) / 2,
      })),
    })),
  };
}

const RUBRIC: Rubric = {
  criteria: [
    {
      id: 'analyse',
      title: 'Analyse',
      levels: [
        { id: 'a0', title: 'Insuffisant', points: 0 },
        { id: 'a1', title: 'Correct', points: 5 },
        { id: 'a2', title: 'Excellent', points: 10 },
      ],
    },
    {
      id: 'forme',
      title: 'Forme',
      levels: [
        { id: 'f0', title: 'Confus', points: 0 },
        { id: 'f1', title: 'Clair', points: 2.5 },
        { id: 'f2', title: 'Soigné', points: 5 },
      ],
    },
  ],
};

describe('rubric arithmetic', () => {
  it('adds the chosen levels and relates them to the best levels', () => {
    expect(rubricMaximum(RUBRIC)).toBe(15);
    expect(scoreRubric(RUBRIC, { analyse: 'a1', forme: 'f1' })).toEqual({
      complete: true,
      points: 7.5,
      maximum: 15,
      percent: 50,
    });
    expect(scoreRubric(RUBRIC, { analyse: 'a2', forme: 'f2' })).toMatchObject({ percent: 100 });
  });

  it('says which criteria are missing or unknown', () => {
    expect(scoreRubric(RUBRIC, { analyse: 'a1' })).toEqual({
      complete: false,
      missing: ['forme'],
      unknown: [],
    });
    expect(scoreRubric(RUBRIC, { analyse: 'f1', forme: 'f1', other: 'x' })).toEqual({
      complete: false,
      missing: [],
      unknown: ['other', 'analyse'],
    });
  });

  it('refuses rubrics that cannot grade', () => {
    expect(rubricProblem(RUBRIC)).toBeNull();
    expect(rubricProblem({ criteria: [] })).toMatch(/at least one/);
    const oneLevel = {
      criteria: [{ ...RUBRIC.criteria[0], levels: [RUBRIC.criteria[0].levels[0]] }],
    };
    expect(rubricProblem(oneLevel)).toMatch(/2 to 8 levels/);
    const duplicate = {
      criteria: [RUBRIC.criteria[0], { ...RUBRIC.criteria[1], id: 'analyse' }],
    };
    expect(rubricProblem(duplicate)).toMatch(/used twice/);
    const third = {
      criteria: [
        {
          ...RUBRIC.criteria[0],
          levels: [{ id: 'x', title: 'x', points: 0.3 }, RUBRIC.criteria[0].levels[1]],
        },
      ],
    };
    expect(rubricProblem(third)).toMatch(/half points/);
    const worthless = {
      criteria: [
        {
          ...RUBRIC.criteria[0],
          levels: RUBRIC.criteria[0].levels.map((l) => ({ ...l, points: 0 })),
        },
      ],
    };
    expect(rubricProblem(worthless)).toMatch(/more than 0/);
  });

  it('(property) a complete selection scores between 0 and the maximum, as the running total', () => {
    const random = seededRandom(18);
    for (let run = 0; run < RUNS; run += 1) {
      const rubric = randomRubric(random);
      const selection = Object.fromEntries(
        rubric.criteria.map((c) => [c.id, c.levels[int(random, c.levels.length)].id]),
      );
      const score = scoreRubric(rubric, selection);
      if (!score.complete) throw new Error('expected a complete score');
      expect(score.points).toBeGreaterThanOrEqual(0);
      expect(score.points).toBeLessThanOrEqual(score.maximum);
      expect(score.points).toBe(runningTotal(rubric, selection));
      expect(score.percent).toBeGreaterThanOrEqual(0);
      expect(score.percent).toBeLessThanOrEqual(100);
    }
  });

  it('(property) the best level of every criterion earns the maximum, in any criterion order', () => {
    const random = seededRandom(1812);
    for (let run = 0; run < RUNS; run += 1) {
      const rubric = randomRubric(random);
      const best = Object.fromEntries(
        rubric.criteria.map((c) => [c.id, [...c.levels].sort((x, y) => y.points - x.points)[0].id]),
      );
      const reversed = { criteria: [...rubric.criteria].reverse() };
      const score = scoreRubric(reversed, best);
      expect(score).toMatchObject({ complete: true, points: rubricMaximum(rubric) });
      if (rubricMaximum(rubric) > 0) expect(score).toMatchObject({ percent: 100 });
    }
  });

  it('(property) raising one criterion’s level never lowers the total', () => {
    const random = seededRandom(7);
    for (let run = 0; run < RUNS; run += 1) {
      const rubric = randomRubric(random);
      const selection: Record<string, string> = Object.fromEntries(
        rubric.criteria.map((c) => [c.id, c.levels[int(random, c.levels.length)].id]),
      );
      const criterion = rubric.criteria[int(random, rubric.criteria.length)];
      const current = criterion.levels.find((l) => l.id === selection[criterion.id]);
      const better = criterion.levels.filter((l) => l.points >= (current?.points ?? 0));
      const raised = { ...selection, [criterion.id]: better[int(random, better.length)].id };
      expect(runningTotal(rubric, raised)).toBeGreaterThanOrEqual(runningTotal(rubric, selection));
    }
  });

  it('rounds percentages to two decimals and caps them at 100', () => {
    expect(percentOfPoints(1, 3)).toBe(33.33);
    expect(percentOfPoints(20, 10)).toBe(100);
    expect(percentOfPoints(5, 0)).toBe(0);
    expect(passesAssignment(50, 50)).toBe(true);
    expect(passesAssignment(49.99, 50)).toBe(false);
    expect(passesAssignment(null, 0)).toBe(false);
  });
});

describe('late policy', () => {
  const due = new Date('2026-12-10T22:59:00Z');
  const onTime = new Date('2026-12-10T22:59:00Z');
  const after = new Date('2026-12-10T22:59:01Z');

  it('takes a submission on the due instant as on time, whatever the policy', () => {
    for (const policy of ['accept', 'mark_late', 'refuse'] as const) {
      expect(submissionTiming(policy, due, onTime)).toEqual({ accepted: true, late: false });
    }
  });

  it('after the due date: accepts, marks late or refuses', () => {
    expect(submissionTiming('accept', due, after)).toEqual({ accepted: true, late: false });
    expect(submissionTiming('mark_late', due, after)).toEqual({ accepted: true, late: true });
    expect(submissionTiming('refuse', due, after)).toEqual({ accepted: false, reason: 'past_due' });
  });

  it('has nothing late without a due date', () => {
    expect(submissionTiming('refuse', null, after)).toEqual({ accepted: true, late: false });
  });

  it('takes the penalty off late grades only, never below zero', () => {
    expect(percentAfterPenalty(80, true, 10)).toBe(70);
    expect(percentAfterPenalty(80, false, 10)).toBe(80);
    expect(percentAfterPenalty(5, true, 10)).toBe(0);
    expect(percentAfterPenalty(80, true, null)).toBe(80);
  });

  it('(property) a late grade is never above the on-time grade nor below zero', () => {
    const random = seededRandom(99);
    for (let run = 0; run < RUNS; run += 1) {
      const percent = int(random, 10001) / 100;
      const penalty = int(random, 101);
      const late = percentAfterPenalty(percent, true, penalty);
      expect(late).toBeLessThanOrEqual(percentAfterPenalty(percent, false, penalty));
      expect(late).toBeGreaterThanOrEqual(0);
    }
  });
});

/** A minimal zip local header whose first entry is `name` (enough for the signature check). */
const zipWith = (...names: string[]) =>
  Buffer.concat([
    Buffer.from([0x50, 0x4b, 0x03, 0x04]),
    Buffer.alloc(26),
    ...names.map((name) => Buffer.from(name, 'latin1')),
  ]);

describe('file kinds by content', () => {
  it('recognises each kind by its bytes', () => {
    expect(sniffFileKind(Buffer.from('%PDF-1.7\n...'))).toBe('pdf');
    expect(sniffFileKind(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe(
      'png',
    );
    expect(sniffFileKind(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0]))).toBe('jpeg');
    expect(sniffFileKind(zipWith('[Content_Types].xml', 'word/document.xml'))).toBe('docx');
    expect(sniffFileKind(zipWith('[Content_Types].xml', 'xl/workbook.xml'))).toBe('xlsx');
    expect(sniffFileKind(zipWith('[Content_Types].xml', 'ppt/presentation.xml'))).toBe('pptx');
    expect(sniffFileKind(zipWith('mimetypeapplication/vnd.oasis.opendocument.text'))).toBe('odt');
    expect(sniffFileKind(Buffer.from('Mon rapport : تقرير\r\n\tfin'))).toBe('txt');
  });

  it('recognises nothing else: executables, other zips, binary data, empty files', () => {
    expect(sniffFileKind(Buffer.from([0x4d, 0x5a, 0x90, 0x00]))).toBeNull(); // a Windows executable
    expect(sniffFileKind(Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02]))).toBeNull(); // ELF
    expect(sniffFileKind(zipWith('payload.exe'))).toBeNull();
    expect(
      sniffFileKind(zipWith('mimetypeapplication/vnd.oasis.opendocument.spreadsheet')),
    ).toBeNull();
    expect(sniffFileKind(Buffer.from([0xc3, 0x28]))).toBeNull(); // invalid UTF-8
    expect(sniffFileKind(Buffer.from('text\u0001with control'))).toBeNull();
    expect(sniffFileKind(Buffer.alloc(0))).toBeNull();
  });

  it('checks a file against the assignment’s kinds and size limit', () => {
    const pdf = Buffer.from('%PDF-1.7\nbody');
    expect(checkSubmissionFile(pdf, ['pdf'], 100)).toEqual({ kind: 'pdf' });
    expect(checkSubmissionFile(pdf, ['docx'], 100)).toEqual({ refused: 'type_not_allowed' });
    expect(checkSubmissionFile(pdf, ['pdf'], pdf.length - 1)).toEqual({ refused: 'too_large' });
    expect(checkSubmissionFile(pdf, ['pdf'], pdf.length)).toEqual({ kind: 'pdf' });
    expect(checkSubmissionFile(Buffer.alloc(0), ['pdf'], 100)).toEqual({ refused: 'empty' });
    // A renamed executable claims nothing here: its bytes decide.
    expect(checkSubmissionFile(Buffer.from([0x4d, 0x5a, 0, 0]), ['pdf', 'txt'], 100)).toEqual({
      refused: 'type_not_allowed',
    });
  });
});

describe('completion with assignments_passed', () => {
  const rule = {
    requiresModules: false,
    minAttendancePercent: null,
    requiresTrainerValidation: false,
    requiredAssignments: [
      { assignmentId: 'a1', title: 'Étude de cas' },
      { assignmentId: 'a2', title: 'Plan d’affaires' },
    ],
  };
  const facts = {
    requiredModules: 0,
    requiredModulesDone: 0,
    meetingsHeld: 0,
    meetingsAttended: 0,
  };

  it('is met when every required assignment is passed, and names the missing ones', () => {
    expect(evaluateCompletion(rule, { ...facts, assignmentsPassed: ['a1'] }).unmet).toEqual([
      {
        criterion: 'assignments_passed',
        met: false,
        detail: 'passed 1 of 2 required assignments; not yet: Plan d’affaires',
      },
    ]);
    expect(evaluateCompletion(rule, { ...facts, assignmentsPassed: ['a1', 'a2'] }).met).toBe(true);
    expect(evaluateCompletion({ ...rule, requiredAssignments: [] }, facts).criteria).toHaveLength(
      0,
    );
  });
});

describe('rubricStructureChange', () => {
  const rubric = {
    criteria: [
      {
        id: 'c1',
        title: 'Analyse',
        levels: [
          { id: 'l1', title: 'Faible', points: 0 },
          { id: 'l2', title: 'Bonne', points: 5 },
        ],
      },
      {
        id: 'c2',
        title: 'Forme',
        levels: [
          { id: 'l3', title: 'Confuse', points: 0 },
          { id: 'l4', title: 'Claire', points: 2 },
        ],
      },
    ],
  };
  const changed = (edit: (copy: typeof rubric) => void) => {
    const copy = structuredClone(rubric);
    edit(copy);
    return rubricStructureChange(rubric, copy);
  };

  it('lets titles be reworded and criteria reordered', () => {
    expect(changed(() => undefined)).toBeNull();
    expect(
      changed((copy) => {
        copy.criteria[0].title = 'Qualité de l’analyse';
        copy.criteria[0].levels[1].title = 'Solide';
        copy.criteria.reverse();
      }),
    ).toBeNull();
  });

  it('refuses new or removed criteria and levels, changed points, and a switch to a mark', () => {
    expect(changed((copy) => (copy.criteria[0].levels[1].points = 6))).toMatch(/keeps its 5/);
    expect(changed((copy) => copy.criteria.pop())).toMatch(/Forme.*removed/);
    expect(
      changed((copy) => copy.criteria[1].levels.push({ id: 'l5', title: 'Soignée', points: 3 })),
    ).toMatch(/new levels/);
    expect(
      changed((copy) =>
        copy.criteria.push({
          id: 'c3',
          title: 'Sources',
          levels: structuredClone(rubric.criteria[0].levels),
        }),
      ),
    ).toMatch(/new criteria/);
    expect(changed((copy) => (copy.criteria[0].levels[0].id = 'other'))).toMatch(/Faible.*removed/);
    expect(rubricStructureChange(rubric, null)).toMatch(/mark/);
  });
});
