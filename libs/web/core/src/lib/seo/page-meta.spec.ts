import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { TranslatedTitleStrategy } from '../i18n/translated-title-strategy';
import { pageMeta, translatedPageMeta } from './page-meta';

@Component({
  selector: 'oris-described-page',
  template: '',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class DescribedPage {
  readonly meta = pageMeta();
}

@Component({
  selector: 'oris-list-page',
  template: '',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class ListPage {
  readonly meta = translatedPageMeta('catalogue.list');
}

const content = (selector: string) =>
  document.head.querySelector(`meta[${selector}]`)?.getAttribute('content') ?? null;
const all = (selector: string) =>
  [...document.head.querySelectorAll(`meta[${selector}]`)].map((tag) =>
    tag.getAttribute('content'),
  );
const canonical = () => document.head.querySelectorAll('link[rel="canonical"]');

describe('pageMeta', () => {
  const shown: (string | null)[] = [];

  beforeEach(() => {
    shown.length = 0;
    TestBed.configureTestingModule({
      imports: [
        TranslocoTestingModule.forRoot({
          langs: {
            fr: { catalogue: { list: { title: 'Catalogue', lead: 'Les formations ouvertes.' } } },
          },
          translocoConfig: { availableLangs: ['fr'], defaultLang: 'fr' },
          preloadLangs: true,
        }),
      ],
      providers: [
        {
          provide: TranslatedTitleStrategy,
          useValue: { showPageName: (name: string | null) => shown.push(name) },
        },
      ],
    });
  });

  it('names the page and describes it to link previews, once, and forgets it with the page', () => {
    const fixture = TestBed.createComponent(DescribedPage);
    const { meta } = fixture.componentInstance;
    meta.describe({ title: 'Old', description: 'Before' });
    meta.describe({
      title: 'Coopératives du safran',
      description: `  ${'x'.repeat(400)}  `,
      type: 'article',
      locale: 'ar',
      alternateLocales: ['fr', 'ar'],
      publishedOn: '2026-05-01',
    });

    expect(shown.at(-1)).toBe('Coopératives du safran');
    expect(all('property="og:title"')).toEqual(['Coopératives du safran']);
    expect(content('property="og:type"')).toBe('article');
    expect(content('property="og:locale"')).toBe('ar_MA');
    expect(all('property="og:locale:alternate"')).toEqual(['fr_FR']);
    expect(content('property="article:published_time"')).toBe('2026-05-01');
    expect(content('name="description"')).toHaveLength(300);
    expect(canonical()).toHaveLength(1);
    expect(content('property="og:url"')).toBe(canonical()[0].getAttribute('href'));

    fixture.destroy();
    expect(shown.at(-1)).toBeNull();
    expect(all('property^="og:"')).toEqual([]);
    expect(canonical()).toHaveLength(0);
    expect(content('name="description"')).toContain('ORIS Academy');
  });

  it('gives a canonical URL without query or fragment, except the language asked for', () => {
    const fixture = TestBed.createComponent(DescribedPage);
    const url = (href: string) => {
      window.history.replaceState(null, '', href);
      return fixture.componentInstance.meta.canonicalUrl();
    };
    expect(url('/practices/safran?utm_source=x#contacts')).toBe(
      `${location.origin}/practices/safran`,
    );
    expect(url('/practices/safran?lang=ar&utm_source=x')).toBe(
      `${location.origin}/practices/safran?lang=ar`,
    );
  });

  it('describes a list page by its translated title and lead', () => {
    const fixture = TestBed.createComponent(ListPage);
    expect(shown.at(-1)).toBe('Catalogue');
    expect(content('property="og:title"')).toBe('Catalogue');
    expect(content('property="og:description"')).toBe('Les formations ouvertes.');
    fixture.destroy();
    expect(all('property^="og:"')).toEqual([]);
  });
});
