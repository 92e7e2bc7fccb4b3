import { TestBed } from '@angular/core/testing';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { API_FETCH } from '@oris/web/core';
import type { Followup } from '../shared/insertion-types';
import { ENROLLMENT_ID, fakeApi, pageOf, PERSON_ID, settle } from '../testing';
import { FollowupAnswerDialog } from './followup-answer-dialog';

function aFollowup(phone: string | null): Followup {
  return {
    id: 'f1',
    enrollmentId: ENROLLMENT_ID,
    horizon: 6,
    completedOn: '2026-01-20',
    dueOn: '2026-07-20',
    status: 'due',
    overdue: false,
    emailedAt: '2026-07-20T08:00:00Z',
    reminderCount: 2,
    lastRemindedAt: null,
    answeredAt: null,
    answerChannel: null,
    placementId: null,
    person: {
      id: PERSON_ID,
      fullName: 'Salma Bennani',
      fullNameAr: null,
      email: 'salma@example.org',
      phone,
      locale: 'fr',
      followupWithdrawn: false,
    },
    courseId: 'c1',
    courseTitle: 'Créer et gérer une coopérative',
    sessionId: 's1',
    sessionTitle: 'Session Oujda',
    regionCode: 'MA-02',
  };
}

async function render(followup: Followup) {
  const api = fakeApi({
    'GET /api/v1/regions': () => Response.json([]),
    'GET /api/v1/organisations': () => Response.json(pageOf([])),
  });
  TestBed.configureTestingModule({
    imports: [
      TranslocoTestingModule.forRoot({
        langs: { fr: {} },
        translocoConfig: { availableLangs: ['fr'], defaultLang: 'fr' },
        preloadLangs: true,
      }),
    ],
    providers: [
      { provide: API_FETCH, useValue: api.fetch },
      { provide: MAT_DIALOG_DATA, useValue: followup },
      { provide: MatDialogRef, useValue: { close: jest.fn() } },
    ],
  });
  const fixture = TestBed.createComponent(FollowupAnswerDialog);
  await settle(fixture);
  return fixture.nativeElement as HTMLElement;
}

describe('FollowupAnswerDialog', () => {
  it('puts the number to call next to the person, as a tel: link read left to right', async () => {
    const element = await render(aFollowup('+212612345678'));

    const link = element.querySelector<HTMLAnchorElement>('.context a[href^="tel:"]');
    expect(link?.getAttribute('href')).toBe('tel:+212612345678');
    expect(link?.getAttribute('dir')).toBe('ltr');
    expect(link?.textContent?.trim()).toBe('+212 6 12 34 56 78');
  });

  it('shows no link when the person gave no number', async () => {
    const element = await render(aFollowup(null));

    expect(element.querySelector('a[href^="tel:"]')).toBeNull();
    expect(element.querySelector('.context')?.textContent).toContain('salma@example.org');
  });
});
