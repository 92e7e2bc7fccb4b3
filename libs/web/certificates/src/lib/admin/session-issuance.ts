import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  effect,
  inject,
  input,
  output,
  signal,
  untracked,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { ApiError } from '@oris/shared/api-client';
import { LanguageService, latestLoad } from '@oris/web/core';
import { DayPipe, ProblemAlert, transientText } from '@oris/web/ui';
import { Confirmation } from '@oris/web/ui/dialogs';
import { CertificatesApi } from '../certificates-api';
import { CertificateStatusChip } from '../shared/certificate-status-chip';
import type { BatchJob, Certificate, Enrollment, Session } from '../shared/certificate-types';
import { certificateMessageKeys } from '../shared/problem-keys';
import { isFinished, percentDone, POLL_INTERVAL_MS } from './job-progress';

interface Completer {
  enrollment: Enrollment;
  certificate: Certificate | null;
}

interface Roster {
  completers: Completer[];
  total: number;
}

/**
 * A session's completers and their certificates: issue them all at once (a batch the worker
 * renders, followed live) or one by one.
 */
@Component({
  selector: 'oris-session-issuance',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    MatButtonModule,
    MatProgressBarModule,
    TranslocoPipe,
    DayPipe,
    ProblemAlert,
    CertificateStatusChip,
  ],
  templateUrl: './session-issuance.html',
  styleUrl: './session-issuance.scss',
})
export class SessionIssuance {
  private readonly certificates = inject(CertificatesApi);
  private readonly transloco = inject(TranslocoService);
  private readonly confirmation = inject(Confirmation);
  protected readonly language = inject(LanguageService).language;
  protected readonly messageKeys = certificateMessageKeys;

  readonly session = input.required<Session>();
  /** Certificates were issued: the list of certificates is out of date. */
  readonly issued = output<void>();

  private readonly roster = latestLoad<Roster>();
  protected readonly completers = computed(() => this.roster.value()?.completers ?? null);
  protected readonly completerTotal = computed(() => this.roster.value()?.total ?? 0);
  protected readonly loading = this.roster.loading;
  /** An issuance's problem, else the roster's. */
  private readonly actionProblem = signal<ApiError | null>(null);
  protected readonly problem = computed(() => this.actionProblem() ?? this.roster.problem());
  protected readonly job = signal<BatchJob | null>(null);
  protected readonly starting = signal(false);
  protected readonly issuingOne = signal<string | null>(null);
  /** Said to screen readers when something finished (not at every tick of the bar). */
  protected readonly announcement = transientText();
  protected readonly running = computed(() => {
    const job = this.job();
    return this.starting() || (job !== null && !isFinished(job));
  });
  protected readonly withoutCertificate = computed(
    () => this.completers()?.filter((completer) => !completer.certificate).length ?? 0,
  );
  protected readonly percent = computed(() => {
    const job = this.job();
    return job ? percentDone(job) : 0;
  });
  private destroyed = false;

  constructor() {
    inject(DestroyRef).onDestroy(() => (this.destroyed = true));
    effect(() => {
      const session = this.session();
      untracked(() => {
        this.job.set(null);
        this.announcement.set('');
        void this.load(session.id);
      });
    });
  }

  /** The certificates changed elsewhere on the page (a revocation, a re-issue): read them again. */
  reload(): void {
    void this.load(this.session().id);
  }

  /** Every new certificate is emailed to its holder: the count is confirmed first. */
  protected async issueAll(): Promise<void> {
    const count = this.withoutCertificate();
    const confirmed = await this.confirmation.ask({
      titleKey: 'certificates.issue.confirmTitle',
      textKey: 'certificates.issue.confirmText',
      confirmKey: 'certificates.issue.confirm',
      params: { count, session: this.session().title },
    });
    if (!confirmed) return;
    this.starting.set(true);
    this.actionProblem.set(null);
    this.announcement.set('');
    try {
      const { jobId } = await this.certificates.issueForSession(this.session().id);
      this.announcement.set(this.transloco.translate('certificates.issue.started'));
      await this.follow(jobId);
    } catch (error) {
      this.actionProblem.set(ApiError.from(error));
    } finally {
      this.starting.set(false);
    }
  }

  protected async issueOne(completer: Completer): Promise<void> {
    const { enrollment } = completer;
    this.issuingOne.set(enrollment.id);
    this.actionProblem.set(null);
    try {
      const certificate = await this.certificates.issue(enrollment.id);
      const roster = this.roster.value();
      if (roster) {
        this.roster.set({
          ...roster,
          completers: roster.completers.map((item) =>
            item.enrollment.id === enrollment.id ? { ...item, certificate } : item,
          ),
        });
      }
      this.announcement.set(
        this.transloco.translate('certificates.issue.issuedOne', {
          name: enrollment.person.fullName,
          serial: certificate.serial,
        }),
      );
      this.issued.emit();
    } catch (error) {
      this.actionProblem.set(ApiError.from(error));
    } finally {
      this.issuingOne.set(null);
    }
  }

  /** Asks for the job's progress every second until every PDF is rendered or gave up. */
  private async follow(jobId: string): Promise<void> {
    for (;;) {
      const job = await this.certificates.job(jobId);
      if (this.destroyed) return;
      this.job.set(job);
      if (isFinished(job)) break;
      await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
      if (this.destroyed) return;
    }
    const job = this.job() as BatchJob;
    this.announcement.set(
      this.transloco.translate('certificates.issue.finished', {
        done: job.done,
        failed: job.failed,
        total: job.total,
      }),
    );
    this.issued.emit();
    await this.load(this.session().id);
  }

  private async load(sessionId: string): Promise<void> {
    const landed = await this.roster.load(async () => {
      const [completers, certificates] = await Promise.all([
        this.certificates.completers(sessionId),
        this.certificates.list({ session: sessionId, page: 1, pageSize: 100 }),
      ]);
      // A re-issued certificate's predecessor stays listed (revoked as replaced): show the current one.
      const byEnrollment = new Map(
        certificates.items
          .filter((item) => item.replacedBySerial === null)
          .map((item) => [item.enrollmentId, item]),
      );
      return {
        completers: completers.items.map((enrollment) => ({
          enrollment,
          certificate: byEnrollment.get(enrollment.id) ?? null,
        })),
        total: completers.total,
      };
    });
    if (landed) this.actionProblem.set(null);
  }
}
