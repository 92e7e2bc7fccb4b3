import { ChangeDetectionStrategy, Component, effect, inject, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { unwrap } from '@oris/shared/api-client';
import { latestLoad, ORIS_API } from '@oris/web/core';
import { MaterialList, ProblemAlert, type MaterialView } from '@oris/web/ui';

/**
 * The module's material in one place: files (read, listened to, watched or downloaded) and videos
 * by link (loaded only on request). Nothing is drawn for a module without material.
 */
@Component({
  selector: 'oris-module-material',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslocoPipe, MaterialList, ProblemAlert],
  template: `
    @if (items()?.length) {
      <section class="oris-card" aria-labelledby="module-material-heading">
        <h2 id="module-material-heading">{{ 'material.heading' | transloco }}</h2>
        <oris-material-list [items]="items() ?? []" />
      </section>
    }
    <oris-problem-alert [error]="problem()" />
  `,
})
export class ModuleMaterial {
  private readonly api = inject(ORIS_API);
  readonly moduleId = input.required<string>();
  private readonly loaded = latestLoad<MaterialView[]>({ forgetOnFailure: true });
  protected readonly items = this.loaded.value;
  protected readonly problem = this.loaded.problem;

  constructor() {
    effect(() => {
      const moduleId = this.moduleId();
      void this.loaded.load(
        () =>
          unwrap(
            this.api.GET('/api/v1/modules/{moduleId}/material', {
              params: { path: { moduleId } },
            }),
          ) as Promise<MaterialView[]>,
      );
    });
  }
}
