import { Injectable } from '@nestjs/common';
import { EmailOutbox } from '@oris/api/notifications';
import { AppConfig } from '@oris/api/platform';
import type { EntityManager } from 'typeorm';
import type { User } from '../entities/user.entity';

/** The emails identity sends, written to the outbox in the caller's transaction. */
@Injectable()
export class IdentityEmails {
  constructor(
    private readonly outbox: EmailOutbox,
    private readonly config: AppConfig,
  ) {}

  /** After registration; carries the first confirmation link and nothing the registrant typed. */
  welcome(manager: EntityManager, user: User, confirmToken: string): Promise<void> {
    return this.outbox.add(manager, {
      to: user.email,
      template: 'welcome',
      locale: user.locale,
      params: { confirmUrl: this.webLink('confirm-email', confirmToken) },
      userId: user.id,
    });
  }

  /** A new confirmation link, asked for by the signed-in person. */
  emailConfirmation(manager: EntityManager, user: User, confirmToken: string): Promise<void> {
    return this.outbox.add(manager, {
      to: user.email,
      template: 'email_confirmation',
      locale: user.locale,
      params: { confirmUrl: this.webLink('confirm-email', confirmToken) },
      userId: user.id,
    });
  }

  passwordReset(manager: EntityManager, user: User, token: string): Promise<void> {
    return this.outbox.add(manager, {
      to: user.email,
      template: 'password_reset',
      locale: user.locale,
      params: { fullName: user.fullName, resetUrl: this.webLink('reset-password', token) },
      userId: user.id,
    });
  }

  /** After commit: hands the new outbox rows to the queue without waiting. */
  dispatch(): void {
    this.outbox.dispatchPending();
  }

  /**
   * A page of the web app carrying a single-use token in `?token=`, the query parameter the
   * request log redacts (platform `loggableUrl`).
   */
  private webLink(page: string, token: string): string {
    const url = new URL(page, `${this.config.PUBLIC_WEB_URL.replace(/\/+$/, '')}/`);
    url.searchParams.set('token', token);
    return url.toString();
  }
}
