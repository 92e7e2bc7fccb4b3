import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import type { FieldChange } from '../shared/practice-types';

/**
 * A per-field diff between two versions. Insertions and deletions are `<ins>` and `<del>` (read
 * out as such by screen readers), underlined and struck through and marked with + and − signs:
 * never told by colour alone.
 */
@Component({
  selector: 'oris-diff-view',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslocoPipe],
  template: `
    @for (change of changes(); track change.field + change.language) {
      <section class="field">
        <h3>
          @if (change.language; as language) {
            {{
              'practices.diff.textField'
                | transloco
                  : {
                      field: ('practices.field.' + change.field | transloco),
                      language: ('practices.languages.' + language | transloco),
                    }
            }}
          } @else {
            {{ 'practices.diff.fields.' + change.field | transloco }}
          }
        </h3>
        <p class="text" dir="auto" [attr.lang]="change.language">
          @for (part of change.segments; track $index) {
            @switch (part.op) {
              @case ('insert') {
                <ins
                  ><span class="sign" aria-hidden="true">+</span
                  ><span class="oris-visually-hidden">{{
                    'practices.diff.inserted' | transloco
                  }}</span
                  >{{ part.text }}</ins
                >
              }
              @case ('delete') {
                <del
                  ><span class="sign" aria-hidden="true">−</span
                  ><span class="oris-visually-hidden">{{
                    'practices.diff.deleted' | transloco
                  }}</span
                  >{{ part.text }}</del
                >
              }
              @default {
                <span>{{ part.text }}</span>
              }
            }
          }
        </p>
      </section>
    } @empty {
      <p>{{ 'practices.diff.none' | transloco }}</p>
    }
  `,
  styles: `
    h3 {
      font: var(--mat-sys-title-small);
      margin: 16px 0 4px;
    }
    .text {
      white-space: pre-line;
      overflow-wrap: anywhere;
      margin: 0;
    }
    ins {
      text-decoration: underline;
      text-decoration-thickness: 2px;
      background: var(--mat-sys-primary-container);
      color: var(--mat-sys-on-primary-container);
    }
    del {
      text-decoration: line-through;
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    .sign {
      font-weight: 700;
      padding-inline: 2px;
    }
  `,
})
export class DiffView {
  readonly changes = input.required<readonly FieldChange[]>();
}
