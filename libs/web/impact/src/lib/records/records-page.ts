import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  untracked,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { ApiError, ApiErrorKind } from '@oris/shared/api-client';
import { LanguageService, latestLoad } from '@oris/web/core';
import { Pager, ProblemAlert } from '@oris/web/ui';
import { combineLatest, map } from 'rxjs';
import { ImpactApi } from '../shared/impact-api';
import {
  INDICATORS,
  type CountedRecord,
  type ImpactIndicatorName,
  type PageOf,
} from '../shared/impact-types';

const PAGE_SIZE = 20;

/** What the list is of: a figure computed now, or one frozen in a version of a year's report. */
interface RecordsOf {
  indicator: ImpactIndicatorName;
  year: number;
  version: number | null;
  asOf: string | null;
  knownAt: string | null;
  page: number;
}

const MESSAGE_KEYS: Readonly<Record<string, string>> = {
  impact_person_records_restricted: 'impact.records.restricted',
  impact_source_not_available: 'impact.records.notAvailable',
  impact_report_not_found: 'impact.records.noVersion',
};

/**
 * The records behind a figure, for any indicator: the ids its source counted (now, or frozen
 * in a version) described by the source, each a link to its own staff page.
 */
@Component({
  selector: 'oris-impact-records-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatProgressBarModule, RouterLink, TranslocoPipe, Pager, ProblemAlert],
  template: `
    @let of = recordsOf();
    <div class="oris-page">
      <p>
        <a routerLink="/observatory/impact" [queryParams]="{ year: of.year }">{{
          'impact.records.back' | transloco
        }}</a>
      </p>
      <h1>
        {{
          (of.version === null ? 'impact.records.heading' : 'impact.records.frozenHeading')
            | transloco
              : {
                  indicator: ('impact.indicators.' + of.indicator | transloco),
                  year: of.year,
                  version: of.version,
                }
        }}
      </h1>
      @if (records.loading()) {
        <mat-progress-bar
          mode="indeterminate"
          [attr.aria-label]="'impact.page.loading' | transloco"
        />
      }
      <oris-problem-alert
        [error]="records.problem()"
        [messageKeys]="messageKeys(records.problem())"
      />
      @if (records.value(); as page) {
        <p class="count">{{ 'impact.records.count' | transloco: { count: page.total } }}</p>
        @if (page.items.length) {
          <ul class="records">
            @for (record of page.items; track record.id) {
              <li>
                <a [routerLink]="record.path"
                  ><bdi>{{ record.label }}</bdi></a
                >
                @if (record.date) {
                  <span class="date">{{ record.date }}</span>
                }
              </li>
            }
          </ul>
          <oris-pager
            [page]="page.page"
            [pageSize]="page.pageSize"
            [total]="page.total"
            (pageChange)="showPage($event)"
          />
        }
      }
    </div>
  `,
  styles: `
    .records {
      padding-inline-start: 1.25rem;
      display: grid;
      gap: 6px;
    }
    .date,
    .count {
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
      margin-inline-start: 8px;
    }
  `,
})
export class ImpactRecordsPage {
  private readonly api = inject(ImpactApi);
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);
  private readonly language = inject(LanguageService).language;
  protected readonly records = latestLoad<PageOf<CountedRecord>>({
    loading: true,
    forgetOnFailure: true,
  });
  protected readonly recordsOf = toSignal(
    combineLatest([this.route.paramMap, this.route.queryParamMap]).pipe(
      map(([params, query]): RecordsOf => {
        const asked = params.get('indicator') as ImpactIndicatorName;
        const version = params.get('v');
        return {
          indicator: INDICATORS.includes(asked) ? asked : 'insertion',
          year: Number(params.get('year') ?? query.get('year')) || new Date().getFullYear(),
          version: version === null ? null : Number(version),
          asOf: query.get('asOf'),
          knownAt: query.get('knownAt'),
          page: Math.max(1, Number(query.get('page')) || 1),
        };
      }),
    ),
    { requireSync: true },
  );
  private readonly request = computed(() => ({ ...this.recordsOf(), lang: this.language() }));

  constructor() {
    effect(() => {
      const { indicator, year, version, asOf, knownAt, page, lang } = this.request();
      untracked(() =>
        this.records.load(() =>
          version === null
            ? this.api.liveRecords(indicator, {
                year,
                page,
                pageSize: PAGE_SIZE,
                lang,
                ...(asOf ? { asOf } : {}),
                ...(knownAt ? { knownAt } : {}),
              })
            : this.api.frozenRecords(year, version, indicator, { page, pageSize: PAGE_SIZE, lang }),
        ),
      );
    });
  }

  protected showPage(page: number): void {
    void this.router.navigate([], { queryParams: { page }, queryParamsHandling: 'merge' });
  }

  protected messageKeys(error: ApiError | null): Partial<Record<ApiErrorKind, string>> {
    const key = error?.code ? MESSAGE_KEYS[error.code] : undefined;
    return error && key ? { [error.kind]: key } : {};
  }
}
