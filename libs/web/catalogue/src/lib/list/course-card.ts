import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { Locale } from '@oris/shared/domain';
import { type CourseSummary, RegionsService } from '@oris/web/core';
import { DayRangePipe, Icon } from '@oris/web/ui';

/** One course of the catalogue: what it is, how long, and when it runs next. */
@Component({
  selector: 'oris-course-card',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, TranslocoPipe, Icon, Icon, DayRangePipe],
  templateUrl: './course-card.html',
  styleUrl: './course-card.scss',
})
export class CourseCard {
  protected readonly regions = inject(RegionsService);
  readonly course = input.required<CourseSummary>();
  readonly language = input.required<Locale>();
}
