import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ApiPageResponse,
  ApiProblems,
  AuthenticatedUser,
  CurrentUser,
  Page,
  PageQuery,
} from '@oris/api/platform';
import { EnrollmentDto } from '../dto/enrollment.dto';
import { EnrollmentReader } from '../reading/enrollment-reader';

@ApiTags('enrollments')
@ApiBearerAuth()
@Controller({ path: 'me/enrollments', version: '1' })
export class MeEnrollmentsController {
  constructor(private readonly reader: EnrollmentReader) {}

  @Get()
  @ApiOperation({
    summary: 'My enrollments, latest first, with the session, the course and my progress',
  })
  @ApiPageResponse(EnrollmentDto)
  @ApiProblems(400, 401)
  list(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: PageQuery,
  ): Promise<Page<EnrollmentDto>> {
    return this.reader.listMine(user, query);
  }
}
