import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiPageResponse, ApiProblems, Page, Roles } from '@oris/api/platform';
import { AuditEventDto, AuditEventListQuery } from './audit-event.dto';
import { AuditTrail } from './audit-trail.service';

/** The audit trail (law 09-08: who saw or changed whose data), for administrators. */
@ApiTags('audit')
@ApiBearerAuth()
@Roles('admin')
@Controller({ path: 'admin/audit-events', version: '1' })
export class AuditEventsController {
  constructor(private readonly trail: AuditTrail) {}

  @Get()
  @ApiOperation({
    summary: 'Audit events, newest first (administrators)',
    description:
      'Changes and staff access to personal data (e.g. `person.situation_read`, `placement.read`, ' +
      '`certificate.pdf_downloaded`, `indicators.insertion_exported`, `personal_data.viewed`). ' +
      'Filters by actor, subject id, action (or action prefix ending with `.`) and Moroccan days.',
  })
  @ApiPageResponse(AuditEventDto)
  @ApiProblems(400, 401, 403)
  list(@Query() query: AuditEventListQuery): Promise<Page<AuditEventDto>> {
    return this.trail.list(query);
  }
}
