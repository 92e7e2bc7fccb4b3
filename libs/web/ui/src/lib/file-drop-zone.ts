import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  inject,
  input,
  output,
  signal,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { TranslocoPipe } from '@jsverse/transloco';
import { takeFileDroppedBeforeStart } from '@oris/web/core';

/**
 * A zone a file is dropped on, or chosen from with its button (a real file input behind it, so
 * the keyboard, screen readers and phones get the system's picker). Presentational: it only emits
 * the file; the page checks and sends it. Its texts are translation keys the page passes in
 * (`chosenKey` gets the file's name as `name`). On a server-rendered page, a file dropped on the
 * zone before the app started is taken as if dropped once it runs (takeFileDroppedBeforeStart).
 */
@Component({
  selector: 'oris-file-drop-zone',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, TranslocoPipe],
  // The element itself is the zone: a drop dispatched on it (or anything in it) is caught. The
  // page's early script finds the zones by this class (FILE_DROP_ZONE_CLASS in web-core).
  host: {
    class: 'oris-file-drop-zone',
    '[class.oris-file-drop-zone--over]': 'dragging()',
    '(dragenter)': 'dragOver($event)',
    '(dragover)': 'dragOver($event)',
    '(dragleave)': 'dragging.set(false)',
    '(drop)': 'dropFile($event)',
  },
  template: `
    <p>{{ hintKey() | transloco }}</p>
    <input
      #picker
      class="oris-visually-hidden"
      type="file"
      [accept]="accept()"
      tabindex="-1"
      aria-hidden="true"
      (change)="pickFile(picker)"
    />
    <button mat-stroked-button type="button" [disabled]="disabled()" (click)="picker.click()">
      {{ chooseKey() | transloco }}
    </button>
    @if (fileName(); as name) {
      <p class="oris-file-drop-zone__name">{{ chosenKey() | transloco: { name } }}</p>
    }
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      align-items: center;
      gap: 12px;
      padding: 24px;
      border: 2px dashed var(--mat-sys-outline);
      border-radius: 12px;
      text-align: center;
    }
    :host(.oris-file-drop-zone--over) {
      border-color: var(--mat-sys-primary);
      background: var(--mat-sys-primary-container);
    }
    p {
      margin: 0;
    }
    .oris-file-drop-zone__name {
      overflow-wrap: anywhere;
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class FileDropZone {
  /** The file input's `accept` (types and extensions, comma-separated). */
  readonly accept = input.required<string>();
  readonly hintKey = input.required<string>();
  readonly chooseKey = input.required<string>();
  /** Says which file was chosen; gets `{ name }`. */
  readonly chosenKey = input.required<string>();
  /** While the page is checking the last file. */
  readonly disabled = input(false);
  readonly fileChosen = output<File>();

  protected readonly dragging = signal(false);
  protected readonly fileName = signal<string | null>(null);

  constructor() {
    const zone = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;
    afterNextRender(() => {
      const file = takeFileDroppedBeforeStart(zone);
      if (file && !this.disabled()) this.choose(file);
    });
  }

  protected dragOver(event: DragEvent): void {
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    this.dragging.set(true);
  }

  protected dropFile(event: DragEvent): void {
    event.preventDefault();
    this.dragging.set(false);
    const file = event.dataTransfer?.files.item(0);
    if (file) this.choose(file);
  }

  protected pickFile(input: HTMLInputElement): void {
    const file = input.files?.item(0);
    if (file) this.choose(file);
    // Choosing the same file again must check it again.
    input.value = '';
  }

  /** Forgets the name shown (the page took its input from elsewhere, e.g. pasted text). */
  clear(): void {
    this.fileName.set(null);
  }

  private choose(file: File): void {
    this.fileName.set(file.name);
    this.fileChosen.emit(file);
  }
}
