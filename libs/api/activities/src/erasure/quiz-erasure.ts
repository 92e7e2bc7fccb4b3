import { Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { ErasureParticipants } from '@oris/api/identity';
import type { EntityManager } from 'typeorm';

/**
 * A person's erasure (law 09-08): their quiz attempts keep what the gradebook and completion
 * count (dates, scores, percent, and the options they chose, which only say which were right),
 * but the short answers they typed lose their text. The scores those answers earned stay; a
 * later regrade of the quiz leaves an erased account's attempts as they were
 * (`QuizResults.regrade`), as an assignment's grade outlives its erased text.
 */
@Injectable()
export class QuizErasure implements OnModuleInit, OnModuleDestroy {
  private unregister?: () => void;

  constructor(private readonly participants: ErasureParticipants) {}

  onModuleInit(): void {
    this.unregister = this.participants.register({
      name: 'quizzes',
      erase: (manager, userId) => this.erase(manager, userId),
    });
  }

  onModuleDestroy(): void {
    this.unregister?.();
  }

  async erase(manager: EntityManager, userId: string): Promise<void> {
    await manager.query(
      `UPDATE quiz_answer n SET response = jsonb_set(n.response, '{text}', '""'::jsonb)
         FROM quiz_attempt a
        WHERE a.id = n.attempt_id AND a.user_id = $1
          AND n.response->>'type' = 'short_answer' AND n.response->>'text' <> ''`,
      [userId],
    );
  }
}
