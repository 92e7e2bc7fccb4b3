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
import { ActivatedRoute, type ParamMap, Router } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { ApiError } from '@oris/shared/api-client';
import {
  FOLLOWUP_HORIZONS,
  moroccoTimeToIso,
  type RegionCode,
  todayInMorocco,
} from '@oris/shared/domain';
import { LanguageService, latestLoad, RegionsService, timeOfDay } from '@oris/web/core';
import { formatDay, ProblemAlert, saveFile } from '@oris/web/ui';
import { provideDayDatepicker } from '@oris/web/ui/dates';
import { debounceTime } from 'rxjs';
import { InsertionApi } from '../insertion-api';
import type {
  CourseSummary,
  GroupBy,
  Horizon,
  Indicator,
  IndicatorExportFormat,
  IndicatorGroup,
  IndicatorQuery,
  Session,
} from '../shared/insertion-types';
import { InsertionTabs } from '../shared/insertion-tabs';
import { insertionMessageKeys } from '../shared/problem-keys';
import { BarChart } from './bar-chart';
import { BreakdownTable } from './breakdown-table';
import { DEFAULT_MONTHS, readState, writeState } from './dashboard-url';
import { type HeadlineCard, HeadlineCards, headlineCards } from './headline-cards';
import { PrintSummary } from './print-summary';
import {
  type Bar,
  countBars,
  formatCount,
  formatMoment,
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
 * charts by region, gender, year and kind of situation (each rate with its n), any breakdown as
 * a table, the definition beside them, CSV and XLSX exports in the reader's language and a
 * printable view. Every filter lives in the address: a link shows the same figures, a reload
 * keeps them, the back button returns to the previous ones.
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
    PrintSummary,
    ProblemAlert,
  ],
  templateUrl: './insertion-dashboard-page.html',
  styleUrl: './insertion-dashboard-page.scss',
})
export class InsertionDashboardPage {
  private readonly insertion = inject(InsertionApi);
  private readonly document = inject(DOCUMENT);
  private readonly transloco = inject(TranslocoService);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  protected readonly regions = inject(RegionsService);
  protected readonly language = inject(LanguageService).language;
  protected readonly messageKeys = insertionMessageKeys;
  protected readonly horizons = FOLLOWUP_HORIZONS;
  protected readonly groupBys = GROUP_BYS;

  protected readonly filters = new FormGroup({
    from: new FormControl('', { nonNullable: true }),
    to: new FormControl('', { nonNullable: true }),
    months: new FormControl<Horizon>(DEFAULT_MONTHS, { nonNullable: true }),
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
  protected readonly exporting = signal<IndicatorExportFormat | null>(null);
  /** The query the figures on screen answer, so an address that changes nothing loads nothing. */
  private loadedQuery: string | null = null;
  protected readonly shownGroupBy = signal<GroupBy>('region');

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
    // Arabic words the horizon differently by number (6 أشهر, 12 شهرًا): a phrase per horizon.
    const horizon = this.transloco.translate(
      `insertion.dashboard.horizons.${totals.filters.months}`,
      {},
      language,
    );
    return headlineCards(totals, language, horizon);
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
    // The address is the state: the form writes to it, and the page reads only from it (a link,
    // a reload, the back button and the form all take the same way).
    this.route.queryParamMap
      .pipe(takeUntilDestroyed())
      .subscribe((params) => this.showAddress(params));
    this.filters.valueChanges
      .pipe(debounceTime(FILTER_DEBOUNCE_MS), takeUntilDestroyed())
      .subscribe(() => void this.writeAddress());
    this.tableGroupBy.valueChanges
      .pipe(takeUntilDestroyed())
      .subscribe(() => void this.writeAddress());
  }

  protected print(): void {
    this.document.defaultView?.print();
  }

  /** The figures on screen as a file, labelled in the reader's language by the API. */
  protected async exportFile(format: IndicatorExportFormat): Promise<void> {
    this.exporting.set(format);
    this.actionProblem.set(null);
    try {
      const query = { ...this.query(), groupBy: this.shownGroupBy(), lang: this.language() };
      const file = await this.insertion.indicatorFile(format, query);
      const asOf = this.totals()?.filters.asOf ?? query.asOf ?? todayInMorocco();
      // Named after the breakdown and the reference day, so two exports never overwrite each other.
      saveFile(file, `oris-insertion-${query.groupBy}-${asOf}.${format}`, this.document);
    } catch (error) {
      this.actionProblem.set(ApiError.from(error));
    } finally {
      this.exporting.set(null);
    }
  }

  private async writeAddress(): Promise<void> {
    await this.router.navigate([], {
      relativeTo: this.route,
      queryParams: writeState({
        filters: this.filters.getRawValue(),
        table: this.tableGroupBy.value,
      }),
    });
  }

  /** Puts the address's state in the form (without writing it back) and loads what changed. */
  private showAddress(params: ParamMap): void {
    const { filters, table } = readState(params, GROUP_BYS);
    const courseChanged = filters.course !== this.filters.controls.course.value;
    this.filters.setValue(filters, { emitEvent: false });
    this.tableGroupBy.setValue(table, { emitEvent: false });
    if (courseChanged) {
      this.sessions.set([]);
      if (filters.course) void this.loadSessions(filters.course);
    }
    const query = JSON.stringify(this.query());
    if (query !== this.loadedQuery) {
      this.loadedQuery = query;
      void this.load();
    } else {
      void this.showTable(table);
    }
  }

  /** Insertion rates, each with its n: the respondents it is computed on. */
  private insertionBars(groupBy: GroupBy): Bar[] {
    const indicator = this.breakdowns()[groupBy];
    if (!indicator) return [];
    const language = this.language();
    return rateBars(
      indicator.breakdown,
      (group) => this.nameOf(groupBy, group),
      (group) => group.insertionRate,
      (group) => group.responded,
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
