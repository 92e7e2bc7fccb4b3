import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { LanguageService, RegionsService } from '@oris/web/core';
import { DayPipe, DayRangePipe, EnrollmentStatusChip, Icon, ProblemAlert } from '@oris/web/ui';
import { map } from 'rxjs';
import { CourseProgress } from '../shared/course-progress';
import { learningMessageKeys } from '../shared/problem-keys';
import { ProgressMeter } from '../shared/progress-meter';
import { TimetableSection } from '../shared/timetable';

/** An enrollment's course: its published modules in order, what is done, and the progress. */
@Component({
  selector: 'oris-course-outline-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterLink,
    MatButtonModule,
    MatProgressBarModule,
    TranslocoPipe,
    Icon,
    ProblemAlert,
    DayPipe,
    DayRangePipe,
    EnrollmentStatusChip,
    ProgressMeter,
    TimetableSection,
  ],
  templateUrl: './course-outline-page.html',
  styleUrl: './course-outline-page.scss',
})
export class CourseOutlinePage {
  protected readonly course = inject(CourseProgress);
  protected readonly regions = inject(RegionsService);
  protected readonly language = inject(LanguageService).language;
  protected readonly messageKeys = learningMessageKeys;
  private enrollmentId = '';

  constructor() {
    this.regions.load().catch(() => undefined);
    inject(ActivatedRoute)
      .paramMap.pipe(
        map((params) => params.get('enrollmentId') ?? ''),
        takeUntilDestroyed(),
      )
      .subscribe((id) => {
        this.enrollmentId = id;
        void this.course.open(id, { reload: true });
      });
  }

  protected retry(): void {
    void this.course.open(this.enrollmentId, { reload: true });
  }
}
