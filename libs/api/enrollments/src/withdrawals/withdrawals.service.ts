import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { SessionSeats } from '@oris/api/catalogue';
import { AuthenticatedUser } from '@oris/api/platform';
import { isOpenEnrollment } from '@oris/shared/domain';
import { DataSource, EntityManager } from 'typeorm';
import { EnrollmentAccess, EnrollmentContext } from '../access/enrollment-access';
import { isAdmin } from '../access/staff-rules';
import { WaitlistPromotion } from '../admission/waitlist-promotion';
import { EnrollmentDto } from '../dto/enrollment.dto';
import { EnrollmentEmails } from '../emails/enrollment-emails';
import { Enrollment } from '../entities/enrollment.entity';
import { EnrollmentErrorCode, EnrollmentException } from '../enrollment.exception';
import { EnrollmentReader } from '../reading/enrollment-reader';

/**
 * Withdrawal by the trainee or an administrator. A freed seat goes to the first person on the
 * waitlist in the same transaction (under the session's lock), so exactly one is promoted.
 */
@Injectable()
export class Withdrawals {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: EnrollmentAccess,
    private readonly seats: SessionSeats,
    private readonly emails: EnrollmentEmails,
    private readonly reader: EnrollmentReader,
    private readonly promotion: WaitlistPromotion,
  ) {}

  async withdraw(user: AuthenticatedUser, enrollmentId: string): Promise<EnrollmentDto> {
    await this.dataSource.transaction(async (manager) => {
      const context = await this.access.enrollmentForChange(manager, user, enrollmentId, (c) =>
        c.enrollment.userId === user.id || isAdmin(user)
          ? null
          : new EnrollmentException(EnrollmentErrorCode.WithdrawalNotAllowed),
      );
      const { enrollment } = context;
      if (!isOpenEnrollment(enrollment.status)) {
        throw new EnrollmentException(
          EnrollmentErrorCode.IllegalTransition,
          `A ${enrollment.status} enrollment cannot be withdrawn.`,
        );
      }
      await manager.update(Enrollment, enrollment.id, {
        status: 'withdrawn',
        waitlistTicket: null,
        withdrawalReason: enrollment.userId === user.id ? 'trainee' : 'staff',
        withdrawnBy: user.id,
        withdrawnAt: new Date(),
      });
      if (enrollment.status === 'confirmed') await this.freeSeat(manager, context);
    });
    this.emails.dispatch();
    return this.reader.byId(this.dataSource.manager, enrollmentId, user);
  }

  /** Releases a confirmed seat and, while the session still runs, gives it to the first waiting. */
  private async freeSeat(manager: EntityManager, context: EnrollmentContext): Promise<void> {
    await this.seats.release(manager, context.session.id);
    await this.promotion.fillFreeSeats(manager, context.session, context.course);
  }
}
