import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { ValidationErrors } from '@angular/forms';
import { TranslocoPipe } from '@jsverse/transloco';
import { writtenInCurrentLanguage } from './written-in-current-language';

interface Message {
  key?: string;
  params?: Record<string, unknown>;
  text?: string;
}

/**
 * The message for a control's first error, translated; a message from the API is shown as
 * the API wrote it (in the language it was asked for) until the interface changes language.
 */
@Component({
  selector: 'oris-field-error',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslocoPipe],
  template: `@let m = message();
    @if (m) {
      {{ m.key ? (m.key | transloco: m.params) : m.text }}
    }`,
})
export class FieldError {
  readonly errors = input<ValidationErrors | null | undefined>(null);
  /** Overrides the message for `required`, e.g. for a checkbox that must be ticked. */
  readonly requiredKey = input('validation.required');

  private readonly current = writtenInCurrentLanguage(this.errors);

  protected readonly message = computed<Message | null>(() => {
    const errors = this.errors();
    if (!errors) return null;
    if (typeof errors['server'] === 'string') {
      // In the language it was asked in: after a switch, a message in the new one instead.
      return this.current() ? { text: errors['server'] } : { key: 'validation.refused' };
    }
    if (errors['required']) return { key: this.requiredKey() };
    if (errors['email']) return { key: 'validation.email' };
    if (errors['minlength']) {
      return { key: 'validation.minLength', params: { min: errors['minlength'].requiredLength } };
    }
    if (errors['maxlength']) {
      return { key: 'validation.maxLength', params: { max: errors['maxlength'].requiredLength } };
    }
    if (errors['min']) return { key: 'validation.min', params: { min: errors['min'].min } };
    if (errors['max']) return { key: 'validation.max', params: { max: errors['max'].max } };
    const [first] = Object.keys(errors);
    return { key: `validation.${first}` };
  });
}
