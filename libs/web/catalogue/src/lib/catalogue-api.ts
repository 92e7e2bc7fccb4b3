import { inject, Injectable } from '@angular/core';
import { unwrap } from '@oris/shared/api-client';
import { type Course, type CourseSummary, ORIS_API, type PageOf } from '@oris/web/core';
import type { CatalogueQuery } from './catalogue-query';

/** The public catalogue: published courses and their upcoming sessions. */
@Injectable({ providedIn: 'root' })
export class CatalogueApi {
  private readonly api = inject(ORIS_API);

  list(query: CatalogueQuery): Promise<PageOf<CourseSummary>> {
    return unwrap(this.api.GET('/api/v1/courses', { params: { query } }));
  }

  course(id: string): Promise<Course> {
    return unwrap(this.api.GET('/api/v1/courses/{id}', { params: { path: { id } } }));
  }
}
