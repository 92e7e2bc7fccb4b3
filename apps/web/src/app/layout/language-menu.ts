import { ChangeDetectionStrategy, Component, computed, inject, Injector } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatMenuModule } from '@angular/material/menu';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { LOCALES, type Locale } from '@oris/shared/domain';
import { LanguageService, LOCALE_NAMES } from '@oris/web/core';
import { Icon } from '@oris/web/ui';

@Component({
  selector: 'oris-language-menu',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatMenuModule, TranslocoPipe, Icon],
  template: `
    <button
      mat-button
      type="button"
      [matMenuTriggerFor]="menu"
      [attr.aria-label]="'shell.language.label' | transloco: { name: currentName() }"
    >
      <oris-icon name="translate" />
      <span class="name" [attr.lang]="language.language()">{{ currentName() }}</span>
    </button>
    <mat-menu #menu="matMenu">
      @for (option of languages; track option) {
        <button
          mat-menu-item
          type="button"
          role="menuitemradio"
          [attr.aria-checked]="option === language.language()"
          [attr.lang]="option"
          (click)="switchLanguage(option)"
        >
          {{ names[option] }}
        </button>
      }
    </mat-menu>
  `,
  styles: `
    /* On a phone, an icon button as narrow as the toolbar's others (named by its label). */
    @media (max-width: 599px) {
      .name {
        display: none;
      }
      button {
        min-inline-size: 48px;
        padding-inline: 12px;
      }
      button oris-icon {
        margin-inline-end: 0;
      }
    }
  `,
})
export class LanguageMenu {
  protected readonly language = inject(LanguageService);
  private readonly injector = inject(Injector);
  private readonly transloco = inject(TranslocoService);

  protected readonly languages = LOCALES;
  protected readonly names = LOCALE_NAMES;
  protected readonly currentName = computed(() => LOCALE_NAMES[this.language.language()]);

  protected async switchLanguage(language: Locale): Promise<void> {
    try {
      await this.language.switchTo(language);
    } catch {
      // The snack bar is loaded only when needed: it stays out of every page's first download.
      const { MatSnackBar } = await import('@angular/material/snack-bar');
      this.injector
        .get(MatSnackBar)
        .open(this.transloco.translate('shell.language.notSaved'), undefined, {
          duration: 6000,
        });
    }
  }
}
