import { ChangeDetectionStrategy, Component, inject, input, output } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { formSubmission } from '@oris/web/core';
import { ProblemAlert, transientText } from '@oris/web/ui';
import { FieldError } from '@oris/web/ui/forms';
import { ImpactApi } from '../shared/impact-api';
import { INDICATORS, type ImpactIndicatorName, type Target } from '../shared/impact-types';

/** An administrator sets the target and baseline of an indicator for the year shown. */
@Component({
  selector: 'oris-target-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    TranslocoPipe,
    FieldError,
    ProblemAlert,
  ],
  template: `
    <form [formGroup]="form" (ngSubmit)="saveTarget()" class="form" novalidate>
      <oris-problem-alert [error]="submission.problem()" />
      <mat-form-field>
        <mat-label>{{ 'impact.targets.indicator' | transloco }}</mat-label>
        <mat-select formControlName="indicator">
          @for (indicator of indicators; track indicator) {
            <mat-option [value]="indicator">{{
              'impact.indicators.' + indicator | transloco
            }}</mat-option>
          }
        </mat-select>
        <mat-error><oris-field-error [errors]="form.controls.indicator.errors" /></mat-error>
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'impact.targets.target' | transloco: { year: year() } }}</mat-label>
        <input matInput type="number" inputmode="decimal" min="0" formControlName="target" />
        <mat-error><oris-field-error [errors]="form.controls.target.errors" /></mat-error>
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'impact.targets.baseline' | transloco }}</mat-label>
        <input matInput type="number" inputmode="decimal" min="0" formControlName="baseline" />
        <mat-hint>{{ 'impact.targets.baselineHint' | transloco }}</mat-hint>
        <mat-error><oris-field-error [errors]="form.controls.baseline.errors" /></mat-error>
      </mat-form-field>
      <div class="actions">
        <button mat-flat-button type="submit" [disabled]="submission.pending()">
          {{ 'impact.targets.save' | transloco }}
        </button>
        <p class="status" role="status">{{ saved() }}</p>
      </div>
    </form>
  `,
  styles: `
    .form {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(200px, 1fr));
      gap: 8px 16px;
      align-items: start;
    }
    oris-problem-alert,
    .actions {
      grid-column: 1 / -1;
    }
    .actions {
      display: flex;
      gap: 12px;
      align-items: center;
      flex-wrap: wrap;
    }
    .status {
      margin: 0;
      font: var(--mat-sys-body-small);
    }
  `,
})
export class TargetForm {
  readonly year = input.required<number>();
  readonly targetSaved = output<Target>();
  private readonly api = inject(ImpactApi);
  private readonly transloco = inject(TranslocoService);
  protected readonly indicators = INDICATORS;
  protected readonly submission = formSubmission();
  protected readonly saved = transientText();
  protected readonly form = new FormGroup({
    indicator: new FormControl<ImpactIndicatorName>('insertion', {
      nonNullable: true,
      validators: [Validators.required],
    }),
    target: new FormControl<number | null>(null, [Validators.required, Validators.min(0)]),
    baseline: new FormControl<number | null>(null, [Validators.min(0)]),
  });

  protected async saveTarget(): Promise<void> {
    const { indicator, target, baseline } = this.form.getRawValue();
    let answer: Target | null = null;
    const done = await this.submission.run(this.form, async () => {
      answer = await this.api.setTarget(indicator, this.year(), {
        target: Number(target),
        baseline: baseline === null || (baseline as unknown) === '' ? null : Number(baseline),
      });
    });
    if (done && answer) {
      this.saved.set(this.savedMessage(answer));
      this.targetSaved.emit(answer);
    }
  }

  private savedMessage(target: Target): string {
    return this.transloco.translate('impact.targets.saved', {
      indicator: this.transloco.translate(`impact.indicators.${target.indicator}`),
      year: target.year,
      target: target.target,
    });
  }
}
