import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** Work a participant leaves for after the erasure committed (deleting files, forgetting caches). */
export type AfterErasure = () => Promise<void>;

/**
 * A feature holding personal data about people in its own tables. Identity cannot import the
 * features (they import it), so each one registers here, at module start, and anonymises what it
 * owns when an account is erased.
 */
export interface ErasureParticipant {
  /** Names the participant in logs. */
  readonly name: string;
  /**
   * Anonymises the person's rows in the erasing transaction, keeping what the indicators count
   * (statuses, dates, categories, regions). May return work to do once the erasure committed.
   */
  erase(manager: EntityManager, userId: string): Promise<AfterErasure | void>;
}

/** The participants of an account erasure (law 09-08), registered by the feature modules. */
@Injectable()
export class ErasureParticipants {
  private participants: ErasureParticipant[] = [];

  /** Registers a participant; returns the function that unregisters it. */
  register(participant: ErasureParticipant): () => void {
    this.participants.push(participant);
    return () => {
      this.participants = this.participants.filter((candidate) => candidate !== participant);
    };
  }

  all(): readonly ErasureParticipant[] {
    return this.participants;
  }
}
