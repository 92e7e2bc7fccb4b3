import { HttpStatus } from '@nestjs/common';
import { DomainException } from '@oris/api/platform';

export enum AnnouncementErrorCode {
  SessionNotFound = 'session_not_found',
  AnnouncementNotFound = 'announcement_not_found',
  NotSessionStaff = 'not_session_staff',
  NotSessionTrainee = 'not_session_trainee',
  UnsubscribeLinkNotFound = 'unsubscribe_link_not_found',
}

/** The one place where announcement codes get their HTTP status and title. */
const PROBLEMS: Record<AnnouncementErrorCode, { status: HttpStatus; title: string }> = {
  [AnnouncementErrorCode.SessionNotFound]: {
    status: HttpStatus.NOT_FOUND,
    title: 'Session not found',
  },
  [AnnouncementErrorCode.AnnouncementNotFound]: {
    status: HttpStatus.NOT_FOUND,
    title: 'Announcement not found',
  },
  [AnnouncementErrorCode.NotSessionStaff]: {
    status: HttpStatus.FORBIDDEN,
    title: 'Only the session’s trainers, the course’s owners and administrators may do this',
  },
  [AnnouncementErrorCode.NotSessionTrainee]: {
    status: HttpStatus.FORBIDDEN,
    title: 'Only the session’s trainees choose its emails',
  },
  [AnnouncementErrorCode.UnsubscribeLinkNotFound]: {
    status: HttpStatus.NOT_FOUND,
    title: 'This unsubscribe link is unknown or already used',
  },
};

export class AnnouncementException extends DomainException {
  constructor(code: AnnouncementErrorCode, detail?: string) {
    super(code, PROBLEMS[code].status, PROBLEMS[code].title, detail);
  }
}

export const sessionNotFound = (id: string) =>
  new AnnouncementException(AnnouncementErrorCode.SessionNotFound, `No session with id ${id}.`);

export const announcementNotFound = (id: string) =>
  new AnnouncementException(
    AnnouncementErrorCode.AnnouncementNotFound,
    `No announcement with id ${id}.`,
  );
