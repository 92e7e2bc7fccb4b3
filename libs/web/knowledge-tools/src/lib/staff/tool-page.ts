import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { ApiError } from '@oris/shared/api-client';
import type { Locale } from '@oris/shared/domain';
import { AuthSession, latestLoad } from '@oris/web/core';
import { DayPipe, Icon, ProblemAlert, transientText } from '@oris/web/ui';
import { Confirmation } from '@oris/web/ui/dialogs';
import { toolMessageKeys } from '../shared/problem-keys';
import { downloadUrl, titleLanguageOf, titleOf, type Tool } from '../shared/tool-types';
import { ToolsApi } from '../tools-api';
import { VersionForm } from './version-form';

/** A tool for the staff: its facts, its versions with their download counts, adding a version, validating. */
@Component({
  selector: 'oris-tool-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterLink,
    MatButtonModule,
    MatProgressBarModule,
    TranslocoPipe,
    DayPipe,
    Icon,
    ProblemAlert,
    VersionForm,
  ],
  templateUrl: './tool-page.html',
  styleUrl: '../shared/tools.scss',
})
export class ToolPage {
  private readonly api = inject(ToolsApi);
  private readonly session = inject(AuthSession);
  private readonly confirmation = inject(Confirmation);
  private readonly transloco = inject(TranslocoService);
  protected readonly lang = toSignal(this.transloco.langChanges$, {
    initialValue: this.transloco.getActiveLang(),
  }) as () => Locale;
  protected readonly id = inject(ActivatedRoute).snapshot.paramMap.get('id') ?? '';
  protected readonly messageKeys = toolMessageKeys;
  protected readonly titleOf = titleOf;
  protected readonly titleLanguageOf = titleLanguageOf;
  protected readonly downloadUrl = downloadUrl;
  protected readonly canWrite = () => this.session.hasAnyRole(['observatory_editor', 'admin']);

  private readonly tool = latestLoad<Tool>();
  protected readonly value = this.tool.value;
  protected readonly loading = this.tool.loading;
  protected readonly problem = this.tool.problem;
  protected readonly actionProblem = signal<ApiError | null>(null);
  protected readonly announcement = transientText();
  protected readonly validating = signal(false);

  constructor() {
    void this.tool.load(() => this.api.get(this.id));
  }

  protected descriptionEntries(tool: Tool): [string, string][] {
    return Object.entries(tool.descriptions);
  }

  protected titleEntries(tool: Tool): [string, string][] {
    return Object.entries(tool.titles);
  }

  protected versionAdded(tool: Tool): void {
    this.tool.set(tool);
    this.announcement.set(this.transloco.translate('tools.versions.added'));
  }

  protected async validate(tool: Tool): Promise<void> {
    const confirmed = await this.confirmation.ask({
      titleKey: 'tools.validate.confirmTitle',
      textKey: 'tools.validate.confirmText',
      confirmKey: 'tools.validate.confirm',
      cancelKey: 'tools.validate.cancel',
      params: { title: titleOf(tool, this.lang()) },
    });
    if (!confirmed) return;
    this.validating.set(true);
    this.actionProblem.set(null);
    try {
      this.tool.set(await this.api.validate(tool.id));
      this.announcement.set(this.transloco.translate('tools.validate.done'));
    } catch (thrown) {
      this.actionProblem.set(ApiError.from(thrown));
    } finally {
      this.validating.set(false);
    }
  }
}
