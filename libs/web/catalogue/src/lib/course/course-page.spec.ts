import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { TranslocoTestingModule } from '@jsverse/transloco';
import {
  API_FETCH,
  AuthSession,
  type Course,
  ENROLL_ACTION,
  type SessionBrief,
} from '@oris/web/core';
import { CoursePage } from './course-page';

const COURSE_ID = '0b8f3c2e-1f1a-4c55-9a57-1b1f7f0c2d10';

const session: SessionBrief = {
  id: '0b8f3c2e-1f1a-4c55-9a57-1b1f7f0c2d11',
  title: 'Cohorte Rabat',
  startsOn: '2026-12-16',
  endsOn: '2026-12-18',
  regionCode: 'MA-04',
  venue: 'Technopark',
  online: true,
  status: 'open',
  capacity: 20,
  seatsLeft: 12,
  opensOn: '2026-11-01',
  closesOn: '2026-12-16',
  approvalRequired: false,
};

const course: Course = {
  id: COURSE_ID,
  code: 'ES-101',
  title: 'Entrepreneuriat social',
  summary: "De l'idée au modèle économique.",
  description: 'Un **parcours**',
  descriptionHtml: '<p>Un <strong>parcours</strong><img src="x" onerror="alert(1)"></p>',
  theme: 'social_entrepreneurship',
  languages: ['fr'],
  deliveryMode: 'blended',
  durationHours: 30,
  learningOutcomes: ['Construire un modèle économique hybride'],
  completionRule: { requiredModules: true, minAttendancePercent: 80, trainerValidation: false },
  status: 'published',
  owners: [{ id: 'o1', fullName: 'Youssef El Amrani' }],
  modules: [
    {
      id: 'm1',
      position: 1,
      title: 'Introduction',
      estimatedMinutes: 45,
      required: true,
      status: 'published',
    },
  ],
  upcomingSessions: [session],
  canEdit: false,
  baselineVisibleToTrainers: false,
  publishedAt: '2026-01-10T09:00:00Z',
  archivedAt: null,
  createdAt: '2026-01-01T09:00:00Z',
  updatedAt: '2026-01-10T09:00:00Z',
};

@Component({
  selector: 'oris-test-enroll',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<button type="button">Enroll in {{ session().title }}</button>`,
})
class TestEnrollAction {
  readonly course = input.required<Course>();
  readonly session = input.required<SessionBrief>();
}

async function render(options: { signedIn?: boolean; enroll?: boolean; status?: number } = {}) {
  const fetch = async (request: Request) => {
    const path = new URL(request.url).pathname;
    if (path === '/api/v1/regions') {
      return Response.json([
        { code: 'MA-04', nameFr: 'Rabat-Salé-Kénitra', nameAr: 'الرباط', nameEn: 'Rabat' },
      ]);
    }
    if (path === '/api/v1/auth/login') {
      return Response.json({
        accessToken: 't',
        expiresIn: 900,
        user: { id: 'u1', roles: ['trainee'], locale: 'fr', fullName: 'Amine Tazi' },
      });
    }
    if (path === `/api/v1/courses/${COURSE_ID}`) {
      return options.status
        ? Response.json({ title: 'Course not found' }, { status: options.status })
        : Response.json(course);
    }
    return new Response(null, { status: 404 });
  };
  TestBed.configureTestingModule({
    imports: [
      TranslocoTestingModule.forRoot({
        langs: { fr: {} },
        translocoConfig: { availableLangs: ['fr'], defaultLang: 'fr' },
      }),
    ],
    providers: [
      provideRouter([{ path: 'catalogue/:courseId', component: CoursePage }]),
      { provide: API_FETCH, useValue: fetch },
      ...(options.enroll
        ? [{ provide: ENROLL_ACTION, useValue: () => Promise.resolve(TestEnrollAction) }]
        : []),
    ],
  });
  if (options.signedIn) {
    await TestBed.inject(AuthSession).signIn({ email: 'a@b.c', password: 'x' });
  }
  const harness = await RouterTestingHarness.create();
  await harness.navigateByUrl(`/catalogue/${COURSE_ID}`, CoursePage);
  // The API answers through real promises, which the fixture does not wait for by itself.
  for (let turn = 0; turn < 5; turn++) {
    await new Promise((resolve) => setTimeout(resolve));
    await harness.fixture.whenStable();
  }
  return { harness, element: harness.routeNativeElement as HTMLElement };
}

describe('CoursePage', () => {
  // The description below carries an event handler on purpose; Angular warns as it strips it.
  let warn: jest.SpyInstance;
  beforeEach(() => {
    warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  });
  afterEach(() => warn.mockRestore());

  it("shows the API's description through Angular's sanitizer", async () => {
    const { element } = await render();

    const description = element.querySelector('oris-markdown-view');
    expect(description?.querySelector('strong')?.textContent).toBe('parcours');
    expect(description?.innerHTML).not.toContain('onerror');
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('sanitizing HTML stripped'));
  });

  it('lists the sessions with their seats left and place', async () => {
    const { element } = await render();

    const row = element.querySelector('tbody tr');
    expect(row?.querySelector('th')?.textContent?.trim()).toBe('Cohorte Rabat');
    expect(row?.textContent).toContain('Rabat-Salé-Kénitra');
    expect(row?.textContent).toContain('Technopark');
    expect(row?.textContent).toContain('catalogue.sessions.online');
  });

  it('labels the region and place for a phone card without repeating the column headers to screen readers', async () => {
    const { element } = await render();

    const labels = [...element.querySelectorAll('tbody tr .card-label')];
    expect(labels.map((label) => label.textContent?.trim())).toEqual([
      'catalogue.fields.region',
      'catalogue.sessions.place',
    ]);
    expect(labels.every((label) => label.getAttribute('aria-hidden') === 'true')).toBe(true);
    expect(element.querySelectorAll('thead th[scope="col"]')).toHaveLength(6);
  });

  it('invites visitors to sign in and come back to the course', async () => {
    const { element } = await render();

    const link = element.querySelector<HTMLAnchorElement>('.enroll-hint a');
    expect(link?.getAttribute('href')).toBe(
      `/sign-in?returnUrl=${encodeURIComponent(`/catalogue/${COURSE_ID}`)}`,
    );
  });

  it('offers signed-in people nothing to enroll with until the enrollment feature provides it', async () => {
    const { element } = await render({ signedIn: true });

    expect(element.querySelector('.enroll-hint')).toBeNull();
    expect(element.querySelectorAll('thead th')).toHaveLength(6);
  });

  it("renders the enrollment feature's control in each session's row", async () => {
    const { element } = await render({ signedIn: true, enroll: true });

    expect(element.querySelector('tbody tr td:last-child button')?.textContent).toBe(
      'Enroll in Cohorte Rabat',
    );
  });

  it('says when the course does not exist or is not published', async () => {
    const { element } = await render({ status: 404 });

    expect(element.querySelector('h1')?.textContent).toContain('catalogue.course.notFound');
    expect(element.querySelector('a')?.getAttribute('href')).toBe('/catalogue');
  });
});
