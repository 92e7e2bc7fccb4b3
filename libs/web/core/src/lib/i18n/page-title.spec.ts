import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Title } from '@angular/platform-browser';
import { provideRouter, TitleStrategy } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { pageTitleFrom } from './page-title';
import { TranslatedTitleStrategy } from './translated-title-strategy';

/** The course's title, as the page has it once loaded. */
const loadedTitle = signal<string | null>(null);

@Component({
  selector: 'oris-test-named-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: '',
})
class NamedPage {
  constructor() {
    pageTitleFrom(() => loadedTitle());
  }
}

@Component({
  selector: 'oris-test-other-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: '',
})
class OtherPage {}

describe('pageTitleFrom', () => {
  it('names the tab after the page’s data, with the app’s name, and gives it back on leaving', async () => {
    loadedTitle.set(null);
    TestBed.configureTestingModule({
      imports: [
        TranslocoTestingModule.forRoot({
          langs: {
            fr: { app: { name: 'ORIS Academy' }, course: 'Formation', list: 'Catalogue' },
          },
          translocoConfig: { availableLangs: ['fr'], defaultLang: 'fr' },
          preloadLangs: true,
        }),
      ],
      providers: [
        provideRouter([
          { path: 'course', title: 'course', component: NamedPage },
          { path: 'list', title: 'list', component: OtherPage },
        ]),
        { provide: TitleStrategy, useExisting: TranslatedTitleStrategy },
      ],
    });
    const title = TestBed.inject(Title);
    const harness = await RouterTestingHarness.create();

    await harness.navigateByUrl('/course');
    expect(title.getTitle()).toBe('Formation · ORIS Academy');

    loadedTitle.set('Créer et gérer une coopérative');
    await harness.fixture.whenStable();
    expect(title.getTitle()).toBe('Créer et gérer une coopérative · ORIS Academy');

    await harness.navigateByUrl('/list');
    expect(title.getTitle()).toBe('Catalogue · ORIS Academy');
  });
});
