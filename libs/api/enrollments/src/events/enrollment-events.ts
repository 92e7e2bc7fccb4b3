import { Injectable, Logger } from '@nestjs/common';

/** A trainee completed a session: they now count as "trained" from `completedOn`. */
export interface EnrollmentCompleted {
  type: 'EnrollmentCompleted';
  enrollmentId: string;
  userId: string;
  sessionId: string;
  courseId: string;
  /** Calendar day of completion, 'YYYY-MM-DD' (a past day for past cohorts). */
  completedOn: string;
  validatedBy: string;
  occurredAt: Date;
}

/** Every enrollment event, by type: subscribers get the payload typed by what they listen to. */
export interface EnrollmentEventMap {
  EnrollmentCompleted: EnrollmentCompleted;
}

export type EnrollmentEvent = EnrollmentEventMap[keyof EnrollmentEventMap];
type Handler<E> = (event: E) => void | Promise<void>;

/**
 * In-process publisher of enrollment events, called after the commit of the change. It is a
 * hint, not a guarantee: a process may stop between the commit and a handler, so durable
 * consumers (certificates, follow-ups, indicators) must also re-derive their work from the data
 * (e.g. completed enrollments without a certificate) and be idempotent.
 */
@Injectable()
export class EnrollmentEvents {
  private readonly logger = new Logger(EnrollmentEvents.name);
  private readonly handlers = new Map<keyof EnrollmentEventMap, Handler<never>[]>();

  /** Subscribes to one type of event; returns the unsubscribe function. */
  on<K extends keyof EnrollmentEventMap>(
    type: K,
    handler: Handler<EnrollmentEventMap[K]>,
  ): () => void {
    const list = this.handlers.get(type) ?? [];
    list.push(handler as Handler<never>);
    this.handlers.set(type, list);
    return () => {
      const current = this.handlers.get(type) ?? [];
      this.handlers.set(
        type,
        current.filter((candidate) => candidate !== handler),
      );
    };
  }

  /**
   * Calls every handler of the event's type without waiting for them: a failing or slow
   * subscriber never fails nor delays the request that caused the event.
   */
  publish(event: EnrollmentEvent): void {
    for (const handler of this.handlers.get(event.type) ?? []) {
      Promise.resolve()
        .then(() => (handler as Handler<EnrollmentEvent>)(event))
        .catch((error: unknown) =>
          this.logger.error(`A ${event.type} handler failed: ${String(error)}`),
        );
    }
  }
}
