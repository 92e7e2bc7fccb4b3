import type { QuestionKey, QuestionResponse, Rubric, RubricSelection } from '@oris/shared/domain';
import type { EntityManager } from 'typeorm';
import type {
  MyDataAnnouncementEmailMute,
  MyDataAnnouncementWritten,
  MyDataAssignmentFile,
  MyDataAssignmentSubmission,
  MyDataNotification,
  MyDataQuizAttempt,
  MyDataRubricResult,
} from './my-data';

/*
 * The learning activities' part of the export (issue 18): quizzes, assignments, the notification
 * centre and announcements. Identity cannot import those libraries (they import it), so their
 * tables are read with SQL here; the shapes are pinned by the privacy API test.
 */

type Row = Record<string, unknown>;

const iso = (value: unknown): string => (value as Date).toISOString();
const isoOrNull = (value: unknown): string | null => (value == null ? null : iso(value));
const numberOrNull = (value: unknown): number | null => (value == null ? null : Number(value));

/**
 * A response in words, as the person gave it: the options' texts (never which were right), the
 * text typed, the number, the pairs matched. Null when the question was left unanswered.
 */
export function responseInWords(
  key: QuestionKey,
  response: QuestionResponse | null,
): string | null {
  if (!response || response.type !== key.type) return null;
  const optionText = (id: string) =>
    'options' in key ? (key.options.find((option) => option.id === id)?.text ?? id) : id;
  switch (response.type) {
    case 'single_choice':
      return response.optionId === null ? null : optionText(response.optionId);
    case 'multiple_choice':
      return response.optionIds.length === 0
        ? null
        : response.optionIds.map(optionText).join(' ; ');
    case 'true_false':
    case 'numeric':
      return response.value === null ? null : String(response.value);
    case 'short_answer':
      return response.text;
    case 'matching': {
      if (key.type !== 'matching' || response.matches.length === 0) return null;
      const pair = (id: string) => key.pairs.find((candidate) => candidate.id === id);
      return response.matches
        .map((match) => `${pair(match.leftId)?.left ?? '?'} → ${pair(match.rightId)?.right ?? '?'}`)
        .join(' ; ');
    }
  }
}

/** The level chosen for each criterion, in the rubric's order, with its points. */
export function rubricResults(
  rubric: Rubric | null,
  selection: RubricSelection | null,
): MyDataRubricResult[] {
  if (!rubric || !selection) return [];
  return rubric.criteria.flatMap((criterion) => {
    const level = criterion.levels.find((candidate) => candidate.id === selection[criterion.id]);
    return level ? [{ criterion: criterion.title, level: level.title, points: level.points }] : [];
  });
}

export async function quizAttempts(
  manager: EntityManager,
  userId: string,
): Promise<MyDataQuizAttempt[]> {
  const attempts = (await manager.query(
    `SELECT a.id, c.title AS course_title, q.title AS quiz_title, a.number, a.started_at,
            a.deadline_at, a.submitted_at, a.closed_by, a.score::float8 AS score,
            a.max_score::float8 AS max_score, a.percent::float8 AS percent
       FROM quiz_attempt a
       JOIN quiz q ON q.id = a.quiz_id
       JOIN course c ON c.id = q.course_id
      WHERE a.user_id = $1
      ORDER BY a.started_at, a.id`,
    [userId],
  )) as Row[];
  const answers = (await manager.query(
    `SELECT n.attempt_id, qq.text, qq.key, n.response, n.saved_at
       FROM quiz_answer n
       JOIN quiz_attempt a ON a.id = n.attempt_id
       JOIN quiz_question qq ON qq.id = n.question_id
      WHERE a.user_id = $1
      ORDER BY n.saved_at, qq.id`,
    [userId],
  )) as Row[];
  return attempts.map((row) => ({
    id: row['id'] as string,
    courseTitle: row['course_title'] as string,
    quizTitle: row['quiz_title'] as string,
    number: row['number'] as number,
    startedAt: iso(row['started_at']),
    deadlineAt: isoOrNull(row['deadline_at']),
    submittedAt: isoOrNull(row['submitted_at']),
    closedBy: row['closed_by'] as string | null,
    score: numberOrNull(row['score']),
    maxScore: numberOrNull(row['max_score']),
    percent: numberOrNull(row['percent']),
    answers: answers
      .filter((answer) => answer['attempt_id'] === row['id'])
      .map((answer) => ({
        question: answer['text'] as string,
        response: responseInWords(
          answer['key'] as QuestionKey,
          answer['response'] as QuestionResponse | null,
        ),
        savedAt: iso(answer['saved_at']),
      })),
  }));
}

/**
 * The person's submissions as they read them: the feedback, rubric results and feedback files
 * once returned or graded, the grade once published; a grade in progress is the trainer's draft.
 */
export async function assignmentSubmissions(
  manager: EntityManager,
  userId: string,
): Promise<MyDataAssignmentSubmission[]> {
  const rows = (await manager.query(
    `SELECT s.id, c.title AS course_title, a.title AS assignment_title, a.rubric, s.status,
            s.text, s.submission_count, s.submitted_at, s.late, s.rubric_levels,
            s.points::float8 AS points, s.max_points::float8 AS max_points,
            s.percent::float8 AS percent, s.feedback, s.graded_at
       FROM assignment_submission s
       JOIN assignment a ON a.id = s.assignment_id
       JOIN course c ON c.id = a.course_id
      WHERE s.user_id = $1
      ORDER BY s.created_at, s.id`,
    [userId],
  )) as Row[];
  const files = (await manager.query(
    `SELECT f.submission_id, f.role, f.name, f.kind, f.size, f.sha256, f.created_at
       FROM assignment_file f
       JOIN assignment_submission s ON s.id = f.submission_id
      WHERE s.user_id = $1
      ORDER BY f.created_at, f.id`,
    [userId],
  )) as Row[];
  return rows.map((row) => {
    const status = row['status'] as string;
    const feedbackShown = status === 'returned' || status === 'graded';
    const graded = status === 'graded';
    return {
      id: row['id'] as string,
      courseTitle: row['course_title'] as string,
      assignmentTitle: row['assignment_title'] as string,
      status,
      text: row['text'] as string,
      submissionCount: row['submission_count'] as number,
      submittedAt: isoOrNull(row['submitted_at']),
      late: row['late'] as boolean,
      rubricResults: feedbackShown
        ? rubricResults(row['rubric'] as Rubric | null, row['rubric_levels'] as RubricSelection)
        : [],
      feedback: feedbackShown ? (row['feedback'] as string) : '',
      points: graded ? numberOrNull(row['points']) : null,
      maxPoints: graded ? numberOrNull(row['max_points']) : null,
      percent: graded ? numberOrNull(row['percent']) : null,
      gradedAt: graded ? isoOrNull(row['graded_at']) : null,
      files: files
        .filter(
          (file) =>
            file['submission_id'] === row['id'] && (feedbackShown || file['role'] !== 'feedback'),
        )
        .map((file): MyDataAssignmentFile => ({
          role: file['role'] as string,
          name: file['name'] as string,
          kind: file['kind'] as string,
          size: file['size'] as number,
          sha256: file['sha256'] as string,
          uploadedAt: iso(file['created_at']),
        })),
    };
  });
}

export async function notifications(
  manager: EntityManager,
  userId: string,
): Promise<MyDataNotification[]> {
  const rows = (await manager.query(
    `SELECT kind, params, link, created_at, read_at
       FROM notification WHERE user_id = $1 ORDER BY created_at, id`,
    [userId],
  )) as Row[];
  return rows.map((row) => ({
    kind: row['kind'] as string,
    params: row['params'] as Record<string, string>,
    link: row['link'] as string | null,
    createdAt: iso(row['created_at']),
    readAt: isoOrNull(row['read_at']),
  }));
}

export async function announcementEmailMutes(
  manager: EntityManager,
  userId: string,
): Promise<MyDataAnnouncementEmailMute[]> {
  const rows = (await manager.query(
    `SELECT c.title AS course_title, s.title AS session_title, m.muted_at
       FROM session_email_mute m
       JOIN course_session s ON s.id = m.session_id
       JOIN course c ON c.id = s.course_id
      WHERE m.user_id = $1
      ORDER BY m.muted_at, m.session_id`,
    [userId],
  )) as Row[];
  return rows.map((row) => ({
    courseTitle: row['course_title'] as string,
    sessionTitle: row['session_title'] as string,
    mutedAt: iso(row['muted_at']),
  }));
}

export async function announcementsWritten(
  manager: EntityManager,
  userId: string,
): Promise<MyDataAnnouncementWritten[]> {
  const rows = (await manager.query(
    `SELECT a.id, c.title AS course_title, s.title AS session_title, a.title, a.body, a.by_email,
            a.created_at, a.edited_at
       FROM announcement a
       JOIN course_session s ON s.id = a.session_id
       JOIN course c ON c.id = s.course_id
      WHERE a.author_id = $1
      ORDER BY a.created_at, a.id`,
    [userId],
  )) as Row[];
  return rows.map((row) => ({
    id: row['id'] as string,
    courseTitle: row['course_title'] as string,
    sessionTitle: row['session_title'] as string,
    title: row['title'] as string,
    body: row['body'] as string,
    byEmail: row['by_email'] as boolean,
    createdAt: iso(row['created_at']),
    editedAt: isoOrNull(row['edited_at']),
  }));
}
