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
  const choose = async (reason: string) => {
    const radio = Array.from(
      element.querySelectorAll<HTMLInputElement>('input[type="radio"]'),
    ).find((input) => input.value === reason) as HTMLInputElement;
    radio.click();
    await settle(fixture);
  };
  const submit = async (note = '') => {
    const textarea = element.querySelector('textarea') as HTMLTextAreaElement;
    textarea.value = note;
    textarea.dispatchEvent(new Event('input'));
    element.querySelector('form')?.dispatchEvent(new Event('submit'));
    await settle(fixture);
  };
  return { fixture, element, close, choose, submit };
}

describe('RevokeDialog', () => {
  it('offers the reasons of the list, each translated', async () => {
    const { element } = await render();

    const labels = Array.from(element.querySelectorAll('mat-radio-button')).map((radio) =>
      radio.textContent?.trim(),
    );
    expect(labels).toEqual([
      'certificates.revocationReasons.issued_in_error',
      'certificates.revocationReasons.completion_withdrawn',
      'certificates.revocationReasons.duplicate',
      'certificates.revocationReasons.fraud',
      'certificates.revocationReasons.other',
    ]);
  });

  it('closes with the chosen reason and the internal note, trimmed', async () => {
    const { close, choose, submit } = await render();

    await choose('duplicate');
    await submit('  Déjà délivré sous ORIS-2026-000100  ');

    expect(close).toHaveBeenCalledWith({
      reason: 'duplicate',
      note: 'Déjà délivré sous ORIS-2026-000100',
    });
  });

  it('sends no note when it is left blank', async () => {
    const { close, choose, submit } = await render();

    await choose('issued_in_error');
    await submit('   ');

    expect(close).toHaveBeenCalledWith({ reason: 'issued_in_error' });
  });

  it('refuses to revoke without a reason, and says so', async () => {
    const { close, submit, element } = await render();

    await submit('Une note sans motif');

    expect(close).not.toHaveBeenCalled();
    expect(element.querySelector('[role="alert"]')?.textContent).toContain(
      'certificates.revoke.reasonRequired',
    );
  });
});
