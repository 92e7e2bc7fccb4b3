import { inject, Injectable } from '@angular/core';
import { unwrap, type components, type paths } from '@oris/shared/api-client';
import { ORIS_API } from '@oris/web/core';

export type AuditEvent = components['schemas']['AuditEventDto'];
export type AuditQuery = NonNullable<
  paths['/api/v1/admin/audit-events']['get']['parameters']['query']
>;
export type AuditEventPage = { items: AuditEvent[]; total: number; page: number; pageSize: number };

/** The audit trail, for administrators (law 09-08: who saw or changed whose data). */
@Injectable({ providedIn: 'root' })
export class AuditApi {
  private readonly api = inject(ORIS_API);

  list(query: AuditQuery): Promise<AuditEventPage> {
    return unwrap(this.api.GET('/api/v1/admin/audit-events', { params: { query } }));
  }
}
