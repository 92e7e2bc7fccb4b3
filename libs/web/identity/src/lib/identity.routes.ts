import type { Route } from '@angular/router';
import { guestGuard, signedInGuard } from '@oris/web/core';
import { unsavedChangesGuard } from '@oris/web/ui/dialogs';

/** Route `title`s are translation keys (see the app's title strategy). */
export const identityRoutes: Route[] = [
  {
    path: 'sign-in',
    title: 'identity.signIn.title',
    canActivate: [guestGuard],
    loadComponent: () => import('./sign-in/sign-in-page').then((m) => m.SignInPage),
  },
  {
    path: 'register',
    title: 'identity.register.title',
    canActivate: [guestGuard],
    loadComponent: () => import('./register/register-page').then((m) => m.RegisterPage),
  },
  {
    path: 'forgot-password',
    title: 'identity.forgotPassword.title',
    loadComponent: () =>
      import('./forgot-password/forgot-password-page').then((m) => m.ForgotPasswordPage),
  },
  {
    path: 'reset-password',
    title: 'identity.resetPassword.title',
    loadComponent: () =>
      import('./reset-password/reset-password-page').then((m) => m.ResetPasswordPage),
  },
  {
    // The emailed link: no guard, the token is the credential (signed in or not).
    path: 'confirm-email',
    title: 'identity.confirmEmail.title',
    loadComponent: () =>
      import('./confirm-email/confirm-email-page').then((m) => m.ConfirmEmailPage),
  },
  {
    path: 'profile',
    title: 'identity.profile.title',
    canActivate: [signedInGuard],
    canDeactivate: [unsavedChangesGuard],
    loadComponent: () => import('./profile/profile-page').then((m) => m.ProfilePage),
  },
  {
    path: 'my-data',
    title: 'identity.myData.title',
    canActivate: [signedInGuard],
    loadComponent: () => import('./my-data/my-data-page').then((m) => m.MyDataPage),
  },
  {
    path: 'consent',
    title: 'identity.consentPrompt.title',
    canActivate: [signedInGuard],
    loadComponent: () => import('./consent/consent-page').then((m) => m.ConsentPage),
  },
];
