import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  inject,
  input,
  type OnInit,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslocoPipe } from '@jsverse/transloco';
import { PRACTICE_LIMITS } from '@oris/shared/domain';
import { LanguageService, latestLoad } from '@oris/web/core';
import { Icon, ProblemAlert } from '@oris/web/ui';
import { debounceTime, distinctUntilChanged } from 'rxjs';
import { PracticesApi } from '../practices-api';
import type { LinkKind, LinkOption } from '../shared/practice-types';

const SEARCH_DEBOUNCE_MS = 300;

/**
 * Links the sheet to tools, publications, courses or partnerships: a search in that registry's
 * list, the matches to add, the linked ones to remove.
 */
@Component({
  selector: 'oris-link-picker',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    TranslocoPipe,
    Icon,
    ProblemAlert,
  ],
  template: `
    <div class="item" role="group" [attr.aria-labelledby]="'links-' + kind()">
      <h3 [id]="'links-' + kind()">{{ 'practices.links.kinds.' + kind() | transloco }}</h3>
      @if (selectedIds().length) {
        <ul class="bare">
          @for (id of selectedIds(); track id) {
            <li class="linked">
              <span dir="auto">{{ nameOf(id) }}</span>
              <button mat-button type="button" (click)="remove(id)">
                <oris-icon name="delete" />
                {{ 'practices.links.remove' | transloco: { title: nameOf(id) } }}
              </button>
            </li>
          }
        </ul>
      } @else {
        <p class="hint">{{ 'practices.links.none' | transloco }}</p>
      }
      <mat-form-field class="wide">
        <mat-label>{{ 'practices.links.search.' + kind() | transloco }}</mat-label>
        <oris-icon matPrefix name="search" />
        <input matInput type="search" [formControl]="search" autocomplete="off" maxlength="200" />
      </mat-form-field>
      <oris-problem-alert [error]="matches.problem()" />
      @if (options().length) {
        <ul class="bare" [attr.aria-label]="'practices.links.matches' | transloco">
          @for (option of options(); track option.id) {
            <li class="linked">
              <span dir="auto">{{ option.title }}</span>
              <button mat-stroked-button type="button" (click)="add(option)" [disabled]="full()">
                <oris-icon name="add" />
                {{ 'practices.links.add' | transloco: { title: option.title } }}
              </button>
            </li>
          }
        </ul>
      }
    </div>
  `,
  styleUrl: '../shared/practices.scss',
})
export class LinkPicker implements OnInit {
  private readonly destroyRef = inject(DestroyRef);
  private readonly api = inject(PracticesApi);
  private readonly lang = inject(LanguageService).language;
  readonly kind = input.required<LinkKind>();
  /** The ids linked (part of the sheet's form). */
  readonly control = input.required<FormControl<string[]>>();
  /** Names of the items already linked, as the API gave them. */
  readonly known = input<readonly LinkOption[]>([]);

  protected readonly search = new FormControl('', { nonNullable: true });
  protected readonly matches = latestLoad<LinkOption[]>();
  private readonly added = signal<LinkOption[]>([]);
  private readonly ids = signal<string[]>([]);
  protected readonly selectedIds = this.ids.asReadonly();
  protected readonly full = computed(() => this.ids().length >= PRACTICE_LIMITS.linksMax);
  protected readonly options = computed(() =>
    (this.matches.value() ?? []).filter((option) => !this.ids().includes(option.id)),
  );

  constructor() {
    this.search.valueChanges
      .pipe(debounceTime(SEARCH_DEBOUNCE_MS), distinctUntilChanged(), takeUntilDestroyed())
      .subscribe((text) => {
        const q = text.trim();
        if (!q) this.matches.set([]);
        else void this.matches.load(() => this.api.findLinkable(this.kind(), q, this.lang()));
      });
  }

  ngOnInit(): void {
    this.ids.set(this.control().value);
    this.control()
      .valueChanges.pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe((ids) => this.ids.set(ids));
  }

  protected nameOf(id: string): string {
    return [...this.known(), ...this.added()].find((option) => option.id === id)?.title ?? id;
  }

  protected add(option: LinkOption): void {
    this.added.update((added) => [...added, option]);
    this.control().setValue([...this.control().value, option.id]);
    this.control().markAsDirty();
  }

  protected remove(id: string): void {
    this.control().setValue(this.control().value.filter((linked) => linked !== id));
    this.control().markAsDirty();
  }
}
