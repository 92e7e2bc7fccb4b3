import { TestBed } from '@angular/core/testing';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { settle } from '../testing';
import { RevokeDialog } from './revoke-dialog';

async function render() {
  const close = jest.fn();
  TestBed.configureTestingModule({
    imports: [
      TranslocoTestingModule.forRoot({
        langs: { fr: {} },
        translocoConfig: { availableLangs: ['fr'], defaultLang: 'fr' },
        preloadLangs: true,
      }),
    ],
    providers: [
      { provide: MAT_DIALOG_DATA, useValue: { serial: 'ORIS-2026-000123', holderName: 'Salma' } },
      { provide: MatDialogRef, useValue: { close } },
    ],
  });
  const fixture = TestBed.createComponent(RevokeDialog);
  await fixture.whenStable();
  const element = fixture.nativeElement as HTMLElement;
  const textarea = element.querySelector('textarea') as HTMLTextAreaElement;
  const submit = async (reason: string) => {
    textarea.value = reason;
    textarea.dispatchEvent(new Event('input'));
    element.querySelector('form')?.dispatchEvent(new Event('submit'));
    await settle(fixture);
  };
  return { fixture, element, close, submit };
}

describe('RevokeDialog', () => {
  it('closes with the reason, trimmed', async () => {
    const { close, submit } = await render();

    await submit('  Erreur sur le nom  ');

    expect(close).toHaveBeenCalledWith('Erreur sur le nom');
  });

  it.each(['', '   '])('refuses a missing reason (%p) and says so', async (reason) => {
    const { close, submit, element } = await render();

    await submit(reason);

    expect(close).not.toHaveBeenCalled();
    expect(element.querySelector('mat-error')?.textContent).toContain(
      'certificates.revoke.reasonRequired',
    );
  });
});
