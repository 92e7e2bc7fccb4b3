import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { type Locale, MOROCCO_TIME_ZONE } from '@oris/shared/domain';
import { intlLocale } from '@oris/web/ui';
import type { PlacementVersion } from '../shared/insertion-types';

/** Every version of a placement, newest first: who recorded what, when, and what changed. */
@Component({
  selector: 'oris-version-history',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslocoPipe],
  template: `
    <table class="versions">
      <caption>
        {{
          'insertion.history.caption' | transloco
        }}
      </caption>
      <thead>
        <tr>
          <th scope="col">{{ 'insertion.history.version' | transloco }}</th>
          <th scope="col">{{ 'insertion.history.recorded' | transloco }}</th>
          <th scope="col">{{ 'insertion.history.changes' | transloco }}</th>
          <th scope="col">{{ 'insertion.history.validation' | transloco }}</th>
        </tr>
      </thead>
      <tbody>
        @for (version of versions(); track version.version) {
          <tr>
            <td>{{ version.version }}</td>
            <td>
              {{ version.recordedBy.fullName }}
              <span class="when">{{ moment(version.recordedAt) }}</span>
            </td>
            <td>
              @if (version.changes.length) {
                <ul class="changes">
                  @for (field of version.changes; track field) {
                    <li>{{ 'insertion.fieldNames.' + field | transloco }}</li>
                  }
                </ul>
              } @else if (version.version === 1) {
                {{ 'insertion.history.created' | transloco }}
              } @else {
                {{ 'insertion.history.validatedOnly' | transloco }}
              }
            </td>
            <td>
              @if (version.validated && version.validatedBy) {
                {{
                  'insertion.history.validatedBy'
                    | transloco: { name: version.validatedBy.fullName }
                }}
              } @else {
                {{ 'insertion.validation.pending' | transloco }}
              }
            </td>
          </tr>
        }
      </tbody>
    </table>
  `,
  styles: `
    .versions {
      inline-size: 100%;
      border-collapse: collapse;
      margin-block: 8px;
    }
    caption {
      text-align: start;
      font: var(--mat-sys-title-small);
      padding-block-end: 4px;
    }
    th,
    td {
      padding: 4px 8px;
      text-align: start;
      vertical-align: top;
      border-block-end: 1px solid var(--mat-sys-outline-variant);
    }
    .when {
      display: block;
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
    .changes {
      margin: 0;
      padding-inline-start: 16px;
    }
  `,
})
export class VersionHistory {
  readonly versions = input.required<readonly PlacementVersion[]>();
  readonly language = input.required<Locale>();

  protected moment(instant: string): string {
    return new Intl.DateTimeFormat(intlLocale(this.language()), {
      dateStyle: 'medium',
      timeStyle: 'short',
      timeZone: MOROCCO_TIME_ZONE,
    }).format(new Date(instant));
  }
}
