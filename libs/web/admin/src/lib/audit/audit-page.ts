import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import { TranslocoPipe } from '@jsverse/transloco';
import { MOROCCO_TIME_ZONE } from '@oris/shared/domain';
import { LanguageService, latestLoad } from '@oris/web/core';
import { intlLocale, Pager, ProblemAlert } from '@oris/web/ui';
import { provideDayDatepicker } from '@oris/web/ui/dates';
import { debounceTime } from 'rxjs';
import { AuditApi, type AuditEvent, type AuditEventPage, type AuditQuery } from './audit-api';

const PAGE_SIZE = 20;
const FILTER_DEBOUNCE_MS = 300;

/** Actions the platform records, offered as suggestions; any other action can still be typed. */
export const KNOWN_AUDIT_ACTIONS = [
  'person.situation_read',
  'placement.read',
  'certificate.pdf_downloaded',
  'certificate.credential_downloaded',
  'indicators.insertion_exported',
  'personal_data.viewed',
  'role.granted',
  'role.revoked',
  'user.imported',
  'account.disabled',
  'account.enabled',
  'personal_data.exported',
  'enrollment.completion_attested',
  'certificate.issued',
  'certificate.batch_issued',
  'certificate.revoked',
  'placement.created',
  'placement.validated',
  'organisation.created',
  'organisation.changed',
  'followup.answered',
] as const;

/**
 * The audit trail (`/admin/audit`): who did what to whom, newest first, filtered by actor,
 * subject, action and days. Clicking a person in a row filters on them.
 */
@Component({
  selector: 'oris-audit-page',
  providers: [provideDayDatepicker()],
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatDatepickerModule,
    Pager,
    MatProgressBarModule,
    MatTableModule,
    TranslocoPipe,
    ProblemAlert,
  ],
  templateUrl: './audit-page.html',
  styleUrl: './audit-page.scss',
})
export class AuditPage {
  private readonly audit = inject(AuditApi);
  private readonly language = inject(LanguageService).language;

  protected readonly actions = KNOWN_AUDIT_ACTIONS;
  protected readonly columns = ['at', 'actor', 'action', 'subject', 'data'];
  protected readonly pageSize = PAGE_SIZE;
  protected readonly filters = new FormGroup({
    actor: new FormControl('', { nonNullable: true }),
    subject: new FormControl('', { nonNullable: true }),
    action: new FormControl('', { nonNullable: true }),
    from: new FormControl('', { nonNullable: true }),
    to: new FormControl('', { nonNullable: true }),
  });

  private readonly events = latestLoad<AuditEventPage>();
  protected readonly result = this.events.value;
  protected readonly loading = this.events.loading;
  protected readonly problem = this.events.problem;
  private page = 1;

  constructor() {
    this.filters.valueChanges
      .pipe(debounceTime(FILTER_DEBOUNCE_MS), takeUntilDestroyed())
      .subscribe(() => this.showFirstPage());
    void this.load();
  }

  protected readonly trackById = (_index: number, event: AuditEvent): string => event.id;

  /** Days are Moroccan days, like the `from` and `to` filters. */
  protected moment(instant: string): string {
    return new Intl.DateTimeFormat(intlLocale(this.language()), {
      dateStyle: 'medium',
      timeStyle: 'medium',
      timeZone: MOROCCO_TIME_ZONE,
    }).format(new Date(instant));
  }

  protected dataOf(event: AuditEvent): { key: string; value: string }[] {
    return Object.entries(event.data).map(([key, value]) => ({ key, value: String(value) }));
  }

  protected filterOn(field: 'actor' | 'subject', id: string): void {
    this.filters.controls[field].setValue(id);
  }

  protected clearFilters(): void {
    this.filters.reset();
  }

  protected showPage(page: number): void {
    this.page = page;
    void this.load();
  }

  private showFirstPage(): void {
    this.page = 1;
    void this.load();
  }

  private async load(): Promise<void> {
    const query: AuditQuery = { page: this.page, pageSize: PAGE_SIZE };
    for (const [key, value] of Object.entries(this.filters.getRawValue())) {
      const trimmed = value.trim();
      if (trimmed) query[key as 'actor' | 'subject' | 'action' | 'from' | 'to'] = trimmed;
    }
    await this.events.load(() => this.audit.list(query));
  }
}
