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

  welcome(manager: EntityManager, user: User): Promise<void> {
    return this.outbox.add(manager, {
      to: user.email,
      template: 'welcome',
      locale: user.locale,
      params: {},
      userId: user.id,
    });
  }

  passwordReset(manager: EntityManager, user: User, token: string): Promise<void> {
    const resetUrl = new URL(
      'reset-password',
      `${this.config.PUBLIC_WEB_URL.replace(/\/+$/, '')}/`,
    );
    resetUrl.searchParams.set('token', token);
    return this.outbox.add(manager, {
      to: user.email,
      template: 'password_reset',
      locale: user.locale,
      params: { fullName: user.fullName, resetUrl: resetUrl.toString() },
      userId: user.id,
    });
  }

  /** After commit: hands the new outbox rows to the queue without waiting. */
  dispatch(): void {
    this.outbox.dispatchPending();
  }
}
