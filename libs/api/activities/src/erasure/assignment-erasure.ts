import { Inject, Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { ErasureParticipants, type AfterErasure } from '@oris/api/identity';
import { FILE_STORAGE, type FileStorage } from '@oris/api/platform';
import type { EntityManager } from 'typeorm';

/**
 * A person's erasure (law 09-08): their assignments keep what the gradebook and completion count
 * (status, dates, lateness, rubric levels, points and percent) but lose what was written by them
 * or about them — the submitted text, the files they handed in, and the trainer's feedback text
 * and files. The files' rows go in the erasing transaction and their bytes once it committed.
 * Each file lives under its own submission's key (`assignments/<assignment>/<submission>/…`),
 * so no one else's row can name it.
 */
@Injectable()
export class AssignmentErasure implements OnModuleInit, OnModuleDestroy {
  private unregister?: () => void;

  constructor(
    private readonly participants: ErasureParticipants,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
  ) {}

  onModuleInit(): void {
    this.unregister = this.participants.register({
      name: 'assignments',
      erase: (manager, userId) => this.erase(manager, userId),
    });
  }

  onModuleDestroy(): void {
    this.unregister?.();
  }

  async erase(manager: EntityManager, userId: string): Promise<AfterErasure> {
    const [files]: [{ storage_key: string }[], number] = await manager.query(
      `DELETE FROM assignment_file f USING assignment_submission s
        WHERE f.submission_id = s.id AND s.user_id = $1
        RETURNING f.storage_key`,
      [userId],
    );
    await manager.query(
      `UPDATE assignment_submission SET text = '', feedback = '', updated_at = now()
        WHERE user_id = $1 AND (text <> '' OR feedback <> '')`,
      [userId],
    );
    const keys = [...new Set(files.map((file) => file.storage_key))];
    return async () => {
      for (const key of keys) await this.storage.delete(key);
    };
  }
}
