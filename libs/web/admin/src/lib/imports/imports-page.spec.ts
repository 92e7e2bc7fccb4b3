import { File as NodeFile } from 'node:buffer';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { API_FETCH } from '@oris/web/core';
import { Confirmation } from '@oris/web/ui/dialogs';
import type { ImportReport } from './imports-api';
import { ImportsPage } from './imports-page';
import { settle } from '@oris/web/testing';

/** A file as an administrator would fill the template in. */
const IMPORT_TEMPLATE =
  'email,fullName,baselineSituation,educationLevel,fullNameAr,gender,birthYear,regionCode,phone,completedOn\n' +
  'amina.benali@example.ma,Amina Benali,seeking,licence,أمينة بنعلي,female,1994,MA-04,06 12 34 56 78,\n';

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
  lines: [],
  rejected: 0,
  rejectedFile: null,
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

async function render(
  answers: ImportReport[],
  options: { translations?: object; confirm?: boolean } = {},
) {
  const requests: { url: URL; body: unknown; key: string | null }[] = [];
  const asked: unknown[] = [];
  const templates: URL[] = [];
  const fetch = async (request: Request) => {
    const url = new URL(request.url);
    if (url.pathname === `/api/v1/sessions/${SESSION_ID}`) return Response.json(SESSION);
    if (url.pathname === '/api/v1/enrollment-imports/template') {
      templates.push(url);
      return new Response('template', { headers: { 'Content-Type': 'text/csv' } });
    }
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
        langs: { fr: options.translations ?? {} },
        translocoConfig: { availableLangs: ['fr'], defaultLang: 'fr' },
      }),
    ],
    providers: [
      provideRouter([{ path: 'admin/imports', component: ImportsPage }]),
      { provide: API_FETCH, useValue: fetch },
      {
        provide: Confirmation,
        useValue: {
          ask: async (request: unknown) => {
            asked.push(request);
            return options.confirm ?? true;
          },
        },
      },
    ],
  });
  const harness = await RouterTestingHarness.create();
  await harness.navigateByUrl(`/admin/imports?sessionId=${SESSION_ID}`, ImportsPage);
  await settle(harness);
  const element = harness.routeNativeElement as HTMLElement;
  const buttons = () => [...element.querySelectorAll<HTMLButtonElement>('.oris-actions button')];
  const chooseFile = async (content: string | Uint8Array, name = 'cohorte.csv') => {
    const input = element.querySelector<HTMLInputElement>('#import-file') as HTMLInputElement;
    // jsdom's File cannot be read (no text(), no arrayBuffer()); Node's can, like a browser's.
    const file = new NodeFile([content], name);
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    input.dispatchEvent(new Event('change'));
    await settle(harness);
  };
  return { harness, element, buttons, chooseFile, requests, asked, templates };
}

describe('ImportsPage', () => {
  it('shows every row beside its problems and keeps the import closed', async () => {
    const { harness, element, buttons, chooseFile, requests } = await render([
      report({
        problems: [
          {
            line: 3,
            field: 'baselineSituation',
            reason: 'one of employed, seeking',
            code: 'not_in_list',
            params: { values: 'employed, seeking' },
          },
        ],
        lines: [
          { line: 2, email: 'amina.benali@example.ma', fullName: 'Amina Benali' },
          { line: 3, email: 'yassir@example.ma', fullName: 'Yassir Naciri' },
        ],
      }),
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
      [
        '3',
        'yassir@example.ma',
        'Yassir Naciri',
        'baselineSituation — une de ces valeurs : Salarié·e, En recherche d’emploi',
      ],
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

  it('words each problem in the reader’s language from its code, values by their labels', async () => {
    const { harness, element, buttons, chooseFile } = await render(
      [
        report({
          problems: [
            {
              line: 2,
              field: 'regionCode',
              reason: 'one of MA-01, MA-09',
              code: 'not_in_list',
              params: { values: 'MA-01, MA-09' },
            },
          ],
          lines: [{ line: 2, email: 'a@example.ma', fullName: 'A' }],
        }),
      ],
      {
        translations: {
          admin: {
            imports: { columnNames: { regionCode: 'Région' } },
          },
        },
      },
    );
    await chooseFile(IMPORT_TEMPLATE);
    buttons()[0].click();
    await settle(harness);

    const cell = element.querySelector('table.problems tbody tr')?.lastElementChild;
    expect(cell?.textContent?.replace(/\s+/g, ' ').trim()).toBe(
      'Région — une de ces valeurs : Tanger-Tétouan-Al Hoceïma, Souss-Massa',
    );
  });

  it('sends an Excel workbook as it is, in base64', async () => {
    const { harness, buttons, chooseFile, requests } = await render([report({ rows: [ROW] })]);
    const workbook = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0xff]);
    await chooseFile(workbook, 'cohorte.xlsx');
    buttons()[0].click();
    await settle(harness);

    expect(requests[0].body).toEqual({ xlsx: Buffer.from(workbook).toString('base64') });
  });

  it('offers the valid rows only as an explicit, confirmed choice, then gives the rest back as a file', async () => {
    const rejectedFile = {
      fileName: 'lignes-refusees.csv',
      mediaType: 'text/csv' as const,
      base64: Buffer.from('email;Erreurs\r\nbad;required\r\n').toString('base64'),
    };
    const { harness, element, buttons, chooseFile, requests, asked } = await render([
      report({
        problems: [{ line: 3, field: 'email', reason: 'not an email address', code: 'not_email' }],
        lines: [
          { line: 2, email: 'amina.benali@example.ma', fullName: 'Amina Benali' },
          { line: 3, email: 'bad', fullName: 'Bad' },
        ],
      }),
      report({
        dryRun: false,
        applied: true,
        rows: [{ ...ROW, enrollmentId: 'e1' }],
        confirmed: 1,
        rejected: 1,
        rejectedFile,
      }),
    ]);
    await chooseFile(IMPORT_TEMPLATE);
    buttons()[0].click();
    await settle(harness);

    // All-or-nothing stays the default: the import button is closed.
    expect(buttons()[1].disabled).toBe(true);
    const choice = element.querySelector<HTMLButtonElement>('button.import-valid-rows');
    expect(choice?.textContent).toContain('admin.imports.validOnly.button');
    choice?.click();
    await settle(harness);

    expect(asked).toEqual([expect.objectContaining({ params: { count: 1, rejected: 1 } })]);
    expect(requests[1].url.searchParams.get('dryRun')).toBe('false');
    expect(requests[1].url.searchParams.get('validRowsOnly')).toBe('true');
    expect(requests[1].url.searchParams.get('locale')).toBe('fr');
    expect(requests[1].key).toMatch(/^[0-9a-f-]{36}$/);

    const saved: Blob[] = [];
    URL.createObjectURL = jest.fn((blob: Blob) => {
      saved.push(blob);
      return 'blob:rejected';
    });
    URL.revokeObjectURL = jest.fn();
    element.querySelector<HTMLButtonElement>('button.download-rejected')?.click();
    expect(saved).toHaveLength(1);
    expect(saved[0].type).toBe('text/csv');
    expect(saved[0].size).toBe(Buffer.from(rejectedFile.base64, 'base64').length);
  });

  it('imports nothing when the administrator does not confirm the choice', async () => {
    const { harness, element, buttons, chooseFile, requests } = await render(
      [
        report({
          problems: [{ line: 3, field: 'email', reason: 'x', code: 'not_email' }],
          lines: [
            { line: 2, email: 'a@example.ma', fullName: 'A' },
            { line: 3, email: 'bad', fullName: 'B' },
          ],
        }),
      ],
      { confirm: false },
    );
    await chooseFile(IMPORT_TEMPLATE);
    buttons()[0].click();
    await settle(harness);
    element.querySelector<HTMLButtonElement>('button.import-valid-rows')?.click();
    await settle(harness);

    expect(requests).toHaveLength(1);
  });

  it('downloads a template written by the API in the chosen language and format', async () => {
    const { harness, element, templates } = await render([]);
    const saved: Blob[] = [];
    URL.createObjectURL = jest.fn((blob: Blob) => {
      saved.push(blob);
      return 'blob:template';
    });
    URL.revokeObjectURL = jest.fn();
    element.querySelector<HTMLButtonElement>('button.template-download')?.click();
    await settle(harness);

    // Excel in the page's language unless chosen otherwise.
    expect(templates.map((url) => url.search)).toEqual(['?format=xlsx&language=fr']);
    expect(saved).toHaveLength(1);
  });
});
