import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { type FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslocoPipe } from '@jsverse/transloco';
import { MarkdownView } from '@oris/web/ui';
import { FieldError } from '@oris/web/ui/forms';
import { startWith, switchMap } from 'rxjs';
import { renderMarkdownPreview } from './markdown-preview';

let nextId = 0;

const SYNTAX = [
  { code: '# …', key: 'heading' },
  { code: '**…**', key: 'bold' },
  { code: '*…*', key: 'italic' },
  { code: '- …', key: 'list' },
  { code: '[…](https://…)', key: 'link' },
] as const;

/**
 * A Markdown field with its preview beside it. While the text is the saved one the preview is
 * the API's rendering (exactly what trainees will see); while it is being edited, a local
 * rendering that escapes everything first.
 */
@Component({
  selector: 'oris-markdown-editor',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatFormFieldModule,
    MatInputModule,
    TranslocoPipe,
    FieldError,
    MarkdownView,
  ],
  template: `
    <mat-form-field>
      <mat-label>{{ label() }}</mat-label>
      <textarea
        matInput
        [formControl]="control()"
        dir="auto"
        [rows]="rows()"
        [attr.maxlength]="maxLength()"
      ></textarea>
      <mat-hint class="syntax">
        {{ 'teaching.markdown.hint' | transloco }}
        @for (item of syntax; track item.key) {
          <!-- Markdown reads left to right in every language: isolated, it keeps its order. -->
          <span class="syntax-item"
            ><bdi dir="ltr"
              ><code>{{ item.code }}</code></bdi
            >&nbsp;{{ 'teaching.markdown.syntax.' + item.key | transloco }}</span
          >
        }
      </mat-hint>
      <mat-error><oris-field-error [errors]="control().errors" /></mat-error>
    </mat-form-field>
    <section class="preview" [attr.aria-labelledby]="headingId">
      <h3 [id]="headingId">{{ 'teaching.markdown.preview' | transloco }}</h3>
      <p class="note">
        {{
          (showsSaved() ? 'teaching.markdown.savedVersion' : 'teaching.markdown.draftVersion')
            | transloco
        }}
      </p>
      @if (html()) {
        <oris-markdown-view [html]="html()" />
      } @else {
        <p class="note">{{ 'teaching.markdown.empty' | transloco }}</p>
      }
    </section>
  `,
  styles: `
    :host {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(280px, 1fr));
      gap: 0 24px;
      align-items: start;
    }
    mat-form-field {
      inline-size: 100%;
    }
    textarea {
      font-family: ui-monospace, monospace;
    }
    .syntax {
      display: flex;
      flex-wrap: wrap;
      gap: 0 12px;
    }
    .syntax-item {
      white-space: nowrap;
    }
    .preview {
      min-block-size: 120px;
      padding: 16px;
      margin-block-end: 16px;
      border-radius: 8px;
      border: 1px dashed var(--mat-sys-outline-variant);
      background: var(--mat-sys-surface);
    }
    h3 {
      font: var(--mat-sys-title-small);
      margin: 0;
    }
    .note {
      margin: 0 0 12px;
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
  `,
})
export class MarkdownEditor {
  protected readonly syntax = SYNTAX;
  readonly control = input.required<FormControl<string>>();
  readonly label = input.required<string>();
  readonly rows = input(10);
  readonly maxLength = input<number | null>(null);
  /** The Markdown as last saved, and the API's HTML for it (null before the first save). */
  readonly savedSource = input<string | null>(null);
  readonly savedHtml = input<string | null>(null);

  protected readonly headingId = `markdown-preview-${nextId++}`;
  private readonly source = toSignal(
    toObservable(this.control).pipe(
      switchMap((control) => control.valueChanges.pipe(startWith(control.value))),
    ),
    { initialValue: '' },
  );
  protected readonly showsSaved = computed(
    () => this.savedHtml() !== null && this.source() === this.savedSource(),
  );
  protected readonly html = computed(() =>
    this.showsSaved() ? (this.savedHtml() ?? '') : renderMarkdownPreview(this.source()),
  );
}
