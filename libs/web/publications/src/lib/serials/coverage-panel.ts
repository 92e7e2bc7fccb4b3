import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  output,
  signal,
} from '@angular/core';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { toSignal } from '@angular/core/rxjs-interop';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { type Locale, moroccoTimeToIso } from '@oris/shared/domain';
import { latestLoad } from '@oris/web/core';
import { Chip, DayPipe, ProblemAlert } from '@oris/web/ui';
import { provideDayDatepicker } from '@oris/web/ui/dates';
import { map } from 'rxjs';
import { CoverageForm } from './coverage-form';
import { indexNames } from './index-names';
import { type Coverage, type CoverageList, type SerialDetail, SerialsApi } from './serials-api';
import { serialsMessageKeys } from './serials-problem-keys';

/**
 * A serial's coverage by each index: a timeline per index with every row ever recorded (a
 * superseded row struck through, with when it was recorded and replaced), the rows as known on a
 * chosen day, and the form to add coverage or correct a row (which supersedes it).
 */
@Component({
  selector: 'oris-coverage-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [provideDayDatepicker()],
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatDatepickerModule,
    MatFormFieldModule,
    MatInputModule,
    TranslocoPipe,
    Chip,
    DayPipe,
    ProblemAlert,
    CoverageForm,
  ],
  templateUrl: './coverage-panel.html',
  styleUrl: './serials.scss',
})
export class CoveragePanel {
  private readonly serialsApi = inject(SerialsApi);
  readonly serial = input.required<SerialDetail>();
  readonly changed = output<void>();
  protected readonly indexes = indexNames();
  protected readonly messageKeys = serialsMessageKeys;
  private readonly transloco = inject(TranslocoService);
  protected readonly language = toSignal(
    this.transloco.langChanges$.pipe(map((language) => language as Locale)),
    { initialValue: this.transloco.getActiveLang() as Locale },
  );

  /** The row being corrected (the form opens with its values), or a new row. */
  protected readonly editing = signal<Coverage | 'new' | null>(null);

  protected readonly timeline = computed(() => {
    const byIndex = new Map<string, Coverage[]>();
    for (const row of this.serial().history) {
      byIndex.set(row.index, [...(byIndex.get(row.index) ?? []), row]);
    }
    return [...byIndex.entries()]
      .map(([index, rows]) => ({
        index,
        rows: [...rows].sort(
          (a, b) =>
            a.fromYear - b.fromYear ||
            Number(a.supersededAt !== null) - Number(b.supersededAt !== null) ||
            b.recordedAt.localeCompare(a.recordedAt),
        ),
      }))
      .sort((a, b) => a.index.localeCompare(b.index));
  });

  protected readonly knownOn = new FormControl<string | null>(null);
  private readonly knownAt = latestLoad<CoverageList>();
  protected readonly knownRows = this.knownAt.value;
  protected readonly knownProblem = this.knownAt.problem;

  constructor() {
    this.knownOn.valueChanges.subscribe((day) => void this.showKnownOn(day));
  }

  protected dayOf(instant: string): string {
    return instant.slice(0, 10);
  }

  protected async showKnownOn(day: string | null): Promise<void> {
    if (!day) return;
    // The end of that Moroccan day: what was known by the evening.
    const knownAt = moroccoTimeToIso(day, '23:59');
    await this.knownAt.load(() => this.serialsApi.coverageKnownAt(this.serial().id, knownAt));
  }

  protected recorded(): void {
    this.editing.set(null);
    this.changed.emit();
  }
}
