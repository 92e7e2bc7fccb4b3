import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { API_FETCH } from '@oris/web/core';
import { IMPORT_TEMPLATE } from './import-template';
import type { ImportReport } from './imports-api';
import { ImportsPage } from './imports-page';
import { settle } from '@oris/web/testing';

const SESSION_ID = '7d3f1c52-0a51-4f1e-9a43-2f7e1b0c9a02';
const SESSION = {
  id: SESSION_ID,
  title: 'Session Casablanca',
  startsOn: '2026-03-02',
  endsOn: '2026-03-04',
  status: 'completed',
  course: { id: 'c', code: 'MI-110', title: 'Mesure d’impact', status: 'published' },
};

const report = (changes: Partial<ImportReport>): ImportReport => ({
  dryRun: true,
  applied: false,
  sessionId: SESSION_ID,
  problems: [],
  rows: [],
  newPeople: 0,
  confirmed: 0,
  waitlisted: 0,
  completed: 0,
  ...changes,
});

const ROW = {
  line: 2,
  email: 'amina.benali@example.ma',
  fullName: 'Amina Benali',
  newPerson: true,
  outcome: 'confirmed' as const,
  completionAttested: false,
  enrollmentId: null,
};

async function render(answers: ImportReport[]) {
  const requests: { url: URL; body: unknown; key: string | null }[] = [];
  const fetch = async (request: Request) => {
    const url = new URL(request.url);
    if (url.pathname === `/api/v1/sessions/${SESSION_ID}`) return Response.json(SESSION);
    if (url.pathname === `/api/v1/sessions/${SESSION_ID}/enrollments/import`) {
      requests.push({
        url,
        body: await request.json(),
        key: request.headers.get('Idempotency-Key'),
      });
      return Response.json(answers.shift());
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
      provideRouter([{ path: 'admin/imports', component: ImportsPage }]),
      { provide: API_FETCH, useValue: fetch },
    ],
  });
  const harness = await RouterTestingHarness.create();
  await harness.navigateByUrl(`/admin/imports?sessionId=${SESSION_ID}`, ImportsPage);
  await settle(harness);
  const element = harness.routeNativeElement as HTMLElement;
  const buttons = () => [...element.querySelectorAll<HTMLButtonElement>('.oris-actions button')];
  const chooseFile = async (text: string) => {
    const input = element.querySelector<HTMLInputElement>('#import-file') as HTMLInputElement;
    const file = new File([text], 'cohorte.csv', { type: 'text/csv' });
    // jsdom's File has no text(); the browser's has.
    Object.defineProperty(file, 'text', { value: async () => text });
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    input.dispatchEvent(new Event('change'));
    await settle(harness);
  };
  return { harness, element, buttons, chooseFile, requests };
}

describe('ImportsPage', () => {
  it('shows every row beside its problems and keeps the import closed', async () => {
    const { harness, element, buttons, chooseFile, requests } = await render([
      report({ problems: [{ line: 3, field: 'baselineSituation', reason: 'must be one of …' }] }),
    ]);
    expect(element.querySelector('.chosen')?.textContent).toContain('admin.imports.session.chosen');
    const csv = `${IMPORT_TEMPLATE}yassir@example.ma,Yassir Naciri,unemployed,master,,male,1990,MA-06,,\n`;

    await chooseFile(csv);
    buttons()[0].click();
    await settle(harness);

    expect(requests[0].url.searchParams.get('dryRun')).toBe('true');
    expect(requests[0].body).toEqual({ csv });
    expect(requests[0].key).toBeNull();
    const rows = [...element.querySelectorAll('table.problems tbody tr')].map((tr) =>
      [...tr.children].map((cell) => cell.textContent?.replace(/\s+/g, ' ').trim()),
    );
    expect(rows).toEqual([
      ['2', 'amina.benali@example.ma', 'Amina Benali', 'admin.imports.preview.rowFine'],
      ['3', 'yassir@example.ma', 'Yassir Naciri', 'baselineSituation — must be one of …'],
    ]);
    expect(buttons()[1].disabled).toBe(true);
  });

  it('imports once a dry run is clean, then shows the result', async () => {
    const { harness, element, buttons, chooseFile, requests } = await render([
      report({ rows: [ROW], confirmed: 1, newPeople: 1 }),
      report({
        dryRun: false,
        applied: true,
        rows: [{ ...ROW, enrollmentId: 'e1' }],
        confirmed: 1,
        newPeople: 1,
      }),
    ]);
    await chooseFile(IMPORT_TEMPLATE);
    expect(buttons()[1].disabled).toBe(true);

    buttons()[0].click();
    await settle(harness);
    expect(element.querySelector('table.rows tbody')?.textContent).toContain('Amina Benali');
    expect(buttons()[1].disabled).toBe(false);

    buttons()[1].click();
    await settle(harness);

    expect(requests[1].url.searchParams.get('dryRun')).toBe('false');
    expect(requests[1].key).toMatch(/^[0-9a-f-]{36}$/);
    expect(element.querySelector('#import-result-heading')).not.toBeNull();
    expect(buttons()[1].disabled).toBe(true);
  });

  it('says which completions of a past cohort the import records on the administrator’s attestation', async () => {
    const completedRow = {
      ...ROW,
      outcome: 'completed' as const,
      completionAttested: true,
    };
    const { harness, element, buttons, chooseFile } = await render([
      report({ rows: [completedRow, { ...ROW, line: 3, email: 'b@example.ma' }], completed: 1 }),
    ]);
    await chooseFile(IMPORT_TEMPLATE);

    buttons()[0].click();
    await settle(harness);

    const cells = [...element.querySelectorAll('table.rows tbody tr')].map((tr) =>
      tr.lastElementChild?.textContent?.replace(/\s+/g, ' ').trim(),
    );
    expect(cells).toEqual([
      'admin.imports.outcomes.completed admin.imports.preview.attested',
      'admin.imports.outcomes.confirmed',
    ]);
  });

  it('checks a new file again before importing it', async () => {
    const { harness, buttons, chooseFile } = await render([report({ rows: [ROW] })]);
    await chooseFile(IMPORT_TEMPLATE);
    buttons()[0].click();
    await settle(harness);
    expect(buttons()[1].disabled).toBe(false);

    await chooseFile(`${IMPORT_TEMPLATE}x@example.ma,X,seeking,licence,,female,1990,MA-01,,\n`);

    expect(buttons()[1].disabled).toBe(true);
  });
});
