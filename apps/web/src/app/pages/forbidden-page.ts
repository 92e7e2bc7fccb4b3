import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';

@Component({
  selector: 'oris-forbidden-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, TranslocoPipe],
  template: `
    <div class="oris-page oris-page--narrow">
      <h1>{{ 'shell.forbidden.heading' | transloco }}</h1>
      <p class="oris-lead">{{ 'shell.forbidden.text' | transloco }}</p>
      <a routerLink="/">{{ 'shell.backHome' | transloco }}</a>
    </div>
  `,
})
export class ForbiddenPage {}
