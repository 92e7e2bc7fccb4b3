import { Module } from '@nestjs/common';
import { IdentityModule } from '@oris/api/identity';
import { PartnershipsIndicatorController } from './http/partnerships-indicator.controller';
import { PartnershipsController } from './http/partnerships.controller';
import { PartnershipsIndicator } from './indicator/partnerships-indicator';
import { PartnershipChecks } from './partnerships/partnership-checks';
import { PartnershipDocuments } from './partnerships/partnership-documents';
import { PartnershipReader } from './partnerships/partnership-reader';
import { PartnershipRecords } from './partnerships/partnership-records';
import { PartnershipWriter } from './partnerships/partnership-writer';
import { DemoPartnerships } from './seed/demo-partnerships';

/** Partnerships with the ecosystem, their signatures and the partnerships indicator. */
@Module({
  imports: [IdentityModule],
  controllers: [PartnershipsController, PartnershipsIndicatorController],
  providers: [
    PartnershipRecords,
    PartnershipReader,
    PartnershipChecks,
    PartnershipWriter,
    PartnershipDocuments,
    PartnershipsIndicator,
    DemoPartnerships,
  ],
  exports: [PartnershipsIndicator, PartnershipWriter, DemoPartnerships],
})
export class PartnershipsModule {}
