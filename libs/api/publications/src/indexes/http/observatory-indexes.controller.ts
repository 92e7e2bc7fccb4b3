import { Body, Controller, Get, Param, Patch } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, type AuthenticatedUser, CurrentUser, Roles } from '@oris/api/platform';
import { ObservatoryIndexDto, UpdateObservatoryIndexDto } from '../dto/observatory-index.dto';
import { ObservatoryIndexes } from '../observatory-indexes.service';

@ApiTags('indexes')
@ApiBearerAuth()
@Controller({ path: 'indexes', version: '1' })
export class ObservatoryIndexesController {
  constructor(private readonly indexes: ObservatoryIndexes) {}

  @Get()
  @Roles('observatory_editor', 'admin')
  @ApiOperation({
    summary: 'The reference list of indexes, fr/ar/en names, which count (editors, administrators)',
  })
  @ApiOkResponse({ type: ObservatoryIndexDto, isArray: true })
  @ApiProblems(401, 403)
  list(): Promise<ObservatoryIndexDto[]> {
    return this.indexes.list();
  }

  @Patch(':code')
  @Roles('admin')
  @ApiOperation({
    summary: 'Set whether an index counts (administrators)',
    description:
      'Audited; each change is kept with its instant, so a report asked with an earlier ' +
      '`knownAt` still uses the setting of then.',
  })
  @ApiOkResponse({ type: ObservatoryIndexDto })
  @ApiProblems(400, 401, 403, 404)
  update(
    @CurrentUser() admin: AuthenticatedUser,
    @Param('code') code: string,
    @Body() body: UpdateObservatoryIndexDto,
  ): Promise<ObservatoryIndexDto> {
    return this.indexes.setCounts(admin, code, body.counts);
  }
}
