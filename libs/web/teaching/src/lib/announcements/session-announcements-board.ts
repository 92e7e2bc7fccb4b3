import { ChangeDetectionStrategy, Component, inject, signal, viewChild } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormBuilder, FormGroupDirective, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { ApiError } from '@oris/shared/api-client';
import { ANNOUNCEMENT_BODY_MAX, ANNOUNCEMENT_TITLE_MAX } from '@oris/shared/domain';
import {
  type Announcement,
  AnnouncementsApi,
  formSubmission,
  LanguageService,
  latestLoad,
} from '@oris/web/core';
import { type AnnouncementItem, AnnouncementList, ProblemAlert, transientText } from '@oris/web/ui';
import { Confirmation } from '@oris/web/ui/dialogs';
import { FieldError } from '@oris/web/ui/forms';

/**
 * A session's announcements as its staff write them (`/teaching/sessions/:sessionId/announcements`):
 * a form to post one (by email too, unless unticked), the list with edit and delete. An edit is
 * shown to trainees with an "edited" mark and sends no new email.
 */
@Component({
  selector: 'oris-session-announcements-board',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    TranslocoPipe,
    AnnouncementList,
    FieldError,
    ProblemAlert,
  ],
  templateUrl: './session-announcements-board.html',
})
export class SessionAnnouncementsBoard {
  private readonly api = inject(AnnouncementsApi);
  private readonly confirmation = inject(Confirmation);
  protected readonly language = inject(LanguageService).language;
  protected readonly loader = latestLoad<Announcement[]>({ loading: true });
  protected readonly submission = formSubmission();
  protected readonly actionProblem = signal<ApiError | null>(null);
  protected readonly status = transientText();
  /** The announcement being edited; null while writing a new one. */
  protected readonly editing = signal<AnnouncementItem | null>(null);
  protected readonly limits = { title: ANNOUNCEMENT_TITLE_MAX, body: ANNOUNCEMENT_BODY_MAX };
  protected readonly form = inject(FormBuilder).nonNullable.group({
    title: ['', [Validators.required, Validators.maxLength(ANNOUNCEMENT_TITLE_MAX)]],
    body: ['', [Validators.required, Validators.maxLength(ANNOUNCEMENT_BODY_MAX)]],
    byEmail: [true],
  });
  protected sessionId = '';
  /** Reset through the directive too, so a posted form does not show its fields as errors. */
  private readonly formDirective = viewChild(FormGroupDirective);

  constructor() {
    inject(ActivatedRoute)
      .paramMap.pipe(takeUntilDestroyed())
      .subscribe((params) => {
        this.sessionId = params.get('sessionId') ?? '';
        void this.loader.load(() => this.api.list(this.sessionId));
      });
  }

  protected async save(): Promise<void> {
    const { title, body, byEmail } = this.form.getRawValue();
    const editing = this.editing();
    const saved = await this.submission.run(this.form, async () => {
      if (editing) await this.api.edit(editing.id, { title, body });
      else await this.api.post(this.sessionId, { title, body, byEmail });
    });
    if (!saved) return;
    this.status.set(editing ? 'announcements.board.saved' : 'announcements.board.posted');
    this.cancelEdit();
    await this.loader.reload();
  }

  protected startEdit(item: AnnouncementItem): void {
    const announcement = this.loader.value()?.find((candidate) => candidate.id === item.id);
    if (!announcement) return;
    this.editing.set(item);
    this.form.setValue({ title: announcement.title, body: announcement.body, byEmail: false });
  }

  protected cancelEdit(): void {
    this.editing.set(null);
    const empty = { title: '', body: '', byEmail: true };
    const directive = this.formDirective();
    if (directive) directive.resetForm(empty);
    else this.form.reset(empty);
  }

  protected async remove(item: AnnouncementItem): Promise<void> {
    const confirmed = await this.confirmation.ask({
      titleKey: 'announcements.board.deleteTitle',
      textKey: 'announcements.board.deleteText',
      confirmKey: 'announcements.deleteAction',
      params: { title: item.title },
      destructive: true,
    });
    if (!confirmed) return;
    this.actionProblem.set(null);
    try {
      await this.api.remove(item.id);
      this.status.set('announcements.board.deleted');
      if (this.editing()?.id === item.id) this.cancelEdit();
      await this.loader.reload();
    } catch (error) {
      this.actionProblem.set(ApiError.from(error));
    }
  }
}
