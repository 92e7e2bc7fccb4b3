import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  inject,
  input,
  type OnInit,
  signal,
  type Signal,
} from '@angular/core';
import { FormArray, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslocoPipe } from '@jsverse/transloco';
import { LOCALES, PRACTICE_LIMITS } from '@oris/shared/domain';
import { Icon } from '@oris/web/ui';
import { FieldError } from '@oris/web/ui/forms';
import { figureGroup, type FigureGroup, rowsOf } from './practice-form';

/** The results with figures: a label per language, a value and its unit ("64", "%"). */
@Component({
  selector: 'oris-figures-editor',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    TranslocoPipe,
    FieldError,
    Icon,
  ],
  template: `
    <fieldset>
      <legend>{{ 'practices.figures.heading' | transloco }}</legend>
      <p class="hint">{{ 'practices.figures.hint' | transloco }}</p>
      @for (figure of rows(); track figure; let i = $index) {
        <div
          class="item"
          [formGroup]="figure"
          role="group"
          [attr.aria-label]="'practices.figures.item' | transloco: { n: i + 1 }"
        >
          <div class="row" formGroupName="label">
            @for (language of languages; track language) {
              <mat-form-field>
                <mat-label>{{
                  'practices.figures.labelIn'
                    | transloco: { language: ('practices.languages.' + language | transloco) }
                }}</mat-label>
                <input
                  matInput
                  [formControlName]="language"
                  [attr.lang]="language"
                  [attr.dir]="language === 'ar' ? 'rtl' : 'ltr'"
                  maxlength="200"
                />
              </mat-form-field>
            }
          </div>
          <div class="row">
            <mat-form-field>
              <mat-label>{{ 'practices.figures.value' | transloco }}</mat-label>
              <input matInput type="number" formControlName="value" required />
              <mat-error><oris-field-error [errors]="figure.controls.value.errors" /></mat-error>
            </mat-form-field>
            <mat-form-field>
              <mat-label>{{ 'practices.figures.unit' | transloco }}</mat-label>
              <input matInput formControlName="unit" maxlength="40" />
              <mat-hint>{{ 'practices.figures.unitHint' | transloco }}</mat-hint>
            </mat-form-field>
          </div>
          <button mat-stroked-button type="button" (click)="remove(i)">
            <oris-icon name="delete" />
            {{ 'practices.figures.remove' | transloco: { n: i + 1 } }}
          </button>
        </div>
      }
      @if (rows().length < max) {
        <button mat-stroked-button type="button" (click)="add()">
          <oris-icon name="add" />
          {{ 'practices.figures.add' | transloco }}
        </button>
      }
    </fieldset>
  `,
  styleUrl: '../shared/practices.scss',
})
export class FiguresEditor implements OnInit {
  private readonly destroyRef = inject(DestroyRef);
  readonly figures = input.required<FormArray<FigureGroup>>();
  protected rows: Signal<FigureGroup[]> = signal([]);
  protected readonly languages = LOCALES;
  protected readonly max = PRACTICE_LIMITS.resultFiguresMax;

  ngOnInit(): void {
    this.rows = rowsOf(this.figures(), this.destroyRef);
  }

  protected add(): void {
    this.figures().push(figureGroup());
    this.figures().markAsDirty();
  }

  protected remove(index: number): void {
    this.figures().removeAt(index);
    this.figures().markAsDirty();
  }
}
