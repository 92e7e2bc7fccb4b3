import { inject, Injectable } from '@angular/core';
import { unwrap, type components } from '@oris/shared/api-client';
import { ORIS_API } from '@oris/web/core';

export type AdminOverview = components['schemas']['AdminOverviewDto'];

/** What needs an administrator's attention (`GET /api/v1/admin/overview`). */
@Injectable({ providedIn: 'root' })
export class OverviewApi {
  private readonly api = inject(ORIS_API);

  overview(): Promise<AdminOverview> {
    return unwrap(this.api.GET('/api/v1/admin/overview'));
  }
}
