import { Module } from '@nestjs/common';
import { CertificatesModule } from '@oris/api/certificates';
import { EnrollmentsModule } from '@oris/api/enrollments';
import { FollowupsModule } from '@oris/api/followups';
import { AdminOverviewController } from './admin-overview.controller';

/** The administrators' overview: counts from the features that own them. */
@Module({
  imports: [EnrollmentsModule, CertificatesModule, FollowupsModule],
  controllers: [AdminOverviewController],
})
export class AdminOverviewModule {}
