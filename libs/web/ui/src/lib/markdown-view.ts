import { ChangeDetectionStrategy, Component, input, ViewEncapsulation } from '@angular/core';

/**
 * HTML rendered from Markdown by the API (sanitised there), inserted through Angular's own
 * sanitizer, which strips anything unsafe once more. Never bypassed.
 */
@Component({
  selector: 'oris-markdown-view',
  changeDetection: ChangeDetectionStrategy.OnPush,
  // The inserted elements carry no component attributes, so the styles cannot be scoped.
  encapsulation: ViewEncapsulation.None,
  // Its text is in the course's language, whatever the interface's: let it find its direction.
  host: { class: 'oris-markdown', dir: 'auto', '[innerHTML]': 'html()' },
  template: '',
  styles: `
    .oris-markdown {
      display: block;
      overflow-wrap: anywhere;

      > :first-child {
        margin-block-start: 0;
      }
      > :last-child {
        margin-block-end: 0;
      }
      h1,
      h2,
      h3,
      h4 {
        font: var(--mat-sys-title-medium);
        font-weight: 600;
        margin-block: 16px 8px;
      }
      img {
        max-inline-size: 100%;
        block-size: auto;
      }
      pre {
        overflow-x: auto;
        padding: 12px;
        border-radius: 8px;
        background: var(--mat-sys-surface-container-high);
      }
      blockquote {
        margin-inline: 0;
        padding-inline-start: 16px;
        border-inline-start: 4px solid var(--mat-sys-outline-variant);
      }
      table {
        border-collapse: collapse;
      }
      th,
      td {
        padding: 4px 8px;
        border: 1px solid var(--mat-sys-outline-variant);
      }
    }
  `,
})
export class MarkdownView {
  readonly html = input.required<string>();
}
