import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { FormControl } from '@angular/forms';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { Confirmation, type ConfirmRequest } from './confirm-dialog';
import { type HasUnsavedChanges, unsavedChanges, unsavedChangesGuard } from './unsaved-changes';

@Component({
  selector: 'oris-test-editor',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: '<p>editor</p>',
})
class Editor implements HasUnsavedChanges {
  readonly title = new FormControl('');
  readonly hasUnsavedChanges = unsavedChanges(() => this.title.dirty);
}

@Component({
  selector: 'oris-test-elsewhere',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: '<p>elsewhere</p>',
})
class Elsewhere {}

async function render(answer: boolean) {
  const asked: ConfirmRequest[] = [];
  TestBed.configureTestingModule({
    providers: [
      provideRouter([
        { path: 'edit', component: Editor, canDeactivate: [unsavedChangesGuard] },
        { path: 'elsewhere', component: Elsewhere },
      ]),
      {
        provide: Confirmation,
        useValue: {
          ask: async (request: ConfirmRequest) => {
            asked.push(request);
            return answer;
          },
        },
      },
    ],
  });
  const harness = await RouterTestingHarness.create();
  const editor = await harness.navigateByUrl('/edit', Editor);
  const router = TestBed.inject(Router);
  const leave = async () => {
    await router.navigateByUrl('/elsewhere');
    return router.url;
  };
  const unload = () => {
    const event = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(event);
    return event.defaultPrevented;
  };
  return { editor, asked, leave, unload };
}

describe('unsaved changes', () => {
  it('leaves an editor with nothing typed without asking', async () => {
    const { asked, leave, unload } = await render(false);

    expect(unload()).toBe(false);
    expect(await leave()).toBe('/elsewhere');
    expect(asked).toEqual([]);
  });

  it('asks before leaving typed changes, and stays when the person says so', async () => {
    const { editor, asked, leave } = await render(false);
    editor.title.setValue('Coopératives');
    editor.title.markAsDirty();

    expect(await leave()).toBe('/edit');
    expect(asked).toEqual([
      {
        titleKey: 'ui.unsaved.title',
        textKey: 'ui.unsaved.text',
        confirmKey: 'ui.unsaved.leave',
        cancelKey: 'ui.unsaved.stay',
        destructive: true,
      },
    ]);
  });

  it('leaves typed changes once the person confirms', async () => {
    const { editor, leave } = await render(true);
    editor.title.markAsDirty();

    expect(await leave()).toBe('/elsewhere');
  });

  it('has the browser ask before closing or reloading the tab, while changes are unsaved', async () => {
    const { editor, unload } = await render(true);

    editor.title.markAsDirty();
    expect(unload()).toBe(true);
    editor.title.markAsPristine();
    expect(unload()).toBe(false);
  });

  it('stops warning once the editor is gone', async () => {
    const { editor, leave, unload } = await render(true);
    editor.title.markAsDirty();

    await leave();

    expect(unload()).toBe(false);
  });
});
