import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { LanguageService, latestLoad } from '@oris/web/core';
import { DayPipe, ProblemAlert } from '@oris/web/ui';
import { PracticesApi } from '../practices-api';
import type { PracticeDiff, PracticeVersion } from '../shared/practice-types';
import { practiceMessageKeys } from '../shared/problem-keys';
import { DiffView } from './diff-view';

/** Every version of a sheet, and what changed between two of them, field by field. */
@Component({
  selector: 'oris-versions-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatProgressBarModule,
    MatSelectModule,
    TranslocoPipe,
    DayPipe,
    ProblemAlert,
    DiffView,
  ],
  templateUrl: './versions-page.html',
  styleUrl: '../shared/practices.scss',
})
export class VersionsPage {
  private readonly api = inject(PracticesApi);
  protected readonly lang = inject(LanguageService).language;
  private readonly id = inject(ActivatedRoute).snapshot.paramMap.get('id') ?? '';
  protected readonly messageKeys = practiceMessageKeys;

  private readonly list = latestLoad<PracticeVersion[]>({ loading: true });
  protected readonly versions = this.list.value;
  protected readonly loading = this.list.loading;
  protected readonly problem = this.list.problem;
  private readonly comparison = latestLoad<PracticeDiff>();
  protected readonly diff = this.comparison.value;
  protected readonly diffProblem = this.comparison.problem;
  protected readonly comparing = this.comparison.loading;

  protected readonly from = new FormControl<number | null>(null);
  protected readonly to = new FormControl<number | null>(null);
  protected readonly sameVersion = signal(false);

  constructor() {
    void this.load();
  }

  protected async compare(): Promise<void> {
    const from = this.from.value;
    const to = this.to.value;
    this.sameVersion.set(from !== null && from === to);
    if (from === null || to === null || from === to) return;
    await this.comparison.load(() => this.api.diff(this.id, to, from));
  }

  /** Each version against the one before it: the usual question. */
  protected async compareWithPrevious(version: number): Promise<void> {
    this.from.setValue(version - 1);
    this.to.setValue(version);
    await this.compare();
  }

  private async load(): Promise<void> {
    const ok = await this.list.load(() => this.api.versions(this.id));
    const versions = this.versions();
    if (ok && versions && versions.length > 1) {
      const numbers = versions.map((version) => version.number).sort((a, b) => b - a);
      await this.compareWithPrevious(numbers[0]);
    }
  }
}
