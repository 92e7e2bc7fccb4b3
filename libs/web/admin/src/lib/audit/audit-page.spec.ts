import { TestBed } from '@angular/core/testing';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { API_FETCH } from '@oris/web/core';
import type { AuditEvent } from './audit-api';
import { AuditPage } from './audit-page';

const OFFICER = '6a0f4c1e-0000-4000-8000-000000000001';
const PERSON = '6a0f4c1e-0000-4000-8000-000000000002';

const events: AuditEvent[] = [
  {
    id: 'e2',
    at: '2026-06-10T09:30:00.000Z',
    action: 'placement.read',
    actorId: OFFICER,
    actorName: 'Karim Alaoui',
    subjectType: 'user',
    subjectId: PERSON,
    subjectName: 'Salma Bennani',
    data: { placementId: 'p-1' },
  },
  {
    id: 'e1',
    at: '2026-06-09T08:00:00.000Z',
    action: 'certificate.issued',
    actorId: null,
    actorName: null,
    subjectType: 'certificate',
    subjectId: 'c-1',
    subjectName: null,
    data: {},
  },
];

async function render() {
  const queries: string[] = [];
  const fetch = async (request: Request) => {
    const url = new URL(request.url);
    if (url.pathname === '/api/v1/admin/audit-events') {
      queries.push(url.search);
      return Response.json({ items: events, total: events.length, page: 1, pageSize: 20 });
    }
    return new Response(null, { status: 404 });
  };
  TestBed.configureTestingModule({
    imports: [
      AuditPage,
      TranslocoTestingModule.forRoot({
        langs: {
          fr: {
            admin: {
              audit: {
                system: 'Système',
                filterOnActor: 'Filtrer sur les actions de {{name}}',
                filterOnSubject: 'Filtrer sur les événements concernant {{name}}',
              },
            },
          },
        },
        translocoConfig: { availableLangs: ['fr'], defaultLang: 'fr' },
        preloadLangs: true,
      }),
    ],
    providers: [{ provide: API_FETCH, useValue: fetch }],
  });
  const fixture = TestBed.createComponent(AuditPage);
  await fixture.whenStable();
  await fixture.whenStable();
  const element = fixture.nativeElement as HTMLElement;
  const rows = () =>
    [...element.querySelectorAll('tr[mat-row]')].map((row) =>
      [...row.querySelectorAll('td')].map((cell) => cell.textContent?.replace(/\s+/g, ' ').trim()),
    );
  const settle = async () => {
    await new Promise((resolve) => setTimeout(resolve, 350));
    await fixture.whenStable();
  };
  return { fixture, element, rows, queries, settle };
}

describe('AuditPage', () => {
  it('lists the newest events with who, what, about whom and the details', async () => {
    const { element, rows, queries } = await render();

    expect(queries).toEqual(['?page=1&pageSize=20']);
    const [read, issued] = rows();
    expect(read.slice(1, 4)).toEqual(['Karim Alaoui', 'placement.read', 'Salma Bennani']);
    const details = element.querySelector('tr[mat-row] dl');
    expect(
      [...(details?.querySelectorAll('dt, dd') ?? [])].map((node) => node.textContent),
    ).toEqual(['placementId', 'p-1']);
    // Moroccan time (UTC+1 in June): 09:30Z is 10:30.
    expect(read[0]).toContain('10:30');
    expect(issued.slice(1, 4)).toEqual(['Système', 'certificate.issued', 'certificate c-1']);
  });

  it('filters on a person by clicking their name, from the first page', async () => {
    const { element, queries, settle } = await render();

    element
      .querySelector<HTMLButtonElement>(
        'button[aria-label="Filtrer sur les événements concernant Salma Bennani"]',
      )
      ?.click();
    await settle();
    element
      .querySelector<HTMLButtonElement>(
        'button[aria-label="Filtrer sur les actions de Karim Alaoui"]',
      )
      ?.click();
    await settle();

    expect(queries.at(-1)).toBe(`?page=1&pageSize=20&actor=${OFFICER}&subject=${PERSON}`);
  });

  it('sends the action and the days typed, trimmed, and clears them', async () => {
    const { element, queries, settle } = await render();
    const type = (name: string, value: string) => {
      const input = element.querySelector<HTMLInputElement>(
        `input[formcontrolname="${name}"]`,
      ) as HTMLInputElement;
      input.value = value;
      input.dispatchEvent(new Event('input'));
    };

    type('action', ' certificate. ');
    type('from', '2026-06-01');
    type('to', '2026-06-30');
    await settle();
    expect(queries.at(-1)).toBe(
      '?page=1&pageSize=20&action=certificate.&from=2026-06-01&to=2026-06-30',
    );

    element.querySelector<HTMLButtonElement>('button.clear')?.click();
    await settle();
    expect(queries.at(-1)).toBe('?page=1&pageSize=20');
  });
});
