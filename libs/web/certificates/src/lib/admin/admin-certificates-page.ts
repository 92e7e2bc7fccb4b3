import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { ApiError } from '@oris/shared/api-client';
import { LanguageService, latestLoad } from '@oris/web/core';
import { DayPipe, DayRangePipe, Icon, Pager, ProblemAlert, transientText } from '@oris/web/ui';
import { Confirmation } from '@oris/web/ui/dialogs';
import { debounceTime, distinctUntilChanged, firstValueFrom } from 'rxjs';
import { CertificatesApi } from '../certificates-api';
import { CertificateDownload } from '../shared/certificate-download';
import { CertificateStatusChip } from '../shared/certificate-status-chip';
import {
  type AdminCourse,
  type Certificate,
  CERTIFICATE_STATUSES,
  type CertificateStatus,
  type PageOf,
  type Session,
} from '../shared/certificate-types';
import { certificateMessageKeys } from '../shared/problem-keys';
import {
  type RevokeAnswer,
  RevokeDialog,
  revokeDialogOptions,
  type RevokeRequest,
} from './revoke-dialog';
import { SessionIssuance } from './session-issuance';

const PAGE_SIZE = 20;
const SEARCH_DEBOUNCE_MS = 300;

/**
 * Administrators' certificates: choose a course and a session to issue its certificates, and
 * search, download or revoke any certificate.
 */
@Component({
  selector: 'oris-admin-certificates-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    TranslocoPipe,
    DayPipe,
    DayRangePipe,
    Icon,
    Pager,
    ProblemAlert,
    CertificateStatusChip,
    SessionIssuance,
  ],
  providers: [CertificateDownload],
  templateUrl: './admin-certificates-page.html',
  styleUrl: './admin-certificates-page.scss',
})
export class AdminCertificatesPage {
  private readonly certificates = inject(CertificatesApi);
  private readonly dialog = inject(MatDialog);
  private readonly transloco = inject(TranslocoService);
  private readonly confirmation = inject(Confirmation);
  private readonly issuance = viewChild(SessionIssuance);
  protected readonly downloads = inject(CertificateDownload);
  protected readonly language = inject(LanguageService).language;
  protected readonly messageKeys = certificateMessageKeys;
  protected readonly statuses = CERTIFICATE_STATUSES;

  protected readonly courseControl = new FormControl<string | null>(null);
  protected readonly sessionControl = new FormControl<string | null>(null);
  protected readonly search = new FormControl('', { nonNullable: true });
  protected readonly statusFilter = new FormControl<CertificateStatus | null>(null);

  protected readonly courses = signal<AdminCourse[]>([]);
  protected readonly sessions = signal<Session[]>([]);
  protected readonly sessionId = signal<string | null>(null);
  protected readonly session = computed(
    () => this.sessions().find((session) => session.id === this.sessionId()) ?? null,
  );
  protected readonly pickerProblem = signal<ApiError | null>(null);

  private readonly list = latestLoad<PageOf<Certificate>>();
  protected readonly result = this.list.value;
  protected readonly loading = this.list.loading;
  /** An action's problem, else the list's. */
  private readonly actionProblem = signal<ApiError | null>(null);
  protected readonly problem = computed(() => this.actionProblem() ?? this.list.problem());
  protected readonly announcement = transientText();
  protected readonly reissuing = signal<string | null>(null);
  private page = 1;

  constructor() {
    void this.loadCourses();
    this.courseControl.valueChanges.pipe(takeUntilDestroyed()).subscribe((courseId) => {
      this.sessionControl.setValue(null);
      this.sessions.set([]);
      if (courseId) void this.loadSessions(courseId);
    });
    this.sessionControl.valueChanges.pipe(takeUntilDestroyed()).subscribe((sessionId) => {
      this.sessionId.set(sessionId);
      this.showFirstPage();
    });
    this.search.valueChanges
      .pipe(debounceTime(SEARCH_DEBOUNCE_MS), distinctUntilChanged(), takeUntilDestroyed())
      .subscribe(() => this.showFirstPage());
    this.statusFilter.valueChanges.pipe(takeUntilDestroyed()).subscribe(() => this.showFirstPage());
    void this.loadCertificates();
  }

  protected showPage(page: number): void {
    this.page = page;
    void this.loadCertificates();
  }

  protected refresh(): void {
    void this.loadCertificates();
  }

  protected clearSession(): void {
    this.courseControl.setValue(null);
  }

  protected async revoke(certificate: Certificate): Promise<void> {
    const revocation = await firstValueFrom(
      this.dialog
        .open<RevokeDialog, RevokeRequest, RevokeAnswer>(RevokeDialog, {
          ...revokeDialogOptions,
          data: { serial: certificate.serial, holderName: certificate.holderName },
        })
        .afterClosed(),
    );
    if (!revocation) return;
    this.actionProblem.set(null);
    try {
      const revoked = await this.certificates.revoke(certificate.id, revocation);
      this.list.update(
        (page) =>
          page && {
            ...page,
            items: page.items.map((item) => (item.id === revoked.id ? revoked : item)),
          },
      );
      this.announcement.set(
        this.transloco.translate('certificates.revoke.done', { serial: revoked.serial }),
      );
      this.issuance()?.reload();
    } catch (error) {
      this.actionProblem.set(ApiError.from(error));
    }
  }

  /**
   * After a correction (a name, a title): a new certificate, emailed, in place of this one, which
   * is revoked as replaced. One key per confirmed request, so a network retry issues once.
   */
  protected async reissue(certificate: Certificate): Promise<void> {
    const confirmed = await this.confirmation.ask({
      titleKey: 'certificates.reissue.title',
      textKey: 'certificates.reissue.text',
      confirmKey: 'certificates.reissue.confirm',
      params: { serial: certificate.serial, name: certificate.holderName },
    });
    if (!confirmed) return;
    this.actionProblem.set(null);
    this.reissuing.set(certificate.id);
    try {
      const successor = await this.certificates.reissue(certificate.id, crypto.randomUUID());
      this.announcement.set(
        this.transloco.translate('certificates.reissue.done', {
          serial: certificate.serial,
          next: successor.serial,
        }),
      );
      this.issuance()?.reload();
      await this.loadCertificates();
    } catch (error) {
      this.actionProblem.set(ApiError.from(error));
    } finally {
      this.reissuing.set(null);
    }
  }

  private showFirstPage(): void {
    this.page = 1;
    void this.loadCertificates();
  }

  private async loadCourses(): Promise<void> {
    try {
      this.courses.set((await this.certificates.courses('')).items);
    } catch (error) {
      this.pickerProblem.set(ApiError.from(error));
    }
  }

  private async loadSessions(courseId: string): Promise<void> {
    try {
      const sessions = await this.certificates.sessions(courseId);
      if (this.courseControl.value === courseId) this.sessions.set(sessions);
      this.pickerProblem.set(null);
    } catch (error) {
      this.pickerProblem.set(ApiError.from(error));
    }
  }

  private async loadCertificates(): Promise<void> {
    const q = this.search.value.trim();
    const status = this.statusFilter.value;
    const session = this.sessionId();
    const landed = await this.list.load(() =>
      this.certificates.list({
        page: this.page,
        pageSize: PAGE_SIZE,
        ...(q ? { q } : {}),
        ...(status ? { status } : {}),
        ...(session ? { session } : {}),
      }),
    );
    if (landed) this.actionProblem.set(null);
  }
}
