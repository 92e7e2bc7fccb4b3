import { inject, Injectable } from '@angular/core';
import { AuthSession } from '@oris/web/core';
import { LearningApi } from '../learning-api';
import type { Enrollment } from './learning-types';

/** Enough for every session a person takes part in: a course page only asks about its own. */
const LOOKUP_PAGE_SIZE = 100;
/** Long enough for every row of a page to share one request, short enough to stay current. */
const FRESH_MS = 10_000;

/**
 * The signed-in person's enrollments, fetched once for all the enroll controls of a course page
 * (one per session row) rather than once per row. Forgotten after a few seconds, after any
 * enrollment change made here, and whenever another person signs in.
 */
@Injectable({ providedIn: 'root' })
export class MyEnrollments {
  private readonly learning = inject(LearningApi);
  private readonly session = inject(AuthSession);
  private cached: { userId: string; at: number; list: Promise<Enrollment[]> } | null = null;

  list(): Promise<Enrollment[]> {
    // A visitor has none, and asking would only log a 401 in the console.
    if (!this.session.isSignedIn()) return Promise.resolve([]);
    const userId = this.session.user()?.id ?? '';
    const now = Date.now();
    if (this.cached?.userId !== userId || now - this.cached.at > FRESH_MS) {
      const list = this.learning
        .myEnrollments({ page: 1, pageSize: LOOKUP_PAGE_SIZE })
        .then((page) => page.items);
      // A failed lookup is not kept: the next control asks again.
      list.catch(() => {
        if (this.cached?.list === list) this.cached = null;
      });
      this.cached = { userId, at: now, list };
    }
    return this.cached.list;
  }

  forget(): void {
    this.cached = null;
  }
}
