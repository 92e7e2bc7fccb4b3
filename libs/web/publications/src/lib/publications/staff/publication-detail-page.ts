import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { LanguageService, latestLoad } from '@oris/web/core';
import { Chip, DayPipe, ProblemAlert, transientText } from '@oris/web/ui';
import { Confirmation } from '@oris/web/ui/dialogs';
import { PublicationDate } from '../shared/publication-date';
import type { PublicationDetail } from '../shared/publication-types';
import { PublicationsApi } from '../shared/publications-api';
import { publicationMessageKeys } from '../shared/problem-keys';

/** `/observatory/publications/:id`: everything recorded, and the editor's actions. */
@Component({
  selector: 'oris-publication-detail-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    MatButtonModule,
    MatProgressBarModule,
    RouterLink,
    TranslocoPipe,
    Chip,
    DayPipe,
    ProblemAlert,
    PublicationDate,
  ],
  templateUrl: './publication-detail-page.html',
  styleUrl: '../shared/publications.scss',
})
export class PublicationDetailPage {
  private readonly publications = inject(PublicationsApi);
  private readonly confirmation = inject(Confirmation);
  private readonly transloco = inject(TranslocoService);
  protected readonly language = inject(LanguageService).language;
  protected readonly messageKeys = publicationMessageKeys;
  private readonly record = latestLoad<PublicationDetail>({ loading: true });
  protected readonly publication = this.record.value;
  protected readonly loading = this.record.loading;
  protected readonly problem = this.record.problem;
  protected readonly announcement = transientText();
  private id = '';

  constructor() {
    inject(ActivatedRoute)
      .paramMap.pipe(takeUntilDestroyed())
      .subscribe((params) => {
        this.id = params.get('id') ?? '';
        void this.record.load(() => this.publications.get(this.id));
      });
  }

  protected nameOf(contributor: PublicationDetail['contributors'][number]): string {
    return contributor.familyName
      ? [contributor.familyName, contributor.givenNames].filter(Boolean).join(', ')
      : (contributor.nameAr ?? '');
  }

  protected async validate(): Promise<void> {
    await this.act(() => this.publications.validate(this.id), 'publications.detail.validated');
  }

  protected async withdraw(): Promise<void> {
    const ok = await this.confirmation.ask({
      titleKey: 'publications.detail.withdrawTitle',
      textKey: 'publications.detail.withdrawText',
      confirmKey: 'publications.detail.withdraw',
      destructive: true,
    });
    if (ok)
      await this.act(() => this.publications.withdraw(this.id), 'publications.detail.withdrawn');
  }

  protected async merge(duplicate: { id: string; title: string }): Promise<void> {
    const ok = await this.confirmation.ask({
      titleKey: 'publications.detail.mergeTitle',
      textKey: 'publications.detail.mergeText',
      confirmKey: 'publications.detail.merge',
      params: { title: duplicate.title },
    });
    if (ok)
      await this.act(
        () => this.publications.merge(this.id, duplicate.id),
        'publications.detail.merged',
      );
  }

  private async act(action: () => Promise<PublicationDetail>, doneKey: string): Promise<void> {
    const ok = await this.record.load(action);
    if (ok) this.announcement.set(this.transloco.translate(doneKey));
  }
}
