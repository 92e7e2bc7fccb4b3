import { HttpStatus } from '@nestjs/common';
import { DomainException } from '@oris/api/platform';

export enum NotificationErrorCode {
  NotificationNotFound = 'notification_not_found',
}

/** The one place where notification codes get their HTTP status and title. */
const PROBLEMS: Record<NotificationErrorCode, { status: HttpStatus; title: string }> = {
  [NotificationErrorCode.NotificationNotFound]: {
    status: HttpStatus.NOT_FOUND,
    title: 'Notification not found',
  },
};

export class NotificationException extends DomainException {
  constructor(code: NotificationErrorCode, detail?: string) {
    super(code, PROBLEMS[code].status, PROBLEMS[code].title, detail);
  }
}
