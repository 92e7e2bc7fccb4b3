import { TestBed } from '@angular/core/testing';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { TranslocoTestingModule } from '@jsverse/transloco';
import type { Course } from '@oris/web/core';
import { API_FETCH } from '@oris/web/core';
import { aCourse, type Answer, COURSE_ID, fakeApi, problem, settle } from '../testing';
import { DuplicateCourseDialog } from './duplicate-course-dialog';

const DUPLICATE = `POST /api/v1/courses/${COURSE_ID}/duplicate`;
const FR = {
  validation: { required: 'Ce champ est obligatoire.' },
  teaching: { validation: { courseCode: 'Majuscules et chiffres, par exemple SI-101.' } },
  material: { duplicate: { codeTaken: 'Ce code est déjà pris.' } },
};

async function render(answer: Answer) {
  const api = fakeApi({ [DUPLICATE]: answer });
  const closed: (Course | undefined)[] = [];
  TestBed.configureTestingModule({
    imports: [
      DuplicateCourseDialog,
      TranslocoTestingModule.forRoot({
        langs: { fr: FR },
        translocoConfig: { availableLangs: ['fr'], defaultLang: 'fr' },
      }),
    ],
    providers: [
      { provide: API_FETCH, useValue: api.fetch },
      {
        provide: MAT_DIALOG_DATA,
        useValue: { id: COURSE_ID, code: 'COOP-120', title: 'Créer et gérer une coopérative' },
      },
      { provide: MatDialogRef, useValue: { close: (course?: Course) => closed.push(course) } },
    ],
  });
  const fixture = TestBed.createComponent(DuplicateCourseDialog);
  await settle(fixture);
  const element = fixture.nativeElement as HTMLElement;
  const input = (name: string) =>
    element.querySelector<HTMLInputElement>(`input[formcontrolname="${name}"]`) as HTMLInputElement;
  const type = async (name: string, value: string) => {
    input(name).value = value;
    input(name).dispatchEvent(new Event('input'));
    await fixture.whenStable();
  };
  const submit = async () => {
    element.querySelector('form')?.dispatchEvent(new Event('submit'));
    await settle(fixture);
  };
  const codeError = () => element.querySelector('mat-error')?.textContent?.trim() ?? '';
  return { element, input, type, submit, codeError, closed, calls: api.calls };
}

describe('DuplicateCourseDialog', () => {
  jest.setTimeout(30_000);

  it('offers the source’s title and asks for a new code', async () => {
    const { element, input } = await render(() => Response.json(aCourse()));

    expect(element.textContent).toContain('material.duplicate.text');
    expect(input('code').value).toBe('');
    expect(input('title').value).toBe('Créer et gérer une coopérative');
  });

  it('says a code is needed and sends nothing without one', async () => {
    const { submit, codeError, closed, calls } = await render(() => Response.json(aCourse()));

    await submit();

    expect(codeError()).toBe('Ce champ est obligatoire.');
    expect(calls).toEqual([]);
    expect(closed).toEqual([]);
  });

  it('refuses a code the catalogue would not accept', async () => {
    const { type, submit, codeError, calls } = await render(() => Response.json(aCourse()));

    await type('code', 'coop 2027!');
    await submit();

    // Worded as in the course editor (the pattern's own key has no translation).
    expect(codeError()).toBe('Majuscules et chiffres, par exemple SI-101.');
    expect(calls).toEqual([]);
  });

  it('duplicates under the new code, in capitals, keeping the title unless it was changed', async () => {
    const copy = aCourse({ id: 'copy', code: 'COOP-121' });
    const { type, submit, closed, calls, input } = await render(() =>
      Response.json(copy, { status: 201 }),
    );

    await type('code', ' coop-121 ');
    await submit();

    expect(input('code').value).toBe('COOP-121');
    expect(calls.map((call) => call.body)).toEqual([{ code: 'COOP-121' }]);
    expect(closed).toEqual([copy]);
  });

  it('sends a new title when the trainer wrote one', async () => {
    const { type, submit, calls } = await render(() =>
      Response.json(aCourse({ id: 'copy' }), { status: 201 }),
    );

    await type('code', 'COOP-121');
    await type('title', ' Coopératives — édition 2027 ');
    await submit();

    expect(calls.map((call) => call.body)).toEqual([
      { code: 'COOP-121', title: 'Coopératives — édition 2027' },
    ]);
  });

  it('says in the dialog that the code is taken, and stays open', async () => {
    const { type, submit, closed, element } = await render(() =>
      problem(409, 'course_code_taken', 'Course code already used'),
    );

    await type('code', 'COOP-120');
    await submit();

    expect(element.querySelector('[role="alert"]')?.textContent).toContain(
      'Ce code est déjà pris.',
    );
    expect(closed).toEqual([]);
    expect(element.querySelector('button[type="submit"]')?.getAttribute('aria-busy')).toBe('false');
  });
});
