import type { AdmissionRefusal } from '@oris/shared/domain';
import { EnrollmentErrorCode, EnrollmentException } from '../enrollment.exception';

/** Why a request is not admitted, as the feature's exceptions (answered as problem+json). */

export const alreadyEnrolled = (status?: string) =>
  new EnrollmentException(
    EnrollmentErrorCode.AlreadyEnrolled,
    status
      ? `This person already has a ${status} enrollment in this session.`
      : 'This person is already enrolled in this session.',
  );

export function refused(refusal: AdmissionRefusal): EnrollmentException {
  switch (refusal.reason) {
    case 'session_cancelled':
      return new EnrollmentException(
        EnrollmentErrorCode.SessionCancelled,
        'The session is cancelled: it takes no enrollment.',
      );
    case 'session_not_open':
      return new EnrollmentException(
        EnrollmentErrorCode.SessionNotOpen,
        `The session is ${refusal.status}; enrollment needs an open session.`,
      );
    case 'window_not_open':
      return new EnrollmentException(
        EnrollmentErrorCode.EnrollmentNotYetOpen,
        `Enrollment opens on ${refusal.opensOn}.`,
      );
    case 'window_closed':
      return new EnrollmentException(
        EnrollmentErrorCode.EnrollmentClosed,
        `Enrollment closed on ${refusal.closesOn}.`,
      );
  }
}
