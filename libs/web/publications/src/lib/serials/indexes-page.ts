import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { ApiError } from '@oris/shared/api-client';
import { AuthSession } from '@oris/web/core';
import { Chip, ProblemAlert, transientText } from '@oris/web/ui';
import { indexNames } from './index-names';
import { type ObservatoryIndex, SerialsApi } from './serials-api';
import { serialsMessageKeys } from './serials-problem-keys';

/**
 * The reference list of indexes with their names in three languages. Which index counts for the
 * indexed-publications indicator is an administrator's choice (audited, kept with its date so a
 * past report keeps the setting of then); editors see it.
 */
@Component({
  selector: 'oris-indexes-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatSlideToggleModule, TranslocoPipe, Chip, ProblemAlert],
  template: `
    <div class="oris-page">
      <h1>{{ 'serials.indexes.heading' | transloco }}</h1>
      <p class="oris-lead">{{ 'serials.indexes.lead' | transloco }}</p>
      <oris-problem-alert [error]="problem()" [messageKeys]="messageKeys(problem())" />
      <p class="oris-visually-hidden" role="status">{{ announcement() }}</p>
      <section class="oris-card">
        <div
          class="table-scroll"
          role="region"
          tabindex="0"
          [attr.aria-label]="'serials.indexes.caption' | transloco"
        >
          <table class="data">
            <caption class="oris-visually-hidden">
              {{
                'serials.indexes.caption' | transloco
              }}
            </caption>
            <thead>
              <tr>
                <th scope="col">{{ 'serials.indexes.name' | transloco }}</th>
                <th scope="col">{{ 'serials.indexes.names' | transloco }}</th>
                <th scope="col">{{ 'serials.indexes.counts' | transloco }}</th>
              </tr>
            </thead>
            <tbody>
              @for (index of indexes.list(); track index.code) {
                <tr>
                  <th scope="row">{{ indexes.nameOf(index.code) }}</th>
                  <td>
                    <span class="name" lang="fr">{{ index.nameFr }}</span>
                    <span class="name" lang="ar" dir="rtl">{{ index.nameAr }}</span>
                    <span class="name" lang="en">{{ index.nameEn }}</span>
                  </td>
                  <td>
                    @if (isAdmin()) {
                      <mat-slide-toggle
                        [checked]="index.counts"
                        [disabled]="pending() === index.code"
                        (change)="setCounts(index, $event.checked)"
                        [aria-label]="
                          'serials.indexes.countsOf'
                            | transloco: { name: indexes.nameOf(index.code) }
                        "
                      >
                        {{
                          (index.counts ? 'serials.indexes.yes' : 'serials.indexes.no') | transloco
                        }}
                      </mat-slide-toggle>
                    } @else {
                      <oris-chip [tone]="index.counts ? 'positive' : 'quiet'">{{
                        (index.counts ? 'serials.indexes.yes' : 'serials.indexes.no') | transloco
                      }}</oris-chip>
                    }
                  </td>
                </tr>
              }
            </tbody>
          </table>
        </div>
      </section>
    </div>
  `,
  styleUrl: './serials.scss',
})
export class IndexesPage {
  private readonly serialsApi = inject(SerialsApi);
  private readonly transloco = inject(TranslocoService);
  private readonly session = inject(AuthSession);
  protected readonly indexes = indexNames();
  protected readonly messageKeys = serialsMessageKeys;
  protected readonly isAdmin = computed(() => this.session.roles().includes('admin'));
  protected readonly pending = signal<string | null>(null);
  protected readonly problem = signal<ApiError | null>(null);
  protected readonly announcement = transientText();

  protected async setCounts(index: ObservatoryIndex, counts: boolean): Promise<void> {
    this.pending.set(index.code);
    this.problem.set(null);
    try {
      const saved = await this.serialsApi.setCounts(index.code, counts);
      this.indexes.set(saved);
      this.announcement.set(
        this.transloco.translate(
          counts ? 'serials.indexes.nowCounts' : 'serials.indexes.nowNotCounts',
          { name: this.indexes.nameOf(index.code) },
        ),
      );
    } catch (error) {
      this.problem.set(error instanceof ApiError ? error : null);
      this.indexes.set({ ...index });
    } finally {
      this.pending.set(null);
    }
  }
}
