import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** Lets a feature built on the catalogue (enrollments) react to a session's cancellation. */
export interface SessionCancellationListener {
  /** In the cancelling transaction, with the session row locked and its status already set. */
  onSessionCancelled(manager: EntityManager, sessionId: string): Promise<void>;
  /** After the commit (e.g. to hand emails to the queue); must not throw. */
  afterSessionCancelled?(sessionId: string): void;
}

/** Lets a feature built on the catalogue (enrollments) fill seats a session has just gained. */
export interface SessionSeatsListener {
  /** In the changing transaction, with the session row locked and its new capacity saved. */
  onSessionSeatsAdded(manager: EntityManager, sessionId: string): Promise<void>;
  /** After the commit (e.g. to hand emails to the queue); must not throw. */
  afterSessionSeatsAdded?(sessionId: string): void;
}

/**
 * Listeners of session lifecycle changes. The catalogue cannot depend on the features that
 * build on it, so they register here (at module init) instead.
 */
@Injectable()
export class SessionHooks {
  private readonly cancellationListeners: SessionCancellationListener[] = [];
  private readonly seatsListeners: SessionSeatsListener[] = [];

  onCancelled(listener: SessionCancellationListener): void {
    this.cancellationListeners.push(listener);
  }

  onSeatsAdded(listener: SessionSeatsListener): void {
    this.seatsListeners.push(listener);
  }

  async cancelled(manager: EntityManager, sessionId: string): Promise<void> {
    for (const listener of this.cancellationListeners) {
      await listener.onSessionCancelled(manager, sessionId);
    }
  }

  afterCancelled(sessionId: string): void {
    for (const listener of this.cancellationListeners) listener.afterSessionCancelled?.(sessionId);
  }

  async seatsAdded(manager: EntityManager, sessionId: string): Promise<void> {
    for (const listener of this.seatsListeners) {
      await listener.onSessionSeatsAdded(manager, sessionId);
    }
  }

  afterSeatsAdded(sessionId: string): void {
    for (const listener of this.seatsListeners) listener.afterSessionSeatsAdded?.(sessionId);
  }
}
