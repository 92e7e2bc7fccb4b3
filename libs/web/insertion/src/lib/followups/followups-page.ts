import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { ApiError } from '@oris/shared/api-client';
import { FOLLOWUP_HORIZONS, type RegionCode } from '@oris/shared/domain';
import { LanguageService, latestLoad, RegionsService } from '@oris/web/core';
import { Chip, DayPipe, Pager, ProblemAlert, transientText } from '@oris/web/ui';
import { firstValueFrom, merge } from 'rxjs';
import { InsertionApi } from '../insertion-api';
import type {
  Followup,
  FollowupCounts,
  FollowupQuery,
  Horizon,
  PageOf,
} from '../shared/insertion-types';
import { InsertionTabs } from '../shared/insertion-tabs';
import { insertionMessageKeys } from '../shared/problem-keys';
import { FollowupAnswerDialog, followupAnswerDialogOptions } from './followup-answer-dialog';
import { PhoneLink } from '../shared/phone-link';

const PAGE_SIZE = 20;

export type QueueTab = NonNullable<FollowupQuery['status']>;
/** Overdue first: those are the calls to make. */
export const QUEUE_TABS: readonly QueueTab[] = [
  'overdue',
  'due',
  'skipped',
  'scheduled',
  'answered',
];

/**
 * The follow-up queue: each completer at 6, 9 and 12 months. The survey is emailed; those who
 * did not answer are called, and their answer is recorded here (a situation to validate).
 */
@Component({
  selector: 'oris-followups-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatProgressBarModule,
    MatSelectModule,
    TranslocoPipe,
    DayPipe,
    Chip,
    Pager,
    ProblemAlert,
    InsertionTabs,
    PhoneLink,
  ],
  templateUrl: './followups-page.html',
  styleUrl: './followups-page.scss',
})
export class FollowupsPage {
  private readonly insertion = inject(InsertionApi);
  private readonly dialog = inject(MatDialog);
  private readonly transloco = inject(TranslocoService);
  protected readonly regions = inject(RegionsService);
  protected readonly language = inject(LanguageService).language;
  protected readonly messageKeys = insertionMessageKeys;
  protected readonly tabs = QUEUE_TABS;
  protected readonly horizons = FOLLOWUP_HORIZONS;

  protected readonly tab = signal<QueueTab>('overdue');
  protected readonly horizon = new FormControl<Horizon | null>(null);
  protected readonly region = new FormControl<RegionCode | null>(null);

  protected readonly counts = signal<FollowupCounts | null>(null);
  private readonly followups = latestLoad<PageOf<Followup>>();
  protected readonly result = this.followups.value;
  protected readonly loading = this.followups.loading;
  /** A problem loading the counts beside the list. */
  private readonly countsProblem = signal<ApiError | null>(null);
  protected readonly problem = computed(() => this.countsProblem() ?? this.followups.problem());
  protected readonly announcement = transientText();
  private page = 1;

  constructor() {
    this.regions.load().catch(() => undefined);
    merge(this.horizon.valueChanges, this.region.valueChanges)
      .pipe(takeUntilDestroyed())
      .subscribe(() => this.reload());
    this.reload();
  }

  protected choose(tab: QueueTab): void {
    this.tab.set(tab);
    this.page = 1;
    void this.loadList();
  }

  /** Arrow keys move between tabs, as the tabs pattern expects. */
  protected moveTab(event: KeyboardEvent, tab: QueueTab): void {
    const step = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
    if (!step) return;
    event.preventDefault();
    const rtl = (event.target as HTMLElement).closest('[dir="rtl"]') !== null;
    const index = this.tabs.indexOf(tab);
    const next = this.tabs[(index + (rtl ? -step : step) + this.tabs.length) % this.tabs.length];
    this.choose(next);
    const list = (event.target as HTMLElement).parentElement;
    list?.querySelector<HTMLElement>(`#followups-tab-${next}`)?.focus();
  }

  protected countOf(tab: QueueTab): number | null {
    return this.counts()?.[tab] ?? null;
  }

  protected showPage(page: number): void {
    this.page = page;
    void this.loadList();
  }

  protected async answer(followup: Followup): Promise<void> {
    const answered = await firstValueFrom(
      this.dialog
        .open<FollowupAnswerDialog, Followup, Followup>(FollowupAnswerDialog, {
          ...followupAnswerDialogOptions,
          data: followup,
        })
        .afterClosed(),
    );
    if (!answered) return;
    this.announcement.set(
      this.transloco.translate('insertion.followups.answered', {
        name: followup.person.fullName,
      }),
    );
    this.reload();
  }

  private reload(): void {
    this.page = 1;
    void this.loadCounts();
    void this.loadList();
  }

  private filters(): Omit<FollowupQuery, 'page' | 'pageSize' | 'status'> {
    const horizon = this.horizon.value;
    const region = this.region.value;
    return { ...(horizon ? { horizon } : {}), ...(region ? { region } : {}) };
  }

  private async loadCounts(): Promise<void> {
    try {
      this.counts.set(await this.insertion.followupCounts(this.filters()));
    } catch (error) {
      this.countsProblem.set(ApiError.from(error));
    }
  }

  private async loadList(): Promise<void> {
    const landed = await this.followups.load(() =>
      this.insertion.followups({
        page: this.page,
        pageSize: PAGE_SIZE,
        status: this.tab(),
        ...this.filters(),
      }),
    );
    if (landed) this.countsProblem.set(null);
  }
}
