import { ChangeDetectionStrategy, Component, inject, signal, viewChild } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { ApiError } from '@oris/shared/api-client';
import { LanguageService, RegionsService } from '@oris/web/core';
import { DayPipe, ProblemAlert, transientText } from '@oris/web/ui';
import { type HasUnsavedChanges } from '@oris/web/ui/dialogs';
import { InsertionApi } from '../insertion-api';
import type { PersonSituation, Placement, PlacementDetail } from '../shared/insertion-types';
import { ValidationChip } from '../shared/placement-chips';
import { insertionMessageKeys } from '../shared/problem-keys';
import { PlacementForm } from './placement-form';
import { VersionHistory } from './version-history';
import { PhoneLink } from '../shared/phone-link';

/** What the form is doing: recording a new situation, or changing one. */
type Editing = { placement: Placement | null } | null;

/**
 * A person's situation: their completions with the baseline at enrollment, the situations
 * recorded since with their history, and the form to record, change or validate one.
 */
@Component({
  selector: 'oris-person-situation-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterLink,
    MatButtonModule,
    MatProgressBarModule,
    TranslocoPipe,
    DayPipe,
    ProblemAlert,
    PlacementForm,
    ValidationChip,
    VersionHistory,
    PhoneLink,
  ],
  templateUrl: './person-situation-page.html',
  styleUrl: './person-situation-page.scss',
})
export class PersonSituationPage implements HasUnsavedChanges {
  private readonly insertion = inject(InsertionApi);
  private readonly transloco = inject(TranslocoService);
  protected readonly regions = inject(RegionsService);
  protected readonly language = inject(LanguageService).language;
  protected readonly messageKeys = insertionMessageKeys;

  protected readonly situation = signal<PersonSituation | null>(null);
  protected readonly loading = signal(false);
  protected readonly problem = signal<ApiError | null>(null);
  protected readonly editing = signal<Editing>(null);
  protected readonly validating = signal<string | null>(null);
  /** Histories loaded, by placement id; shown while present. */
  protected readonly histories = signal<Record<string, PlacementDetail>>({});
  protected readonly announcement = transientText();
  private readonly placementForm = viewChild(PlacementForm);

  hasUnsavedChanges(): boolean {
    return !!this.placementForm()?.hasUnsavedChanges();
  }
  private personId = '';

  constructor() {
    this.regions.load().catch(() => undefined);
    inject(ActivatedRoute)
      .paramMap.pipe(takeUntilDestroyed())
      .subscribe((params) => {
        this.personId = params.get('id') ?? '';
        this.editing.set(null);
        this.histories.set({});
        void this.load();
      });
  }

  protected placeOf(placement: Placement): string | null {
    return placement.organisationName ?? placement.employerName;
  }

  protected recordNew(): void {
    this.editing.set({ placement: null });
  }

  protected edit(placement: Placement): void {
    this.editing.set({ placement });
  }

  protected closeForm(): void {
    this.editing.set(null);
  }

  protected async saved(placement: Placement): Promise<void> {
    this.editing.set(null);
    this.announcement.set(
      this.transloco.translate(
        placement.validated ? 'insertion.person.savedValidated' : 'insertion.person.saved',
      ),
    );
    this.forgetHistory(placement.id);
    await this.load();
  }

  protected async validate(placement: Placement): Promise<void> {
    this.validating.set(placement.id);
    this.problem.set(null);
    try {
      await this.insertion.validate(placement.id);
      this.announcement.set(this.transloco.translate('insertion.person.validated'));
      this.forgetHistory(placement.id);
      await this.load();
    } catch (error) {
      this.problem.set(ApiError.from(error));
    } finally {
      this.validating.set(null);
    }
  }

  protected async toggleHistory(placement: Placement): Promise<void> {
    if (this.histories()[placement.id]) {
      this.forgetHistory(placement.id);
      return;
    }
    try {
      const detail = await this.insertion.placement(placement.id);
      this.histories.update((all) => ({ ...all, [placement.id]: detail }));
    } catch (error) {
      this.problem.set(ApiError.from(error));
    }
  }

  private forgetHistory(id: string): void {
    this.histories.update((all) => {
      const rest = { ...all };
      delete rest[id];
      return rest;
    });
  }

  private async load(): Promise<void> {
    const personId = this.personId;
    this.loading.set(true);
    try {
      const situation = await this.insertion.situation(personId);
      if (personId === this.personId) {
        this.situation.set(situation);
        this.problem.set(null);
      }
    } catch (error) {
      if (personId === this.personId) this.problem.set(ApiError.from(error));
    } finally {
      this.loading.set(false);
    }
  }
}
