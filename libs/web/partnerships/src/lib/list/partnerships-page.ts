import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import {
  PARTNERSHIP_KINDS,
  PARTNERSHIP_STATUSES,
  type PartnershipKind,
  type PartnershipStatus,
  STAKEHOLDER_GROUPS,
  type StakeholderGroup,
} from '@oris/shared/domain';
import { LanguageService, latestLoad } from '@oris/web/core';
import { Chip, DayPipe, Icon, Pager, ProblemAlert } from '@oris/web/ui';
import { debounceTime, distinctUntilChanged, merge } from 'rxjs';
import { PartnershipsApi } from '../partnerships-api';
import type { PageOf, PartnershipSummary } from '../shared/partnership-types';
import { partnershipMessageKeys } from '../shared/problem-keys';
import { STATUS_TONES } from '../shared/status';

const PAGE_SIZE = 20;
const SEARCH_DEBOUNCE_MS = 300;

/** The registry of partnerships: search, filter by computed status, kind and partner group. */
@Component({
  selector: 'oris-partnerships-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    TranslocoPipe,
    Chip,
    DayPipe,
    Icon,
    Pager,
    ProblemAlert,
  ],
  templateUrl: './partnerships-page.html',
  styleUrl: './partnerships-page.scss',
})
export class PartnershipsPage {
  private readonly partnerships = inject(PartnershipsApi);
  protected readonly messageKeys = partnershipMessageKeys;
  protected readonly statuses = PARTNERSHIP_STATUSES;
  protected readonly kinds = PARTNERSHIP_KINDS;
  protected readonly groups = STAKEHOLDER_GROUPS;
  protected readonly tones = STATUS_TONES;
  protected readonly language = inject(LanguageService).language;

  protected readonly search = new FormControl('', { nonNullable: true });
  protected readonly statusFilter = new FormControl<PartnershipStatus | null>(null);
  protected readonly kindFilter = new FormControl<PartnershipKind | null>(null);
  protected readonly groupFilter = new FormControl<StakeholderGroup | null>(null);

  private readonly page$ = latestLoad<PageOf<PartnershipSummary>>();
  protected readonly result = this.page$.value;
  protected readonly loading = this.page$.loading;
  protected readonly problem = this.page$.problem;
  private page = 1;

  constructor() {
    merge(
      this.statusFilter.valueChanges,
      this.kindFilter.valueChanges,
      this.groupFilter.valueChanges,
      this.search.valueChanges.pipe(debounceTime(SEARCH_DEBOUNCE_MS), distinctUntilChanged()),
    )
      .pipe(takeUntilDestroyed())
      .subscribe(() => {
        this.page = 1;
        void this.load();
      });
    void this.load();
  }

  /** A status chip toggles its filter. */
  protected filterByStatus(status: PartnershipStatus): void {
    this.statusFilter.setValue(this.statusFilter.value === status ? null : status);
  }

  protected showPage(page: number): void {
    this.page = page;
    void this.load();
  }

  private async load(): Promise<void> {
    const q = this.search.value.trim();
    const status = this.statusFilter.value;
    const kind = this.kindFilter.value;
    const stakeholderGroup = this.groupFilter.value;
    await this.page$.load(() =>
      this.partnerships.list({
        page: this.page,
        pageSize: PAGE_SIZE,
        ...(q ? { q } : {}),
        ...(status ? { status } : {}),
        ...(kind ? { kind } : {}),
        ...(stakeholderGroup ? { stakeholderGroup } : {}),
      }),
    );
  }
}
