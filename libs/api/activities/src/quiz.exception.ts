import { HttpStatus } from '@nestjs/common';
import { DomainException } from '@oris/api/platform';

export enum QuizErrorCode {
  CourseNotFound = 'course_not_found',
  NotCourseOwner = 'not_course_owner',
  ModuleNotFound = 'module_not_found',
  QuestionNotFound = 'question_not_found',
  QuestionInUse = 'question_in_use',
  QuestionBankFull = 'question_bank_full',
  QuizNotFound = 'quiz_not_found',
  QuizHasAttempts = 'quiz_has_attempts',
  QuizClosed = 'quiz_closed',
  QuizHasNoQuestions = 'quiz_has_no_questions',
  NoAttemptLeft = 'no_attempt_left',
  EnrollmentNotFound = 'enrollment_not_found',
  SeatNotConfirmed = 'seat_not_confirmed',
  AttemptNotFound = 'attempt_not_found',
  AttemptSubmitted = 'attempt_submitted',
  AttemptTimeUp = 'attempt_time_up',
  QuestionNotInAttempt = 'question_not_in_attempt',
}

/** The one place where quiz codes get their HTTP status and title. */
const PROBLEMS: Record<QuizErrorCode, { status: HttpStatus; title: string }> = {
  [QuizErrorCode.CourseNotFound]: { status: HttpStatus.NOT_FOUND, title: 'Course not found' },
  [QuizErrorCode.NotCourseOwner]: {
    status: HttpStatus.FORBIDDEN,
    title: 'Only the course’s trainers and administrators may do this',
  },
  [QuizErrorCode.ModuleNotFound]: { status: HttpStatus.NOT_FOUND, title: 'Module not found' },
  [QuizErrorCode.QuestionNotFound]: { status: HttpStatus.NOT_FOUND, title: 'Question not found' },
  [QuizErrorCode.QuestionInUse]: {
    status: HttpStatus.CONFLICT,
    title: 'This question has been answered in attempts: fix it instead, then regrade',
  },
  [QuizErrorCode.QuestionBankFull]: {
    status: HttpStatus.CONFLICT,
    title: 'The course’s question bank is full',
  },
  [QuizErrorCode.QuizNotFound]: { status: HttpStatus.NOT_FOUND, title: 'Quiz not found' },
  [QuizErrorCode.QuizHasAttempts]: {
    status: HttpStatus.CONFLICT,
    title: 'This quiz has attempts and cannot be removed',
  },
  [QuizErrorCode.QuizClosed]: { status: HttpStatus.CONFLICT, title: 'This quiz is closed' },
  [QuizErrorCode.QuizHasNoQuestions]: {
    status: HttpStatus.CONFLICT,
    title: 'This quiz has no question to draw yet',
  },
  [QuizErrorCode.NoAttemptLeft]: { status: HttpStatus.CONFLICT, title: 'No attempt left' },
  [QuizErrorCode.EnrollmentNotFound]: {
    status: HttpStatus.NOT_FOUND,
    title: 'Enrollment not found',
  },
  [QuizErrorCode.SeatNotConfirmed]: {
    status: HttpStatus.CONFLICT,
    title: 'The seat is not confirmed',
  },
  [QuizErrorCode.AttemptNotFound]: { status: HttpStatus.NOT_FOUND, title: 'Attempt not found' },
  [QuizErrorCode.AttemptSubmitted]: {
    status: HttpStatus.CONFLICT,
    title: 'This attempt has been submitted',
  },
  [QuizErrorCode.AttemptTimeUp]: {
    status: HttpStatus.CONFLICT,
    title: 'The time of this attempt is up',
  },
  [QuizErrorCode.QuestionNotInAttempt]: {
    status: HttpStatus.NOT_FOUND,
    title: 'This question is not part of the attempt',
  },
};

export class QuizException extends DomainException {
  constructor(code: QuizErrorCode, detail?: string) {
    super(code, PROBLEMS[code].status, PROBLEMS[code].title, detail);
  }
}

export const attemptNotFound = (id: string) =>
  new QuizException(QuizErrorCode.AttemptNotFound, `No attempt with id ${id}.`);
