import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { type RegionCode, SITUATION_KINDS, type SituationKind } from '@oris/shared/domain';
import { LanguageService, latestLoad, RegionsService } from '@oris/web/core';
import { DayPipe, Icon, Pager, ProblemAlert } from '@oris/web/ui';
import { debounceTime, distinctUntilChanged, merge } from 'rxjs';
import { InsertionApi } from '../insertion-api';
import type { PageOf, Placement } from '../shared/insertion-types';
import { ValidationChip } from '../shared/placement-chips';
import { InsertionTabs } from '../shared/insertion-tabs';
import { insertionMessageKeys } from '../shared/problem-keys';

const PAGE_SIZE = 20;
const SEARCH_DEBOUNCE_MS = 300;

/** Validation filter values: the select cannot hold a boolean and "any" apart. */
type ValidatedFilter = 'any' | 'yes' | 'no';

/** Every recorded situation (current versions), filtered by kind, validation, region and name. */
@Component({
  selector: 'oris-placements-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    TranslocoPipe,
    DayPipe,
    Icon,
    Pager,
    ProblemAlert,
    ValidationChip,
    InsertionTabs,
  ],
  templateUrl: './placements-page.html',
  styleUrl: '../shared/list-page.scss',
})
export class PlacementsPage {
  private readonly insertion = inject(InsertionApi);
  protected readonly regions = inject(RegionsService);
  protected readonly language = inject(LanguageService).language;
  protected readonly messageKeys = insertionMessageKeys;
  protected readonly kinds = SITUATION_KINDS;

  protected readonly kind = new FormControl<SituationKind | null>(null);
  protected readonly validated = new FormControl<ValidatedFilter>('any', { nonNullable: true });
  protected readonly region = new FormControl<RegionCode | null>(null);
  protected readonly search = new FormControl('', { nonNullable: true });

  private readonly placements = latestLoad<PageOf<Placement>>();
  protected readonly result = this.placements.value;
  protected readonly loading = this.placements.loading;
  protected readonly problem = this.placements.problem;
  private page = 1;

  constructor() {
    this.regions.load().catch(() => undefined);
    merge(
      this.kind.valueChanges,
      this.validated.valueChanges,
      this.region.valueChanges,
      this.search.valueChanges.pipe(debounceTime(SEARCH_DEBOUNCE_MS), distinctUntilChanged()),
    )
      .pipe(takeUntilDestroyed())
      .subscribe(() => {
        this.page = 1;
        void this.load();
      });
    void this.load();
  }

  protected placeOf(placement: Placement): string | null {
    return placement.organisationName ?? placement.employerName;
  }

  protected showPage(page: number): void {
    this.page = page;
    void this.load();
  }

  private async load(): Promise<void> {
    const kind = this.kind.value;
    const validated = this.validated.value;
    const region = this.region.value;
    const q = this.search.value.trim();
    await this.placements.load(() =>
      this.insertion.placements({
        page: this.page,
        pageSize: PAGE_SIZE,
        ...(kind ? { kind } : {}),
        ...(validated !== 'any' ? { validated: validated === 'yes' } : {}),
        ...(region ? { region } : {}),
        ...(q ? { q } : {}),
      }),
    );
  }
}
