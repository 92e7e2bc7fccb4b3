// Assignments in modules (issue 18): late policy, rubric arithmetic and the file kinds a
// submission may carry, recognised by their content. The API decides with these; the web app
// shows the same figures (a rubric's total while a trainer clicks levels, the limits explained).

import { sniffMediaType } from './file-types';

// --- Late policy ------------------------------------------------------------------------------

export const LATE_POLICIES = ['accept', 'mark_late', 'refuse'] as const;
/**
 * What happens to a submission after the due date: `accept` (as if on time), `mark_late`
 * (accepted, flagged late, optionally with a penalty in percentage points of the grade),
 * `refuse` (no submission after the due date).
 */
export type LatePolicy = (typeof LATE_POLICIES)[number];

export type SubmissionTiming =
  { accepted: true; late: boolean } | { accepted: false; reason: 'past_due' };

/**
 * Whether a submission at `at` is accepted and whether it is late. Without a due date nothing is
 * late. The due instant itself is on time. `accept` never flags a submission as late.
 */
export function submissionTiming(
  policy: LatePolicy,
  dueAt: Date | null,
  at: Date,
): SubmissionTiming {
  const pastDue = dueAt !== null && at.getTime() > dueAt.getTime();
  if (!pastDue) return { accepted: true, late: false };
  if (policy === 'refuse') return { accepted: false, reason: 'past_due' };
  return { accepted: true, late: policy === 'mark_late' };
}

/**
 * The grade after the late penalty: `percent` minus the penalty's percentage points, never below
 * zero; unchanged when the submission is not late or there is no penalty.
 */
export function percentAfterPenalty(
  percent: number,
  late: boolean,
  penaltyPercent: number | null,
): number {
  if (!late || !penaltyPercent) return roundPercent(percent);
  return roundPercent(Math.max(0, percent - penaltyPercent));
}

// --- Rubric arithmetic ------------------------------------------------------------------------

export interface RubricLevel {
  id: string;
  title: string;
  /** Whole or half points, 0 to `ASSIGNMENT_LIMITS.levelPoints`. */
  points: number;
}

export interface RubricCriterion {
  id: string;
  title: string;
  /** At least two levels; their order is the trainer's (usually weakest first). */
  levels: RubricLevel[];
}

export interface Rubric {
  criteria: RubricCriterion[];
}

/** The level chosen for each criterion, by criterion id. */
export type RubricSelection = Readonly<Record<string, string>>;

export const ASSIGNMENT_LIMITS = {
  criteria: 20,
  levelsPerCriterion: 8,
  levelPoints: 1000,
  mark: 1000,
  instructions: 20_000,
  text: 50_000,
  feedback: 10_000,
  filesPerSubmission: 10,
  feedbackFiles: 5,
  /** The largest file size a trainer may allow; the default is 10 MiB. */
  maxFileBytes: 20 * 1024 * 1024,
} as const;

/** The most a criterion can earn: its best level's points. */
export const criterionMaximum = (criterion: RubricCriterion): number =>
  criterion.levels.reduce((best, level) => Math.max(best, level.points), 0);

/** The most the rubric can earn: every criterion at its best level. */
export const rubricMaximum = (rubric: Rubric): number =>
  rubric.criteria.reduce((sum, criterion) => sum + criterionMaximum(criterion), 0);

/** What is wrong with a rubric, or null when it can be used to grade. */
export function rubricProblem(rubric: Rubric): string | null {
  if (rubric.criteria.length === 0) return 'A rubric needs at least one criterion.';
  if (rubric.criteria.length > ASSIGNMENT_LIMITS.criteria) {
    return `A rubric has at most ${ASSIGNMENT_LIMITS.criteria} criteria.`;
  }
  const ids = new Set<string>();
  for (const criterion of rubric.criteria) {
    if (!criterion.title.trim()) return 'Every criterion needs a title.';
    if (
      criterion.levels.length < 2 ||
      criterion.levels.length > ASSIGNMENT_LIMITS.levelsPerCriterion
    ) {
      return `Criterion “${criterion.title}” needs 2 to ${ASSIGNMENT_LIMITS.levelsPerCriterion} levels.`;
    }
    for (const id of [criterion.id, ...criterion.levels.map((level) => level.id)]) {
      if (ids.has(id)) return `The id ${id} is used twice in the rubric.`;
      ids.add(id);
    }
    for (const level of criterion.levels) {
      if (!level.title.trim()) return `Every level of “${criterion.title}” needs a title.`;
      if (!isHalfPoints(level.points) || level.points > ASSIGNMENT_LIMITS.levelPoints) {
        return `Level points are whole or half points from 0 to ${ASSIGNMENT_LIMITS.levelPoints}.`;
      }
    }
  }
  if (rubricMaximum(rubric) <= 0) return 'A rubric must be worth more than 0 points.';
  return null;
}

/**
 * How `after` changes what grades given with `before` mean, or null when it only rewords it.
 * A grade names one level per criterion and was worth that level's points: once a rubric has
 * been graded with, its criteria, their levels and every level's points are fixed (titles may
 * be reworded, criteria reordered), else past grades would silently mean something else.
 */
export function rubricStructureChange(before: Rubric, after: Rubric | null): string | null {
  if (!after) return 'The assignment can no longer switch from its rubric to a mark.';
  const criteriaAfter = new Map(after.criteria.map((criterion) => [criterion.id, criterion]));
  for (const criterion of before.criteria) {
    const changed = criteriaAfter.get(criterion.id);
    if (!changed) return `Criterion “${criterion.title}” can no longer be removed.`;
    const levelsAfter = new Map(changed.levels.map((level) => [level.id, level]));
    for (const level of criterion.levels) {
      const same = levelsAfter.get(level.id);
      if (!same) return `Level “${level.title}” of “${criterion.title}” can no longer be removed.`;
      if (same.points !== level.points) {
        return `Level “${level.title}” of “${criterion.title}” keeps its ${level.points} points.`;
      }
    }
    if (changed.levels.length !== criterion.levels.length) {
      return `Criterion “${criterion.title}” can no longer take new levels.`;
    }
  }
  if (after.criteria.length !== before.criteria.length) {
    return 'The rubric can no longer take new criteria.';
  }
  return null;
}

const isHalfPoints = (value: number): boolean =>
  Number.isFinite(value) && value >= 0 && Number.isInteger(value * 2);

export type RubricScore =
  | { complete: true; points: number; maximum: number; percent: number }
  | { complete: false; missing: string[]; unknown: string[] };

/**
 * The points a selection earns: one level per criterion, every criterion chosen. A level that is
 * not one of its criterion's, or a criterion the rubric does not have, is `unknown`.
 */
export function scoreRubric(rubric: Rubric, selection: RubricSelection): RubricScore {
  const missing: string[] = [];
  const unknown = Object.keys(selection).filter(
    (criterionId) => !rubric.criteria.some((criterion) => criterion.id === criterionId),
  );
  let points = 0;
  for (const criterion of rubric.criteria) {
    const levelId = selection[criterion.id];
    if (levelId === undefined) {
      missing.push(criterion.id);
      continue;
    }
    const level = criterion.levels.find((candidate) => candidate.id === levelId);
    if (!level) {
      unknown.push(criterion.id);
      continue;
    }
    points += level.points;
  }
  if (missing.length > 0 || unknown.length > 0) return { complete: false, missing, unknown };
  const maximum = rubricMaximum(rubric);
  return { complete: true, points, maximum, percent: percentOfPoints(points, maximum) };
}

/** The points a partial selection earns so far (the grading screen's running total). */
export function runningTotal(rubric: Rubric, selection: RubricSelection): number {
  let points = 0;
  for (const criterion of rubric.criteria) {
    const level = criterion.levels.find((candidate) => candidate.id === selection[criterion.id]);
    if (level) points += level.points;
  }
  return points;
}

/** Points as a percentage of the maximum, to two decimals; 0 when the maximum is 0. */
export const percentOfPoints = (points: number, maximum: number): number =>
  maximum <= 0 ? 0 : roundPercent((Math.min(points, maximum) * 100) / maximum);

const roundPercent = (value: number): number => Math.round(value * 100) / 100;

/** Whether a published grade passes the assignment. */
export const passesAssignment = (percent: number | null, passMarkPercent: number): boolean =>
  percent !== null && percent >= passMarkPercent;

// --- Submissions --------------------------------------------------------------------------

export const SUBMISSION_STATUSES = ['draft', 'submitted', 'returned', 'graded'] as const;
/**
 * `draft`: being written, only the trainee sees it. `submitted`: waiting for the trainer.
 * `returned`: sent back for resubmission with feedback (the trainee edits and submits again).
 * `graded`: the grade and feedback are published.
 */
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number];

/** The grading queue's tabs: what each one lists. */
export const QUEUE_STATES = ['to_grade', 'returned', 'graded'] as const;
export type QueueState = (typeof QUEUE_STATES)[number];

export const queueStateOf = (status: SubmissionStatus): QueueState | null =>
  status === 'submitted'
    ? 'to_grade'
    : status === 'returned'
      ? 'returned'
      : status === 'graded'
        ? 'graded'
        : null;

/** Whether the trainee may change their submission now. */
export const isEditableSubmission = (status: SubmissionStatus): boolean =>
  status === 'draft' || status === 'returned';

// --- File kinds, recognised by content ------------------------------------------------------

/** The kinds of files an assignment may accept, with their media type and extension. */
export const SUBMISSION_FILE_KINDS = {
  pdf: { mediaType: 'application/pdf', extension: 'pdf' },
  png: { mediaType: 'image/png', extension: 'png' },
  jpeg: { mediaType: 'image/jpeg', extension: 'jpg' },
  docx: {
    mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extension: 'docx',
  },
  xlsx: {
    mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extension: 'xlsx',
  },
  pptx: {
    mediaType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    extension: 'pptx',
  },
  odt: { mediaType: 'application/vnd.oasis.opendocument.text', extension: 'odt' },
  txt: { mediaType: 'text/plain', extension: 'txt' },
} as const;
export type SubmissionFileKind = keyof typeof SUBMISSION_FILE_KINDS;
export const SUBMISSION_FILE_KIND_NAMES = Object.keys(
  SUBMISSION_FILE_KINDS,
) as SubmissionFileKind[];

/**
 * The kind of a file from its bytes (`sniffMediaType`, the one content sniffer), whatever its name
 * or declared type says; null when it is none of the kinds above (an executable renamed `.pdf`, a
 * zip of anything else, binary data).
 */
export function sniffFileKind(bytes: Uint8Array): SubmissionFileKind | null {
  const sniffed = sniffMediaType(bytes);
  if (!sniffed) return null;
  const kind = SUBMISSION_FILE_KIND_NAMES.find(
    (name) => SUBMISSION_FILE_KINDS[name].mediaType === sniffed.mediaType,
  );
  return kind ?? null;
}

export type FileRefusal = 'empty' | 'too_large' | 'type_not_allowed';

/** Why a file cannot be added to a submission, or its kind when it can. */
export function checkSubmissionFile(
  bytes: Uint8Array,
  allowed: readonly SubmissionFileKind[],
  maxBytes: number,
): { kind: SubmissionFileKind } | { refused: FileRefusal } {
  if (bytes.length === 0) return { refused: 'empty' };
  if (bytes.length > maxBytes) return { refused: 'too_large' };
  const kind = sniffFileKind(bytes);
  if (kind === null || !allowed.includes(kind)) return { refused: 'type_not_allowed' };
  return { kind };
}
