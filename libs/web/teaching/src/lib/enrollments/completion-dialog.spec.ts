import { TestBed } from '@angular/core/testing';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { TranslocoTestingModule } from '@jsverse/transloco';
import {
  type CompletionAnswer,
  CompletionDialog,
  type CompletionRequest,
} from './completion-dialog';

function render(request: Partial<CompletionRequest>) {
  const closed: (CompletionAnswer | undefined)[] = [];
  TestBed.configureTestingModule({
    imports: [
      CompletionDialog,
      TranslocoTestingModule.forRoot({
        langs: { fr: {} },
        translocoConfig: { availableLangs: ['fr'], defaultLang: 'fr' },
      }),
    ],
    providers: [
      {
        provide: MAT_DIALOG_DATA,
        useValue: {
          name: 'Omar Idrissi',
          pastDayAllowed: false,
          earliest: '2026-03-02',
          today: '2026-11-26',
          attests: false,
          early: false,
          ...request,
        },
      },
      {
        provide: MatDialogRef,
        useValue: { close: (answer: CompletionAnswer) => closed.push(answer) },
      },
    ],
  });
  const fixture = TestBed.createComponent(CompletionDialog);
  fixture.detectChanges();
  const element = fixture.nativeElement as HTMLElement;
  const submit = () => {
    element.querySelector('form')?.dispatchEvent(new Event('submit'));
    fixture.detectChanges();
  };
  return { element, submit, closed };
}

describe('CompletionDialog', () => {
  it('validates today for a trainer, with no day to choose', () => {
    const { element, submit, closed } = render({});

    expect(element.querySelector('input.mat-datepicker-input')).toBeNull();
    submit();
    expect(closed).toEqual([{}]);
  });

  it('lets an administrator record a past day within the session, written in French', () => {
    const { element, submit, closed } = render({ pastDayAllowed: true });
    const day = element.querySelector<HTMLInputElement>('input.mat-datepicker-input');
    if (!day) throw new Error('No day field');
    expect([day.value, day.min, day.max]).toEqual(['26/11/2026', '2026-03-02', '2026-11-26']);

    day.value = '06/03/2026';
    day.dispatchEvent(new Event('input'));
    submit();

    expect(closed).toEqual([{ completedOn: '2026-03-06' }]);
  });

  it('sends no day when the administrator keeps today (the API’s default)', () => {
    const { submit, closed } = render({ pastDayAllowed: true });

    submit();

    expect(closed).toEqual([{}]);
  });

  it('tells an administrator completing a session that has ended that the validation attests it', () => {
    const { element } = render({ pastDayAllowed: true, attests: true });
    expect(element.textContent).toContain('teaching.enrollments.completion.attests');
  });

  it('says nothing of attesting otherwise', () => {
    const { element } = render({ pastDayAllowed: true });
    expect(element.textContent).not.toContain('teaching.enrollments.completion.attests');
  });

  it('asks no reason once the last meeting has started', () => {
    const { element } = render({});
    expect(element.querySelector('textarea')).toBeNull();
    expect(element.textContent).not.toContain('teaching.enrollments.completion.early');
  });

  it('before the last meeting, says so and will not validate without a reason', () => {
    const { element, submit, closed } = render({ early: true });
    expect(element.textContent).toContain('teaching.enrollments.completion.early');
    // The dialog's description (its text) says why a reason is asked.
    expect(element.querySelector('#oris-completion-text')?.textContent).toContain(
      'teaching.enrollments.completion.early',
    );
    const reason = element.querySelector('textarea') as HTMLTextAreaElement;

    submit();
    expect(closed).toEqual([]);
    expect(element.textContent).toContain('teaching.enrollments.completion.earlyReasonRequired');

    reason.value = '   ';
    reason.dispatchEvent(new Event('input'));
    submit();
    expect(closed).toEqual([]);

    reason.value = '  Départ à l’étranger, examen passé  ';
    reason.dispatchEvent(new Event('input'));
    submit();
    expect(closed).toEqual([{ earlyCompletionReason: 'Départ à l’étranger, examen passé' }]);
  });
});
