import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormsModule, type NgForm } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { ApiError } from '@oris/shared/api-client';
import {
  isoToMoroccoTime,
  LATE_POLICIES,
  moroccoTimeToIso,
  rubricMaximum,
  SUBMISSION_FILE_KIND_NAMES,
  type LatePolicy,
  type SubmissionFileKind,
} from '@oris/shared/domain';
import { formSubmission } from '@oris/web/core';
import { ProblemAlert } from '@oris/web/ui';
import { type HasUnsavedChanges, unsavedChanges } from '@oris/web/ui/dialogs';
import { provideDayDatepicker } from '@oris/web/ui/dates';
import { FieldError } from '@oris/web/ui/forms';
import { AssignmentTeachingApi, type AssignmentInput } from './assignment-teaching-api';

interface LevelDraft {
  id?: string;
  title: string;
  points: number;
}
interface CriterionDraft {
  id?: string;
  title: string;
  levels: LevelDraft[];
}

const newCriterion = (): CriterionDraft => ({
  title: '',
  levels: [
    { title: '', points: 0 },
    { title: '', points: 5 },
  ],
});

/**
 * A module's assignment for its trainers: instructions, due date (Morocco time) and late policy,
 * what may be handed in, and how it is graded — a rubric built here (criteria, levels, points,
 * its maximum shown as it grows) or a mark. The fields say what is missing before anything is
 * sent; the server checks everything again. Leaving with unsaved changes asks first.
 */
@Component({
  selector: 'oris-assignment-editor-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [provideDayDatepicker()],
  imports: [
    RouterLink,
    FormsModule,
    MatButtonModule,
    MatCheckboxModule,
    MatDatepickerModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    TranslocoPipe,
    FieldError,
    ProblemAlert,
  ],
  templateUrl: './assignment-editor-page.html',
  styleUrl: './assignment-teaching.scss',
})
export class AssignmentEditorPage implements HasUnsavedChanges {
  private readonly assignments = inject(AssignmentTeachingApi);
  protected readonly latePolicies = LATE_POLICIES;
  protected readonly fileKindNames = SUBMISSION_FILE_KIND_NAMES;

  protected readonly courseId = signal('');
  protected readonly moduleId = signal('');
  protected readonly exists = signal(false);
  protected readonly saved = signal(false);
  /** Why the assignment could not be read (a module without one is not a problem). */
  protected readonly loadProblem = signal<ApiError | null>(null);
  protected readonly submission = formSubmission();
  /** The API's messages about these fields are shown beside them, not in the alert. */
  protected readonly fieldsShownInForm = ['title', 'instructions'];
  /** A grade was given with the rubric: only its titles may change (the API refuses the rest). */
  protected readonly rubricLocked = signal(false);
  protected readonly messageKeys = (error: ApiError | null) =>
    error?.code === 'rubric_locked'
      ? { [error.kind]: 'assignments.editor.rubricLockedProblem' }
      : {};

  protected readonly title = signal('');
  protected readonly instructions = signal('');
  protected readonly dueDay = signal<string | null>(null);
  protected readonly dueTime = signal('18:00');
  protected readonly latePolicy = signal<LatePolicy>('accept');
  protected readonly latePenalty = signal<number | null>(null);
  protected readonly acceptsText = signal(true);
  protected readonly acceptsFiles = signal(true);
  protected readonly fileKinds = signal<SubmissionFileKind[]>(['pdf', 'docx']);
  protected readonly maxFileMegabytes = signal(10);
  protected readonly maxFiles = signal(3);
  protected readonly useRubric = signal(true);
  protected readonly criteria = signal<CriterionDraft[]>([newCriterion()]);
  protected readonly maxMark = signal(20);
  protected readonly passMark = signal(50);
  protected readonly required = signal(false);

  protected readonly rubricTotal = computed(() =>
    rubricMaximum({
      criteria: this.criteria().map((c, i) => ({
        id: `c${i}`,
        title: c.title,
        levels: c.levels.map((l, j) => ({ id: `c${i}l${j}`, title: l.title, points: +l.points })),
      })),
    }),
  );
  /** 24-hour `HH:mm`, as `timeOfDay` (web/core) checks it in reactive forms. */
  private readonly timeValid = computed(() => /^([01]\d|2[0-3]):[0-5]\d$/.test(this.dueTime()));

  /** What saving sends, as the fields stand now. */
  private readonly body = computed<AssignmentInput>(() => {
    const day = this.dueDay();
    return {
      title: this.title(),
      instructions: this.instructions(),
      dueAt: day && this.timeValid() ? moroccoTimeToIso(day, this.dueTime()) : null,
      latePolicy: this.latePolicy(),
      latePenaltyPercent: this.latePolicy() === 'mark_late' ? this.latePenalty() || null : null,
      acceptsText: this.acceptsText(),
      acceptsFiles: this.acceptsFiles(),
      fileKinds: this.acceptsFiles() ? this.fileKinds() : [],
      maxFileBytes: Math.round(+this.maxFileMegabytes() * 1024 * 1024),
      maxFiles: +this.maxFiles(),
      rubric: this.useRubric()
        ? {
            criteria: this.criteria().map((c) => ({
              ...(c.id && { id: c.id }),
              title: c.title,
              levels: c.levels.map((l) => ({
                ...(l.id && { id: l.id }),
                title: l.title,
                points: +l.points,
              })),
            })),
          }
        : null,
      maxMark: this.useRubric() ? null : +this.maxMark(),
      passMarkPercent: +this.passMark(),
      requiredForCompletion: this.required(),
    };
  });
  /** The fields as last read or saved: anything else is a change that leaving would lose. */
  private readonly pristine = signal(JSON.stringify(this.body()));
  readonly hasUnsavedChanges = unsavedChanges(
    () => JSON.stringify(this.body()) !== this.pristine(),
  );

  constructor() {
    inject(ActivatedRoute)
      .paramMap.pipe(takeUntilDestroyed())
      .subscribe((params) => {
        this.courseId.set(params.get('courseId') ?? '');
        this.moduleId.set(params.get('moduleId') ?? '');
        void this.open();
      });
  }

  private async open(): Promise<void> {
    try {
      const a = await this.assignments.get(this.moduleId());
      this.exists.set(true);
      this.title.set(a.title);
      this.instructions.set(a.instructions);
      if (a.dueAt) {
        const due = isoToMoroccoTime(a.dueAt);
        this.dueDay.set(due.day);
        this.dueTime.set(due.time);
      }
      this.latePolicy.set(a.latePolicy);
      this.latePenalty.set(a.latePenaltyPercent);
      this.acceptsText.set(a.acceptsText);
      this.acceptsFiles.set(a.acceptsFiles);
      this.fileKinds.set(a.fileKinds as SubmissionFileKind[]);
      this.maxFileMegabytes.set(Math.round((a.maxFileBytes / 1024 / 1024) * 10) / 10);
      this.maxFiles.set(a.maxFiles);
      this.useRubric.set(a.rubric !== null);
      if (a.rubric) this.criteria.set(structuredClone(a.rubric.criteria));
      this.rubricLocked.set(a.rubricLocked);
      this.maxMark.set(a.maxMark ?? 20);
      this.passMark.set(a.passMarkPercent);
      this.required.set(a.requiredForCompletion);
    } catch (error) {
      // 404: the module has no assignment yet; the form starts empty.
      const problem = ApiError.from(error);
      if (problem.status !== 404) this.loadProblem.set(problem);
    }
    this.pristine.set(JSON.stringify(this.body()));
  }

  protected toggleKind(kind: SubmissionFileKind, on: boolean): void {
    this.fileKinds.update((kinds) =>
      on ? [...kinds.filter((k) => k !== kind), kind] : kinds.filter((k) => k !== kind),
    );
  }

  protected editCriteria(change: (criteria: CriterionDraft[]) => void): void {
    this.criteria.update((criteria) => {
      const copy = structuredClone(criteria);
      change(copy);
      return copy;
    });
  }

  // The rubric builder's edits, applied by `editCriteria` to a copy.
  protected setTitle = (c: number, title: string) => (list: CriterionDraft[]) => {
    list[c].title = title;
  };
  protected setLevelTitle = (c: number, l: number, title: string) => (list: CriterionDraft[]) => {
    list[c].levels[l].title = title;
  };
  protected setLevelPoints = (c: number, l: number, points: number) => (list: CriterionDraft[]) => {
    list[c].levels[l].points = +points;
  };
  protected addLevel = (c: number) => (list: CriterionDraft[]) => {
    list[c].levels.push({ title: '', points: 0 });
  };
  protected removeLevel = (c: number, l: number) => (list: CriterionDraft[]) => {
    list[c].levels.splice(l, 1);
  };
  protected removeCriterion = (c: number) => (list: CriterionDraft[]) => {
    list.splice(c, 1);
  };

  protected addCriterion(): void {
    this.editCriteria((criteria) => criteria.push(newCriterion()));
  }

  protected async save(form: NgForm): Promise<void> {
    this.saved.set(false);
    const body = this.body();
    const done = await this.submission.run(form.form, async () => {
      const saved = await this.assignments.put(this.moduleId(), body);
      this.exists.set(true);
      if (saved.rubric) this.criteria.set(structuredClone(saved.rubric.criteria));
      this.rubricLocked.set(saved.rubricLocked);
    });
    if (!done) return;
    this.pristine.set(JSON.stringify(this.body()));
    this.saved.set(true);
  }
}
