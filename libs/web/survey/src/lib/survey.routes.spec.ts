import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { surveyRoutes } from './survey.routes';
import { TOKEN } from './testing';

@Component({ template: '', changeDetection: ChangeDetectionStrategy.OnPush })
class Stub {}

describe('survey routes', () => {
  it('opens the emailed link without signing in', async () => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          {
            path: 'survey',
            children: surveyRoutes.map(({ path, canActivate }) => ({
              path,
              canActivate,
              component: Stub,
            })),
          },
          { path: 'sign-in', component: Stub },
        ]),
      ],
    });
    const router = TestBed.inject(Router);
    await router.navigateByUrl(`/survey/${TOKEN}`);

    expect(router.url).toBe(`/survey/${TOKEN}`);
    expect(surveyRoutes.every((route) => !route.canActivate)).toBe(true);
  });
});
