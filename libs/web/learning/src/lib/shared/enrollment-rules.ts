import type { ApiError } from '@oris/shared/api-client';
import {
  admissionRefusal,
  type EnrollmentStatus,
  type EnrollmentWindow,
  isOpenEnrollment,
} from '@oris/shared/domain';
import type { Enrollment, Progress } from './learning-types';

/** A translation key with its parameters. */
export interface Message {
  key: string;
  params?: Record<string, unknown>;
}

/** The person's enrollment in this session that still counts (every status but withdrawn). */
export function activeEnrollmentIn(
  enrollments: readonly Enrollment[],
  sessionId: string,
): Enrollment | null {
  return (
    enrollments.find(
      (enrollment) => enrollment.session.id === sessionId && enrollment.status !== 'withdrawn',
    ) ?? null
  );
}

/**
 * Why a person cannot ask for a seat in this session today, worded for the interface; null when
 * they can. The API decides in the end: this only spares a request bound to be refused.
 */
export function enrollRefusal(
  session: EnrollmentWindow,
  today: string,
  isTrainee: boolean,
): Message | null {
  if (!isTrainee) return { key: 'learning.enroll.refusal.traineesOnly' };
  const refusal = admissionRefusal(session, 'self', today);
  switch (refusal?.reason) {
    case undefined:
      return null;
    case 'session_cancelled':
      return { key: 'learning.enroll.refusal.cancelled' };
    case 'session_not_open':
      return { key: 'learning.enroll.refusal.notOpen' };
    case 'window_not_open':
      return { key: 'learning.enroll.refusal.notYetOpen', params: { day: refusal.opensOn } };
    case 'window_closed':
      return { key: 'learning.enroll.refusal.closed', params: { day: refusal.closesOn } };
  }
}

/** "3 of 4 modules done", counting what the progress percentage counts. */
export function progressLabel(progress: Progress): Message {
  return progress.requiredTotal > 0
    ? {
        key: 'learning.progress.required',
        params: { done: progress.requiredDone, total: progress.requiredTotal },
      }
    : {
        key: 'learning.progress.all',
        params: { done: progress.publishedDone, total: progress.publishedTotal },
      };
}

/** The API opens the modules once the seat is confirmed, and keeps them open after completion. */
export const opensModules = (status: EnrollmentStatus): boolean =>
  status === 'confirmed' || status === 'completed';

/** The trainee may still leave a pending, confirmed or waitlisted enrollment. */
export const canWithdraw = (status: EnrollmentStatus): boolean => isOpenEnrollment(status);

/**
 * Whether a retry may reuse the Idempotency-Key of a failed enrollment request. When the outcome
 * is unknown (no answer, a server error, the first request still running) it must: the API then
 * replays the first answer instead of enrolling twice. Any other refusal was definitive and
 * enrolled no one, so the next attempt (maybe with other answers) gets a key of its own.
 */
export function keepsIdempotencyKey(error: ApiError): boolean {
  return (
    error.kind === 'network' ||
    error.kind === 'server' ||
    error.code === 'idempotency_key_in_flight'
  );
}

/** A fresh Idempotency-Key: a random UUID, also where `crypto.randomUUID` is unavailable. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * A full session that takes enrollments without approval puts a new request on its waitlist:
 * the course page and the dialog say so before the person asks.
 */
export const joinsWaitlist = (session: { seatsLeft: number; approvalRequired: boolean }): boolean =>
  session.seatsLeft <= 0 && !session.approvalRequired;

/** The person's latest enrollment that carries their answers (the list is latest first). */
export function latestBaseline(enrollments: readonly Enrollment[]): Enrollment | undefined {
  return [...enrollments]
    .filter((enrollment) => enrollment.baselineSituation && enrollment.educationLevel)
    .sort((a, b) => b.enrolledAt.localeCompare(a.enrolledAt))[0];
}
