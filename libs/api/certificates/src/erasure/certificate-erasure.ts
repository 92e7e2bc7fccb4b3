import { Inject, Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { ERASED_FULL_NAME, ErasureParticipants } from '@oris/api/identity';
import { FILE_STORAGE, type FileStorage } from '@oris/api/platform';
import type { EntityManager } from 'typeorm';
import { VerificationCache } from '../verification/verification-cache';

/**
 * A holder's erasure (law 09-08): the certificate rows stay (they are the proof of a training and
 * the indicators read their status), without the name or the staff's revocation note, and the
 * stored PDFs, which print the name, are deleted, as are the signed credentials (they name the
 * holder too; the holder's own copy still verifies, and revocation still reaches it). Verification then answers "issued to a person
 * who had their data erased": the holder's own copy still matches the recorded SHA-256. A PDF not
 * rendered yet never will be (it would print a name that no longer exists).
 */
@Injectable()
export class CertificateErasure implements OnModuleInit, OnModuleDestroy {
  private unregister?: () => void;

  constructor(
    private readonly participants: ErasureParticipants,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    private readonly cache: VerificationCache,
  ) {}

  onModuleInit(): void {
    this.unregister = this.participants.register({
      name: 'certificates',
      erase: (manager, userId) => this.erase(manager, userId),
    });
  }

  onModuleDestroy(): void {
    this.unregister?.();
  }

  async erase(manager: EntityManager, userId: string): Promise<() => Promise<void>> {
    const [rows]: [{ verification_code: string; storage_key: string | null }[], number] =
      await manager.query(
        `UPDATE certificate
            SET holder_name = $2, holder_name_ar = NULL, revocation_note = NULL, credential = NULL,
                credential_jwt = NULL,
                render_error = CASE WHEN render_state = 'pending' THEN 'holder_erased' ELSE render_error END,
                render_state = CASE WHEN render_state = 'pending' THEN 'failed' ELSE render_state END
          WHERE user_id = $1
          RETURNING verification_code, storage_key`,
        [userId, ERASED_FULL_NAME],
      );
    return async () => {
      for (const row of rows) {
        await this.cache.changed(row.verification_code);
        if (row.storage_key) await this.storage.delete(row.storage_key);
      }
    };
  }
}
