import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditData, AuditEvent } from './audit-event.entity';

export interface AuditEntry {
  actorId: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
  data?: AuditData;
}

/** Writes audit events inside the caller's transaction, so the trail and the change commit together. */
@Injectable()
export class AuditLog {
  async record(manager: EntityManager, entry: AuditEntry): Promise<void> {
    await manager.insert(AuditEvent, { ...entry, data: entry.data ?? {} });
  }
}
