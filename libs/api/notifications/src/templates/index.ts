import { assignmentFeedbackTemplate } from './assignment-feedback.template';
import { certificateIssuedTemplate } from './certificate-issued.template';
import { emailConfirmationTemplate } from './email-confirmation.template';
import type { AnyEmailTemplate } from './email-template';
import { enrollmentApprovedTemplate } from './enrollment-approved.template';
import { enrollmentConfirmedTemplate } from './enrollment-confirmed.template';
import { enrollmentPendingTemplate } from './enrollment-pending.template';
import { enrollmentPromotedTemplate } from './enrollment-promoted.template';
import { enrollmentWaitlistedTemplate } from './enrollment-waitlisted.template';
import { followupDueTemplate } from './followup-due.template';
import { followupReminderTemplate } from './followup-reminder.template';
import { meetingReminderTemplate } from './meeting-reminder.template';
import { partnershipRenewalDueTemplate } from './partnership-renewal-due.template';
import { passwordResetTemplate } from './password-reset.template';
import { sessionAnnouncementTemplate } from './session-announcement.template';
import { serialEvidenceStaleTemplate } from './serial-evidence-stale.template';
import { sessionCancelledTemplate } from './session-cancelled.template';
import { welcomeTemplate } from './welcome.template';

/** Every email the platform sends, by the name stored in the outbox. */
export const EMAIL_TEMPLATES = {
  welcome: welcomeTemplate,
  email_confirmation: emailConfirmationTemplate,
  password_reset: passwordResetTemplate,
  enrollment_confirmed: enrollmentConfirmedTemplate,
  enrollment_waitlisted: enrollmentWaitlistedTemplate,
  enrollment_pending: enrollmentPendingTemplate,
  enrollment_approved: enrollmentApprovedTemplate,
  enrollment_promoted: enrollmentPromotedTemplate,
  session_cancelled: sessionCancelledTemplate,
  certificate_issued: certificateIssuedTemplate,
  followup_due: followupDueTemplate,
  followup_reminder: followupReminderTemplate,
  meeting_reminder: meetingReminderTemplate,
  serial_evidence_stale: serialEvidenceStaleTemplate,
  partnership_renewal_due: partnershipRenewalDueTemplate,
  session_announcement: sessionAnnouncementTemplate,
  assignment_feedback: assignmentFeedbackTemplate,
} as const satisfies Record<string, AnyEmailTemplate>;

export type EmailTemplate = keyof typeof EMAIL_TEMPLATES;

/** The parameters each template needs, for callers that want them checked at compile time. */
export type EmailTemplateParams = {
  [T in EmailTemplate]: Record<(typeof EMAIL_TEMPLATES)[T]['params'][number], string>;
};

export function isEmailTemplate(name: string): name is EmailTemplate {
  return Object.prototype.hasOwnProperty.call(EMAIL_TEMPLATES, name);
}
