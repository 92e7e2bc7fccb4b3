import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';

@Component({
  selector: 'oris-not-found-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, TranslocoPipe],
  template: `
    <div class="oris-page oris-page--narrow">
      <h1>{{ 'shell.notFound.heading' | transloco }}</h1>
      <p class="oris-lead">{{ 'shell.notFound.text' | transloco }}</p>
      <a routerLink="/">{{ 'shell.backHome' | transloco }}</a>
    </div>
  `,
})
export class NotFoundPage {}
