import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { todayInMorocco } from '@oris/shared/domain';
import { formSubmission, LanguageService, latestLoad } from '@oris/web/core';
import { Chip, DayPipe, Icon, ProblemAlert, saveFile, transientText } from '@oris/web/ui';
import { provideDayDatepicker } from '@oris/web/ui/dates';
import { Confirmation } from '@oris/web/ui/dialogs';
import { FieldError } from '@oris/web/ui/forms';
import { PartnershipsApi } from '../partnerships-api';
import type { Partnership } from '../shared/partnership-types';
import { partnershipMessageKeys } from '../shared/problem-keys';
import { STATUS_TONES } from '../shared/status';

/**
 * One partnership: its computed status explained, its terms, its family, its parties and their
 * signatures (record one), its contributions, its signed document; terminate it.
 */
@Component({
  selector: 'oris-partnership-page',
  providers: [provideDayDatepicker()],
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatDatepickerModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    TranslocoPipe,
    Chip,
    DayPipe,
    FieldError,
    Icon,
    ProblemAlert,
  ],
  templateUrl: './partnership-page.html',
  styleUrl: './partnership-page.scss',
})
export class PartnershipPage {
  private readonly partnerships = inject(PartnershipsApi);
  private readonly confirmation = inject(Confirmation);
  private readonly transloco = inject(TranslocoService);
  private readonly document = inject(DOCUMENT);
  protected readonly messageKeys = partnershipMessageKeys;
  protected readonly tones = STATUS_TONES;
  protected readonly language = inject(LanguageService).language;
  protected readonly today = todayInMorocco();

  /** The route's `:id`. */
  protected readonly id = signal('');

  private readonly partnership$ = latestLoad<Partnership>();
  protected readonly partnership = this.partnership$.value;
  protected readonly loading = this.partnership$.loading;
  protected readonly problem = this.partnership$.problem;
  protected readonly announcement = transientText();

  /** Parties whose signature is still to record. */
  protected readonly unsigned = computed(() =>
    (this.partnership()?.parties ?? []).filter((party) => party.signedOn === null),
  );

  protected readonly signing = formSubmission();
  protected readonly signatureForm = new FormGroup({
    partyId: new FormControl<string | null>(null, Validators.required),
    signedOn: new FormControl('', { nonNullable: true, validators: Validators.required }),
  });

  protected readonly terminating = formSubmission();
  protected readonly terminationForm = new FormGroup({
    terminatedOn: new FormControl('', { nonNullable: true, validators: Validators.required }),
  });

  protected readonly storing = formSubmission();
  protected readonly documentForm = new FormGroup({});

  constructor() {
    inject(ActivatedRoute)
      .paramMap.pipe(takeUntilDestroyed())
      .subscribe((params) => {
        this.id.set(params.get('id') ?? '');
        void this.partnership$.load(() => this.partnerships.get(this.id()));
      });
  }

  protected async recordSignature(): Promise<void> {
    const { partyId, signedOn } = this.signatureForm.getRawValue();
    let saved: Partnership | null = null;
    const ok = await this.signing.run(this.signatureForm, async () => {
      saved = await this.partnerships.sign(this.id(), partyId as string, signedOn);
    });
    if (!ok || !saved) return;
    this.partnership$.set(saved);
    this.signatureForm.reset();
    this.announcement.set(this.transloco.translate('partnerships.detail.signed'));
  }

  protected async terminate(): Promise<void> {
    if (this.terminationForm.invalid) {
      await this.terminating.run(this.terminationForm, async () => undefined);
      return;
    }
    const partnership = this.partnership();
    const confirmed = await this.confirmation.ask({
      titleKey: 'partnerships.terminate.title',
      textKey: 'partnerships.terminate.text',
      confirmKey: 'partnerships.terminate.confirm',
      params: { title: partnership?.title ?? '' },
      destructive: true,
    });
    if (!confirmed) return;
    const { terminatedOn } = this.terminationForm.getRawValue();
    let saved: Partnership | null = null;
    const ok = await this.terminating.run(this.terminationForm, async () => {
      saved = await this.partnerships.terminate(this.id(), terminatedOn);
    });
    if (!ok || !saved) return;
    this.partnership$.set(saved);
    this.announcement.set(this.transloco.translate('partnerships.terminate.done'));
  }

  protected async storeDocument(input: HTMLInputElement): Promise<void> {
    const file = input.files?.[0];
    if (!file) return;
    let saved: Partnership | null = null;
    const ok = await this.storing.run(this.documentForm, async () => {
      saved = await this.partnerships.storeDocument(this.id(), file);
    });
    input.value = '';
    if (!ok || !saved) return;
    this.partnership$.set(saved);
    this.announcement.set(this.transloco.translate('partnerships.document.stored'));
  }

  protected async downloadDocument(name: string): Promise<void> {
    const blob = await this.partnerships.document(this.id());
    saveFile(blob, name, this.document);
  }
}
