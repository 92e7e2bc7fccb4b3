import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import {
  TOOL_KINDS,
  TOOL_PURPOSES,
  type Locale,
  type ToolKind,
  type ToolPurpose,
} from '@oris/shared/domain';
import { latestLoad, translatedPageMeta } from '@oris/web/core';
import { DayPipe, Icon, Pager, ProblemAlert } from '@oris/web/ui';
import { debounceTime, distinctUntilChanged, merge } from 'rxjs';
import { titleLanguageOf, titleOf, type PageOf, type ToolSummary } from '../shared/tool-types';
import { ToolsApi } from '../tools-api';

const PAGE_SIZE = 12;
const SEARCH_DEBOUNCE_MS = 300;

/** The public catalogue of ORIS's knowledge tools: validated tools, searchable, by kind and purpose. */
@Component({
  selector: 'oris-public-tools-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
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
  templateUrl: './public-tools-page.html',
  styleUrl: './public-tools-page.scss',
})
export class PublicToolsPage {
  /** Title, description and link-preview tags, in the server-rendered page too. */
  protected readonly meta = translatedPageMeta('tools.public');
  private readonly api = inject(ToolsApi);
  private readonly transloco = inject(TranslocoService);
  protected readonly lang = toSignal(this.transloco.langChanges$, {
    initialValue: this.transloco.getActiveLang(),
  }) as () => Locale;
  protected readonly kinds = TOOL_KINDS;
  protected readonly purposes = TOOL_PURPOSES;
  protected readonly titleOf = titleOf;
  protected readonly titleLanguageOf = titleLanguageOf;

  protected readonly search = new FormControl('', { nonNullable: true });
  protected readonly kind = new FormControl<ToolKind | null>(null);
  protected readonly purpose = new FormControl<ToolPurpose | null>(null);

  private readonly tools = latestLoad<PageOf<ToolSummary>>();
  protected readonly result = this.tools.value;
  protected readonly loading = this.tools.loading;
  protected readonly problem = this.tools.problem;
  private page = 1;

  constructor() {
    merge(
      this.kind.valueChanges,
      this.purpose.valueChanges,
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
    await this.tools.load(() =>
      this.api.publicList({
        page: this.page,
        pageSize: PAGE_SIZE,
        ...(q ? { q } : {}),
        ...(this.kind.value ? { kind: this.kind.value } : {}),
        ...(this.purpose.value ? { purpose: this.purpose.value } : {}),
      }),
    );
  }
}
