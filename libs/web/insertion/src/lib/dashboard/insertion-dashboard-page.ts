import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DOCUMENT,
  inject,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { ApiError } from '@oris/shared/api-client';
import { FOLLOWUP_HORIZONS, moroccoTimeToIso, type RegionCode } from '@oris/shared/domain';
import { LanguageService, latestLoad, RegionsService, timeOfDay } from '@oris/web/core';
import { formatDay, ProblemAlert, provideDayDatepicker, saveFile } from '@oris/web/ui';
import { debounceTime, distinctUntilChanged, map, skip, startWith } from 'rxjs';
import { InsertionApi } from '../insertion-api';
import type {
  CourseSummary,
  GroupBy,
  Horizon,
  Indicator,
  IndicatorGroup,
  IndicatorQuery,
  Session,
} from '../shared/insertion-types';
import { InsertionTabs } from '../shared/insertion-tabs';
import { insertionMessageKeys } from '../shared/problem-keys';
import { BarChart } from './bar-chart';
import { BreakdownTable } from './breakdown-table';
import { type HeadlineCard, HeadlineCards } from './headline-cards';
import {
  type Bar,
  countBars,
  formatCount,
  formatMoment,
  formatRate,
  groupName,
  type GroupName,
  rateBars,
} from './indicator-format';

export const GROUP_BYS: readonly GroupBy[] = [
  'region',
  'gender',
  'ageBand',
  'education',
  'course',
  'session',
  'year',
  'kind',
];
/** The breakdowns drawn as charts; the table shows any of them. */
const CHARTED: readonly GroupBy[] = ['region', 'gender', 'year', 'kind'];
const FILTER_DEBOUNCE_MS = 300;

type Breakdowns = Partial<Record<GroupBy, Indicator>>;

/** The "as known on" day and time, on a Moroccan clock, as the instant the API expects. */
const knownAtInstant = (day: string, time: string) => moroccoTimeToIso(day, time || '00:00');

/**
 * The insertion indicator for officers and administrators: headline figures at a horizon, the
 * charts by region, gender, year and kind of situation, any breakdown as a table, the definition
 * beside them, a CSV export and a printable view.
 */
@Component({
  selector: 'oris-insertion-dashboard-page',
  providers: [provideDayDatepicker()],
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatDatepickerModule,
    MatProgressBarModule,
    MatSelectModule,
    TranslocoPipe,
    BarChart,
    BreakdownTable,
    HeadlineCards,
    InsertionTabs,
    ProblemAlert,
  ],
  templateUrl: './insertion-dashboard-page.html',
  styleUrl: './insertion-dashboard-page.scss',
})
export class InsertionDashboardPage {
  private readonly insertion = inject(InsertionApi);
  private readonly document = inject(DOCUMENT);
  private readonly transloco = inject(TranslocoService);
  protected readonly regions = inject(RegionsService);
  protected readonly language = inject(LanguageService).language;
  protected readonly messageKeys = insertionMessageKeys;
  protected readonly horizons = FOLLOWUP_HORIZONS;
  protected readonly groupBys = GROUP_BYS;

  protected readonly filters = new FormGroup({
    from: new FormControl('', { nonNullable: true }),
    to: new FormControl('', { nonNullable: true }),
    months: new FormControl<Horizon>(9, { nonNullable: true }),
    asOf: new FormControl('', { nonNullable: true }),
    /** With `knownTime` (`HH:mm`, midnight when empty), a moment on a Moroccan clock. */
    knownAt: new FormControl('', { nonNullable: true }),
    knownTime: new FormControl('', { nonNullable: true, validators: timeOfDay }),
    region: new FormControl<RegionCode | null>(null),
    course: new FormControl<string | null>(null),
    session: new FormControl<string | null>(null),
  });
  protected readonly tableGroupBy = new FormControl<GroupBy>('region', { nonNullable: true });

  protected readonly courses = signal<CourseSummary[]>([]);
  protected readonly sessions = signal<Session[]>([]);
  private readonly breakdowns = signal<Breakdowns>({});
  /** The charted breakdowns (and the table's) for the filters; then, apart, any other table. */
  private readonly figures = latestLoad<Indicator[]>();
  private readonly extraTable = latestLoad<Indicator>();
  protected readonly loading = computed(() => this.figures.loading() || this.extraTable.loading());
  /** The export's, or the course and session pickers', problem. */
  private readonly actionProblem = signal<ApiError | null>(null);
  protected readonly problem = computed(
    () => this.actionProblem() ?? this.extraTable.problem() ?? this.figures.problem(),
  );
  protected readonly exporting = signal(false);
  private readonly shownGroupBy = signal<GroupBy>('region');

  /** The totals: every breakdown carries the same. */
  protected readonly totals = computed(() => this.breakdowns().region ?? null);
  protected readonly definition = computed(() => this.totals()?.definition[this.language()] ?? '');

  /** The figures' two dates: the reference day and the instant of knowledge they reflect. */
  protected readonly twoDates = computed(() => {
    const totals = this.totals();
    if (!totals) return null;
    const language = this.language();
    return {
      asOf: formatDay(totals.filters.asOf, language),
      knownAt: formatMoment(totals.filters.knownAt, language),
    };
  });

  /** Why the figures are empty, when they are, in the reader's language. */
  protected readonly notes = computed(() =>
    (this.totals()?.notes ?? []).map((note) => ({
      key: `insertion.dashboard.notes.${note.code}`,
      params: { count: formatCount(note.persons ?? 0, this.language()) },
    })),
  );

  protected readonly cards = computed<HeadlineCard[]>(() => {
    const totals = this.totals();
    if (!totals) return [];
    const language = this.language();
    const count = (value: number) => formatCount(value, language);
    const months = String(totals.filters.months);
    // Arabic words the horizon differently by number (6 أشهر, 12 شهرًا): a phrase per horizon.
    const horizon = this.transloco.translate(
      `insertion.dashboard.horizons.${months}`,
      {},
      language,
    );
    const cards: HeadlineCard[] = [
      {
        labelKey: 'insertion.dashboard.cards.trained',
        value: count(totals.trained),
        detailKey: 'insertion.dashboard.cards.trainedDetail',
        params: { eligible: totals.eligible, months, horizon },
      },
      {
        labelKey: 'insertion.dashboard.cards.inserted',
        value: count(totals.inserted),
        detailKey: 'insertion.dashboard.cards.insertedDetail',
        params: { employed: totals.employed, months, horizon },
      },
      {
        labelKey: 'insertion.dashboard.cards.insertionRate',
        value: formatRate(totals.insertionRate, language),
        detailKey: 'insertion.dashboard.cards.insertionRateDetail',
        params: {
          inserted: totals.inserted,
          responded: totals.responded,
          months,
          horizon,
        },
      },
      {
        labelKey: 'insertion.dashboard.cards.employmentRate',
        value: formatRate(totals.employmentRate, language),
        detailKey: 'insertion.dashboard.cards.employmentRateDetail',
        params: {
          employed: totals.employed,
          responded: totals.responded,
          months,
          horizon,
        },
      },
      {
        labelKey: 'insertion.dashboard.cards.responseRate',
        value: formatRate(totals.responseRate, language),
        detailKey: 'insertion.dashboard.cards.responseRateDetail',
        params: { responded: totals.responded, eligible: totals.eligible },
      },
      {
        labelKey: 'insertion.dashboard.cards.lowerBound',
        value: formatRate(totals.lowerBoundRate, language),
        detailKey: 'insertion.dashboard.cards.lowerBoundDetail',
        params: { inserted: totals.inserted, eligible: totals.eligible },
      },
    ];
    return cards;
  });

  protected readonly regionBars = computed(() => this.insertionBars('region'));
  protected readonly genderBars = computed(() => this.insertionBars('gender'));
  protected readonly yearBars = computed(() => this.insertionBars('year'));
  protected readonly kindBars = computed<Bar[]>(() => {
    const kinds = this.breakdowns().kind;
    if (!kinds) return [];
    // Persons whose situation at the horizon is not known yet are not a kind of situation.
    const known = kinds.breakdown.filter((group) => group.key !== 'unknown');
    const total = known.reduce((sum, group) => sum + group.responded, 0);
    return countBars(
      known,
      (group) => this.nameOf('kind', group),
      (group) => group.responded,
      total,
      this.language(),
    );
  });

  protected readonly table = computed(() => {
    const groupBy = this.shownGroupBy();
    const indicator = this.breakdowns()[groupBy];
    if (!indicator) return null;
    return {
      groupBy,
      rows: indicator.breakdown.map((group) => ({ group, name: this.nameOf(groupBy, group) })),
    };
  });

  protected readonly freshness = computed(() => {
    const totals = this.totals();
    if (!totals) return null;
    const language = this.language();
    const { source, refreshedAt, computedAt } = totals.freshness;
    return source === 'rollup' && refreshedAt
      ? {
          key: 'insertion.dashboard.freshRollup',
          params: { refreshedAt: formatMoment(refreshedAt, language) },
        }
      : {
          key: 'insertion.dashboard.freshLive',
          params: { computedAt: formatMoment(computedAt, language) },
        };
  });

  constructor() {
    this.regions.load().catch(() => undefined);
    void this.loadCourses();
    this.filters.controls.course.valueChanges.pipe(takeUntilDestroyed()).subscribe((courseId) => {
      this.sessions.set([]);
      this.filters.controls.session.setValue(null, { emitEvent: false });
      if (courseId) void this.loadSessions(courseId);
    });
    // The datepickers re-validate their fields as they start: only a changed query asks again.
    const asked = () => JSON.stringify(this.query());
    this.filters.valueChanges
      .pipe(
        debounceTime(FILTER_DEBOUNCE_MS),
        map(asked),
        startWith(asked()),
        distinctUntilChanged(),
        skip(1),
        takeUntilDestroyed(),
      )
      .subscribe(() => void this.load());
    this.tableGroupBy.valueChanges
      .pipe(takeUntilDestroyed())
      .subscribe((groupBy) => void this.showTable(groupBy));
    void this.load();
  }

  protected print(): void {
    this.document.defaultView?.print();
  }

  protected async exportCsv(): Promise<void> {
    this.exporting.set(true);
    this.actionProblem.set(null);
    try {
      const query = { ...this.query(), groupBy: this.shownGroupBy() };
      const csv = await this.insertion.indicatorCsv(query);
      const asOf = this.totals()?.filters.asOf ?? query.asOf ?? 'today';
      saveFile(csv, `oris-insertion-${query.groupBy}-${asOf}.csv`, this.document);
    } catch (error) {
      this.actionProblem.set(ApiError.from(error));
    } finally {
      this.exporting.set(false);
    }
  }

  private insertionBars(groupBy: GroupBy): Bar[] {
    const indicator = this.breakdowns()[groupBy];
    if (!indicator) return [];
    const language = this.language();
    return rateBars(
      indicator.breakdown,
      (group) => this.nameOf(groupBy, group),
      (group) => group.insertionRate,
      (group) =>
        `${formatCount(group.inserted, language)} / ${formatCount(group.responded, language)}`,
      language,
    );
  }

  private nameOf(groupBy: GroupBy, group: IndicatorGroup): GroupName {
    return groupName(groupBy, group, (code) => this.regions.nameOf(code));
  }

  private query(): IndicatorQuery {
    const value = this.filters.getRawValue();
    return {
      months: value.months,
      ...(value.from ? { from: value.from } : {}),
      ...(value.to ? { to: value.to } : {}),
      ...(value.asOf ? { asOf: value.asOf } : {}),
      ...(value.knownAt && this.filters.controls.knownTime.valid
        ? { knownAt: knownAtInstant(value.knownAt, value.knownTime) }
        : {}),
      ...(value.region ? { region: value.region } : {}),
      ...(value.course ? { course: value.course } : {}),
      ...(value.session ? { session: value.session } : {}),
    };
  }

  private async load(): Promise<void> {
    const query = this.query();
    const tableGroupBy = this.tableGroupBy.value;
    const wanted = CHARTED.includes(tableGroupBy) ? CHARTED : [...CHARTED, tableGroupBy];
    const landed = await this.figures.load(() =>
      Promise.all(wanted.map((groupBy) => this.insertion.indicator({ ...query, groupBy }))),
    );
    const answers = this.figures.value();
    if (!landed || !answers) return;
    this.actionProblem.set(null);
    this.breakdowns.set(Object.fromEntries(wanted.map((groupBy, i) => [groupBy, answers[i]])));
    this.shownGroupBy.set(tableGroupBy);
  }

  private async showTable(groupBy: GroupBy): Promise<void> {
    if (this.breakdowns()[groupBy]) {
      this.shownGroupBy.set(groupBy);
      return;
    }
    const landed = await this.extraTable.load(() =>
      this.insertion.indicator({ ...this.query(), groupBy }),
    );
    const indicator = this.extraTable.value();
    if (!landed || !indicator) return;
    this.actionProblem.set(null);
    this.breakdowns.update((all) => ({ ...all, [groupBy]: indicator }));
    this.shownGroupBy.set(groupBy);
  }

  private async loadCourses(): Promise<void> {
    try {
      this.courses.set(await this.insertion.courses());
    } catch (error) {
      this.actionProblem.set(ApiError.from(error));
    }
  }

  private async loadSessions(courseId: string): Promise<void> {
    try {
      const sessions = await this.insertion.sessions(courseId);
      if (this.filters.controls.course.value === courseId) this.sessions.set(sessions);
    } catch (error) {
      this.actionProblem.set(ApiError.from(error));
    }
  }
}
