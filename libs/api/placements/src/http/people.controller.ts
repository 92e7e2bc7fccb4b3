import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, AuthenticatedUser, CurrentUser, Roles } from '@oris/api/platform';
import { PersonSituationDto } from '../dto/situation.dto';
import { SituationsService } from '../people/situations.service';

@ApiTags('placements')
@ApiBearerAuth()
@Roles('placement_officer', 'admin')
@Controller({ path: 'people/:id', version: '1' })
export class PeopleController {
  constructor(private readonly situations: SituationsService) {}

  @Get('situation')
  @ApiOperation({
    summary: 'A person’s completions, baseline at enrollment and placements',
    description:
      'For the placement form; only for a person staff may follow (completed a training or has ' +
      'a situation recorded), 404 for anyone else. Personal data: each read is recorded as an ' +
      'audit event (`person.situation_read`).',
  })
  @ApiOkResponse({ type: PersonSituationDto })
  @ApiProblems(400, 401, 403, 404)
  situation(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<PersonSituationDto> {
    return this.situations.situation(user, id);
  }
}
