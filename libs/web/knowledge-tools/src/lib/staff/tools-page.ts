import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import {
  ORIS_TOOL_ROLES,
  TOOL_KINDS,
  TOOL_PURPOSES,
  TOOL_STATUSES,
  type Locale,
  type OrisToolRole,
  type ToolKind,
  type ToolPurpose,
  type ToolStatus,
} from '@oris/shared/domain';
import { AuthSession, latestLoad } from '@oris/web/core';
import { DayPipe, Icon, Pager, ProblemAlert } from '@oris/web/ui';
import { debounceTime, distinctUntilChanged, merge } from 'rxjs';
import { toolMessageKeys } from '../shared/problem-keys';
import { titleLanguageOf, titleOf, type PageOf, type ToolSummary } from '../shared/tool-types';
import { ToolsApi } from '../tools-api';

const PAGE_SIZE = 20;
const SEARCH_DEBOUNCE_MS = 300;

/** The registry of knowledge tools: search, filter, open one, record a new one. */
@Component({
  selector: 'oris-tools-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    TranslocoPipe,
    DayPipe,
    Icon,
    Pager,
    ProblemAlert,
  ],
  templateUrl: './tools-page.html',
  styleUrl: '../shared/tools.scss',
})
export class ToolsPage {
  private readonly api = inject(ToolsApi);
  private readonly session = inject(AuthSession);
  private readonly transloco = inject(TranslocoService);
  protected readonly lang = toSignal(this.transloco.langChanges$, {
    initialValue: this.transloco.getActiveLang(),
  }) as () => Locale;
  protected readonly kinds = TOOL_KINDS;
  protected readonly purposes = TOOL_PURPOSES;
  protected readonly roles = ORIS_TOOL_ROLES;
  protected readonly statuses = TOOL_STATUSES;
  protected readonly messageKeys = toolMessageKeys;
  protected readonly titleOf = titleOf;
  protected readonly titleLanguageOf = titleLanguageOf;
  protected readonly canWrite = () => this.session.hasAnyRole(['observatory_editor', 'admin']);

  protected readonly search = new FormControl('', { nonNullable: true });
  protected readonly status = new FormControl<ToolStatus | null>(null);
  protected readonly kind = new FormControl<ToolKind | null>(null);
  protected readonly purpose = new FormControl<ToolPurpose | null>(null);
  protected readonly role = new FormControl<OrisToolRole | null>(null);

  private readonly tools = latestLoad<PageOf<ToolSummary>>();
  protected readonly result = this.tools.value;
  protected readonly loading = this.tools.loading;
  protected readonly problem = this.tools.problem;
  private page = 1;

  constructor() {
    merge(
      this.status.valueChanges,
      this.kind.valueChanges,
      this.purpose.valueChanges,
      this.role.valueChanges,
      this.search.valueChanges.pipe(debounceTime(SEARCH_DEBOUNCE_MS), distinctUntilChanged()),
    )
      .pipe(takeUntilDestroyed())
      .subscribe(() => {
        this.page = 1;
        void this.load();
      });
    void this.load();
  }

  protected showPage(page: number): void {
    this.page = page;
    void this.load();
  }

  private async load(): Promise<void> {
    const q = this.search.value.trim();
    const filters = {
      ...(q ? { q } : {}),
      ...(this.status.value ? { status: this.status.value } : {}),
      ...(this.kind.value ? { kind: this.kind.value } : {}),
      ...(this.purpose.value ? { purpose: this.purpose.value } : {}),
      ...(this.role.value ? { role: this.role.value } : {}),
    };
    await this.tools.load(() =>
      this.api.list({ page: this.page, pageSize: PAGE_SIZE, ...filters }),
    );
  }
}
