import { TestBed } from '@angular/core/testing';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { FILES_DROPPED_BEFORE_START } from '@oris/web/core';
import { FileDropZone } from './file-drop-zone';

const translations = {
  zone: { hint: 'Déposez un fichier', choose: 'Choisir', chosen: 'Fichier : {{name}}' },
};

/** `beforeStart`: what happened on the page before the component ran (its host is given). */
async function zone(beforeStart?: (host: HTMLElement) => void) {
  TestBed.configureTestingModule({
    imports: [
      FileDropZone,
      TranslocoTestingModule.forRoot({
        langs: { fr: translations },
        translocoConfig: { availableLangs: ['fr'], defaultLang: 'fr' },
        preloadLangs: true,
      }),
    ],
  });
  const fixture = TestBed.createComponent(FileDropZone);
  fixture.componentRef.setInput('accept', 'application/pdf,.pdf');
  fixture.componentRef.setInput('hintKey', 'zone.hint');
  fixture.componentRef.setInput('chooseKey', 'zone.choose');
  fixture.componentRef.setInput('chosenKey', 'zone.chosen');
  const chosen: File[] = [];
  fixture.componentInstance.fileChosen.subscribe((file) => chosen.push(file));
  beforeStart?.(fixture.nativeElement as HTMLElement);
  await fixture.whenStable();
  return { fixture, element: fixture.nativeElement as HTMLElement, chosen };
}

function choose(input: HTMLInputElement, file: File) {
  Object.defineProperty(input, 'files', {
    value: { item: () => file, length: 1 },
    configurable: true,
  });
  input.dispatchEvent(new Event('change'));
}

describe('FileDropZone', () => {
  afterEach(() => Reflect.deleteProperty(globalThis, FILES_DROPPED_BEFORE_START));

  it('takes the file dropped on it before the app started, once', async () => {
    const early = new File(['%PDF-1.7'], 'avant.pdf', { type: 'application/pdf' });
    const elsewhere = document.createElement('div');
    const dropped: { zone: Element; file: File }[] = [];
    const { fixture, element, chosen } = await zone((host) => {
      dropped.push(
        { zone: elsewhere, file: new File(['x'], 'autre.pdf') },
        { zone: host, file: early },
      );
      Reflect.set(globalThis, FILES_DROPPED_BEFORE_START, dropped);
    });

    expect(chosen).toEqual([early]);
    expect(element.textContent).toContain('Fichier : avant.pdf');
    // Taken: the record is gone, the other zone's stays.
    expect(dropped.map(({ file }) => file.name)).toEqual(['autre.pdf']);
    await fixture.whenStable();
    expect(chosen).toEqual([early]);
  });

  it('opens a real file input from its button, and emits the file chosen with its name shown', async () => {
    const { fixture, element, chosen } = await zone();
    const input = element.querySelector('input[type="file"]') as HTMLInputElement;
    const button = element.querySelector('button') as HTMLButtonElement;
    expect(input.accept).toBe('application/pdf,.pdf');
    expect(button.textContent?.trim()).toBe('Choisir');
    const opened = jest.spyOn(input, 'click').mockImplementation(() => undefined);
    button.click();
    expect(opened).toHaveBeenCalled();

    const file = new File(['%PDF-1.7'], 'certificat.pdf', { type: 'application/pdf' });
    choose(input, file);
    await fixture.whenStable();
    expect(chosen).toEqual([file]);
    expect(input.value).toBe('');
    expect(element.textContent).toContain('Fichier : certificat.pdf');
    fixture.componentInstance.clear();
    await fixture.whenStable();
    expect(element.textContent).not.toContain('certificat.pdf');
  });

  it('takes a file dropped on it, and shows it is a target while one is dragged over', async () => {
    const { fixture, element, chosen } = await zone();
    const file = new File(['{}'], 'badge.json');
    const drag = (type: string) => {
      const event = new Event(type, { bubbles: true, cancelable: true });
      Object.defineProperty(event, 'dataTransfer', {
        value: { files: { item: () => file }, dropEffect: 'none' },
      });
      element.querySelector('p')?.dispatchEvent(event);
      return event;
    };
    expect(drag('dragover').defaultPrevented).toBe(true);
    await fixture.whenStable();
    expect(element.classList).toContain('oris-file-drop-zone--over');
    drag('drop');
    await fixture.whenStable();
    expect(element.classList).not.toContain('oris-file-drop-zone--over');
    expect(chosen).toEqual([file]);
  });

  it('disables its button while the page is checking', async () => {
    const { fixture, element } = await zone();
    fixture.componentRef.setInput('disabled', true);
    await fixture.whenStable();
    expect((element.querySelector('button') as HTMLButtonElement).disabled).toBe(true);
  });
});
