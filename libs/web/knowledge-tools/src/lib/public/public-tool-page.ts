import { ChangeDetectionStrategy, Component, DOCUMENT, effect, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { Locale } from '@oris/shared/domain';
import { latestLoad, pageMeta, structuredData } from '@oris/web/core';
import { DayPipe, Icon, ProblemAlert } from '@oris/web/ui';
import { toolMessageKeys } from '../shared/problem-keys';
import { downloadUrl, titleLanguageOf, titleOf, type Tool } from '../shared/tool-types';
import { ToolsApi } from '../tools-api';
import { toolJsonLd } from './tool-json-ld';

/** A validated tool for anyone: what it is, its licence, its versions to download. */
@Component({
  selector: 'oris-public-tool-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterLink,
    MatButtonModule,
    MatProgressBarModule,
    TranslocoPipe,
    DayPipe,
    Icon,
    ProblemAlert,
  ],
  templateUrl: './public-tool-page.html',
  styleUrl: './public-tool-page.scss',
})
export class PublicToolPage {
  private readonly api = inject(ToolsApi);
  private readonly document = inject(DOCUMENT);
  private readonly transloco = inject(TranslocoService);
  protected readonly lang = toSignal(this.transloco.langChanges$, {
    initialValue: this.transloco.getActiveLang(),
  }) as () => Locale;
  private readonly id = inject(ActivatedRoute).snapshot.paramMap.get('id') ?? '';
  protected readonly messageKeys = toolMessageKeys;
  protected readonly titleOf = titleOf;
  protected readonly titleLanguageOf = titleLanguageOf;
  protected readonly downloadUrl = downloadUrl;

  private readonly tool = latestLoad<Tool>();
  protected readonly value = this.tool.value;
  protected readonly loading = this.tool.loading;
  protected readonly problem = this.tool.problem;
  private readonly jsonLd = structuredData();
  private readonly meta = pageMeta();

  constructor() {
    void this.tool.load(() => this.api.publicGet(this.id));
    effect(() => {
      const tool = this.value();
      if (tool) this.describeForSearchEngines(tool);
    });
  }

  /** The description in the interface language when there is one, else in the original. */
  protected descriptionOf(tool: Tool): { text: string; lang: string } | null {
    const lang = this.lang();
    const text = tool.descriptions[lang] ?? tool.descriptions[tool.originalLanguage];
    if (text) return { text, lang: tool.descriptions[lang] ? lang : tool.originalLanguage };
    return null;
  }

  /** A size in KiB, at least 1 for a non-empty file. */
  protected kibOf(bytes: number): number {
    return Math.max(1, Math.round(bytes / 1024));
  }

  protected licenceUrl(licence: string): string | null {
    return licence.startsWith('LicenseRef-') ? null : `https://spdx.org/licenses/${licence}.html`;
  }

  private describeForSearchEngines(tool: Tool): void {
    const description = this.descriptionOf(tool);
    this.meta.describe({ title: titleOf(tool, this.lang()), description: description?.text });
    this.jsonLd.describe(toolJsonLd(tool, this.meta.canonicalUrl(), this.document.location.origin));
  }
}
