import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DOCUMENT,
  effect,
  inject,
  signal,
  untracked,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { ActivatedRoute, Router } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { ApiError } from '@oris/shared/api-client';
import { todayInMorocco } from '@oris/shared/domain';
import { AuthSession, LanguageService, latestLoad } from '@oris/web/core';
import { DayPipe, ProblemAlert, saveFile, transientText } from '@oris/web/ui';
import { Confirmation } from '@oris/web/ui/dialogs';
import { FieldError } from '@oris/web/ui/forms';
import { map } from 'rxjs';
import { ImpactApi } from '../shared/impact-api';
import { formatMoment } from '../shared/impact-format';
import type { Impact, Report } from '../shared/impact-types';
import { IndicatorCard } from './indicator-card';
import { type ExportRequest, ReportVersions } from './report-versions';
import { TargetForm } from './target-form';

/** How many years the selector offers, the current one first. */
const YEARS_OFFERED = 10;

/**
 * The four indicators together for a year (staff): each indicator's card with its value,
 * baseline, target, progress, definition and trend; the year's frozen versions with their
 * differences and files; for administrators, the targets and the freeze (a restatement with
 * its reason once the year is frozen). The year is in the address (`?year=`).
 */
@Component({
  selector: 'oris-impact-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    TranslocoPipe,
    DayPipe,
    FieldError,
    ProblemAlert,
    IndicatorCard,
    ReportVersions,
    TargetForm,
  ],
  templateUrl: './impact-page.html',
  styleUrl: './impact-page.scss',
})
export class ImpactPage {
  private readonly api = inject(ImpactApi);
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);
  private readonly confirmation = inject(Confirmation);
  private readonly transloco = inject(TranslocoService);
  private readonly document = inject(DOCUMENT);
  protected readonly language = inject(LanguageService).language;
  private readonly auth = inject(AuthSession);
  protected readonly isAdmin = computed(() => this.auth.hasAnyRole(['admin']));
  private readonly thisYear = Number(todayInMorocco().slice(0, 4));
  protected readonly years = Array.from({ length: YEARS_OFFERED }, (_, i) => this.thisYear - i);
  protected readonly year = toSignal(
    this.route.queryParamMap.pipe(
      map((params) => {
        const asked = Number(params.get('year'));
        return Number.isInteger(asked) && asked >= 2000 && asked <= this.thisYear
          ? asked
          : this.thisYear;
      }),
    ),
    { initialValue: this.thisYear },
  );
  protected readonly figures = latestLoad<Impact>({ loading: true, forgetOnFailure: true });
  protected readonly report = latestLoad<Report>({ loading: true });
  protected readonly actionProblem = signal<ApiError | null>(null);
  protected readonly freezing = signal(false);
  protected readonly announcement = transientText();
  protected readonly reason = new FormControl('', { nonNullable: true });
  protected readonly frozen = computed(() => (this.report.value()?.versions.length ?? 0) > 0);
  protected readonly computedAt = computed(() => {
    const figures = this.figures.value();
    return figures ? formatMoment(figures.knownAt, this.language()) : '';
  });

  constructor() {
    effect(() => {
      const year = this.year();
      untracked(() => this.loadYear(year));
    });
  }

  protected showYear(year: number): void {
    void this.router.navigate([], { queryParams: { year }, queryParamsHandling: 'merge' });
  }

  protected reloadFigures(): void {
    void this.figures.reload();
  }

  protected async freezeYear(): Promise<void> {
    const year = this.year();
    const restating = this.frozen();
    if (restating) {
      this.reason.setValidators([Validators.required, Validators.minLength(3)]);
      this.reason.updateValueAndValidity();
      this.reason.markAsTouched();
      if (this.reason.invalid) return;
    }
    const confirmed = await this.confirmation.ask({
      titleKey: restating ? 'impact.freeze.restateTitle' : 'impact.freeze.title',
      textKey: restating ? 'impact.freeze.restateText' : 'impact.freeze.text',
      confirmKey: restating ? 'impact.freeze.restate' : 'impact.freeze.confirm',
      params: { year },
    });
    if (!confirmed) return;
    this.freezing.set(true);
    this.actionProblem.set(null);
    try {
      const version = await this.api.freeze(year, restating ? this.reason.value : null);
      this.reason.reset('');
      this.reason.clearValidators();
      this.announcement.set(
        this.transloco.translate('impact.freeze.done', { year, version: version.version }),
      );
      void this.report.reload();
    } catch (error) {
      this.actionProblem.set(ApiError.from(error));
    } finally {
      this.freezing.set(false);
    }
  }

  protected async downloadVersion(request: ExportRequest): Promise<void> {
    this.actionProblem.set(null);
    try {
      const year = this.year();
      const blob = await this.api.reportFile(
        year,
        request.version,
        request.format,
        this.language(),
      );
      saveFile(
        blob,
        `oris-impact-${year}-v${request.version}-${this.language()}.${request.format}`,
        this.document,
      );
    } catch (error) {
      this.actionProblem.set(ApiError.from(error));
    }
  }

  protected printPage(): void {
    this.document.defaultView?.print();
  }

  private loadYear(year: number): void {
    void this.figures.load(() => this.api.impact({ year }));
    void this.report.load(() => this.api.report(year));
  }
}
