import { ChangeDetectionStrategy, Component, computed, inject, viewChild } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { ROLES } from '@oris/shared/domain';
import { AuthSession, LanguageService } from '@oris/web/core';
import type { HasUnsavedChanges } from '@oris/web/ui/dialogs';
import { ChangePasswordForm } from './change-password-form';
import { FollowupConsentCard } from './followup-consent-card';
import { ProfileDetailsForm } from './profile-details-form';

@Component({
  selector: 'oris-profile-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, TranslocoPipe, ProfileDetailsForm, ChangePasswordForm, FollowupConsentCard],
  templateUrl: './profile-page.html',
  styles: `
    dl {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 8px 24px;
      margin: 0;
    }
    @media (max-width: 599px) {
      dl {
        grid-template-columns: 1fr;
        gap: 4px;
      }
      dd {
        margin-block-end: 8px;
      }
    }
    dt {
      font-weight: 600;
    }
    dd {
      margin: 0;
      overflow-wrap: anywhere;
    }
    .roles {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .roles li {
      padding: 2px 12px;
      border-radius: 16px;
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
      white-space: nowrap;
    }
  `,
})
export class ProfilePage implements HasUnsavedChanges {
  private readonly language = inject(LanguageService);
  private readonly session = inject(AuthSession);
  protected readonly user = this.session.user;
  private readonly details = viewChild(ProfileDetailsForm);
  private readonly password = viewChild(ChangePasswordForm);
  /** Follow-up after training concerns trainees only. */
  protected readonly isTrainee = computed(() => this.session.hasAnyRole(['trainee']));

  /** Roles in the interface's usual order, whatever order the API listed them in. */
  protected readonly roles = computed(() => {
    const held = this.user()?.roles ?? [];
    return ROLES.filter((role) => held.includes(role));
  });

  protected readonly memberSince = computed(() => {
    const createdAt = this.user()?.createdAt;
    if (!createdAt) return '';
    const language = this.language.language();
    // Moroccan Arabic usage writes dates with Western digits.
    const locale = language === 'ar' ? 'ar-MA-u-nu-latn' : `${language}-MA`;
    return new Intl.DateTimeFormat(locale, { dateStyle: 'long' }).format(new Date(createdAt));
  });

  hasUnsavedChanges(): boolean {
    return !!this.details()?.hasUnsavedChanges() || !!this.password()?.hasUnsavedChanges();
  }
}
