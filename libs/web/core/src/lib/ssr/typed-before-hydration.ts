import { isPlatformBrowser } from '@angular/common';
import {
  afterNextRender,
  APP_BOOTSTRAP_LISTENER,
  ApplicationRef,
  DOCUMENT,
  type EnvironmentProviders,
  inject,
  InjectionToken,
  makeEnvironmentProviders,
  PLATFORM_ID,
  provideEnvironmentInitializer,
} from '@angular/core';

type Field = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

/** What a field says: its text, whether it is ticked, or which of its options are chosen. */
type FieldState =
  | { kind: 'text'; value: string }
  | { kind: 'ticked'; checked: boolean }
  | { kind: 'options'; selected: readonly boolean[] };

/** Input types a visitor does not type into or tick (or whose value a page cannot set back). */
const NOT_TYPED_INPUTS = new Set(['button', 'submit', 'reset', 'image', 'file', 'hidden']);

export interface TypedFields {
  /**
   * Writes back, without events, what the visitor typed, ticked or chose into each field that no
   * longer says it: the listeners event replay then runs read the field and take the visitor's
   * text, as they would have had they been there.
   */
  refill(): void;
  /**
   * Writes back what a field still lost, with the `input` (and `change`) events the browser would
   * have sent, so that the page's own listeners (form controls) take it; then stops recording.
   */
  finish(): void;
}

/**
 * Starts recording what the visitor does to the page's fields: at once, every field whose value
 * differs from the one in the server's HTML (typed before this script ran), then every `input` or
 * `change` (capture phase, so that no listener can hide it) until `finish()`.
 */
export function recordTypedFields(document: Document): TypedFields {
  const typed = new Map<Field, FieldState>();
  for (const field of Array.from(document.querySelectorAll('input, textarea, select'))) {
    if (!isTypedField(field)) continue;
    const state = stateOf(field);
    if (!sameState(state, serverStateOf(field))) typed.set(field, state);
  }
  const record = (event: Event) => {
    if (isTypedField(event.target)) typed.set(event.target, stateOf(event.target));
  };
  document.addEventListener('input', record, true);
  document.addEventListener('change', record, true);
  const lost = () =>
    // A field the page has since removed or re-created is no longer the one typed into.
    [...typed].filter(([field, state]) => field.isConnected && !sameState(stateOf(field), state));
  return {
    refill: () => {
      for (const [field, state] of lost()) write(field, state);
    },
    finish: () => {
      // Stopped first: the events sent below are the page's, not the visitor's.
      document.removeEventListener('input', record, true);
      document.removeEventListener('change', record, true);
      for (const [field, state] of lost()) {
        if (write(field, state)) announce(field, state);
      }
      typed.clear();
    },
  };
}

const TYPED_FIELDS = new InjectionToken<TypedFields | null>('TYPED_FIELDS');

/**
 * Keeps what a visitor typed into a server-rendered page before hydration finished. The server's
 * HTML shows working fields at once, and a visitor on a slow phone types into them; then hydration
 * starts each form control, whose value accessor writes the control's initial value into the
 * field (DefaultValueAccessor.writeValue), and event replay replays the `input` events, whose
 * listeners read the field — already reset. So the typing was lost, and the catalogue's search
 * never ran.
 *
 * The recording starts as soon as the app's script runs (an environment initializer, before the
 * first render). Angular hydrates, then replays the early events in a `whenStable()` callback of
 * its own bootstrap listener, synchronously. This listener's `whenStable()` callback comes first
 * (provideServerRenderedPages registers it before hydration's): it refills the fields, so the
 * replayed `input`, `change` and `submit` listeners read the visitor's values. Once the render
 * those listeners asked for is done and what they started has settled (a navigation, a search),
 * whatever a field still lost is written back with events, for listeners that were not replayed.
 * A field inside a `@defer (hydrate on …)` block hydrated later is not covered (no page has one).
 * Browser only, and only when the page came from the server: a browser-rendered page has nothing
 * in its fields before its script runs.
 */
export function keepFieldsTypedBeforeHydration(): EnvironmentProviders {
  return makeEnvironmentProviders([
    {
      provide: TYPED_FIELDS,
      useFactory: () => {
        const document = inject(DOCUMENT);
        return isPlatformBrowser(inject(PLATFORM_ID)) && isServerRendered(document)
          ? recordTypedFields(document)
          : null;
      },
    },
    provideEnvironmentInitializer(() => inject(TYPED_FIELDS)),
    {
      provide: APP_BOOTSTRAP_LISTENER,
      multi: true,
      useFactory: () => {
        const typed = inject(TYPED_FIELDS);
        const appRef = inject(ApplicationRef);
        return () => {
          if (!typed) return;
          void appRef.whenStable().then(() => {
            typed.refill();
            afterNextRender(() => void appRef.whenStable().then(() => typed.finish()), {
              injector: appRef.injector,
            });
          });
        };
      },
    },
  ]);
}

/** Angular's server rendering marks the root component's host; a browser-rendered shell has none. */
function isServerRendered(document: Document): boolean {
  return document.querySelector('[ng-server-context]') !== null;
}

function isTypedField(target: EventTarget | Element | null): target is Field {
  const view = (target as Node | null)?.ownerDocument?.defaultView;
  if (!view || !target) return false;
  if (target instanceof view.HTMLTextAreaElement || target instanceof view.HTMLSelectElement) {
    return true;
  }
  return target instanceof view.HTMLInputElement && !NOT_TYPED_INPUTS.has(target.type);
}

function isTickable(field: Field): field is HTMLInputElement {
  return field instanceof field.ownerDocument.defaultView!.HTMLInputElement
    ? field.type === 'checkbox' || field.type === 'radio'
    : false;
}

function isSelect(field: Field): field is HTMLSelectElement {
  return field instanceof field.ownerDocument.defaultView!.HTMLSelectElement;
}

function stateOf(field: Field): FieldState {
  if (isSelect(field)) {
    return { kind: 'options', selected: Array.from(field.options, (option) => option.selected) };
  }
  if (isTickable(field)) return { kind: 'ticked', checked: field.checked };
  return { kind: 'text', value: field.value };
}

/** What the server's HTML put in the field: its `value`, `checked` and `selected` attributes. */
function serverStateOf(field: Field): FieldState {
  if (isSelect(field)) {
    const selected = Array.from(field.options, (option) => option.defaultSelected);
    // Without a `selected` attribute, a single select shows its first option.
    if (!field.multiple && !selected.includes(true) && selected.length > 0) selected[0] = true;
    return { kind: 'options', selected };
  }
  if (isTickable(field)) return { kind: 'ticked', checked: field.defaultChecked };
  return { kind: 'text', value: field.defaultValue };
}

function sameState(a: FieldState, b: FieldState): boolean {
  if (a.kind === 'text' && b.kind === 'text') return a.value === b.value;
  if (a.kind === 'ticked' && b.kind === 'ticked') return a.checked === b.checked;
  if (a.kind === 'options' && b.kind === 'options') {
    return (
      a.selected.length === b.selected.length && a.selected.every((s, i) => s === b.selected[i])
    );
  }
  return false;
}

/** Puts `state` into the field; false when it cannot (a radio button's untick, other options). */
function write(field: Field, state: FieldState): boolean {
  if (state.kind === 'options' && isSelect(field)) {
    // The page may have changed the options meanwhile: only the same list is chosen again.
    if (field.options.length !== state.selected.length) return false;
    Array.from(field.options).forEach((option, i) => (option.selected = state.selected[i]));
    return true;
  }
  if (state.kind === 'ticked' && isTickable(field)) {
    // Ticking a radio button unticks the others of its group; a radio's change listener
    // (RadioControlValueAccessor) takes that button's value whatever its state, so an untick is
    // left to the group's ticked button.
    if (field.type === 'radio' && !state.checked) return false;
    field.checked = state.checked;
    return true;
  }
  if (state.kind === 'text' && !isSelect(field)) {
    field.value = state.value;
    return true;
  }
  return false;
}

/** As the browser does: `input` for every change, then `change` when a choice is made. */
function announce(field: Field, state: FieldState): void {
  const view = field.ownerDocument.defaultView!;
  field.dispatchEvent(new view.Event('input', { bubbles: true }));
  if (state.kind !== 'text') field.dispatchEvent(new view.Event('change', { bubbles: true }));
}
