import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { ApiError, type components, unwrap } from '@oris/shared/api-client';
import {
  AuthSession,
  codeFrom,
  type CourseSummary,
  LanguageService,
  landingPath,
  latestLoad,
  ORIS_API,
  RegionsService,
} from '@oris/web/core';
import { DayPipe, DayRangePipe, Icon, intlLocale } from '@oris/web/ui';

type PublicIndicators = components['schemas']['PublicIndicatorsDto'];

/** Courses shown under "upcoming sessions": the soonest ones. */
const UPCOMING_SHOWN = 4;

/** One headline figure of the latest release, or the reason it is not shown. */
export interface HomeFigure {
  labelKey: string;
  text: string | null;
}

/**
 * The front door, for everyone: what ORIS offers, the next sessions (the public catalogue),
 * verifying a certificate, and the latest published figures. Signed-in people get a way to
 * their work; nobody is sent away from it, since all of it is useful to them too.
 */
@Component({
  selector: 'oris-home-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    TranslocoPipe,
    DayPipe,
    DayRangePipe,
    Icon,
  ],
  templateUrl: './home-page.html',
  styleUrl: './home-page.scss',
})
export class HomePage {
  private readonly api = inject(ORIS_API);
  private readonly router = inject(Router);
  protected readonly session = inject(AuthSession);
  protected readonly regions = inject(RegionsService);
  protected readonly language = inject(LanguageService).language;

  protected readonly work = computed(() => landingPath(this.session.roles()));

  protected readonly upcoming = latestLoad<CourseSummary[]>({ loading: true });
  /** Null with no problem: nothing released yet (a 404 until the first quarter is out). */
  protected readonly figures = latestLoad<PublicIndicators | null>({ loading: true });

  protected readonly codeField = new FormControl('', { nonNullable: true });
  protected readonly verifyForm = new FormGroup({ code: this.codeField });
  protected readonly codeInvalid = signal(false);

  protected readonly headline = computed<HomeFigure[]>(() => {
    const release = this.figures.value();
    if (!release) return [];
    const locale = intlLocale(this.language());
    const count = (value: number | null) =>
      value === null ? null : new Intl.NumberFormat(locale).format(value);
    const rate = (value: number | null) =>
      value === null
        ? null
        : new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(
            value,
          );
    return [
      { labelKey: 'home.figures.trained', text: count(release.total.trained) },
      { labelKey: 'home.figures.inserted', text: count(release.total.inserted) },
      { labelKey: 'home.figures.insertionRate', text: rate(release.total.insertionRate) },
    ];
  });

  constructor() {
    this.regions.load().catch(() => undefined);
    void this.upcoming.load(async () => {
      const page = await unwrap(
        this.api.GET('/api/v1/courses', {
          params: { query: { upcoming: true, pageSize: 20 } },
        }),
      );
      return page.items
        .filter((course) => course.nextSession)
        .sort((a, b) =>
          (a.nextSession?.startsOn ?? '').localeCompare(b.nextSession?.startsOn ?? ''),
        )
        .slice(0, UPCOMING_SHOWN);
    });
    void this.figures.load(() =>
      unwrap(this.api.GET('/api/v1/public/indicators')).catch((error: unknown) => {
        if (ApiError.from(error).status === 404) return null;
        throw error;
      }),
    );
  }

  /** The observatory's search, from the front door: its words become the search page's address. */
  protected readonly searchField = new FormControl('', { nonNullable: true });

  protected searchObservatory(event: Event): void {
    // A plain GET to /search without JavaScript; in the app, a navigation.
    event.preventDefault();
    const q = this.searchField.value.trim();
    void this.router.navigate(['/search'], q ? { queryParams: { q } } : {});
  }

  protected verify(): void {
    const code = codeFrom(this.codeField.value);
    this.codeInvalid.set(code === null);
    if (code) void this.router.navigate(['/verify', code]);
  }
}
