import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { API_FETCH } from '@oris/web/core';
import { unsavedChangesGuard, Confirmation } from '@oris/web/ui/dialogs';
import { type Answer, anAssignment, COURSE_ID, fakeApi, MODULE_ID, settle } from '../testing';
import { AssignmentEditorPage } from './assignment-editor-page';

const URL = `/teaching/courses/${COURSE_ID}/modules/${MODULE_ID}/assignment`;
const ASSIGNMENT = `/api/v1/modules/${MODULE_ID}/assignment`;
const FR = {
  assignments: { editor: { rubricTotal: 'Total de la grille : {{count}} points' } },
  validation: { required: 'Ce champ est obligatoire.', time: 'Heure sur 24 heures.' },
};

async function render(routes: Record<string, Answer>, leave = true) {
  const api = fakeApi(routes);
  const ask = jest.fn(async () => leave);
  TestBed.configureTestingModule({
    imports: [
      TranslocoTestingModule.forRoot({
        langs: { fr: FR },
        translocoConfig: { availableLangs: ['fr'], defaultLang: 'fr' },
      }),
    ],
    providers: [
      provideRouter([
        {
          path: 'teaching/courses/:courseId/modules/:moduleId/assignment',
          component: AssignmentEditorPage,
          canDeactivate: [unsavedChangesGuard],
        },
        { path: 'elsewhere', children: [] },
      ]),
      { provide: API_FETCH, useValue: api.fetch },
      { provide: Confirmation, useValue: { ask } },
    ],
  });
  const harness = await RouterTestingHarness.create();
  const page = await harness.navigateByUrl(URL, AssignmentEditorPage);
  await settle(harness);
  const element = harness.routeNativeElement as HTMLElement;
  const field = (name: string) => {
    const found = element.querySelector<HTMLInputElement>(`[name="${name}"]`);
    if (!found) throw new Error(`No field ${name}`);
    return found;
  };
  const type = async (name: string, value: string) => {
    const input = field(name);
    input.value = value;
    input.dispatchEvent(new Event('input'));
    input.dispatchEvent(new Event('blur'));
    // Typing changes signals only: rendering is enough, no API call to wait for.
    await harness.fixture.whenStable();
  };
  const click = async (text: string, index = 0) => {
    const button = [...element.querySelectorAll('button')].filter(
      (candidate) => candidate.textContent?.trim() === text,
    )[index];
    if (!button) throw new Error(`No button ${text}`);
    button.click();
    await harness.fixture.whenStable();
  };
  const save = async () => {
    element.querySelector('form')?.dispatchEvent(new Event('submit'));
    await settle(harness);
  };
  const errorOf = (name: string) =>
    field(name).closest('mat-form-field')?.querySelector('mat-error')?.textContent?.trim() ?? '';
  const total = () => element.querySelector('.total')?.textContent?.trim();
  const puts = () => api.calls.filter((call) => call.method === 'PUT');
  const leavePage = async () => {
    await TestBed.inject(Router).navigateByUrl('/elsewhere');
    return TestBed.inject(Router).url;
  };
  return { page, element, field, type, click, save, errorOf, total, puts, ask, leavePage };
}

/** A module without an assignment yet: the API answers 404 and the form starts empty. */
const noAssignment = { [`GET ${ASSIGNMENT}`]: () => new Response(null, { status: 404 }) };

describe('AssignmentEditorPage', () => {
  // A whole Material form per test: slow on a busy machine, never waiting on time itself.
  jest.setTimeout(30_000);

  it('shows the rubric’s maximum as criteria and levels are added and scored', async () => {
    const { type, click, total } = await render(noAssignment);
    // One criterion with two levels, 0 and 5 points: the best level counts.
    expect(total()).toBe('Total de la grille : 5 points');

    await type('points-0-1', '8');
    expect(total()).toBe('Total de la grille : 8 points');

    await click('assignments.editor.addCriterion');
    expect(total()).toBe('Total de la grille : 13 points');

    await click('assignments.editor.addLevel');
    await type('points-0-2', '12.5');
    expect(total()).toBe('Total de la grille : 17.5 points');

    // Removing the second criterion takes its 5 points away.
    await click('assignments.editor.removeCriterion', 1);
    expect(total()).toBe('Total de la grille : 12.5 points');
  });

  it('says what is missing beside each field and sends nothing', async () => {
    const { save, errorOf, puts, field, element } = await render(noAssignment);

    await save();

    expect(puts()).toEqual([]);
    expect(errorOf('title')).toBe('Ce champ est obligatoire.');
    expect(errorOf('criterion-0')).toBe('Ce champ est obligatoire.');
    expect(errorOf('level-0-0')).toBe('Ce champ est obligatoire.');
    expect(errorOf('level-0-1')).toBe('Ce champ est obligatoire.');
    // The first field in error gets the focus.
    expect(element.ownerDocument.activeElement).toBe(field('title'));
  });

  it('refuses a due time that is not a 24-hour time', async () => {
    const { type, save, errorOf, puts } = await render({
      [`GET ${ASSIGNMENT}`]: () => Response.json(anAssignment()),
    });

    await type('dueDay', '20/12/2026');
    await type('dueTime', '25:00');
    await save();

    expect(errorOf('dueTime')).toBe('Heure sur 24 heures.');
    expect(puts()).toEqual([]);
  });

  it('saves a new rubric-graded assignment with its due date in Moroccan time', async () => {
    const { type, save, puts, element, page } = await render({
      ...noAssignment,
      [`PUT ${ASSIGNMENT}`]: (call) => Response.json(anAssignment(call.body as object)),
    });

    await type('title', 'Pitch écrit');
    await type('instructions', 'Dix lignes.');
    await type('dueDay', '20/12/2026');
    await type('dueTime', '18:30');
    await type('criterion-0', 'Clarté');
    await type('level-0-0', 'Flou');
    await type('level-0-1', 'Clair');
    expect(page.hasUnsavedChanges()).toBe(true);
    await save();

    expect(puts().map((call) => call.body)).toEqual([
      {
        title: 'Pitch écrit',
        instructions: 'Dix lignes.',
        // 18:30 in Morocco (UTC+1) is 17:30 UTC.
        dueAt: '2026-12-20T17:30:00.000Z',
        latePolicy: 'accept',
        latePenaltyPercent: null,
        acceptsText: true,
        acceptsFiles: true,
        fileKinds: ['pdf', 'docx'],
        maxFileBytes: 10 * 1024 * 1024,
        maxFiles: 3,
        rubric: {
          criteria: [
            {
              title: 'Clarté',
              levels: [
                { title: 'Flou', points: 0 },
                { title: 'Clair', points: 5 },
              ],
            },
          ],
        },
        maxMark: null,
        passMarkPercent: 50,
        requiredForCompletion: false,
      },
    ]);
    expect(element.querySelector('[role="status"]')?.textContent?.trim()).toBe(
      'assignments.editor.saved',
    );
    expect(page.hasUnsavedChanges()).toBe(false);
  });

  it('shows the API’s refusal beside the field it names and keeps the changes', async () => {
    const { type, save, errorOf, element, page } = await render({
      [`GET ${ASSIGNMENT}`]: () => Response.json(anAssignment()),
      [`PUT ${ASSIGNMENT}`]: () =>
        Response.json(
          {
            type: 'about:blank',
            title: 'Le devoir est invalide',
            status: 400,
            code: 'validation_failed',
            errors: [
              { field: 'title', message: 'Titre déjà utilisé' },
              { field: 'rubric', message: 'La grille doit valoir au moins un point' },
            ],
          },
          { status: 400, headers: { 'Content-Type': 'application/problem+json' } },
        ),
    });

    await type('title', 'Pitch');
    await save();

    expect(errorOf('title')).toBe('Titre déjà utilisé');
    const alert = element.querySelector('[role="alert"]')?.textContent ?? '';
    expect(alert).toContain('Le devoir est invalide');
    // The rubric has no field of its own: its message is in the alert, the title's is not.
    expect(alert).toContain('La grille doit valoir au moins un point');
    expect(alert).not.toContain('Titre déjà utilisé');
    expect(element.querySelector('[role="status"]')).toBeNull();
    expect(page.hasUnsavedChanges()).toBe(true);
  });

  it('opens a saved assignment unchanged, and asks before leaving once it is edited', async () => {
    const { field, type, leavePage, ask, page } = await render(
      { [`GET ${ASSIGNMENT}`]: () => Response.json(anAssignment()) },
      false,
    );
    expect(field('title').value).toBe('Pitch écrit de votre projet');
    expect(field('level-0-2').value).toBe('Percutant');
    expect(page.hasUnsavedChanges()).toBe(false);

    await type('points-1-1', '6');
    expect(page.hasUnsavedChanges()).toBe(true);

    expect(await leavePage()).toBe(URL);
    expect(ask).toHaveBeenCalledWith(expect.objectContaining({ titleKey: 'ui.unsaved.title' }));
  });

  it('lets a trainer leave at once when nothing changed', async () => {
    const { leavePage, ask } = await render({
      [`GET ${ASSIGNMENT}`]: () => Response.json(anAssignment()),
    });

    expect(await leavePage()).toBe('/elsewhere');
    expect(ask).not.toHaveBeenCalled();
  });
});
