export * from './notifications.module';
export * from './outbox/email-outbox';
export * from './entities/email-outbox.entity';
export { EMAIL_TEMPLATES, type EmailTemplate, type EmailTemplateParams } from './templates';
export type {
  EmailCopy,
  EmailTemplateDefinition,
  TemplateContext,
} from './templates/email-template';
export { renderEmail, type RenderedEmail } from './templates/render-email';
export * from './jobs/notifications-worker.module';
export type { EmailWorkerOptions } from './jobs/email-worker.options';
export * from './notification-centre.module';
export * from './notifications.exception';
export * from './entities/notification.entity';
export {
  NotificationCentre,
  type NotificationInput,
  type NotificationView,
} from './centre/notification-centre';
