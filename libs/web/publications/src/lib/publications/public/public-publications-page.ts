import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { LanguageService, latestLoad, translatedPageMeta } from '@oris/web/core';
import { Icon, Pager, ProblemAlert } from '@oris/web/ui';
import { debounceTime, distinctUntilChanged } from 'rxjs';
import type { PageOf, Publication } from '../shared/publication-types';
import { PublicationsApi } from '../shared/publications-api';
import { publicationMessageKeys } from '../shared/problem-keys';
import { PublicationDate } from '../shared/publication-date';

const PAGE_SIZE = 20;

/** `/publications`: ORIS's validated publications, searchable by anyone. */
@Component({
  selector: 'oris-public-publications-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    RouterLink,
    TranslocoPipe,
    Icon,
    Pager,
    ProblemAlert,
    PublicationDate,
  ],
  templateUrl: './public-publications-page.html',
  styleUrl: '../shared/publications.scss',
})
export class PublicPublicationsPage {
  /** Title, description and link-preview tags, in the server-rendered page too. */
  protected readonly meta = translatedPageMeta('publications.public');
  private readonly publications = inject(PublicationsApi);
  protected readonly language = inject(LanguageService).language;
  protected readonly messageKeys = publicationMessageKeys;
  protected readonly search = new FormControl('', { nonNullable: true });
  private readonly list = latestLoad<PageOf<Publication>>({ loading: true });
  protected readonly result = this.list.value;
  protected readonly loading = this.list.loading;
  protected readonly problem = this.list.problem;
  private page = 1;

  constructor() {
    this.search.valueChanges
      .pipe(debounceTime(300), distinctUntilChanged(), takeUntilDestroyed())
      .subscribe(() => {
        this.page = 1;
        void this.load();
      });
    void this.load();
  }

  /** The title in the reader's language when the work has one, else the original. */
  protected titleOf(publication: Publication): string {
    return (
      publication.titles.find((t) => t.language === this.language())?.title ?? publication.title
    );
  }

  protected showPage(page: number): void {
    this.page = page;
    void this.load();
  }

  private async load(): Promise<void> {
    const q = this.search.value.trim();
    await this.list.load(() =>
      this.publications.list({ page: this.page, pageSize: PAGE_SIZE, ...(q ? { q } : {}) }),
    );
  }
}
