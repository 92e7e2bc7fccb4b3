import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import type { ApiError, ApiErrorKind } from '@oris/shared/api-client';
import { Icon } from './icon';
import { writtenInCurrentLanguage } from './written-in-current-language';

const OWN_MESSAGES: Partial<Record<ApiErrorKind, string>> = {
  'rate-limited': 'problems.tooManyAttempts',
  network: 'problems.network',
};

/**
 * Tells what went wrong with an API call: the problem's title and detail, and the field messages
 * that have no field of their own on the page. Too many attempts and an unreachable service get
 * a message of their own, as does any kind the page names in `messageKeys`. After a language
 * switch, what the API wrote in the previous language gives way to a message in the new one.
 */
@Component({
  selector: 'oris-problem-alert',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslocoPipe, Icon],
  template: `
    @let e = error();
    @if (e) {
      <div class="oris-problem-alert" role="alert">
        <oris-icon name="error" />
        <div>
          @let own = ownMessageKey();
          @let apiText = !own && current();
          <p class="oris-problem-alert__title">
            @if (own) {
              {{ own | transloco }}
            } @else if (apiText) {
              {{ e.title ?? ('problems.unexpected' | transloco) }}
            } @else {
              {{ 'problems.otherLanguage' | transloco }}
            }
          </p>
          @if (apiText && e.detail) {
            <p>{{ e.detail }}</p>
          }
          @if (apiText && otherFieldMessages().length) {
            <ul>
              @for (message of otherFieldMessages(); track $index) {
                <li>{{ message }}</li>
              }
            </ul>
          }
        </div>
      </div>
    }
  `,
  styles: `
    .oris-problem-alert {
      display: flex;
      gap: 12px;
      align-items: flex-start;
      padding: 12px 16px;
      margin-block-end: 16px;
      border-radius: 8px;
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    p {
      margin: 0;
    }
    .oris-problem-alert__title {
      font-weight: 600;
    }
    ul {
      margin: 4px 0 0;
      padding-inline-start: 20px;
    }
  `,
})
export class ProblemAlert {
  readonly error = input<ApiError | null>(null);
  /** Fields the form shows its own messages for. */
  readonly fieldsShownInForm = input<readonly string[]>([]);
  readonly messageKeys = input<Partial<Record<ApiErrorKind, string>>>({});

  /** False once the interface changed language: the API's words are then not shown. */
  protected readonly current = writtenInCurrentLanguage(this.error);

  /** A message of the interface's own that replaces what the API said, if any. */
  protected readonly ownMessageKey = computed(() => {
    const kind = this.error()?.kind;
    if (!kind) return null;
    return this.messageKeys()[kind] ?? OWN_MESSAGES[kind] ?? null;
  });

  protected readonly otherFieldMessages = computed(() => {
    const shown = new Set(this.fieldsShownInForm());
    return (this.error()?.fieldErrors ?? [])
      .filter((fieldError) => !shown.has(fieldError.field))
      .map((fieldError) => fieldError.message);
  });
}
