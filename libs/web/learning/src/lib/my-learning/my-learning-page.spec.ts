import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { API_FETCH } from '@oris/web/core';
import { WithdrawalConfirmation } from '../shared/confirm-withdrawal';
import type { Enrollment } from '../shared/learning-types';
import { anEnrollment, aProgress, ENROLLMENT_ID, fakeApi, page, settle } from '../testing';
import { MyLearningPage } from './my-learning-page';

async function render(
  lists: Enrollment[][],
  routes: Record<string, (body: unknown) => Response> = {},
  confirmed = true,
) {
  const api = fakeApi({
    'GET /api/v1/regions': () =>
      Response.json([
        { code: 'MA-04', nameFr: 'Rabat-Salé-Kénitra', nameAr: 'الرباط', nameEn: 'Rabat' },
      ]),
    'GET /api/v1/me/enrollments': () => page((lists.length > 1 ? lists.shift() : lists[0]) ?? []),
    ...routes,
  });
  const ask = jest.fn(async () => confirmed);
  TestBed.configureTestingModule({
    imports: [
      TranslocoTestingModule.forRoot({
        langs: { fr: {} },
        translocoConfig: { availableLangs: ['fr'], defaultLang: 'fr' },
      }),
    ],
    providers: [
      provideRouter([{ path: 'learning', component: MyLearningPage }]),
      { provide: API_FETCH, useValue: api.fetch },
      { provide: WithdrawalConfirmation, useValue: { ask } },
    ],
  });
  const harness = await RouterTestingHarness.create();
  await harness.navigateByUrl('/learning', MyLearningPage);
  await settle(harness);
  return { harness, element: harness.routeNativeElement as HTMLElement, calls: api.calls, ask };
}

describe('MyLearningPage', () => {
  it('lists each enrollment with its course, session, region and status', async () => {
    const { element } = await render([[anEnrollment()]]);

    const card = element.querySelector('article');
    expect(card?.querySelector('h2')?.textContent?.trim()).toBe('Mesurer l’impact social');
    expect(card?.querySelector('h2 a')?.getAttribute('href')).toBe(`/learning/${ENROLLMENT_ID}`);
    expect(card?.textContent).toContain('Classe virtuelle — printemps');
    expect(card?.textContent).toContain('Rabat-Salé-Kénitra');
    expect(card?.querySelector('oris-enrollment-status')?.textContent).toContain(
      'learning.status.confirmed',
    );
  });

  it('shows the progress as a named progress bar with its value', async () => {
    const progress = aProgress({ requiredDone: 1, requiredTotal: 2, percent: 50 });
    const { element } = await render([[anEnrollment({ progress })]]);

    const bar = element.querySelector('[role="progressbar"]');
    expect(bar?.getAttribute('aria-valuenow')).toBe('50');
    const label = element.querySelector(`#${bar?.getAttribute('aria-labelledby')}`);
    expect(label?.textContent).toContain('learning.progress.label');
    expect(element.querySelector('oris-progress-meter')?.textContent).toContain('50');
    expect(element.querySelector('oris-progress-meter')?.textContent).toContain(
      'learning.progress.required',
    );
  });

  it('gives the waitlist position, and no way into the modules yet', async () => {
    const { element } = await render([
      [anEnrollment({ status: 'waitlisted', waitlistPosition: 4, confirmedAt: null })],
    ]);

    expect(element.querySelector('.facts')?.textContent).toContain('learning.waitlistPosition');
    expect(element.querySelector('h2 a')).toBeNull();
    expect(element.querySelector('[role="progressbar"]')).toBeNull();
  });

  it('shows the completion date of a completed course', async () => {
    const { element } = await render([
      [anEnrollment({ status: 'completed', completedOn: '2026-06-30' })],
    ]);

    expect(element.querySelector('.facts')?.textContent).toContain('30 juin 2026');
    expect(element.textContent).not.toContain('learning.withdraw.button');
  });

  it('withdraws after confirmation and shows the list as the API now has it', async () => {
    const withdrawn = anEnrollment({ status: 'withdrawn' });
    const { element, calls, ask, harness } = await render([[anEnrollment()], [withdrawn]], {
      [`POST /api/v1/enrollments/${ENROLLMENT_ID}/withdraw`]: () => Response.json(withdrawn),
    });

    const withdraw = [...element.querySelectorAll<HTMLButtonElement>('button')].find((b) =>
      b.textContent?.includes('learning.withdraw.button'),
    );
    withdraw?.click();
    await settle(harness);

    expect(ask).toHaveBeenCalledWith(expect.objectContaining({ holdsSeat: true }));
    expect(calls.some((call) => call.path.endsWith('/withdraw'))).toBe(true);
    expect(element.querySelector('oris-enrollment-status')?.textContent).toContain(
      'learning.status.withdrawn',
    );
    const notice = element.querySelector('[role="status"]');
    expect(notice?.textContent).toContain('learning.withdraw.done');
    expect(notice?.contains(document.activeElement)).toBe(true);
  });

  it('keeps the enrollment when the person changes their mind', async () => {
    const { element, calls, harness } = await render([[anEnrollment()]], {}, false);

    [...element.querySelectorAll<HTMLButtonElement>('button')]
      .find((b) => b.textContent?.includes('learning.withdraw.button'))
      ?.click();
    await settle(harness);

    expect(calls.some((call) => call.path.endsWith('/withdraw'))).toBe(false);
  });

  it('points to the catalogue when there is no enrollment yet', async () => {
    const { element } = await render([[]]);

    expect(element.querySelector('h2')?.textContent).toContain('learning.my.emptyHeading');
    expect(element.querySelector('.empty a')?.getAttribute('href')).toBe('/catalogue');
  });
});
