import { ChangeDetectionStrategy, Component, DestroyRef, inject } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Meta } from '@angular/platform-browser';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { LanguageService, latestLoad, pageMeta, structuredData } from '@oris/web/core';
import { ProblemAlert } from '@oris/web/ui';
import { PublicationDate } from '../shared/publication-date';
import type { PublicationDetail } from '../shared/publication-types';
import { PublicationsApi } from '../shared/publications-api';
import { publicationMessageKeys } from '../shared/problem-keys';
import { citationMetaTags, scholarlyJsonLd } from './scholarly-meta';

/**
 * `/publications/:id`: a validated publication for anyone, with schema.org JSON-LD and the
 * Highwire `citation_*` tags (Google Scholar, reference managers), removed on leaving the page.
 */
@Component({
  selector: 'oris-public-publication-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatProgressBarModule, RouterLink, TranslocoPipe, ProblemAlert, PublicationDate],
  templateUrl: './public-publication-page.html',
  styleUrl: '../shared/publications.scss',
})
export class PublicPublicationPage {
  private readonly publications = inject(PublicationsApi);
  private readonly meta = inject(Meta);
  private readonly page = pageMeta();
  private readonly jsonLd = structuredData();
  protected readonly language = inject(LanguageService).language;
  protected readonly messageKeys = publicationMessageKeys;
  private readonly record = latestLoad<PublicationDetail>({ loading: true, forgetOnFailure: true });
  protected readonly publication = this.record.value;
  protected readonly loading = this.record.loading;
  protected readonly problem = this.record.problem;

  constructor() {
    inject(ActivatedRoute)
      .paramMap.pipe(takeUntilDestroyed())
      .subscribe((params) => void this.load(params.get('id') ?? ''));
    inject(DestroyRef).onDestroy(() => this.clearTags());
  }

  protected doiUrl(doi: string): string {
    return `https://doi.org/${doi}`;
  }

  protected nameOf(contributor: PublicationDetail['contributors'][number]): string {
    return contributor.familyName
      ? [contributor.givenNames, contributor.familyName].filter(Boolean).join(' ')
      : (contributor.nameAr ?? '');
  }

  private async load(id: string): Promise<void> {
    this.clearTags();
    const ok = await this.record.load(() => this.publications.get(id));
    const publication = this.publication();
    if (ok && publication) this.setTags(publication);
  }

  private setTags(publication: PublicationDetail): void {
    for (const tag of citationMetaTags(publication)) {
      this.meta.addTag({ name: tag.name, content: tag.content });
    }
    this.page.describe({ title: publication.title, type: 'article' });
    this.jsonLd.describe(scholarlyJsonLd(publication, this.page.canonicalUrl()));
  }

  private clearTags(): void {
    for (const element of this.meta.getTags('name^="citation_"'))
      this.meta.removeTagElement(element);
    this.page.clear();
    this.jsonLd.clear();
  }
}
