import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { recordTypedFields } from './typed-before-hydration';

/** A page as the server sent it: the fields' attributes are what it rendered. */
function serverPage(html: string): HTMLElement {
  const page = document.createElement('main');
  page.innerHTML = html;
  document.body.replaceChildren(page);
  return page;
}

function field<T extends Element>(selector: string): T {
  return document.querySelector<T>(selector)!;
}

/** The events the page's listeners would receive, in order. */
function eventsOn(target: Element): string[] {
  const seen: string[] = [];
  for (const type of ['input', 'change']) {
    target.addEventListener(type, () => seen.push(type));
  }
  return seen;
}

describe('recordTypedFields', () => {
  afterEach(() => document.body.replaceChildren());

  it('puts back text typed before the script ran, once hydration has reset the field', () => {
    serverPage('<input id="q" type="search" /><textarea id="note">rendered</textarea>');
    // The visitor types before the app starts.
    field<HTMLInputElement>('#q').value = 'maraîchage';
    field<HTMLTextAreaElement>('#note').value = 'rendered, then typed';
    const typed = recordTypedFields(document);
    // Hydration: the form controls write their initial values.
    field<HTMLInputElement>('#q').value = '';
    field<HTMLTextAreaElement>('#note').value = 'rendered';
    const events = eventsOn(field('#q'));

    typed.finish();

    expect(field<HTMLInputElement>('#q').value).toBe('maraîchage');
    expect(field<HTMLTextAreaElement>('#note').value).toBe('rendered, then typed');
    expect(events).toEqual(['input']);
  });

  it('refills the fields without events, for the replayed listeners to read them', () => {
    serverPage('<input id="q" /><input id="upcoming" type="checkbox" />');
    field<HTMLInputElement>('#q').value = 'apiculture';
    field<HTMLInputElement>('#upcoming').checked = true;
    const typed = recordTypedFields(document);
    field<HTMLInputElement>('#q').value = '';
    field<HTMLInputElement>('#upcoming').checked = false;
    const onText = eventsOn(field('#q'));
    const onTick = eventsOn(field('#upcoming'));

    typed.refill();

    expect(field<HTMLInputElement>('#q').value).toBe('apiculture');
    expect(field<HTMLInputElement>('#upcoming').checked).toBe(true);
    expect([...onText, ...onTick]).toEqual([]);
    // Already right: nothing more to say when it finishes.
    typed.finish();
    expect([...onText, ...onTick]).toEqual([]);
  });

  it('records typing done after the script started, until it finishes', () => {
    serverPage('<input id="q" />');
    const typed = recordTypedFields(document);
    const q = field<HTMLInputElement>('#q');
    q.value = 'irrigation';
    q.dispatchEvent(new Event('input', { bubbles: true }));
    q.value = '';

    typed.finish();
    expect(q.value).toBe('irrigation');

    // Stopped: later typing and resets are the page's business.
    q.value = 'autre';
    q.dispatchEvent(new Event('input', { bubbles: true }));
    q.value = '';
    typed.finish();
    expect(q.value).toBe('');
  });

  it('leaves alone the fields the visitor did not touch and those that still say what was typed', () => {
    serverPage('<input id="untouched" value="from the server" /><input id="kept" />');
    field<HTMLInputElement>('#kept').value = 'typed';
    const typed = recordTypedFields(document);
    field<HTMLInputElement>('#untouched').value = 'the page changed it';
    const untouched = eventsOn(field('#untouched'));
    const kept = eventsOn(field('#kept'));

    typed.finish();

    expect(field<HTMLInputElement>('#untouched').value).toBe('the page changed it');
    expect(field<HTMLInputElement>('#kept').value).toBe('typed');
    expect([...untouched, ...kept]).toEqual([]);
  });

  it('does not write into a field the page has since removed', () => {
    serverPage('<input id="q" />');
    const q = field<HTMLInputElement>('#q');
    q.value = 'typed';
    const typed = recordTypedFields(document);
    q.value = '';
    q.remove();

    typed.finish();

    expect(q.value).toBe('');
  });

  it('ticks, unticks and chooses again, with input and change', () => {
    serverPage(`
      <input id="upcoming" type="checkbox" />
      <input id="public" type="checkbox" checked />
      <input id="fr" type="radio" name="lang" value="fr" checked />
      <input id="ar" type="radio" name="lang" value="ar" />
      <select id="region"><option value="">Any</option><option value="SM">Souss-Massa</option></select>`);
    field<HTMLInputElement>('#upcoming').checked = true;
    field<HTMLInputElement>('#public').checked = false;
    field<HTMLInputElement>('#ar').checked = true;
    field<HTMLSelectElement>('#region').value = 'SM';
    const typed = recordTypedFields(document);
    field<HTMLInputElement>('#upcoming').checked = false;
    field<HTMLInputElement>('#public').checked = true;
    field<HTMLInputElement>('#fr').checked = true;
    field<HTMLSelectElement>('#region').value = '';
    const region = eventsOn(field('#region'));
    const fr = eventsOn(field('#fr'));
    const ar = eventsOn(field('#ar'));

    typed.finish();

    expect(field<HTMLInputElement>('#upcoming').checked).toBe(true);
    expect(field<HTMLInputElement>('#public').checked).toBe(false);
    expect(field<HTMLInputElement>('#ar').checked).toBe(true);
    expect(field<HTMLInputElement>('#fr').checked).toBe(false);
    expect(field<HTMLSelectElement>('#region').value).toBe('SM');
    expect(region).toEqual(['input', 'change']);
    // Only the chosen radio button speaks: its group's listener takes its value.
    expect(fr).toEqual([]);
    expect(ar).toEqual(['input', 'change']);
  });

  it('ignores a single select showing the first option the server rendered', () => {
    serverPage('<select id="s"><option value="a">A</option><option value="b">B</option></select>');
    const typed = recordTypedFields(document);
    field<HTMLSelectElement>('#s').value = 'b';
    const events = eventsOn(field('#s'));

    typed.finish();

    expect(field<HTMLSelectElement>('#s').value).toBe('b');
    expect(events).toEqual([]);
  });

  it("hands the text to the field's reactive form control, as typing would", async () => {
    @Component({
      selector: 'oris-search-field',
      changeDetection: ChangeDetectionStrategy.OnPush,
      imports: [ReactiveFormsModule],
      template: '<input id="q" [formControl]="q" />',
    })
    class SearchField {
      readonly q = new FormControl('', { nonNullable: true });
    }
    const fixture = TestBed.createComponent(SearchField);
    await fixture.whenStable();
    const input = fixture.nativeElement.querySelector('input') as HTMLInputElement;
    input.value = 'élevage';
    const typed = recordTypedFields(document);
    // What hydration does: the control writes its initial value into the field.
    fixture.componentInstance.q.setValue('');
    expect(input.value).toBe('');

    typed.finish();

    expect(fixture.componentInstance.q.value).toBe('élevage');
  });
});
