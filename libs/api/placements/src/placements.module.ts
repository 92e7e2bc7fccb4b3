import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '@oris/api/identity';
import { IdempotencyModule } from '@oris/api/platform';
import { Organisation } from './entities/organisation.entity';
import { Placement, PlacementVersion } from './entities/placement.entity';
import { PlacementErasure } from './erasure/placement-erasure';
import { OrganisationsController } from './http/organisations.controller';
import { PeopleController } from './http/people.controller';
import { PlacementsController } from './http/placements.controller';
import {
  MyRectificationRequestsController,
  RectificationRequestsController,
} from './http/rectification-requests.controller';
import { PlacementImport } from './import/placement-import.service';
import { OrganisationsService } from './organisations/organisations.service';
import { SituationsService } from './people/situations.service';
import { PlacementsService } from './placements/placements.service';
import { PlacementRecorder } from './recording/placement-recorder';
import { RectificationRequests } from './rectification/rectification-requests.service';

/** Trained people's situations after training (versioned), and the partner organisations. */
@Module({
  imports: [
    TypeOrmModule.forFeature([Organisation, Placement, PlacementVersion]),
    IdentityModule,
    IdempotencyModule,
  ],
  controllers: [
    PlacementsController,
    OrganisationsController,
    PeopleController,
    MyRectificationRequestsController,
    RectificationRequestsController,
  ],
  providers: [
    PlacementsService,
    OrganisationsService,
    SituationsService,
    PlacementImport,
    PlacementRecorder,
    PlacementErasure,
    RectificationRequests,
  ],
  // PlacementsService: the follow-ups' demo seed validates answers as an officer would.
  exports: [PlacementRecorder, PlacementsService],
})
export class PlacementsModule {}
