import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  ApiPageResponse,
  ApiProblems,
  AuthenticatedUser,
  CurrentUser,
  Idempotent,
  Page,
  Roles,
} from '@oris/api/platform';
import {
  ImportPlacementsDto,
  ImportPlacementsQuery,
  PlacementImportReportDto,
} from '../dto/import.dto';
import { CreatePlacementDto, UpdatePlacementDto } from '../dto/placement-input.dto';
import { PlacementDetailDto, PlacementDto } from '../dto/placement.dto';
import { PlacementListQuery } from '../dto/placement-list.query';
import { PersonToFollowDto, ToFollowQuery } from '../dto/situation.dto';
import { PlacementImport } from '../import/placement-import.service';
import { SituationsService } from '../people/situations.service';
import { PlacementsService } from '../placements/placements.service';
import { ApiUnprocessable } from './api-unprocessable.decorator';

@ApiTags('placements')
@ApiBearerAuth()
@Roles('placement_officer', 'admin')
@Controller({ path: 'placements', version: '1' })
export class PlacementsController {
  constructor(
    private readonly placements: PlacementsService,
    private readonly situations: SituationsService,
    private readonly imports: PlacementImport,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Placements as they stand now (placement officers, administrators)',
    description:
      'Current versions, latest start first; filters by person, kind, validation, region of the ' +
      'situation, partner organisation and part of the person’s name (`q`).',
  })
  @ApiPageResponse(PlacementDto)
  @ApiProblems(400, 401, 403)
  list(@Query() query: PlacementListQuery): Promise<Page<PlacementDto>> {
    return this.placements.list(query);
  }

  @Get('to-follow')
  @ApiOperation({
    summary: 'Trainees to follow: completed at least once, no validated situation',
    description:
      'Latest completers first; `region` is the region at enrollment, `course` and `session` ' +
      'filter on the completions. `awaitingValidation` counts their situations not yet validated.',
  })
  @ApiPageResponse(PersonToFollowDto)
  @ApiProblems(400, 401, 403)
  toFollow(@Query() query: ToFollowQuery): Promise<Page<PersonToFollowDto>> {
    return this.situations.toFollow(query);
  }

  @Post()
  @ApiOperation({
    summary: 'Record a trained person’s situation',
    description:
      'Past dates are welcome (past cohorts); the start may not be in the future, the end not ' +
      'before it. `contract` exactly for wage employment; the place (`organisationId` or ' +
      '`employerName`), `sector` and `position` where the kind has one (400 naming each field). ' +
      'The person must exist and have completed a training (422 `unknown_person`, ' +
      '`person_not_trained`); so must the organisation and the enrollment. Unvalidated unless ' +
      '`validate` is true. Send an `Idempotency-Key` to retry safely.',
  })
  @ApiCreatedResponse({ type: PlacementDetailDto })
  @Idempotent()
  @ApiProblems(400, 401, 403)
  @ApiUnprocessable()
  create(
    @CurrentUser() user: AuthenticatedUser,
    @Body() dto: CreatePlacementDto,
  ): Promise<PlacementDetailDto> {
    return this.placements.create(user, dto);
  }

  @Post('import')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Import past situations from a CSV, with a dry run',
    description:
      'With `dryRun=true`, checks every row and answers each problem (line, column, reason) ' +
      'without writing anything. Without it, the import is all-or-nothing: any problem refuses ' +
      'it with 400 (`errors[].field` = `lines.<line>.<column>`); otherwise every row becomes a ' +
      'validated situation, the importer attesting it. A situation of the same person, kind and ' +
      'start already recorded is refused, so a file cannot be loaded twice.',
  })
  @ApiOkResponse({ type: PlacementImportReportDto })
  @Idempotent()
  @ApiProblems(400, 401, 403)
  importCsv(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: ImportPlacementsQuery,
    @Body() dto: ImportPlacementsDto,
  ): Promise<PlacementImportReportDto> {
    return this.imports.run(user, dto.csv, query.dryRun ?? false);
  }

  @Get(':id')
  @ApiOperation({
    summary: 'A placement with its history',
    description:
      'Every version, newest first, with who recorded it and which fields it changed. Personal ' +
      'data: each read is recorded as an audit event (`placement.read`).',
  })
  @ApiOkResponse({ type: PlacementDetailDto })
  @ApiProblems(400, 401, 403, 404)
  get(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<PlacementDetailDto> {
    return this.placements.read(user, id);
  }

  @Patch(':id')
  @ApiOperation({
    summary: 'Change a placement: a new version, the old one kept',
    description:
      'Only the fields sent change; sending what it already says writes nothing. A changed ' +
      'situation is unvalidated (it stops counting) unless `validate` is true.',
  })
  @ApiOkResponse({ type: PlacementDetailDto })
  @ApiProblems(400, 401, 403, 404)
  @ApiUnprocessable()
  update(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdatePlacementDto,
  ): Promise<PlacementDetailDto> {
    return this.placements.update(user, id, dto);
  }

  @Post(':id/validate')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Validate a placement (only validated situations count)',
    description:
      'Records the validating officer on a new version. Validating a validated placement changes nothing.',
  })
  @ApiOkResponse({ type: PlacementDetailDto })
  @ApiProblems(400, 401, 403, 404)
  validate(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<PlacementDetailDto> {
    return this.placements.validate(user, id);
  }
}
